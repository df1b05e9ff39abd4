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

    use super::report::EvaluateRequest;
    use super::training::{Preset, TrainRequest};
    use proptest::prelude::*;

    /// Strings near the real names: the names themselves, with a character changed, cut,
    /// cased or padded, and anything at all.
    fn near(names: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(names).prop_map(str::to_string),
            (
                prop::sample::select(names),
                any::<prop::sample::Index>(),
                any::<char>()
            )
                .prop_map(|(n, at, c)| {
                    let mut chars: Vec<char> = n.chars().collect();
                    let i = at.index(chars.len());
                    chars[i] = c;
                    chars.into_iter().collect()
                }),
            prop::sample::select(names).prop_map(|n| n.to_uppercase()),
            prop::sample::select(names).prop_map(|n| format!(" {n}")),
            prop::sample::select(names).prop_map(|n| n[..n.len() - 1].to_string()),
            any::<String>(),
        ]
    }

    const MODELS: &[&str] = &["hog-svm", "texture-logistic", "cnn"];
    const PRESETS: &[&str] = &["quick", "standard"];
    const SETS: &[&str] = &[
        "cross-validation",
        "held-out-pages",
        "unseen-fonts",
        "real-scans",
    ];

    proptest! {
        // The `model` form field of a prediction: a model exactly when it is one's name, and
        // whatever is sent, no panic.
        #[test]
        fn a_model_name_is_read_only_when_exact(s in near(MODELS)) {
            let parsed = ModelName::parse(&s);
            prop_assert_eq!(parsed.is_some(), MODELS.contains(&s.as_str()));
            if let Some(m) = parsed {
                prop_assert_eq!(m.as_str(), s.as_str());
            }
        }

        // The JSON bodies of train and evaluate: accepted exactly when the string is a preset
        // (a set), and then that one.
        #[test]
        fn train_and_evaluate_bodies_take_only_their_names(s in near(PRESETS), t in near(SETS)) {
            let body = serde_json::json!({ "preset": s }).to_string();
            let train = serde_json::from_str::<TrainRequest>(&body);
            prop_assert_eq!(train.is_ok(), PRESETS.contains(&s.as_str()));
            if let Ok(TrainRequest { preset: Some(p) }) = train {
                prop_assert_eq!(Some(p), Preset::parse(&s));
            }
            let body = serde_json::json!({ "set": t }).to_string();
            let evaluate = serde_json::from_str::<EvaluateRequest>(&body);
            prop_assert_eq!(evaluate.is_ok(), SETS.contains(&t.as_str()));
            if let Ok(e) = evaluate {
                prop_assert_eq!(e.set.as_str(), t.as_str());
            }
        }
    }
}
