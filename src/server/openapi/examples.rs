//! Example values for the document, built with the same types and functions the server answers
//! with: error examples carry the real sentences (from [`AppError::public_in`] and the validation
//! rules), bodies are typed values serialized by serde.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::Json;
use precis_engine::registry::FIX_COMMAND;

use crate::domain::models::{Catalog, ModelInfo, ProviderKind, LOCAL_SEMANTIC, LOCAL_TEXTRANK};
use crate::domain::params::{Param, SummaryParams};
use crate::domain::stream::{Stage, SummaryEvent};
use crate::domain::summary::{SummarizeRequest, Summary};
use crate::server::error::AppError;
use crate::server::providers::catalog::Providers;
use crate::server::providers::ProviderError;
use crate::server::routes::api::describe;

/// The HuggingFace model the upstream examples name.
const HF_MODEL: &str = "facebook/bart-large-cnn";

pub const TEXT: &str = "The city council approved a new budget on Tuesday. The budget raises \
    spending on public transport by ten percent. Council members argued for hours about the cost \
    of new bus lines. The mayor said the plan would cut traffic and pollution in the centre. \
    Opponents warned that property taxes might rise next year.";

const SUMMARY: &str = "The city council approved a new budget on Tuesday. The mayor said the \
    plan would cut traffic and pollution in the centre.";

pub fn request() -> SummarizeRequest {
    SummarizeRequest {
        text: TEXT.to_string(),
        model: Some(LOCAL_TEXTRANK.to_string()),
        parameters: SummaryParams {
            min_length: Some(20),
            max_length: Some(80),
            ..SummaryParams::default()
        },
    }
}

pub fn summary() -> Summary {
    Summary {
        id: 42,
        model: LOCAL_TEXTRANK.to_string(),
        provider: ProviderKind::Local,
        text: TEXT.to_string(),
        summary: SUMMARY.to_string(),
        parameters: request().parameters,
        truncated: false,
        partial: false,
        parts: 1,
        created_at: 1_767_225_600_000,
        latency_ms: 12,
    }
}

/// A stream as it arrives: progress of a long text, generated text, the finished summary.
pub fn stream() -> String {
    let events = [
        SummaryEvent::Progress(Stage::Part { part: 1, of: 2 }),
        SummaryEvent::Token {
            text: "The city council".into(),
        },
        SummaryEvent::Token {
            text: " approved a new budget.".into(),
        },
        SummaryEvent::Progress(Stage::Part { part: 2, of: 2 }),
        SummaryEvent::Token {
            text: "Opponents warned taxes might rise.".into(),
        },
        SummaryEvent::Progress(Stage::Combining { parts: 2 }),
        SummaryEvent::Done {
            summary: Summary {
                parts: 2,
                ..summary()
            },
        },
    ];
    events
        .iter()
        .filter_map(|e| serde_json::to_string(e).ok())
        .map(|json| format!("data: {json}\n\n"))
        .collect()
}

pub fn catalog() -> Catalog {
    let extract_reason = "Not used by this model: it picks sentences from your text rather than \
                          writing new words.";
    let extract = |id: &str, label: &str, description: &str| ModelInfo {
        id: id.to_string(),
        label: label.to_string(),
        provider: ProviderKind::Local,
        description: description.to_string(),
        input_window: None,
        honours: vec![Param::MinLength, Param::MaxLength],
        ignores_reason: extract_reason.to_string(),
        experimental: false,
        samples: false,
        unavailable: None,
    };
    Catalog {
        models: vec![
            extract(
                LOCAL_TEXTRANK,
                "Local · TextRank extract",
                "Runs inside Precis, no internet needed: picks the most central sentences of \
                 your text, word for word.",
            ),
            ModelInfo {
                unavailable: Some(format!(
                    "The embedding model is not installed (model.safetensors is missing from the \
                     models folder). The operator can run: {FIX_COMMAND}"
                )),
                ..extract(
                    LOCAL_SEMANTIC,
                    "Local · semantic extract",
                    "Runs inside Precis, no internet needed: picks the sentences closest in \
                     meaning to the whole text (MiniLM embeddings), avoiding repeats, word for \
                     word.",
                )
            },
        ],
        default_model: LOCAL_TEXTRANK.to_string(),
        custom_models: false,
    }
}

/// One error response in the document: a name, a one-line summary, and the error itself (its
/// status and body come from [`AppError::status`] and [`AppError::public_in`]).
pub struct ErrorExample {
    pub name: &'static str,
    pub summary: &'static str,
    pub error: AppError,
}

