//! Generation parameters: their bounds, defaults, presets and validation.
//!
//! Compiled into the browser (to mark a slider as it moves) and the server (which never trusts
//! the browser). Bounds are those of HuggingFace's open-source inference validator: integer
//! lengths 1–500 with min ≤ max, top_p 0–1, temperature and repetition_penalty 0–100,
//! max_time 0–120 s, top_k ≥ 1.
//!
//! The length and style presets are in `presets`.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCode, Field};
pub use super::invalid::{Invalid, Reason};
use super::settings::Lang;
use crate::i18n::{numbers, texts};

mod presets;

pub use presets::{default_params, LengthPreset, StylePreset};

/// Inclusive numeric bounds of one parameter, with the step its slider uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Upper end of the slider when the parameter itself has no upper bound (top_k).
    pub unbounded_above: bool,
}

impl Bounds {
    const fn new(min: f64, max: f64, step: f64) -> Self {
        Self {
            min,
            max,
            step,
            unbounded_above: false,
        }
    }

    pub fn contains(&self, v: f64) -> bool {
        v.is_finite() && v >= self.min && (self.unbounded_above || v <= self.max)
    }

    /// "1–500", "0–1", "≥ 1": how the page shows the bounds next to a slider.
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    /// [`describe`](Self::describe) with the numbers as `lang` writes them.
    pub fn describe_in(&self, lang: Lang) -> String {
        let show = |v: f64| numbers::decimal(lang, v, 2);
        if self.unbounded_above {
            format!("≥\u{a0}{}", show(self.min))
        } else {
            format!("{}–{}", show(self.min), show(self.max))
        }
    }
}

/// Every tunable parameter, in the order the page shows them.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Param {
    MinLength,
    MaxLength,
    Temperature,
    TopK,
    TopP,
    RepetitionPenalty,
    MaxTime,
}

impl Param {
    pub const ALL: [Param; 7] = [
        Param::MinLength,
        Param::MaxLength,
        Param::Temperature,
        Param::TopK,
        Param::TopP,
        Param::RepetitionPenalty,
        Param::MaxTime,
    ];

    pub fn bounds(self) -> Bounds {
        match self {
            Param::MinLength | Param::MaxLength => Bounds::new(1.0, 500.0, 1.0),
            Param::Temperature => Bounds::new(0.0, 100.0, 0.05),
            Param::TopK => Bounds {
                unbounded_above: true,
                ..Bounds::new(1.0, 200.0, 1.0)
            },
            Param::TopP => Bounds::new(0.0, 1.0, 0.01),
            Param::RepetitionPenalty => Bounds::new(0.0, 100.0, 0.05),
            Param::MaxTime => Bounds::new(0.0, 120.0, 1.0),
        }
    }

    /// Whether values must be whole numbers.
    pub fn is_integer(self) -> bool {
        matches!(self, Param::MinLength | Param::MaxLength | Param::TopK)
    }

    pub fn field(self) -> Field {
        match self {
            Param::MinLength => Field::MinLength,
            Param::MaxLength => Field::MaxLength,
            Param::Temperature => Field::Temperature,
            Param::TopK => Field::TopK,
            Param::TopP => Field::TopP,
            Param::RepetitionPenalty => Field::RepetitionPenalty,
            Param::MaxTime => Field::MaxTime,
        }
    }

    /// The English name, as the server's messages use it.
    pub fn label(self) -> &'static str {
        self.field().label()
    }

    /// The name as the page shows it in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        texts(lang).param(self).label
    }

    /// Unit shown after the value ("tokens", "s").
    pub fn unit(self) -> &'static str {
        self.unit_in(Lang::En)
    }

    pub fn unit_in(self, lang: Lang) -> &'static str {
        match self {
            Param::MinLength | Param::MaxLength => texts(lang).unit_tokens,
            Param::MaxTime => "s",
            _ => "",
        }
    }

    /// One line for people who don't know the word (English).
    pub fn help(self) -> &'static str {
        self.help_in(Lang::En)
    }

    pub fn help_in(self, lang: Lang) -> &'static str {
        texts(lang).param(self).help
    }
}

