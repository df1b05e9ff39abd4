//! Precis's Sort capability, with no web types in it: telling handwritten document images from
//! typed ones. This part makes the training pages (docs/data.md says why they are rendered).
//!
//! - [`fonts`]: the font catalogue fetched by `scripts/sort_data.sh` (class, group, split).
//! - [`text`]: what a page says, in French, English or Portuguese.
//! - [`numbers`]: the dates, amounts and numbers documents have, as each language writes them.
//! - [`render`]: text laid out in lines, typed or handwritten.
//! - [`ink`]: the ink on a page before paper, and words drawn into it.
//! - [`degrade`]: paper, ruling and ink, then the scan's skew, blur, noise and JPEG.
//! - [`dataset`]: pages per split, balanced across font groups, each from its own seed.

pub mod bundle;
pub mod dataset;
pub mod decode;
pub mod degrade;
pub mod eval;
pub mod features;
pub mod fonts;
pub mod ink;
pub mod models;
pub mod numbers;
pub mod prepare;
pub mod real;
pub mod render;
pub mod report;
pub mod text;
pub mod train;
