//! The Sort capability's rules and wire shapes, shared by the page and the server: which files
//! a page image may come in, and what the classifier answers (`POST /api/v1/classifier/predict`),
//! lists (`GET /api/v1/classifier/models`), evaluates and trains.
//!
//! - [`prediction`]: a document's verdict, page by page and tile by tile.
//! - [`report`]: the models' measured quality (metrics with 95% intervals, ROC, paired test), as
//!   the engine (`precis_sort::report`) writes it.
//! - [`training`]: training jobs (operators only).
//!
//! The engine is not compiled into the browser, so its limits are repeated here; a server test
//! checks they are the engine's.

pub mod prediction;
pub mod report;
pub mod training;

use serde::{Deserialize, Serialize};

/// Largest file accepted, in bytes (30 MiB: a multi-page scanned PDF, a phone's photo).
pub const MAX_UPLOAD_BYTES: u64 = 30 * 1024 * 1024;
/// What the file picker offers (the server reads the bytes, whatever the name says).
pub const ACCEPTED_FILES: &str =
    ".png,.jpg,.jpeg,.tif,.tiff,.pdf,image/png,image/jpeg,image/tiff,application/pdf";
/// The media types read: PNG, JPEG (turned upright by its EXIF orientation), TIFF (the first
/// page; scanners' 1-bit CCITT ones too) and PDFs of scanned pages (each page's image).
pub const ACCEPTED_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/tiff", "application/pdf"];
/// The largest image: no side over this many pixels…
pub const MAX_SIDE: u32 = 16_000;
/// …and no more pixels than this (100 megapixels).
pub const MAX_PIXELS: u64 = 100_000_000;
/// The most pages read from one PDF (the rest are counted in `skipped_pages`).
pub const MAX_PDF_PAGES: usize = 20;
/// Pages are classified with their longest side at most this many pixels (larger ones are
/// scaled down first): tiles' places are in the pixels of that copy.
pub const WORKING_SIDE: u32 = 3000;
/// A page is called handwritten when its probability of being handwritten is at least this.
pub const THRESHOLD: f64 = 0.5;

/// What a page shows.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Handwritten,
    Typed,
}

impl Label {
    /// The label of a page whose probability of being handwritten is `p`.
    pub fn of(p: f64) -> Label {
        if p >= THRESHOLD {
            Label::Handwritten
        } else {
            Label::Typed
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Handwritten => "handwritten",
            Label::Typed => "typed",
        }
    }
}

/// The classifiers, by their names in the API.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModelName {
    /// HOG descriptors of 64-pixel tiles and a linear SVM.
    HogSvm,
    /// Stroke-width, orientation, line, blob and LBP measures and a logistic regression.
    TextureLogistic,
    /// A small convolutional network on the tiles' pixels.
    Cnn,
}

impl ModelName {
    pub const ALL: [ModelName; 3] = [
        ModelName::HogSvm,
        ModelName::TextureLogistic,
        ModelName::Cnn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ModelName::HogSvm => "hog-svm",
            ModelName::TextureLogistic => "texture-logistic",
            ModelName::Cnn => "cnn",
        }
    }

    pub fn parse(name: &str) -> Option<ModelName> {
        ModelName::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

/// A file's size checked before it is sent (the page) and when it arrives (the server).
pub fn fits(bytes: u64) -> bool {
    bytes <= MAX_UPLOAD_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_names_read_as_they_are_written() {
        assert_eq!(Label::of(0.5), Label::Handwritten);
        assert_eq!(Label::of(0.499), Label::Typed);
        assert_eq!(serde_json::to_string(&Label::Typed).unwrap(), "\"typed\"");
        for m in ModelName::ALL {
            assert_eq!(ModelName::parse(m.as_str()), Some(m));
            assert_eq!(
                serde_json::to_string(&m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
        }
        assert_eq!(ModelName::parse("svm"), None);
        assert!(fits(MAX_UPLOAD_BYTES) && !fits(MAX_UPLOAD_BYTES + 1));
        for t in ACCEPTED_TYPES {
            assert!(ACCEPTED_FILES.contains(t), "{t}");
        }
    }
}
