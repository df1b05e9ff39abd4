//! The Ask routes' example documents, questions and answers, as the OpenAPI document shows
//! them.

use crate::domain::ask::answer::{
    Answer, AnswerEvent, AnswerModel, AnswerModels, AnswerTimings, FoundPassage, EXTRACTIVE,
};
use crate::domain::ask::document::{DocumentList, DocumentStatus, DocumentView};
use crate::domain::ask::question::QuestionRequest;

pub const DOCUMENT_ID: &str = "6f1c0e0b7d2a4c4f9f0e2b1a3c5d7e9f";

pub fn document() -> DocumentView {
    DocumentView {
        id: DOCUMENT_ID.into(),
        title: "Staff handbook".into(),
        format: "markdown".into(),
        status: DocumentStatus::Ready,
        passages: 12,
        passages_done: 12,
        chars: 9_418,
        bytes: 9_530,
        shared: false,
        created_at: "2026-12-05T09:30:00Z".into(),
        error: None,
    }
}

/// A long document, being indexed in the background.
pub fn processing() -> DocumentView {
    DocumentView {
        id: "0d9e5a7c3b1f4e2a8c6b4d2f0e1a3c5b".into(),
        title: "Annual report 2025".into(),
        format: "pdf".into(),
        status: DocumentStatus::Processing,
        passages: 112,
        passages_done: 40,
        chars: 180_224,
        bytes: 2_411_937,
        ..document()
    }
}

pub fn list() -> DocumentList {
    DocumentList {
        documents: vec![processing(), document()],
    }
}

/// A document's progress as its stream sends it.
pub fn progress() -> String {
    [32, 64, 96, 112]
        .into_iter()
        .map(|done| {
            let status = if done == 112 {
                DocumentStatus::Ready
            } else {
                DocumentStatus::Processing
            };
            DocumentView {
                passages_done: done,
                status,
                ..processing()
            }
        })
        .filter_map(|d| serde_json::to_string(&d).ok())
        .map(|json| format!("event: progress\ndata: {json}\n\n"))
        .collect()
}

/// An answer as its stream sends it.
pub fn stream() -> String {
    let a = answer();
    let events = [
        AnswerEvent::Passages {
            passages: a.passages.clone(),
            grounded: true,
        },
        AnswerEvent::Token {
            text: a.answer.clone(),
        },
        AnswerEvent::Done { answer: a },
    ];
    events
        .iter()
        .filter_map(|e| serde_json::to_string(e).ok())
        .map(|json| format!("data: {json}\n\n"))
        .collect()
}

pub fn models() -> AnswerModels {
    AnswerModels {
        models: vec![
            AnswerModel {
                id: EXTRACTIVE.into(),
                label: "Quotes from your documents".into(),
                description: "The sentences of your documents that best answer the \
                    question, quoted with their citations. No language model: nothing is \
                    invented."
                    .into(),
                generative: false,
                experimental: false,
                unavailable: None,
            },
            AnswerModel {
                id: "local/SmolLM2-135M-Instruct.Q4_1".into(),
                label: "Local · SmolLM2-135M".into(),
                description: "A small language model on this server writes the answer in \
                    its own words from the passages, citing them. Experimental: check what \
                    it says against the passages."
                    .into(),
                generative: true,
                experimental: true,
                unavailable: None,
            },
        ],
        default: EXTRACTIVE.into(),
    }
}

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
        answer: "“Everyone gets 25 days of paid holiday a year, plus public holidays.” [1]".into(),
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
