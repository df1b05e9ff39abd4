//! The length and style presets, for people who don't think in tokens, and the parameters
//! the page starts with.

use serde::{Deserialize, Serialize};

use super::SummaryParams;
use crate::domain::settings::Lang;
use crate::i18n::texts;

/// How long the summary should be, for people who don't think in tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LengthPreset {
    Short,
    Medium,
    Long,
}

impl LengthPreset {
    pub const ALL: [LengthPreset; 3] = [Self::Short, Self::Medium, Self::Long];

    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    pub fn label_in(self, lang: Lang) -> &'static str {
        texts(lang).length_preset(self)
    }

    /// (min_length, max_length) in tokens.
    pub fn lengths(self) -> (u32, u32) {
        match self {
            Self::Short => (10, 60),
            Self::Medium => (40, 150),
            Self::Long => (120, 300),
        }
    }

    pub fn apply(self, p: &mut SummaryParams) {
        let (min, max) = self.lengths();
        p.min_length = Some(min);
        p.max_length = Some(max);
    }

    pub fn matching(p: &SummaryParams) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|preset| Some(preset.lengths()) == p.min_length.zip(p.max_length))
    }
}

/// How adventurous the wording may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StylePreset {
    Precise,
    Balanced,
    Creative,
}

impl StylePreset {
    pub const ALL: [StylePreset; 3] = [Self::Precise, Self::Balanced, Self::Creative];

    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    pub fn label_in(self, lang: Lang) -> &'static str {
        texts(lang).style_preset(self)
    }

    /// (temperature, top_k, top_p, repetition_penalty)
    fn values(self) -> (f64, u32, f64, f64) {
        match self {
            Self::Precise => (0.3, 20, 0.8, 1.2),
            Self::Balanced => (1.0, 50, 0.95, 1.0),
            Self::Creative => (1.4, 100, 1.0, 1.0),
        }
    }

    pub fn apply(self, p: &mut SummaryParams) {
        let (t, k, top_p, rep) = self.values();
        p.temperature = Some(t);
        p.top_k = Some(k);
        p.top_p = Some(top_p);
        p.repetition_penalty = Some(rep);
    }

    pub fn matching(p: &SummaryParams) -> Option<Self> {
        Self::ALL.into_iter().find(|preset| {
            let (t, k, top_p, rep) = preset.values();
            p.temperature == Some(t)
                && p.top_k == Some(k)
                && p.top_p == Some(top_p)
                && p.repetition_penalty == Some(rep)
        })
    }
}

/// What the page starts with and what Reset restores: Medium + Balanced, 30 s, cache on.
pub fn default_params() -> SummaryParams {
    let mut p = SummaryParams {
        max_time: Some(30.0),
        use_cache: true,
        wait_for_model: false,
        ..SummaryParams::default()
    };
    LengthPreset::Medium.apply(&mut p);
    StylePreset::Balanced.apply(&mut p);
    p
}
