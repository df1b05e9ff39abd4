//! The server's one error type, and the single place where failures become an HTTP status and
//! a sentence for a person. Causes are logged here, never sent.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::domain::errors::{ErrorCode, ErrorResponse, PublicError};
use crate::domain::params::Invalid;
use crate::server::providers::ProviderError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("invalid request: {0}")]
    Invalid(#[from] Invalid),
    #[error("request body rejected: {0}")]
    BadBody(String),
    /// A query string that could not be read (an unknown parameter, say); `expected` lists
    /// the parameters the route takes.
    #[error("query string rejected: {detail}")]
    BadQuery {
        detail: String,
        expected: &'static str,
    },
    #[error("model {model} unavailable: {reason}")]
    ModelUnavailable { model: String, reason: String },
    #[error("provider failed for {model}: {source}")]
    Provider {
        model: String,
        #[source]
        source: ProviderError,
    },
    #[error("per-user rate limit, retry after {retry_after} s")]
    RateLimited {
        retry_after: u64,
        burst: u32,
        per_minute: u32,
    },
    #[error("no such summary")]
    NotFound,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Record(#[from] crate::server::history::RecordError),
    #[error(transparent)]
    History(#[from] crate::server::history::HistoryError),
    #[error("internal: {0}")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Invalid(e) if e.code == ErrorCode::TextTooLong => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            // the history's query parameters: a request that cannot be used as sent
            AppError::Invalid(e) if e.code == ErrorCode::InvalidQuery => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) | AppError::ModelUnavailable { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::BadBody(_) | AppError::BadQuery { .. } => StatusCode::BAD_REQUEST,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Database(_)
            | AppError::Record(_)
            | AppError::History(_)
            | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Provider { source, .. } => match source {
                ProviderError::Rejected { .. } => StatusCode::UNPROCESSABLE_ENTITY,
                ProviderError::ModelNotFound { .. } => StatusCode::NOT_FOUND,
                ProviderError::RateLimited { .. }
                | ProviderError::Loading { .. }
                | ProviderError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
                ProviderError::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
                ProviderError::Unauthorized { .. }
                | ProviderError::PaymentRequired
                | ProviderError::Upstream { .. }
                | ProviderError::Unreachable(_)
                | ProviderError::BadResponse(_) => StatusCode::BAD_GATEWAY,
                ProviderError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            },
        }
    }

    /// What the person is told.
    pub fn public(&self) -> PublicError {
        use ErrorCode as C;
        match self {
            AppError::Invalid(e) => e.clone().into(),
            AppError::BadBody(detail) => PublicError::new(
                C::InvalidRequest,
                format!(
                    "The request could not be read: {detail}. Send a JSON object with a \"text\" \
                     field and optional \"model\" and \"parameters\"."
                ),
            ),
            AppError::BadQuery { detail, expected } => PublicError::new(
                C::InvalidQuery,
                format!(
                    "The query string could not be read: {detail}. This address takes {expected}."
                ),
            ),
            AppError::ModelUnavailable { reason, .. } => {
                PublicError::new(C::ModelUnavailable, reason.clone())
                    .with_field(crate::domain::errors::Field::Model)
            }
            AppError::RateLimited { retry_after, burst, per_minute } => PublicError::new(
                C::RateLimited,
                format!(
                    "You're going fast: Precis takes {burst} summaries in a row and {per_minute} a minute \
                     from each person. Try again in {retry_after} s."
                ),
            )
            .with_retry_after(*retry_after),
            AppError::NotFound => PublicError::new(
                C::NotFound,
                "That summary doesn't exist or has been deleted.",
            ),
            AppError::Database(_) | AppError::Record(_) | AppError::History(_) | AppError::Internal(_) => PublicError::new(
                C::Internal,
                "Something went wrong inside Precis. Try again; if it keeps happening, tell the operator.",
            ),
            AppError::Provider { model, source } => source.public(model),
        }
    }

    /// The machine-readable code, as recorded in the history table.
    pub fn code(&self) -> ErrorCode {
        self.public().code
    }

    /// Logs the cause at a level fitting who is at fault (ours: error; upstream: warn; the
    /// client's: info); returns the public side.
    pub fn report(&self) -> (StatusCode, PublicError) {
        let status = self.status();
        match self {
            AppError::Database(_)
            | AppError::Record(_)
            | AppError::History(_)
            | AppError::Internal(_) => {
                tracing::error!(error = %self, source = ?std::error::Error::source(self), "request failed");
            }
            AppError::Provider {
                source: ProviderError::Internal(_),
                ..
            } => {
                tracing::error!(error = %self, "local engine failed");
            }
            _ if status.is_server_error() => tracing::warn!(error = %self, "upstream failed"),
            _ => tracing::info!(error = %self, "request refused"),
        }
        (status, self.public())
    }
}

