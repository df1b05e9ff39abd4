//! The Ask routes' error sets in the OpenAPI document, built from the errors the services
//! really answer with (as the studio's are in `server::openapi::examples`). Their example
//! bodies are in [`examples`].

use std::collections::BTreeMap;

use utoipa::openapi::{RefOr, Response};
use utoipa::IntoResponses;

use crate::domain::ask::question::QuestionRequest;
use crate::domain::ask::AskProblem;
use crate::server::ask::AskError;
use crate::server::error::AppError;
use crate::server::openapi::examples::{common_errors, rate_limited, ErrorExample};
use crate::server::openapi::responses::error_responses;

pub mod examples;

/// A body the JSON extractor refuses, described as the handlers describe it.
fn unreadable(body: &'static str) -> AppError {
    use axum::body::Bytes;
    use axum::Json;
    match Json::<QuestionRequest>::from_bytes(&Bytes::from_static(body.as_bytes())) {
        Err(rejection) => AppError::BadBody(crate::server::routes::api::describe(&rejection)),
        Ok(_) => AppError::Internal("example body unexpectedly readable".into()),
    }
}

fn problem(p: AskProblem) -> AppError {
    p.invalid().into()
}

fn question_invalid(change: impl FnOnce(&mut QuestionRequest)) -> AppError {
    let mut q = examples::question();
    change(&mut q);
    match q.parse() {
        Err(e) => e.into(),
        Ok(_) => AppError::Internal("example question unexpectedly valid".into()),
    }
}

/// Every error of `POST /api/v1/documents`.
pub struct AddErrors;

impl IntoResponses for AddErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let e = ErrorExample::new;
        error_responses(
            [
                e(
                    "unsupported_document",
                    "An image, an office file, binary data",
                    problem(AskProblem::Unsupported {
                        what: "image/png".into(),
                    }),
                ),
                e(
                    "empty_document",
                    "Nothing to read",
                    problem(AskProblem::EmptyDocument),
                ),
                e(
                    "image_only_pdf",
                    "A scanned PDF without text",
                    problem(AskProblem::ImageOnlyPdf),
                ),
                e(
                    "unreadable_encoding",
                    "Text in an unknown encoding",
                    problem(AskProblem::Encoding),
                ),
                e(
                    "damaged_pdf",
                    "A damaged or encrypted PDF",
                    problem(AskProblem::DamagedPdf),
                ),
                e(
                    "document_too_large",
                    "Over 20 MiB",
                    problem(AskProblem::DocumentTooLarge {
                        bytes: 31_457_280,
                        limit: crate::domain::ask::document::MAX_DOCUMENT_BYTES,
                    }),
                ),
                e(
                    "no_file",
                    "A multipart body without its `file` part",
                    problem(AskProblem::NoFile),
                ),
                e(
                    "invalid_json",
                    "JSON that does not parse",
                    unreadable(r#"{"text": "A text.""#),
                ),
                rate_limited(),
            ]
            .into_iter()
            .chain(common_errors()),
        )
    }
}

/// Every error of reading or removing a document.
pub struct DocumentErrors;

impl IntoResponses for DocumentErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let e = ErrorExample::new;
        error_responses(
            [
                e(
                    "not_found",
                    "Not one of your documents",
                    AppError::from(AskError::DocumentNotFound { field: None }),
                ),
                e(
                    "shared_document",
                    "Removing a shared library document",
                    AppError::from(AskError::SharedReadOnly),
                ),
            ]
            .into_iter()
            .chain(common_errors()),
        )
    }
}

/// What `POST /api/v1/questions/stream` answers with a status: refusals before streaming starts
/// (everything later arrives as its `error` event).
pub struct QuestionStreamErrors;

impl IntoResponses for QuestionStreamErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(question_refusals().into_iter().chain(common_errors()))
    }
}

/// Every error of `POST /api/v1/questions`.
pub struct QuestionErrors;

impl IntoResponses for QuestionErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let e = ErrorExample::new;
        let mut out = question_refusals();
        out.extend([
            e(
                "no_documents",
                "Nothing to ask yet",
                AppError::from(AskError::NoDocuments),
            ),
            e(
                "still_indexing",
                "Every document still being indexed",
                AppError::from(AskError::StillIndexing),
            ),
            e(
                "unknown_document",
                "A document id in document_ids that is not yours",
                AppError::from(AskError::DocumentNotFound {
                    field: Some(crate::domain::errors::Field::DocumentIds),
                }),
            ),
            e(
                "unknown_model",
                "A model this server does not have",
                AppError::ModelUnavailable {
                    model: "local/nope".into(),
                    reason: crate::server::providers::catalog::Unavailable::NoSuchLocal {
                        id: "local/nope".into(),
                    },
                },
            ),
        ]);
        out.extend(answer_server_errors());
        error_responses(out.into_iter().chain(common_errors()))
    }
}

/// Refusals before any work starts: unreadable bodies, broken rules, the per-person limit.
fn question_refusals() -> Vec<ErrorExample> {
    let e = ErrorExample::new;
    vec![
        e(
            "invalid_json",
            "The body is not JSON",
            unreadable(r#"{"question": "Why?""#),
        ),
        e(
            "empty_question",
            "A blank question",
            question_invalid(|q| q.question = " ".into()),
        ),
        e(
            "question_too_long",
            "Over 1,000 characters",
            question_invalid(|q| {
                q.question = "why ".repeat(300);
            }),
        ),
        e(
            "invalid_top_k",
            "top_k out of 1–20",
            question_invalid(|q| q.top_k = Some(0)),
        ),
        rate_limited(),
    ]
}

/// The model of the examples on the operator's answer server (`PRECIS_ASK_LLM_URL`).
pub const SERVER_MODEL: &str = "server/llama3.2-3b";

/// The operator's answer server failing (HuggingFace's models fail as the studio's do).
fn answer_server_errors() -> Vec<ErrorExample> {
    use crate::server::ask::answer::remote::ServerFailure as F;
    let failed = |failure| {
        AppError::from(AskError::AnswerServer {
            model: SERVER_MODEL.into(),
            server: "http://localhost:11434".into(),
            failure,
        })
    };
    let said = String::new;
    let e = ErrorExample::new;
    vec![
        e(
            "server_unreachable",
            "The answer server did not respond",
            failed(F::Unreachable {
                cause: "connection refused".into(),
            }),
        ),
        e(
            "server_timeout",
            "No whole answer within PRECIS_ASK_LLM_TIMEOUT_SECS",
            failed(F::Timeout { after_secs: 120 }),
        ),
        e(
            "server_unauthorized",
            "The answer server refused the key (401, 403)",
            failed(F::Unauthorized {
                status: 401,
                said: said(),
            }),
        ),
        e(
            "server_model_not_found",
            "The answer server has no such model (404)",
            failed(F::ModelNotFound { said: said() }),
        ),
        e(
            "server_rate_limited",
            "The answer server's own limit (429)",
            failed(F::RateLimited {
                retry_after: Some(20),
            }),
        ),
        e(
            "server_refused",
            "The answer server refused the request (another 4xx)",
            failed(F::Refused {
                status: 400,
                said: said(),
            }),
        ),
        e(
            "server_error",
            "The answer server failed (5xx)",
            failed(F::Failed {
                status: 500,
                said: said(),
            }),
        ),
        e(
            "server_interrupted",
            "The answer broke off",
            failed(F::Interrupted { cause: said() }),
        ),
        e(
            "server_bad_response",
            "Not a chat completion stream",
            failed(F::BadResponse { what: said() }),
        ),
    ]
}
