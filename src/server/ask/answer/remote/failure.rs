//! How a remote model failed, told by who failed: HuggingFace's failures as the studio tells
//! them, the operator's server's as its own ([`ServerFailure`]).

use std::time::Duration;

use serde_json::Value;

use super::{RemoteModel, Upstream, LOGGED_CHARS};
use crate::server::ask::AskError;
use crate::server::error::AppError;
use crate::server::providers::huggingface::wire::classify_failure;
use crate::server::providers::ProviderError;

/// How the operator's answer server failed (`PRECIS_ASK_LLM_URL`). The texts are for the log;
/// a person reads [`AskError::public_in`]'s sentences.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerFailure {
    /// Nothing answered at the address (refused, no route, DNS, TLS, connect timeout).
    #[error("unreachable: {cause}")]
    Unreachable { cause: String },
    /// The whole answer took longer than `PRECIS_ASK_LLM_TIMEOUT_SECS`.
    #[error("no whole answer within {after_secs} s")]
    Timeout { after_secs: u64 },
    /// HTTP 401 or 403: the key (`PRECIS_ASK_LLM_KEY`) is missing, wrong or not allowed.
    #[error("key refused (HTTP {status}): {said}")]
    Unauthorized { status: u16, said: String },
    /// HTTP 404: the model is not on the server (or the URL is not the API's `/v1`).
    #[error("model not found (HTTP 404): {said}")]
    ModelNotFound { said: String },
    /// HTTP 429.
    #[error("rate limited (retry after {retry_after:?} s)")]
    RateLimited { retry_after: Option<u64> },
    /// Any other 4xx: the server would not take the request (a prompt over its context, say).
    #[error("request refused (HTTP {status}): {said}")]
    Refused { status: u16, said: String },
    /// HTTP 5xx.
    #[error("server error (HTTP {status}): {said}")]
    Failed { status: u16, said: String },
    /// The answer had begun and stopped: the connection broke, or the stream carried an error.
    #[error("broke off mid-answer: {cause}")]
    Interrupted { cause: String },
    /// Not a chat completion stream: not JSON, or an empty answer.
    #[error("unreadable response: {what}")]
    BadResponse { what: String },
}

impl ServerFailure {
    /// The status Precis answers with (see [`AskError::status`]).
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode as S;
        match self {
            ServerFailure::Timeout { .. } => S::GATEWAY_TIMEOUT,
            ServerFailure::ModelNotFound { .. } => S::NOT_FOUND,
            ServerFailure::RateLimited { .. } => S::SERVICE_UNAVAILABLE,
            ServerFailure::Unreachable { .. }
            | ServerFailure::Unauthorized { .. }
            | ServerFailure::Refused { .. }
            | ServerFailure::Failed { .. }
            | ServerFailure::Interrupted { .. }
            | ServerFailure::BadResponse { .. } => S::BAD_GATEWAY,
        }
    }

    /// What an HTTP error status of the server means.
    pub(super) fn from_status(status: u16, retry_after: Option<u64>, body: &[u8]) -> Self {
        let said = said(body);
        match status {
            401 | 403 => ServerFailure::Unauthorized { status, said },
            404 => ServerFailure::ModelNotFound { said },
            429 => ServerFailure::RateLimited { retry_after },
            400..=499 => ServerFailure::Refused { status, said },
            _ => ServerFailure::Failed { status, said },
        }
    }
}

/// What went wrong, before it is told as the upstream's kind of failure.
pub(super) enum Failure {
    /// Sending, or reading the body.
    Transport(reqwest::Error),
    Status {
        status: u16,
        retry_after: Option<u64>,
        body: Vec<u8>,
    },
    /// A chunk that is not a chat completion's.
    Malformed(String),
    /// An error in the stream, after the answer began.
    StreamError(String),
    Empty,
}

impl Failure {
    pub(super) fn told(self, model: &RemoteModel, timeout: Duration, begun: bool) -> AppError {
        match model.upstream {
            Upstream::HuggingFace => AppError::Provider {
                model: model.id.clone(),
                source: self.for_huggingface(timeout),
            },
            Upstream::Server => AskError::AnswerServer {
                model: model.id.clone(),
                server: model.server(),
                failure: self.for_server(timeout, begun),
            }
            .into(),
        }
    }

    fn for_huggingface(self, timeout: Duration) -> ProviderError {
        match self {
            Failure::Transport(e) if e.is_timeout() && !e.is_connect() => ProviderError::Timeout {
                after_secs: timeout.as_secs(),
            },
            Failure::Transport(e) if e.is_decode() || e.is_body() => {
                ProviderError::BadResponse(e.to_string())
            }
            Failure::Transport(e) => ProviderError::Unreachable(e),
            Failure::Status {
                status,
                retry_after,
                body,
            } => classify_failure(status, retry_after, &body),
            Failure::Malformed(what) => ProviderError::BadResponse(what),
            Failure::StreamError(message) => {
                tracing::warn!(message, "HuggingFace failed mid-answer");
                ProviderError::Upstream { status: 500 }
            }
            Failure::Empty => ProviderError::BadResponse("an empty answer".into()),
        }
    }

    /// `begun`: the status was a success and the body was being read.
    fn for_server(self, timeout: Duration, begun: bool) -> ServerFailure {
        match self {
            Failure::Transport(e) if e.is_timeout() && !e.is_connect() => ServerFailure::Timeout {
                after_secs: timeout.as_secs(),
            },
            Failure::Transport(e) if begun => ServerFailure::Interrupted {
                cause: e.to_string(),
            },
            Failure::Transport(e) => ServerFailure::Unreachable {
                cause: e.to_string(),
            },
            Failure::Status {
                status,
                retry_after,
                body,
            } => ServerFailure::from_status(status, retry_after, &body),
            Failure::Malformed(what) => ServerFailure::BadResponse { what },
            Failure::StreamError(message) => ServerFailure::Interrupted { cause: message },
            Failure::Empty => ServerFailure::BadResponse {
                what: "an empty answer".into(),
            },
        }
    }
}

/// An error body's message (OpenAI's `{"error": {"message"}}`, Ollama's `{"error": "…"}`), or
/// its first characters, for the log.
fn said(body: &[u8]) -> String {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let message = parsed.as_ref().and_then(|v| {
        v.pointer("/error/message")
            .or_else(|| v.get("error"))
            .or_else(|| v.get("message"))
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    message
        .unwrap_or_else(|| String::from_utf8_lossy(body).into_owned())
        .chars()
        .take(LOGGED_CHARS)
        .collect()
}
