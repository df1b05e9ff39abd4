//! What the page and the API know about a model: its id, its input window, the parameters it
//! honours. The server builds the catalog (`server::providers::catalog`); the page renders it.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCode, Field};
use super::params::{Invalid, Param, Reason};

/// Id of the embedded extractive summarizer, always available.
pub const LOCAL_TEXTRANK: &str = "local/textrank";

/// Id of the embedded semantic extractive summarizer (needs the embedding model).
pub const LOCAL_SEMANTIC: &str = "local/semantic";

/// Input window assumed for a HuggingFace model the catalog does not know.
pub const DEFAULT_HF_WINDOW: u32 = 1024;

/// Longest model id accepted (HuggingFace's own limit is 96 characters).
pub const MAX_MODEL_ID_CHARS: usize = 96;

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    #[serde(rename = "huggingface")]
    HuggingFace,
    Local,
}

impl ProviderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::HuggingFace => "huggingface",
            ProviderKind::Local => "local",
        }
    }
}

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    pub id: String,
    /// What the picker shows.
    pub label: String,
    pub provider: ProviderKind,
    pub description: String,
    /// Tokens the model reads; `None` when it reads any length.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub input_window: Option<u32>,
    /// Parameters the model takes into account; the page disables the other sliders.
    pub honours: Vec<Param>,
    /// One line saying why the other parameters are disabled.
    pub ignores_reason: String,
    pub experimental: bool,
    /// Whether the model honours `do_sample` and `seed` (random wording, reproducible).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub samples: bool,
    /// Set when the model cannot run on this server: why, and what the operator can do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(nullable = false))]
    pub unavailable: Option<String>,
}

impl ModelInfo {
    pub fn honours(&self, p: Param) -> bool {
        self.honours.contains(&p)
    }

    /// "reads up to 1,024 tokens" / "reads any length"
    pub fn window_text(&self) -> String {
        match self.input_window {
            Some(n) => format!("reads up to {} tokens", thousands(n as usize)),
            None => "reads any length".to_string(),
        }
    }
}

/// Describes a HuggingFace model the catalog does not list: Precis assumes a BART-sized window
/// and that it honours every parameter.
pub fn custom_hf_model(id: &str) -> ModelInfo {
    ModelInfo {
        id: id.to_string(),
        label: id.to_string(),
        provider: ProviderKind::HuggingFace,
        description: "A HuggingFace model you named; Precis assumes it reads up to 1,024 tokens."
            .to_string(),
        input_window: Some(DEFAULT_HF_WINDOW),
        honours: Param::ALL.to_vec(),
        ignores_reason: String::new(),
        experimental: false,
        samples: false,
        unavailable: None,
    }
}

/// The models this server offers, as the page's picker lists them.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub models: Vec<ModelInfo>,
    pub default_model: String,
    /// Whether a HuggingFace token is configured, so any HF model id may be typed in.
    pub custom_models: bool,
}

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&ModelInfo> {
        self.models.iter().find(|m| m.id == id)
    }
}

/// What is wrong with a typed model id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelIdProblem {
    Missing,
    TooLong,
    /// More than one `/`.
    Slashes,
    /// A character other than letters, digits, `-`, `_`, `.`, or a part that is empty or
    /// starts with `-` or `.`.
    Characters,
}

/// Checks the shape of a model id typed by a person: `owner/name` or `name`, letters, digits,
/// `-`, `_`, `.`; at most 96 characters.
pub fn check_model_id(id: &str) -> Result<(), Invalid> {
    let problem = model_id_problem(id);
    match problem {
        None => Ok(()),
        Some(problem) => Err(Invalid::new(
            ErrorCode::InvalidRequest,
            Field::Model,
            Reason::ModelId {
                id: id.to_string(),
                problem,
            },
        )),
    }
}

fn model_id_problem(id: &str) -> Option<ModelIdProblem> {
    if id.trim().is_empty() {
        return Some(ModelIdProblem::Missing);
    }
    if id.chars().count() > MAX_MODEL_ID_CHARS {
        return Some(ModelIdProblem::TooLong);
    }
    let parts: Vec<&str> = id.split('/').collect();
    if parts.len() > 2 {
        return Some(ModelIdProblem::Slashes);
    }
    let bad_part = |part: &str| {
        let valid_chars = part
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        part.is_empty() || !valid_chars || part.starts_with(['-', '.']) || part.contains("..")
    };
    parts
        .into_iter()
        .any(bad_part)
        .then_some(ModelIdProblem::Characters)
}

/// 100000 → "100,000"
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::Lang;

    #[test]
    fn accepts_real_model_ids() {
        for id in [
            "facebook/bart-large-cnn",
            "google/pegasus-xsum",
            "t5-small",
            "a_b/c.d-1",
        ] {
            assert_eq!(check_model_id(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn rejects_malformed_ids() {
        for id in [
            "",
            " ",
            "a/b/c",
            "../etc",
            "a b",
            "owner/",
            "/name",
            "x?y",
            &"a".repeat(97),
        ] {
            let e = check_model_id(id).unwrap_err();
            assert_eq!(e.field, Field::Model, "{id}");
            assert_eq!(e.code, ErrorCode::InvalidRequest);
        }
    }

    #[test]
    fn english_explanations_are_the_apis() {
        let e = check_model_id("a/b/c").unwrap_err();
        assert_eq!(
            e.message(),
            "“a/b/c” is not a model id: it has more than one “/”. Use the form owner/name, e.g. \
             facebook/bart-large-cnn."
        );
        let e = check_model_id(" ").unwrap_err();
        assert_eq!(
            e.message(),
            "Choose a model, or type a HuggingFace model id such as facebook/bart-large-cnn."
        );
    }

    #[test]
    fn the_page_explains_ids_in_its_language() {
        let e = check_model_id("a b").unwrap_err();
        assert_eq!(e.field, Field::Model);
        let message = e.message_in(Lang::Fr);
        assert!(
            message.starts_with("«\u{202f}a b\u{202f}» n’est pas"),
            "{message}"
        );
        let e = check_model_id(&"a".repeat(97)).unwrap_err();
        let message = e.message_in(Lang::Pt);
        assert!(message.contains("96 caracteres"), "{message}");
    }

    #[test]
    fn formats_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1024), "1,024");
        assert_eq!(thousands(100_000), "100,000");
    }
}
