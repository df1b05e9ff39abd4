//! The HuggingFace Inference API's summarization JSON, both ways. Pure functions: the client
//! (`client.rs`) does the I/O.
//!
//! Request: `{"inputs": "...", "parameters": {...}, "options": {"use_cache", "wait_for_model"}}`.
//! Success: `[{"summary_text": "..."}]`. Failure: `{"error": "..." | ["...", ...], "estimated_time"?}`.

use serde::{Deserialize, Serialize};

use crate::domain::errors::Field;
use crate::domain::params::SummaryParams;
use crate::server::providers::ProviderError;

#[derive(Debug, Serialize, PartialEq)]
pub struct HfRequest<'a> {
    pub inputs: &'a str,
    pub parameters: HfParameters,
    pub options: HfOptions,
}

#[derive(Debug, Serialize, PartialEq, Default)]
pub struct HfParameters {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_time: Option<f64>,
    /// Sent for inputs longer than the model's window, so the model cuts instead of failing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncation: Option<&'static str>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct HfOptions {
    pub use_cache: bool,
    pub wait_for_model: bool,
}

impl<'a> HfRequest<'a> {
    pub fn new(inputs: &'a str, p: &SummaryParams, truncate: bool) -> Self {
        Self {
            inputs,
            parameters: HfParameters {
                min_length: p.min_length,
                max_length: p.max_length,
                top_k: p.top_k,
                top_p: p.top_p,
                temperature: p.temperature,
                repetition_penalty: p.repetition_penalty,
                max_time: p.max_time,
                truncation: truncate.then_some("only_first"),
            },
            options: HfOptions {
                use_cache: p.use_cache,
                wait_for_model: p.wait_for_model,
            },
        }
    }
}