/// An error body with its status and `Retry-After`, for handlers and middleware alike.
pub fn error_response(status: StatusCode, error: PublicError) -> Response {
    let retry_after = error.retry_after;
    let mut response = (status, axum::Json(ErrorResponse { error })).into_response();
    if let Some(secs) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, public) = self.report();
        error_response(status, public)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::errors::Field;

    fn provider(source: ProviderError) -> AppError {
        AppError::Provider {
            model: "facebook/bart-large-cnn".into(),
            source,
        }
    }

    #[test]
    fn every_provider_failure_has_its_status_and_code() {
        let cases = [
            (
                ProviderError::Rejected {
                    messages: vec!["x".into()],
                    field: None,
                },
                422,
                C::UpstreamRejected,
            ),
            (
                ProviderError::Unauthorized { status: 401 },
                502,
                C::UpstreamUnauthorized,
            ),
            (
                ProviderError::Unauthorized { status: 403 },
                502,
                C::UpstreamUnauthorized,
            ),
            (
                ProviderError::PaymentRequired,
                502,
                C::UpstreamPaymentRequired,
            ),
            (
                ProviderError::ModelNotFound { retired: false },
                404,
                C::ModelNotFound,
            ),
            (
                ProviderError::ModelNotFound { retired: true },
                404,
                C::ModelNotFound,
            ),
            (
                ProviderError::RateLimited {
                    retry_after: Some(9),
                },
                503,
                C::UpstreamRateLimited,
            ),
            (
                ProviderError::Loading {
                    estimated_time: Some(20.0),
                },
                503,
                C::ModelLoading,
            ),
            (
                ProviderError::Upstream { status: 500 },
                502,
                C::UpstreamError,
            ),
            (
                ProviderError::Timeout { after_secs: 30 },
                504,
                C::UpstreamTimeout,
            ),
            (
                ProviderError::BadResponse("html".into()),
                502,
                C::UpstreamBadResponse,
            ),
            (ProviderError::Busy { retry_after: 5 }, 503, C::Busy),
        ];
        use ErrorCode as C;
        for (source, status, code) in cases {
            let label = format!("{source:?}");
            let e = provider(source);
            assert_eq!(e.status().as_u16(), status, "{label}");
            assert_eq!(e.public().code, code, "{label}");
        }
    }

    #[test]
    fn retry_after_reaches_the_header() {
        let e = AppError::RateLimited {
            retry_after: 12,
            burst: 5,
            per_minute: 20,
        };
        let response = e.into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "12");
    }

    #[test]
    fn internals_are_not_shown() {
        let e = AppError::Internal("disk /var/lib/x exploded at 0xdeadbeef".into());
        let public = e.public();
        assert!(!public.message.contains("0xdeadbeef"));
        assert_eq!(public.code, ErrorCode::Internal);
    }

    #[test]
    fn own_limit_message_says_going_fast_and_when() {
        let m = AppError::RateLimited {
            retry_after: 3,
            burst: 5,
            per_minute: 20,
        }
        .public()
        .message;
        assert!(
            m.contains("going fast") && m.contains("Try again in 3 s"),
            "{m}"
        );
    }

    #[test]
    fn history_query_problems_are_bad_requests_with_their_field() {
        let e: AppError =
            Invalid::new(ErrorCode::InvalidQuery, Field::From, "From is not a date.").into();
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        assert_eq!(e.public().field, Some(Field::From));
        let e = AppError::BadQuery {
            detail: "unknown field `query`".into(),
            expected: "q and limit",
        };
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        let public = e.public();
        assert_eq!(public.code, ErrorCode::InvalidQuery);
        assert!(
            public.message.contains("unknown field `query`")
                && public.message.contains("q and limit")
        );
    }

    #[test]
    fn validation_keeps_its_field() {
        let e: AppError =
            Invalid::new(ErrorCode::InvalidParameter, Field::TopP, "Top-p must be…").into();
        assert_eq!(e.public().field, Some(Field::TopP));
        assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}
