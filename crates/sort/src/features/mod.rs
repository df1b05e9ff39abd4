//! What the two feature-based models see in a tile (the CNN sees the pixels).
//!
//! - [`hog`]: histograms of oriented gradients (imageproc's HOG), the shape of strokes cell by cell.
//! - [`texture`]: measures of how a hand differs from a machine: stroke-width variation, slant and
//!   orientation spread, line regularity, blob regularity, and local binary patterns.

pub mod hog;
pub mod texture;
