//! The Ask routes' examples and error sets in the OpenAPI document, built from the errors the
//! services really answer with (as the studio's are in `server::openapi::examples`).

use std::collections::BTreeMap;

use utoipa::openapi::{RefOr, Response};
use utoipa::IntoResponses;

use crate::domain::ask::question::QuestionRequest;
use crate::domain::ask::AskProblem;
use crate::server::ask::AskError;
use crate::server::error::AppError;
use crate::server::openapi::examples::{common_errors, rate_limited, ErrorExample};
use crate::server::openapi::responses::error_responses;

pub mod examples {
    use crate::domain::ask::answer::{Answer, AnswerTimings, FoundPassage, EXTRACTIVE};
    use crate::domain::ask::question::QuestionRequest;

    pub fn question() -> QuestionRequest {
        QuestionRequest {
            question: "How many days of holiday do we get?".into(),
            top_k: Some(5),
            model: None,
            document_ids: None,
        }
    }

    pub fn answer() -> Answer {
        let text = "Holidays. Everyone gets 25 days of paid holiday a year, plus public holidays.";
        Answer {
            answer: "“Everyone gets 25 days of paid holiday a year, plus public holidays.” [1]"
                .into(),
            grounded: true,
            passages: vec![FoundPassage {
                number: 1,
                document_id: "6f1c0e0b7d2a4c4f9f0e2b1a3c5d7e9f".into(),
                title: "Staff handbook".into(),
                text: text.into(),
                score: 0.0328,
                start: 1_204,
                end: 1_204 + text.chars().count() as u32,
                ordinal: 3,
                cited: true,
            }],
            model: EXTRACTIVE.into(),
            latency_ms: 41,
            timings: AnswerTimings {
                retrieval_ms: 23,
                generation_ms: 18,
            },
        }
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

/// Every error of `POST /api/v1/questions` (and what its stream answers with a status).
pub struct QuestionErrors;

impl IntoResponses for QuestionErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let e = ErrorExample::new;
        error_responses(
            [
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
                rate_limited(),
            ]
            .into_iter()
            .chain(common_errors()),
        )
    }
}