/// The parameters of one summary request. `None` leaves the model's own default.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct SummaryParams {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::whole::option"
    )]
    pub min_length: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::whole::option"
    )]
    pub max_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::whole::option"
    )]
    pub top_k: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_time: Option<f64>,
    /// Draw words at random (temperature, top-k, top-p apply) instead of always taking the
    /// likeliest. `None`: the model's default (greedy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_sample: Option<bool>,
    /// Seed of the random draw: the same seed and settings give the same summary.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::whole::option"
    )]
    pub seed: Option<u64>,
    /// HuggingFace models: reuse HuggingFace's cached answer to the same request.
    #[serde(default = "default_true")]
    #[cfg_attr(feature = "ssr", schema(default = true))]
    pub use_cache: bool,
    /// HuggingFace models: hold the request while a cold model loads rather than answering
    /// "loading" (Precis already waits once by itself).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(default = false))]
    pub wait_for_model: bool,
}

crate::impl_object_only!(SummaryParams);

fn default_true() -> bool {
    true
}

impl Default for SummaryParams {
    /// Every parameter left to the model; HuggingFace's cache on, no waiting for loading.
    fn default() -> Self {
        Self {
            min_length: None,
            max_length: None,
            temperature: None,
            top_k: None,
            top_p: None,
            repetition_penalty: None,
            max_time: None,
            do_sample: None,
            seed: None,
            use_cache: true,
            wait_for_model: false,
        }
    }
}

impl SummaryParams {
    pub fn get(&self, p: Param) -> Option<f64> {
        match p {
            Param::MinLength => self.min_length.map(f64::from),
            Param::MaxLength => self.max_length.map(f64::from),
            Param::Temperature => self.temperature,
            Param::TopK => self.top_k.map(f64::from),
            Param::TopP => self.top_p,
            Param::RepetitionPenalty => self.repetition_penalty,
            Param::MaxTime => self.max_time,
        }
    }

    /// Sets `p`; integer parameters are rounded (sliders step by whole numbers anyway).
    pub fn set(&mut self, p: Param, v: Option<f64>) {
        let as_u32 = |v: f64| v.round().clamp(0.0, f64::from(u32::MAX)) as u32;
        match p {
            Param::MinLength => self.min_length = v.map(as_u32),
            Param::MaxLength => self.max_length = v.map(as_u32),
            Param::Temperature => self.temperature = v,
            Param::TopK => self.top_k = v.map(as_u32),
            Param::TopP => self.top_p = v,
            Param::RepetitionPenalty => self.repetition_penalty = v,
            Param::MaxTime => self.max_time = v,
        }
    }

    /// Keeps only the parameters in `honoured`; the rest fall back to the model's defaults.
    pub fn retain(&self, honoured: &[Param]) -> Self {
        let mut out = Self {
            use_cache: self.use_cache,
            wait_for_model: self.wait_for_model,
            do_sample: self.do_sample,
            seed: self.seed,
            ..Self::default()
        };
        for p in honoured {
            out.set(*p, self.get(*p));
        }
        out
    }

    /// Every broken rule, in the order the page shows the sliders.
    pub fn problems(&self) -> Vec<Invalid> {
        let mut out = Vec::new();
        for p in Param::ALL {
            if let Some(v) = self.get(p) {
                if !p.bounds().contains(v) {
                    out.push(Invalid::new(
                        ErrorCode::InvalidParameter,
                        p.field(),
                        Reason::OutOfRange { param: p, value: v },
                    ));
                }
            }
        }
        if let (Some(min), Some(max)) = (self.min_length, self.max_length) {
            if min > max {
                out.push(Invalid::new(
                    ErrorCode::InvalidParameter,
                    Field::MinLength,
                    Reason::MinOverMax { min, max },
                ));
            }
        }
        out
    }

    /// The first broken rule, if any.
    pub fn validate(&self) -> Result<(), Invalid> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
