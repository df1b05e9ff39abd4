//! Precis's Sort capability, with no web types in it: telling handwritten document images from
//! typed ones. This part makes the training pages (docs/data.md says why they are rendered).
//!
//! - [`fonts`]: the font catalogue fetched by `scripts/sort_data.sh` (class, group, split).
//! - [`metrics`]: a face's x-height, cap height and digit scale, measured on its outlines.
//! - [`text`]: what a page says, in French, English or Portuguese.
//! - [`numbers`]: the dates, amounts and numbers documents have, as each language writes them.
//! - [`page`]: ruling, text size, margins, how much is written, ink tone: the same for both
//!   classes.
//! - [`wrap`]: words into rows, and where sentences end.
//! - [`render`]: text laid out in lines, typed or handwritten.
//! - [`ink`]: the ink on a page before paper, and words drawn into it.
//! - [`degrade`]: paper, ruling and ink, then the scan's skew, blur, noise and JPEG.
//! - [`dataset`]: pages per split, balanced across font groups, each from its own seed.

pub mod dataset;
pub mod degrade;
pub mod fonts;
pub mod ink;
pub mod metrics;
pub mod numbers;
pub mod page;
pub mod render;
pub mod text;
pub mod wrap;
