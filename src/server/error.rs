//! The server's one error type, and the single place where failures become an HTTP status and
//! a sentence for a person. Causes are logged here, never sent.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::domain::errors::{ErrorCode, ErrorResponse, PublicError};
use crate::domain::params::Invalid;
use crate::domain::settings::Lang;
use crate::i18n::texts;
use crate::server::auth::AuthError;
use crate::server::lang::Untold;
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
    #[error("model {model} unavailable: {reason:?}")]
    ModelUnavailable {
        model: String,
        reason: crate::server::providers::catalog::Unavailable,
    },
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
    /// A path a service-only instance does not serve.
    #[error("not served by this instance")]
    NotServed {
        services: crate::server::ask::Services,
    },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Record(#[from] crate::server::history::RecordError),
    #[error(transparent)]
    History(#[from] crate::server::history::HistoryError),
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error("cross-origin write refused")]
    CrossOrigin,
    #[error(transparent)]
    Ask(#[from] crate::server::ask::AskError),
    #[error(transparent)]
    Sort(#[from] crate::server::sort::SortError),
    #[error("internal: {0}")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Invalid(e)
                if matches!(e.code, ErrorCode::TextTooLong | ErrorCode::DocumentTooLarge) =>
            {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            AppError::Invalid(e) if e.code == ErrorCode::UnsupportedDocument => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            // the history's query parameters: a request that cannot be used as sent
            AppError::Invalid(e) if e.code == ErrorCode::InvalidQuery => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) | AppError::ModelUnavailable { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::BadBody(_) | AppError::BadQuery { .. } => StatusCode::BAD_REQUEST,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::NotFound | AppError::NotServed { .. } => StatusCode::NOT_FOUND,
            AppError::CrossOrigin => StatusCode::FORBIDDEN,
            AppError::Ask(e) => e.status(),
            AppError::Sort(e) => e.status(),
            AppError::Auth(e) => match e {
                AuthError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                AuthError::WrongCredentials
                | AuthError::SignInRequired
                | AuthError::InvalidApiKey => StatusCode::UNAUTHORIZED,
                AuthError::EmailTaken | AuthError::TooManyKeys => StatusCode::CONFLICT,
                AuthError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
                AuthError::KeyNotFound => StatusCode::NOT_FOUND,
                AuthError::Database(_) | AuthError::Hash(_) | AuthError::Internal(_) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
            },
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

    /// What the person is told, in `lang`.
    pub fn public_in(&self, lang: Lang) -> PublicError {
        use ErrorCode as C;
        let t = &texts(lang).server;
        match self {
            AppError::Invalid(e) => e.public_in(lang),
            AppError::BadBody(detail) => PublicError::new(C::InvalidRequest, (t.bad_body)(detail)),
            AppError::BadQuery { detail, expected } => {
                PublicError::new(C::InvalidQuery, (t.bad_query)(detail, expected))
            }
            AppError::ModelUnavailable { reason, .. } => {
                PublicError::new(C::ModelUnavailable, reason.tell(lang))
                    .with_field(crate::domain::errors::Field::Model)
            }
            AppError::RateLimited {
                retry_after,
                burst,
                per_minute,
            } => PublicError::new(
                C::RateLimited,
                (t.rate_limited)(*burst, *per_minute, *retry_after),
            )
            .with_retry_after(*retry_after),
            AppError::NotFound => PublicError::new(C::NotFound, t.summary_not_found),
            AppError::NotServed { services } => PublicError::new(
                C::NotFound,
                match services {
                    crate::server::ask::Services::Classifier => {
                        texts(lang).sort.not_served_here.to_string()
                    }
                    s => (texts(lang).ask.not_served_here)(!s.answers()),
                },
            ),
            AppError::CrossOrigin => PublicError::new(C::CrossOrigin, t.cross_origin),
            AppError::Ask(e) => e.public_in(lang),
            AppError::Sort(e) => e.public_in(lang),
            AppError::Auth(e) => auth_public(e, lang),
            AppError::Database(_)
            | AppError::Record(_)
            | AppError::History(_)
            | AppError::Internal(_) => PublicError::new(C::Internal, t.internal),
            AppError::Provider { model, source } => source.public_in(model, lang),
        }
    }

    /// The machine-readable code, as recorded in the history table.
    pub fn code(&self) -> ErrorCode {
        self.public_in(Lang::En).code
    }

    /// Logs the cause at a level fitting who is at fault (ours: error; upstream: warn; the
    /// client's: info); returns the status.
    pub fn report(&self) -> StatusCode {
        let status = self.status();
        match self {
            AppError::Database(_)
            | AppError::Record(_)
            | AppError::History(_)
            | AppError::Internal(_)
            | AppError::Auth(
                AuthError::Database(_) | AuthError::Hash(_) | AuthError::Internal(_),
            ) => {
                tracing::error!(error = %self, source = ?std::error::Error::source(self), "request failed");
            }
            AppError::Ask(e) if e.is_internal() => {
                tracing::error!(error = %self, source = ?std::error::Error::source(self), "request failed");
            }
            AppError::Sort(e) if e.is_internal() => {
                tracing::error!(error = %self, "request failed");
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
        status
    }
}

/// What a person is told about an account failure, in `lang`. Sign-in failures never say
/// whether the email has an account.
fn auth_public(e: &AuthError, lang: Lang) -> PublicError {
    use ErrorCode as C;
    let t = &texts(lang).server;
    match e {
        AuthError::Invalid(e) => e.public_in(lang),
        AuthError::WrongCredentials => PublicError::new(C::WrongCredentials, t.wrong_credentials),
        AuthError::EmailTaken => PublicError::new(C::EmailTaken, t.email_taken)
            .with_field(crate::domain::errors::Field::Email),
        AuthError::TooManyAttempts { retry_after } => {
            PublicError::new(C::TooManyAttempts, (t.too_many_attempts)(*retry_after))
                .with_retry_after(*retry_after)
        }
        AuthError::SignInRequired => PublicError::new(C::SignInRequired, t.sign_in_required),
        AuthError::InvalidApiKey => PublicError::new(C::InvalidApiKey, t.invalid_api_key),
        AuthError::KeyNotFound => PublicError::new(C::NotFound, t.key_not_found),
        AuthError::TooManyKeys => PublicError::new(
            C::InvalidRequest,
            (t.too_many_keys)(crate::server::auth::keys::MAX_KEYS),
        ),
        AuthError::Database(_) | AuthError::Hash(_) | AuthError::Internal(_) => {
            PublicError::new(C::Internal, t.internal)
        }
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
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"precis\""),
        );
    }
    response
}

/// The response in English, with the failure itself attached: the outermost layer
/// (`lang::tell_errors`) words it again in the request's language.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.report();
        let mut response = error_response(status, self.public_in(Lang::En));
        response
            .extensions_mut()
            .insert(Untold(std::sync::Arc::new(self)));
        response
    }
}

#[cfg(test)]
mod tests;
