//! An answer and the passages it was written from, as the API and the page show them.

use serde::{Deserialize, Serialize};

use crate::domain::errors::PublicError;

/// The model id of the extractive answer: the passages' best sentences, quoted with their
/// citations. Needs no language model; faithful by construction.
pub const EXTRACTIVE: &str = "extractive";

/// A passage found for a question, numbered as the answer cites it.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoundPassage {
    /// The number the answer cites it by (`[1]` is the first).
    pub number: u32,
    pub document_id: String,
    /// The document's title.
    pub title: String,
    pub text: String,
    /// The fused relevance score (reciprocal-rank fusion of meaning and keywords; higher is
    /// better, only comparable within one answer).
    pub score: f32,
    /// Character offsets of the passage in the document's text (`end` exclusive).
    pub start: u32,
    pub end: u32,
    /// Its place in the document: 0 is the first passage.
    pub ordinal: u32,
    /// The answer cites it.
    pub cited: bool,
}

/// Time spent, in milliseconds.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AnswerTimings {
    /// Embedding the question and searching.
    pub retrieval_ms: u64,
    /// Writing the answer.
    pub generation_ms: u64,
}

/// `POST /api/v1/questions` answer.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// With `[n]` citations of `passages`.
    pub answer: String,
    /// False when the documents do not contain the answer: `answer` says so, and `passages`
    /// are the closest ones found.
    pub grounded: bool,
    /// Best first.
    pub passages: Vec<FoundPassage>,
    /// Who wrote the answer: `extractive` or a language model's id.
    pub model: String,
    /// Total time, in milliseconds.
    pub latency_ms: u64,
    pub timings: AnswerTimings,
}

/// One event of `POST /api/v1/questions/stream` (each Server-Sent Event's `data:` is one of
/// these, told apart by `type`).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswerEvent {
    /// First: the passages found, and whether they hold the answer.
    Passages {
        passages: Vec<FoundPassage>,
        grounded: bool,
    },
    /// The next piece of the answer: append it.
    Token { text: String },
    /// Last: the whole answer, with its citations checked.
    Done { answer: Answer },
    /// Instead of `done`: why the answer stopped.
    Error { error: PublicError },
}

/// Who can write answers on this server (`GET /api/v1/questions/models`).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerModel {
    /// What to send as `model`.
    pub id: String,
    pub label: String,
    pub description: String,
    /// Writes with a language model (it may word things its own way); false for quotes.
    pub generative: bool,
    /// Small or untested: answers may be wrong.
    pub experimental: bool,
    /// Set when the model cannot run on this server: why, and what the operator can do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
}

/// `GET /api/v1/questions/models`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerModels {
    pub models: Vec<AnswerModel>,
    /// The one used when a question names none.
    pub default: String,
}
