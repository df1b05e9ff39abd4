//! Model providers. Each one is a [`SummaryProvider`]: adding a provider is one module here plus
//! one line in [`catalog::Providers::from_settings`].

pub mod catalog;
pub mod huggingface;
pub mod local;

use futures::future::BoxFuture;
use precis_engine::pool::PoolError;
use precis_engine::registry::ModelProblem;
use precis_engine::EngineError;
use tokio::sync::mpsc::UnboundedSender;

use crate::domain::errors::{ErrorCode, Field, PublicError};
use crate::domain::models::{ModelInfo, ProviderKind};
use crate::domain::params::SummaryParams;
use crate::domain::settings::Lang;
use crate::domain::stream::{Stage, SummaryEvent};
use crate::i18n::texts;

/// Where a provider sends text as it is generated (and the service sends progress); a no-op
/// for callers that only want the finished summary.
#[derive(Debug, Clone, Default)]
pub struct TokenSink(Option<UnboundedSender<SummaryEvent>>);

impl TokenSink {
    pub fn new(tx: UnboundedSender<SummaryEvent>) -> Self {
        Self(Some(tx))
    }

    pub fn token(&self, text: &str) {
        self.send(SummaryEvent::Token {
            text: text.to_string(),
        });
    }

    pub fn progress(&self, stage: Stage) {
        self.send(SummaryEvent::Progress(stage));
    }

    pub fn send(&self, event: SummaryEvent) {
        if let Some(tx) = &self.0 {
            let _ = tx.send(event); // the listener left: nothing to do
        }
    }
}

/// One piece of work for a provider: already validated, parameters already reduced to the ones
/// the model honours.
#[derive(Debug, Clone)]
pub struct Job {
    pub model: String,
    pub text: String,
    pub params: SummaryParams,
    /// The text is longer than the model's window: ask the provider to cut it.
    pub truncate: bool,
    /// Streamed text goes here.
    pub sink: TokenSink,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub summary: String,
    /// Generation stopped at Max time: `summary` is what was written until then.
    pub partial: bool,
}

impl Output {
    pub fn whole(summary: String) -> Self {
        Self {
            summary,
            partial: false,
        }
    }
}

impl From<PoolError> for ProviderError {
    fn from(e: PoolError) -> Self {
        match e {
            PoolError::Busy { retry_after, .. } => ProviderError::Busy { retry_after },
            PoolError::Crashed => ProviderError::Internal(e.to_string()),
        }
    }
}

impl From<EngineError> for ProviderError {
    fn from(e: EngineError) -> Self {
        match e {
            EngineError::Pool(p) => p.into(),
            other => ProviderError::Internal(other.to_string()),
        }
    }
}

pub trait SummaryProvider: Send + Sync + 'static {
    fn kind(&self) -> ProviderKind;

    /// The models this provider lists in the picker, described in `lang`.
    fn models(&self, lang: Lang) -> Vec<ModelInfo>;

    /// Why a listed model cannot run here (its weights are missing, say), if it cannot.
    fn problem(&self, _model: &str) -> Option<ModelProblem> {
        None
    }

    /// Describes a model id that is not in [`models`](Self::models), if this provider can run
    /// it anyway (any HuggingFace model id, for instance).
    fn describe_other(&self, _model: &str) -> Option<ModelInfo> {
        None
    }

    fn summarize(&self, job: Job) -> BoxFuture<'_, Result<Output, ProviderError>>;
}

/// Everything that can go wrong inside a provider, upstream or local.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The upstream refused the input or parameters (HTTP 400); its own messages.
    #[error("upstream rejected the request: {messages:?}")]
    Rejected {
        messages: Vec<String>,
        field: Option<Field>,
    },
    #[error("upstream refused our token (HTTP {status})")]
    Unauthorized { status: u16 },
    #[error("upstream credits exhausted (HTTP 402)")]
    PaymentRequired,
    #[error("model not found upstream (retired: {retired})")]
    ModelNotFound { retired: bool },
    #[error("upstream rate limit (retry after {retry_after:?} s)")]
    RateLimited { retry_after: Option<u64> },
    #[error("model loading upstream (estimated {estimated_time:?} s)")]
    Loading { estimated_time: Option<f64> },
    #[error("upstream failed with HTTP {status}")]
    Upstream { status: u16 },
    #[error("no answer within {after_secs} s")]
    Timeout { after_secs: u64 },
    #[error("upstream unreachable: {0}")]
    Unreachable(#[source] reqwest::Error),
    #[error("unexpected upstream response: {0}")]
    BadResponse(String),
    #[error("all workers busy")]
    Busy { retry_after: u64 },
    #[error("local engine failed: {0}")]
    Internal(String),
}

/// Seconds to announce for a model that is loading, when HuggingFace gives no estimate.
pub const DEFAULT_LOADING_SECS: u64 = 20;

impl ProviderError {
    pub fn loading_secs(estimated_time: Option<f64>) -> u64 {
        estimated_time
            .filter(|t| t.is_finite() && *t > 0.0)
            .map_or(DEFAULT_LOADING_SECS, |t| t.ceil() as u64)
    }

