//! The HuggingFace Inference API provider (summarization task).

mod client;
pub mod wire;

pub use client::HuggingFace;

use crate::domain::models::{ModelInfo, ProviderKind};
use crate::domain::params::Param;

/// The models offered in the picker when a token is set (any other id may be typed in).
const KNOWN: &[(&str, u32, &str)] = &[
    (
        "facebook/bart-large-cnn",
        1024,
        "BART large, trained on CNN/DailyMail news: a good general default.",
    ),
    (
        "sshleifer/distilbart-cnn-12-6",
        1024,
        "A distilled BART: faster, nearly as good on news.",
    ),
    (
        "google/pegasus-xsum",
        512,
        "PEGASUS trained on BBC XSum: very short, one-sentence summaries.",
    ),
    (
        "philschmid/bart-large-cnn-samsum",
        1024,
        "BART trained on SAMSum: made for chats and dialogues.",
    ),
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

pub fn known_models() -> Vec<ModelInfo> {
    KNOWN.iter().map(|(id, w, d)| info(id, *w, d)).collect()
}
