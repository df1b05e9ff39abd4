//! Precis's Sort capability, with no web types in it: telling handwritten document images from
//! typed ones. This part makes the training pages (docs/data.md says why they are rendered).
//!
//! - [`fonts`]: the font catalogue fetched by `scripts/sort_data.sh` (class, group, split).
//! - [`text`]: what a page says, in French, English or Portuguese, with dates and amounts.
//! - [`render`]: text laid out and rasterised as ink, typed or handwritten.
//! - [`degrade`]: paper, ruling and ink, then the scan's skew, blur, noise and JPEG.
//! - [`dataset`]: pages per split, balanced across font groups, each from its own seed.

pub mod dataset;
pub mod degrade;
pub mod fonts;
pub mod render;
pub mod text;
