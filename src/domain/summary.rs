//! Requests and results of the summarize capability, as they cross the wire.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCode, Field};
use super::models::{check_model_id, ProviderKind};
use super::params::{Invalid, Reason, SummaryParams};
use super::text::{char_count, word_count, MAX_TEXT_CHARS};

/// `POST /api/v1/summaries` body, and the argument of the `summarize` server function.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct SummarizeRequest {
    pub text: String,
    /// A catalog id or any HuggingFace model id; the server's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default)]
    pub parameters: SummaryParams,
}

crate::impl_object_only!(SummarizeRequest);

impl SummarizeRequest {
    /// Every rule the request breaks.
    pub fn problems(&self) -> Vec<Invalid> {
        let mut out = Vec::new();
        if self.text.trim().is_empty() {
            out.push(Invalid::new(
                ErrorCode::EmptyText,
                Field::Text,
                Reason::EmptyText,
            ));
        } else {
            let chars = char_count(&self.text);
            if chars > MAX_TEXT_CHARS {
                out.push(Invalid::new(
                    ErrorCode::TextTooLong,
                    Field::Text,
                    Reason::TextTooLong {
                        chars,
                        limit: MAX_TEXT_CHARS,
                    },
                ));
            }
        }
        if let Some(model) = &self.model {
            if let Err(e) = check_model_id(model) {
                out.push(e);
            }
        }
        out.extend(self.parameters.problems());
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

fn one() -> u32 {
    1
}

/// One finished summary, as stored in the history.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: i64,
    pub model: String,
    pub provider: ProviderKind,
    /// The text that was summarized.
    pub text: String,
    pub summary: String,
    pub parameters: SummaryParams,
    /// Whether the text was longer than the model's window and only its start was read.
    pub truncated: bool,
    /// Whether generation stopped at Max time: the summary is what was written until then.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub partial: bool,
    /// How many parts a long text was split into (1 when it fit the model's window).
    #[serde(default = "one")]
    #[cfg_attr(feature = "ssr", schema(required = true, minimum = 1))]
    pub parts: u32,
    /// Unix time, milliseconds.
    pub created_at: i64,
    pub latency_ms: u64,
}

impl Summary {
    pub fn title(&self) -> String {
        super::text::first_words(&self.text, 8)
    }

    /// Summary words per input word (0.12 = the summary is 12% of the text's length).
    pub fn compression(&self) -> f64 {
        let input = word_count(&self.text);
        if input == 0 {
            return 0.0;
        }
        word_count(&self.summary) as f64 / input as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::params::default_params;

    fn request(text: &str) -> SummarizeRequest {
        SummarizeRequest {
            text: text.to_string(),
            model: None,
            parameters: default_params(),
        }
    }

    #[test]
    fn empty_and_blank_text_are_rejected() {
        for text in ["", "   \n\t"] {
            let e = request(text).validate().unwrap_err();
            assert_eq!(e.code, ErrorCode::EmptyText);
            assert_eq!(e.field, Field::Text);
            assert_eq!(e.message(), "Paste or type some text to summarize first.");
        }
    }

    #[test]
    fn text_over_the_limit_is_rejected_with_both_sizes() {
        let e = request(&"a".repeat(MAX_TEXT_CHARS + 1))
            .validate()
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::TextTooLong);
        let message = e.message();
        assert!(message.contains("100,001"), "{message}");
        assert!(message.contains("100,000"), "{message}");
    }

    #[test]
    fn the_page_is_told_in_its_language() {
        use crate::domain::settings::Lang;
        let e = request("").validate().unwrap_err();
        assert_eq!(e.code, ErrorCode::EmptyText);
        assert_eq!(
            e.message_in(Lang::Fr),
            "Collez ou saisissez d’abord un texte à résumer."
        );
        let e = request(&"a".repeat(MAX_TEXT_CHARS + 1))
            .validate()
            .unwrap_err();
        let message = e.message_in(Lang::Pt);
        assert!(message.contains("100.001"), "{message}");
        assert!(message.contains("100.000"), "{message}");
    }

    #[test]
    fn text_at_the_limit_is_fine() {
        assert_eq!(request(&"a".repeat(MAX_TEXT_CHARS)).validate(), Ok(()));
    }

    #[test]
    fn parameter_problems_surface() {
        let mut r = request("Some text.");
        r.parameters.top_p = Some(2.0);
        let e = r.validate().unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidParameter);
        assert_eq!(e.field, Field::TopP);
    }

    #[test]
    fn bad_model_id_is_rejected() {
        let mut r = request("Some text.");
        r.model = Some("not a model".into());
        assert_eq!(r.validate().unwrap_err().field, Field::Model);
    }

    #[test]
    fn only_json_objects_are_requests() {
        // serde's derive would take the fields in order from an array
        for json in [
            r#"["Some text."]"#,
            r#"{"text": "Some text.", "parameters": [null, 80]}"#,
            r#"{"text": "Some text.", "parameters": null}"#,
            r#""Some text.""#,
        ] {
            let e = serde_json::from_str::<SummarizeRequest>(json).unwrap_err();
            assert!(
                e.to_string().contains("expected a JSON object"),
                "{json}: {e}"
            );
        }
        let r: SummarizeRequest =
            serde_json::from_str(r#"{"text": "Hi.", "parameters": {"max_length": 80}}"#).unwrap();
        assert_eq!(r.parameters.max_length, Some(80));
        // and written as before
        let back: SummarizeRequest =
            serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn json_defaults_fill_parameters() {
        let r: SummarizeRequest = serde_json::from_str(r#"{"text": "Hello."}"#).unwrap();
        assert_eq!(r.model, None);
        assert!(r.parameters.use_cache);
        assert_eq!(r.parameters.max_length, None);
    }

    #[test]
    fn compression_is_summary_over_input_words() {
        let s = Summary {
            id: 1,
            model: "m".into(),
            provider: ProviderKind::Local,
            text: "one two three four five six seven eight nine ten".into(),
            summary: "one two".into(),
            parameters: SummaryParams::default(),
            truncated: false,
            partial: false,
            parts: 1,
            created_at: 0,
            latency_ms: 1,
        };
        assert!((s.compression() - 0.2).abs() < 1e-9);
    }
}