    /// What a person reads about this failure of `model`, in `lang`.
    pub fn public_in(&self, model: &str, lang: Lang) -> PublicError {
        use ErrorCode as C;
        let t = &texts(lang).server;
        match self {
            ProviderError::Rejected { messages, field } => {
                let said = messages
                    .iter()
                    .map(|m| clean_upstream_message(m))
                    .filter(|m| !m.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let advice = match field {
                    Some(f) => (t.adjust_field)(f.label_in(lang)),
                    None => t.adjust_anything.to_string(),
                };
                let e = PublicError::new(
                    C::UpstreamRejected,
                    (t.upstream_rejected)(model, &said, &advice),
                );
                match field {
                    Some(f) => e.with_field(*f),
                    None => e,
                }
            }
            ProviderError::Unauthorized { .. } => {
                PublicError::new(C::UpstreamUnauthorized, t.upstream_unauthorized)
            }
            ProviderError::PaymentRequired => {
                PublicError::new(C::UpstreamPaymentRequired, t.upstream_payment_required)
            }
            ProviderError::ModelNotFound { retired: false } => {
                PublicError::new(C::ModelNotFound, (t.model_not_found)(model))
                    .with_field(Field::Model)
            }
            ProviderError::ModelNotFound { retired: true } => {
                PublicError::new(C::ModelNotFound, (t.model_retired)(model))
                    .with_field(Field::Model)
            }
            ProviderError::RateLimited { retry_after } => {
                let secs = retry_after.unwrap_or(60);
                PublicError::new(C::UpstreamRateLimited, (t.upstream_rate_limited)(secs))
                    .with_retry_after(secs)
            }
            ProviderError::Loading { estimated_time } => {
                let secs = Self::loading_secs(*estimated_time);
                PublicError::new(C::ModelLoading, (t.model_loading)(model, secs))
                    .with_retry_after(secs)
            }
            ProviderError::Upstream { status } => {
                PublicError::new(C::UpstreamError, (t.upstream_error)(model, *status))
            }
            ProviderError::Timeout { after_secs } => {
                PublicError::new(C::UpstreamTimeout, (t.upstream_timeout)(model, *after_secs))
            }
            ProviderError::Unreachable(_) => {
                PublicError::new(C::UpstreamUnreachable, t.upstream_unreachable)
            }
            ProviderError::BadResponse(_) => {
                PublicError::new(C::UpstreamBadResponse, (t.upstream_bad_response)(model))
            }
            ProviderError::Busy { retry_after } => {
                PublicError::new(C::Busy, (t.busy)(*retry_after)).with_retry_after(*retry_after)
            }
            ProviderError::Internal(_) => PublicError::new(C::Internal, t.engine_failed),
        }
    }
}

/// An upstream message made fit to show: one line, no code quotes, bounded length, ends with a
/// period. (The page renders it as text, never as HTML.)
fn clean_upstream_message(raw: &str) -> String {
    const MAX_CHARS: usize = 240;
    let flat: String = raw
        .chars()
        .filter(|c| *c != '`')
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let mut text = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > MAX_CHARS {
        text = text.chars().take(MAX_CHARS).collect::<String>() + "…";
    }
    if !text.is_empty() && !text.ends_with(['.', '!', '?', '…']) {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upstream_messages_are_flattened_and_bounded() {
        assert_eq!(
            clean_upstream_message("Error in `parameters.max_length`:\n ensure <= 500"),
            "Error in parameters.max_length: ensure <= 500."
        );
        assert!(clean_upstream_message(&"x".repeat(1000)).chars().count() <= 241);
        assert_eq!(clean_upstream_message("   "), "");
    }

    #[test]
    fn rejection_names_the_field_it_blames() {
        let e = ProviderError::Rejected {
            messages: vec!["`max_length` must be <= 500".into()],
            field: Some(Field::MaxLength),
        }
        .public_in("m", Lang::En);
        assert_eq!(e.field, Some(Field::MaxLength));
        assert!(e.message.contains("max_length must be"), "{}", e.message);
        assert!(e.message.contains("Adjust Max length"), "{}", e.message);
    }

    #[test]
    fn loading_uses_the_estimate_rounded_up() {
        let e = ProviderError::Loading {
            estimated_time: Some(12.2),
        }
        .public_in("m", Lang::En);
        assert_eq!(e.retry_after, Some(13));
        assert!(e.message.contains("warming up") && e.message.contains("about 13 s"));
        let e = ProviderError::Loading {
            estimated_time: None,
        }
        .public_in("m", Lang::En);
        assert_eq!(e.retry_after, Some(DEFAULT_LOADING_SECS));
    }

    #[test]
    fn auth_failure_points_to_the_operator() {
        let m = ProviderError::Unauthorized { status: 403 }
            .public_in("m", Lang::En)
            .message;
        assert!(m.contains("token") && m.contains("operator"));
    }
}
