//! The HuggingFace Inference API provider (summarization task).

mod client;
pub mod wire;

pub use client::HuggingFace;

use crate::domain::models::{ModelInfo, ProviderKind};
use crate::domain::params::Param;
use crate::domain::settings::Lang;
use crate::i18n::{texts, ServerTexts};

/// Where the catalogue keeps a model's description.
type Describe = fn(&ServerTexts) -> &'static str;

/// The models offered in the picker when a token is set (any other id may be typed in): id,
/// input window, and where the catalogue keeps its description.
const KNOWN: &[(&str, u32, Describe)] = &[
    ("facebook/bart-large-cnn", 1024, |t| t.bart_large_cnn),
    ("sshleifer/distilbart-cnn-12-6", 1024, |t| t.distilbart_cnn),
    ("google/pegasus-xsum", 512, |t| t.pegasus_xsum),
    ("philschmid/bart-large-cnn-samsum", 1024, |t| t.bart_samsum),
];

pub const DEFAULT_MODEL: &str = "facebook/bart-large-cnn";

fn info(id: &str, window: u32, description: &str) -> ModelInfo {
    ModelInfo {
        id: id.to_string(),
        label: id.to_string(),
        provider: ProviderKind::HuggingFace,
        description: description.to_string(),
        input_window: Some(window),
        honours: Param::ALL.to_vec(),
        ignores_reason: String::new(),
        experimental: false,
        samples: false,
        unavailable: None,
    }
}

/// The listed models, described in `lang`.
pub fn known_models(lang: Lang) -> Vec<ModelInfo> {
    let t = &texts(lang).server;
    KNOWN
        .iter()
        .map(|(id, window, description)| info(id, *window, description(t)))
        .collect()
}
