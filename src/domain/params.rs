//! Generation parameters: their bounds, defaults, presets and validation.
//!
//! Compiled into the browser (to mark a slider as it moves) and the server (which never trusts
//! the browser). Bounds are those of HuggingFace's open-source inference validator: integer
//! lengths 1–500 with min ≤ max, top_p 0–1, temperature and repetition_penalty 0–100,
//! max_time 0–120 s, top_k ≥ 1.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCode, Field};
pub use super::invalid::{Invalid, Reason};
use super::settings::Lang;
use crate::i18n::{numbers, texts};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn with(p: Param, v: f64) -> SummaryParams {
        let mut params = SummaryParams::default();
        params.set(p, Some(v));
        params
    }

    #[test]
    fn defaults_are_valid_and_match_presets() {
        let p = default_params();
        assert_eq!(p.validate(), Ok(()));
        assert_eq!(LengthPreset::matching(&p), Some(LengthPreset::Medium));
        assert_eq!(StylePreset::matching(&p), Some(StylePreset::Balanced));
    }

    #[test]
    fn every_preset_is_valid() {
        for l in LengthPreset::ALL {
            for s in StylePreset::ALL {
                let mut p = default_params();
                l.apply(&mut p);
                s.apply(&mut p);
                assert_eq!(p.validate(), Ok(()), "{l:?} {s:?}");
            }
        }
    }

    #[test]
    fn bounds_are_huggingfaces() {
        let cases: &[(Param, f64, bool)] = &[
            (Param::MinLength, 1.0, true),
            (Param::MinLength, 0.0, false),
            (Param::MaxLength, 500.0, true),
            (Param::MaxLength, 501.0, false),
            (Param::Temperature, 0.0, true),
            (Param::Temperature, 100.0, true),
            (Param::Temperature, 100.5, false),
            (Param::Temperature, -0.1, false),
            (Param::TopK, 1.0, true),
            (Param::TopK, 0.0, false),
            (Param::TopK, 5000.0, true),
            (Param::TopP, 1.0, true),
            (Param::TopP, 1.01, false),
            (Param::RepetitionPenalty, 100.0, true),
            (Param::RepetitionPenalty, 101.0, false),
            (Param::MaxTime, 120.0, true),
            (Param::MaxTime, 121.0, false),
            (Param::MaxTime, -1.0, false),
        ];
        for &(p, v, ok) in cases {
            let result = with(p, v).validate();
            assert_eq!(result.is_ok(), ok, "{p:?} = {v}: {result:?}");
            if let Err(e) = result {
                assert_eq!(e.field, p.field());
                let message = e.message();
                assert!(message.starts_with(p.label()), "{message}");
            }
        }
    }

    #[test]
    fn english_messages_are_the_apis() {
        let e = with(Param::TopP, 2.0).validate().unwrap_err();
        assert_eq!(e.message(), "Top-p must be between 0 and 1; it is 2.");
        let e = with(Param::TopK, 0.0).validate().unwrap_err();
        assert_eq!(e.message(), "Top-k must be at least 1; it is 0.");
        let e = with(Param::Temperature, 100.5).validate().unwrap_err();
        assert_eq!(
            e.message(),
            "Temperature must be between 0 and 100; it is 100.5."
        );
    }

    #[test]
    fn problems_are_told_in_the_pages_language() {
        let p = with(Param::Temperature, 100.5);
        let fr = p.problems();
        assert_eq!(fr.len(), 1);
        assert_eq!(fr[0].field, Field::Temperature);
        assert_eq!(
            fr[0].message_in(Lang::Fr),
            "Température\u{a0}: la valeur doit être comprise entre 0 et 100 (actuellement 100,5)."
        );
        let pt = SummaryParams {
            min_length: Some(200),
            max_length: Some(100),
            ..SummaryParams::default()
        }
        .problems();
        assert_eq!(pt[0].field, Field::MinLength);
        let message = pt[0].message_in(Lang::Pt);
        assert!(message.starts_with("O tamanho mínimo (200)"), "{message}");
    }

    #[test]
    fn bounds_are_described_per_language() {
        assert_eq!(Param::TopP.bounds().describe(), "0–1");
        assert_eq!(Param::TopK.bounds().describe(), "≥\u{a0}1");
        assert_eq!(Param::MaxLength.bounds().describe_in(Lang::Fr), "1–500");
        let odd = Bounds::new(0.5, 1500.0, 0.5);
        assert_eq!(odd.describe_in(Lang::Fr), "0,5–1\u{202f}500");
        assert_eq!(odd.describe_in(Lang::Pt), "0,5–1.500");
    }

    /// A value a hair over a bound is read as written, not rounded onto the bound (serde_json's
    /// `float_roundtrip`; schemathesis found 100.00000000000001 accepted as a temperature).
    #[test]
    fn a_value_just_over_a_bound_is_refused() {
        let p: SummaryParams =
            serde_json::from_str(r#"{"temperature": 100.00000000000001}"#).unwrap();
        assert!(p.temperature.unwrap() > 100.0);
        assert!(p.validate().is_err());
    }

    #[test]
    fn nan_is_rejected() {
        assert!(with(Param::TopP, f64::NAN).validate().is_err());
    }

    #[test]
    fn min_greater_than_max_names_min_length() {
        let p = SummaryParams {
            min_length: Some(200),
            max_length: Some(100),
            ..SummaryParams::default()
        };
        let e = p.validate().unwrap_err();
        assert_eq!(e.field, Field::MinLength);
        assert!(
            e.message().contains("greater than Max length"),
            "{}",
            e.message()
        );
    }

    #[test]
    fn min_equal_to_max_is_fine() {
        let p = SummaryParams {
            min_length: Some(100),
            max_length: Some(100),
            ..SummaryParams::default()
        };
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn retain_drops_parameters_a_model_ignores() {
        let p = default_params().retain(&[Param::MinLength, Param::MaxLength]);
        assert_eq!(p.min_length, Some(40));
        assert_eq!(p.temperature, None);
        assert_eq!(p.top_k, None);
        assert!(p.use_cache);
    }

    #[test]
    fn unknown_json_fields_are_rejected() {
        let r: Result<SummaryParams, _> = serde_json::from_str(r#"{"max_lenght": 10}"#);
        assert!(r.is_err());
    }

    #[test]
    fn fractional_lengths_are_rejected_in_json() {
        let r: Result<SummaryParams, _> = serde_json::from_str(r#"{"max_length": 10.5}"#);
        assert!(r.is_err());
    }

    #[test]
    fn whole_floats_are_accepted_as_integers() {
        // JSON Schema's `integer`, and what Python's json writes for a whole float
        let p: SummaryParams =
            serde_json::from_str(r#"{"max_length": 80.0, "top_k": 5.0, "seed": 7.0}"#).unwrap();
        assert_eq!(
            (p.max_length, p.top_k, p.seed),
            (Some(80), Some(5), Some(7))
        );
    }
}