impl ErrorExample {
    pub(crate) fn new(
        name: &'static str,
        summary: &'static str,
        error: impl Into<AppError>,
    ) -> Self {
        Self {
            name,
            summary,
            error: error.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        self.error.status()
    }
}

fn upstream(source: ProviderError) -> AppError {
    AppError::Provider {
        model: HF_MODEL.to_string(),
        source,
    }
}

/// The rule a request breaks, as the server words it.
fn invalid(change: impl FnOnce(&mut SummarizeRequest)) -> AppError {
    let mut r = request();
    change(&mut r);
    match r.validate() {
        Err(e) => e.into(),
        Ok(()) => AppError::Internal("example request unexpectedly valid".into()),
    }
}

/// A body the JSON extractor refuses, described as the handlers describe it.
fn unreadable(body: &'static str) -> AppError {
    match Json::<SummarizeRequest>::from_bytes(&Bytes::from_static(body.as_bytes())) {
        Err(rejection) => AppError::BadBody(describe(&rejection)),
        Ok(_) => AppError::Internal("example body unexpectedly readable".into()),
    }
}

/// Refusals before any work starts: unreadable bodies and broken rules. The stream answers
/// these with a status too; everything later arrives as its `error` event.
pub fn request_errors() -> Vec<ErrorExample> {
    vec![
        ErrorExample::new(
            "invalid_json",
            "The body is not JSON",
            unreadable(r#"{"text": "A text.""#),
        ),
        ErrorExample::new(
            "unknown_field",
            "A misspelt parameter",
            unreadable(r#"{"text": "A text.", "parameters": {"max_lenght": 80}}"#),
        ),
        ErrorExample::new(
            "text_too_long",
            "Over 100,000 characters",
            invalid(|r| r.text = "a".repeat(crate::domain::text::MAX_TEXT_CHARS + 1)),
        ),
        ErrorExample::new(
            "empty_text",
            "Nothing to summarize",
            invalid(|r| r.text = " ".into()),
        ),
        ErrorExample::new(
            "invalid_parameter",
            "A parameter out of its bounds",
            invalid(|r| r.parameters.top_p = Some(1.5)),
        ),
        ErrorExample::new(
            "min_over_max",
            "Min length above Max length",
            invalid(|r| {
                r.parameters.min_length = Some(200);
                r.parameters.max_length = Some(100);
            }),
        ),
        ErrorExample::new(
            "invalid_model_id",
            "A malformed model id",
            invalid(|r| r.model = Some("not a model".into())),
        ),
        rate_limited(),
    ]
}

/// The per-person limit, with the server's default allowance.
pub(crate) fn rate_limited() -> ErrorExample {
    ErrorExample::new(
        "rate_limited",
        "Your per-person limit",
        AppError::RateLimited {
            retry_after: 12,
            burst: 5,
            per_minute: 20,
        },
    )
}

/// Everything `POST /api/v1/summaries` can answer besides its summary.
pub fn summarize_errors() -> Vec<ErrorExample> {
    let no_token = Providers::new(Vec::new(), LOCAL_TEXTRANK);
    let unavailable = match no_token.resolve(Some(HF_MODEL)) {
        Err(why) => AppError::ModelUnavailable {
            model: HF_MODEL.to_string(),
            reason: why,
        },
        Ok(_) => AppError::Internal("example model unexpectedly available".into()),
    };
    let mut out = request_errors();
    out.extend([
        ErrorExample::new(
            "model_unavailable",
            "A model this server cannot run",
            unavailable,
        ),
        ErrorExample::new(
            "upstream_rejected",
            "HuggingFace refused the input",
            upstream(ProviderError::Rejected {
                messages: vec!["Input is too short".into()],
                field: None,
            }),
        ),
        ErrorExample::new(
            "model_not_found",
            "HuggingFace has no such model",
            upstream(ProviderError::ModelNotFound { retired: false }),
        ),
        ErrorExample::new(
            "internal",
            "A failure inside Precis",
            AppError::Internal("database is locked".into()),
        ),
        ErrorExample::new(
            "upstream_unauthorized",
            "The server's HuggingFace token was refused",
            upstream(ProviderError::Unauthorized { status: 401 }),
        ),
        ErrorExample::new(
            "upstream_payment_required",
            "The server's HuggingFace credits ran out",
            upstream(ProviderError::PaymentRequired),
        ),
        ErrorExample::new(
            "upstream_error",
            "HuggingFace failed",
            upstream(ProviderError::Upstream { status: 500 }),
        ),
        ErrorExample::new(
            "upstream_bad_response",
            "HuggingFace answered something unreadable",
            upstream(ProviderError::BadResponse("<html>".into())),
        ),
        ErrorExample::new(
            "model_loading",
            "The model is warming up",
            upstream(ProviderError::Loading {
                estimated_time: Some(20.0),
            }),
        ),
        ErrorExample::new(
            "upstream_rate_limited",
            "HuggingFace's own limit",
            upstream(ProviderError::RateLimited {
                retry_after: Some(30),
            }),
        ),
        ErrorExample::new(
            "busy",
            "Every local worker is busy and the queue is full",
            upstream(ProviderError::Busy { retry_after: 4 }),
        ),
        ErrorExample::new(
            "upstream_timeout",
            "No answer within Max time + 10 s",
            upstream(ProviderError::Timeout { after_secs: 40 }),
        ),
    ]);
    if let Some(unreachable) = unreachable() {
        out.push(ErrorExample::new(
            "upstream_unreachable",
            "HuggingFace could not be reached",
            upstream(ProviderError::Unreachable(unreachable)),
        ));
    }
    out
}

/// A transport error to wrap (its text is never shown: only the sentence is).
fn unreachable() -> Option<reqwest::Error> {
    reqwest::Client::new().get("no scheme").build().err()
}

/// What `POST /api/v1/summaries/stream` answers with a status (before streaming starts).
pub fn stream_errors() -> Vec<ErrorExample> {
    let mut out = request_errors();
    out.push(ErrorExample::new(
        "invalid_loading",
        "An unknown value of the `loading` query parameter",
        crate::server::routes::stream::bad_query(),
    ));
    out
}

/// Limits every route enforces: a body announced larger than 1 MiB.
pub fn common_errors() -> Vec<ErrorExample> {
    vec![ErrorExample::new(
        "body_too_large",
        "A request body over 1 MiB",
        crate::domain::params::Invalid::new(
            crate::domain::errors::ErrorCode::TextTooLong,
            crate::domain::errors::Field::Text,
            crate::domain::params::Reason::BodyTooLarge {
                kb: 2048,
                max_kb: 1024,
            },
        ),
    )]
}
