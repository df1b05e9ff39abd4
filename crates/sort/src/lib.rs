//! Precis's Sort capability, with no web types in it: telling handwritten document images from
//! typed ones — the data, the models, their evaluation, and reading what people upload.
//!
//! Making the training pages (docs/data.md says why they are rendered):
//! - [`fonts`]: the font catalogue fetched by `scripts/sort_data.sh` (class, group, split).
//! - [`glyphs`]: a face's x-height, cap height and digit scale, measured on its outlines.
//! - [`text`]: what a page says, in French, English or Portuguese.
//! - [`numbers`]: the dates, amounts and numbers documents have, as each language writes them.
//! - [`page`]: ruling, text size, margins, how much is written, ink tone: the same for both
//!   classes.
//! - [`wrap`]: words into rows, and where sentences end.
//! - [`render`]: text laid out in lines, typed or handwritten.
//! - [`ink`]: the ink on a page before paper, and words drawn into it.
//! - [`degrade`]: paper, ruling and ink, then the scan's skew, blur, noise and JPEG.
//! - [`dataset`]: pages per split, balanced across font groups, each from its own seed.
//! - [`real`]: the real scans and digit sheets, for testing only.
//!
//! Classifying:
//! - [`decode`]: uploaded bytes (PNG, JPEG, TIFF, scanned PDF) to grey pages.
//! - [`prepare`]: a page at one writing size, cut into tiles with writing.
//! - [`shrink`]: box-averaged downscaling, pixel for pixel `thumbnail`'s but faster.
//! - [`features`]: HOG and hand-crafted texture measures of a tile.
//! - [`models`]: the three classifiers, their calibration and page decisions.
//! - [`bundle`]: trained models saved and loaded, and a page classified by all of them.
//!
//! Training and the science:
//! - [`train`]: grouped cross-validation, calibration, final models, evaluation sets.
//! - [`eval`]: metrics with confidence intervals, ROC, reliability, the paired test.
//! - [`report`]: the comparison report as data, Markdown and SVG.

pub mod blobs;
pub mod bundle;
pub mod dataset;
pub mod decode;
pub mod degrade;
pub mod eval;
pub mod features;
pub mod fonts;
pub mod glyphs;
pub mod ink;
pub mod models;
pub mod numbers;
pub mod page;
pub mod prepare;
pub mod real;
pub mod render;
pub mod report;
pub mod shrink;
pub mod text;
pub mod train;
pub mod wrap;
