//! What the Ask services fail with, their status and their sentence. Broken rules (a blank
//! question, an unreadable file) are `Invalid`s with an `AskProblem`; these are the rest.

use axum::http::StatusCode;
use precis_engine::registry::ModelProblem;
use precis_knowledge::store::StoreError;

use crate::domain::errors::{ErrorCode, Field, PublicError};
use crate::domain::settings::Lang;
use crate::i18n::texts;
use crate::server::ask::answer::remote::ServerFailure;
use crate::server::providers::local::tell;

#[derive(Debug, thiserror::Error)]
pub enum AskError {
    /// The person (and the shared library) has no document at all.
    #[error("no documents to ask")]
    NoDocuments,
    /// Documents exist, none is ready yet.
    #[error("every document is still being indexed")]
    StillIndexing,
    /// Not one of the person's documents (or the shared library's, to read).
    #[error("no such document")]
    DocumentNotFound { field: Option<Field> },
    #[error("a shared library document cannot be removed through the API")]
    SharedReadOnly,
    #[error("knowledge store: {0}")]
    Store(#[from] StoreError),
    #[error("embedding model unavailable: {0:?}")]
    EmbedderMissing(ModelProblem),
    /// The operator's answer server (`PRECIS_ASK_LLM_URL`) failed writing with `model`;
    /// `server` (scheme, host and port) is for the log only.
    #[error("answer server {server} failed with {model}: {failure}")]
    AnswerServer {
        model: String,
        server: String,
        failure: ServerFailure,
    },
}

impl AskError {
    pub fn status(&self) -> StatusCode {
        match self {
            AskError::NoDocuments | AskError::StillIndexing => StatusCode::CONFLICT,
            AskError::DocumentNotFound { .. } => StatusCode::NOT_FOUND,
            AskError::SharedReadOnly => StatusCode::FORBIDDEN,
            AskError::Store(e) if unreachable(e) => StatusCode::SERVICE_UNAVAILABLE,
            AskError::EmbedderMissing(_) => StatusCode::SERVICE_UNAVAILABLE,
            AskError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AskError::AnswerServer { failure, .. } => failure.status(),
        }
    }

    /// Ours to fix (logged as errors), rather than the client's or the network's.
    pub fn is_internal(&self) -> bool {
        self.status() == StatusCode::INTERNAL_SERVER_ERROR
    }

    pub fn public_in(&self, lang: Lang) -> PublicError {
        use ErrorCode as C;
        let t = &texts(lang).ask;
        match self {
            AskError::NoDocuments => PublicError::new(C::NoDocuments, t.no_documents),
            AskError::StillIndexing => PublicError::new(C::NoDocuments, t.still_indexing),
            AskError::DocumentNotFound { field } => {
                let e = PublicError::new(C::NotFound, t.document_not_found);
                match field {
                    Some(f) => e.with_field(*f),
                    None => e,
                }
            }
            AskError::SharedReadOnly => PublicError::new(C::SharedDocument, t.shared_read_only),
            AskError::Store(e) if unreachable(e) => {
                PublicError::new(C::StoreUnavailable, t.store_unavailable).with_retry_after(5)
            }
            AskError::EmbedderMissing(problem) => PublicError::new(
                C::ModelUnavailable,
                (t.embedder_missing)(&tell(*problem, lang)),
            ),
            AskError::Store(_) => PublicError::new(C::Internal, texts(lang).server.internal),
            AskError::AnswerServer { model, failure, .. } => server_failure(model, failure, lang),
        }
    }
}

/// Seconds to wait when a rate-limited answer server does not say.
const SERVER_RETRY_SECS: u64 = 30;

/// What a person reads when the operator's answer server fails with `model`: who failed and
/// what to do, never the server's address nor what it said.
fn server_failure(model: &str, failure: &ServerFailure, lang: Lang) -> PublicError {
    use ErrorCode as C;
    use ServerFailure as F;
    let t = &texts(lang).ask;
    match failure {
        F::Unreachable { .. } => {
            PublicError::new(C::UpstreamUnreachable, (t.server_unreachable)(model))
        }
        F::Timeout { after_secs } => {
            PublicError::new(C::UpstreamTimeout, (t.server_timeout)(model, *after_secs))
        }
        F::Unauthorized { .. } => {
            PublicError::new(C::UpstreamUnauthorized, (t.server_unauthorized)(model))
        }
        F::ModelNotFound { .. } => {
            PublicError::new(C::ModelNotFound, (t.server_model_not_found)(model))
                .with_field(Field::Model)
        }
        F::RateLimited { retry_after } => {
            let secs = retry_after.unwrap_or(SERVER_RETRY_SECS);
            PublicError::new(C::UpstreamRateLimited, (t.server_rate_limited)(model, secs))
                .with_retry_after(secs)
        }
        F::Refused { status, .. } => {
            PublicError::new(C::UpstreamError, (t.server_refused)(model, *status))
        }
        F::Failed { status, .. } => {
            PublicError::new(C::UpstreamError, (t.server_failed)(model, *status))
        }
        F::Interrupted { .. } => PublicError::new(C::UpstreamError, (t.server_interrupted)(model)),
        F::BadResponse { .. } => {
            PublicError::new(C::UpstreamBadResponse, (t.server_bad_response)(model))
        }
    }
}

/// The database could not be reached (as opposed to a statement failing).
fn unreachable(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Db(
            sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::Io(_)
                | sqlx::Error::Tls(_)
        )
    )
}