#[derive(Debug, Deserialize)]
struct SummaryItem {
    summary_text: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ErrorText {
    One(String),
    Many(Vec<String>),
    Object { message: String },
}

#[derive(Debug, Deserialize)]
struct ErrorBody {
    error: ErrorText,
    #[serde(default)]
    estimated_time: Option<f64>,
}

/// Reads a 2xx body: the first summary of the list.
pub fn parse_success(body: &[u8]) -> Result<String, ProviderError> {
    let items: Vec<SummaryItem> = serde_json::from_slice(body)
        .map_err(|e| ProviderError::BadResponse(format!("{e}; body starts {:?}", preview(body))))?;
    match items.into_iter().next() {
        Some(item) => Ok(item.summary_text.trim().to_string()),
        None => Err(ProviderError::BadResponse("empty list".into())),
    }
}

/// Maps a non-2xx answer to what went wrong. `retry_after` is the upstream's header, if any.
pub fn classify_failure(status: u16, retry_after: Option<u64>, body: &[u8]) -> ProviderError {
    let parsed: Option<ErrorBody> = serde_json::from_slice(body).ok();
    let messages = match parsed.as_ref().map(|b| &b.error) {
        Some(ErrorText::One(m)) => vec![m.clone()],
        Some(ErrorText::Many(ms)) => ms.clone(),
        Some(ErrorText::Object { message }) => vec![message.clone()],
        None => Vec::new(),
    };
    let estimated_time = parsed.as_ref().and_then(|b| b.estimated_time);
    match status {
        400 | 422 => {
            let field = messages.iter().find_map(|m| Field::named_in(m));
            ProviderError::Rejected { messages, field }
        }
        401 | 403 => ProviderError::Unauthorized { status },
        402 => ProviderError::PaymentRequired,
        404 => ProviderError::ModelNotFound { retired: false },
        410 => ProviderError::ModelNotFound { retired: true },
        429 => ProviderError::RateLimited { retry_after },
        503 if estimated_time.is_some() || mentions_loading(&messages) => {
            ProviderError::Loading { estimated_time }
        }
        504 => ProviderError::Timeout { after_secs: 0 },
        _ => ProviderError::Upstream { status },
    }
}

fn mentions_loading(messages: &[String]) -> bool {
    messages
        .iter()
        .any(|m| m.to_ascii_lowercase().contains("loading"))
}

fn preview(body: &[u8]) -> String {
    String::from_utf8_lossy(&body[..body.len().min(80)]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::params::default_params;
    use serde_json::json;

    #[test]
    fn request_carries_inputs_parameters_and_options() {
        let p = default_params();
        let body = serde_json::to_value(HfRequest::new("Some text.", &p, false)).unwrap();
        assert_eq!(
            body,
            json!({
                "inputs": "Some text.",
                "parameters": {
                    "min_length": 40, "max_length": 150, "top_k": 50, "top_p": 0.95,
                    "temperature": 1.0, "repetition_penalty": 1.0, "max_time": 30.0
                },
                "options": {"use_cache": true, "wait_for_model": false}
            })
        );
    }

    #[test]
    fn parameters_the_model_ignores_are_left_out() {
        let p = SummaryParams {
            max_length: Some(60),
            ..SummaryParams::default()
        };
        let body = serde_json::to_value(HfRequest::new("t", &p, false)).unwrap();
        assert_eq!(body["parameters"], json!({"max_length": 60}));
    }

    #[test]
    fn long_inputs_ask_for_truncation() {
        let body =
            serde_json::to_value(HfRequest::new("t", &SummaryParams::default(), true)).unwrap();
        assert_eq!(body["parameters"]["truncation"], "only_first");
    }

    #[test]
    fn reads_the_first_summary() {
        let s = parse_success(br#"[{"summary_text": " A summary. "}]"#).unwrap();
        assert_eq!(s, "A summary.");
    }

    #[test]
    fn unexpected_bodies_are_bad_responses() {
        for body in [
            &b"<html>502</html>"[..],
            b"[]",
            br#"{"summary_text": "x"}"#,
            b"",
        ] {
            assert!(
                matches!(parse_success(body), Err(ProviderError::BadResponse(_))),
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn error_string_or_list_is_kept_and_mapped_to_the_field() {
        let e = classify_failure(
            400,
            None,
            br#"{"error": "`min_length` must be <= `max_length`"}"#,
        );
        match e {
            ProviderError::Rejected { messages, field } => {
                assert_eq!(messages.len(), 1);
                assert_eq!(field, Some(Field::MinLength));
            }
            other => panic!("{other:?}"),
        }
        let e = classify_failure(
            400,
            None,
            br#"{"error": ["Input is empty", "Error in `parameters.top_p`: ensure this value is <= 1"]}"#,
        );
        match e {
            ProviderError::Rejected { messages, field } => {
                assert_eq!(messages.len(), 2);
                assert_eq!(field, Some(Field::TopP));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn statuses_map_to_failures() {
        let b = br#"{"error": "x"}"#;
        assert!(matches!(
            classify_failure(401, None, b),
            ProviderError::Unauthorized { status: 401 }
        ));
        assert!(matches!(
            classify_failure(403, None, b),
            ProviderError::Unauthorized { status: 403 }
        ));
        assert!(matches!(
            classify_failure(402, None, b),
            ProviderError::PaymentRequired
        ));
        assert!(matches!(
            classify_failure(404, None, b),
            ProviderError::ModelNotFound { retired: false }
        ));
        assert!(matches!(
            classify_failure(410, None, b),
            ProviderError::ModelNotFound { retired: true }
        ));
        assert!(matches!(
            classify_failure(429, Some(30), b),
            ProviderError::RateLimited {
                retry_after: Some(30)
            }
        ));
        assert!(matches!(
            classify_failure(500, None, b),
            ProviderError::Upstream { status: 500 }
        ));
        assert!(matches!(
            classify_failure(502, None, b"<html>"),
            ProviderError::Upstream { status: 502 }
        ));
        assert!(matches!(
            classify_failure(503, None, b),
            ProviderError::Upstream { status: 503 }
        ));
    }

    #[test]
    fn loading_is_recognised_with_or_without_estimate() {
        let e = classify_failure(
            503,
            None,
            br#"{"error": "Model x is currently loading", "estimated_time": 21.5}"#,
        );
        assert!(
            matches!(e, ProviderError::Loading { estimated_time: Some(t) } if (t - 21.5).abs() < 1e-9)
        );
        let e = classify_failure(503, None, br#"{"error": "Model x is currently loading"}"#);
        assert!(matches!(
            e,
            ProviderError::Loading {
                estimated_time: None
            }
        ));
    }

    #[test]
    fn error_object_with_message_is_understood() {
        let e = classify_failure(400, None, br#"{"error": {"message": "bad max_time"}}"#);
        assert!(matches!(
            e,
            ProviderError::Rejected {
                field: Some(Field::MaxTime),
                ..
            }
        ));
    }
}
