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

/// A piece of an answer's text, as the page shows it: plain text, or a citation of the passage
/// numbered `n` (`[n]`, which the page turns into a button that opens the passage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerPiece {
    Text(String),
    Cite(u32),
}

/// `answer` cut into text and citations of passages numbered 1 to `given`. A marker is `[n]`
/// or, as a language model may write it, `[n, m]` (one citation each); a number outside
/// 1..=`given`, and anything else in brackets (`[sic]`, `[0]`, an unclosed `[`), stays text.
/// The pieces' text joined with `[n]` markers gives the answer back.
pub fn answer_pieces(answer: &str, given: u32) -> Vec<AnswerPiece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = answer;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let cites = after.find(']').and_then(|close| {
            let inside = &after[..close];
            let numbers: Option<Vec<u32>> = inside
                .split(',')
                .map(|n| {
                    let n = n.trim();
                    let digits =
                        !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit());
                    digits
                        .then(|| n.parse::<u32>().ok())
                        .flatten()
                        .filter(|n| (1..=given).contains(n))
                })
                .collect();
            numbers.map(|n| (n, close))
        });
        match cites {
            Some((numbers, close)) => {
                text.push_str(&rest[..open]);
                if !text.is_empty() {
                    out.push(AnswerPiece::Text(std::mem::take(&mut text)));
                }
                out.extend(numbers.into_iter().map(AnswerPiece::Cite));
                rest = &after[close + 1..];
            }
            None => {
                text.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(AnswerPiece::Text(text));
    }
    out
}

/// The passage numbers `answer` cites, each once, in order of first citation.
pub fn cited_numbers(answer: &str, given: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for piece in answer_pieces(answer, given) {
        if let AnswerPiece::Cite(n) = piece {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::AnswerPiece::{Cite, Text};
    use super::*;

    fn text(s: &str) -> AnswerPiece {
        Text(s.to_string())
    }

    #[test]
    fn citations_are_cut_out_of_the_text() {
        assert_eq!(
            answer_pieces("“25 days a year.” [1] Also [2][3].", 3),
            vec![
                text("“25 days a year.” "),
                Cite(1),
                text(" Also "),
                Cite(2),
                Cite(3),
                text(".")
            ]
        );
        assert_eq!(answer_pieces("[1]", 1), vec![Cite(1)]);
        assert_eq!(answer_pieces("", 5), vec![]);
    }

    #[test]
    fn a_models_list_of_numbers_is_one_citation_each() {
        assert_eq!(
            answer_pieces("Yes [1, 3].", 3),
            vec![text("Yes "), Cite(1), Cite(3), text(".")]
        );
    }

    #[test]
    fn brackets_that_cite_nothing_given_stay_text() {
        for s in [
            "[0] a",
            "[4] of three",
            "[sic]",
            "[1 2]",
            "[]",
            "[, 1]",
            "a [ b",
            "x [1",
            "[99999999999]",
        ] {
            assert_eq!(answer_pieces(s, 3), vec![text(s)], "{s}");
        }
        assert_eq!(
            answer_pieces("[[2]] é [x] [2]", 3),
            vec![text("["), Cite(2), text("] é [x] "), Cite(2)]
        );
    }

    #[test]
    fn pieces_give_the_answer_back() {
        let answer = "Über [1] — ok [2, 1] [sic] [3";
        let rebuilt: String = answer_pieces(answer, 2)
            .into_iter()
            .map(|p| match p {
                Text(t) => t,
                Cite(n) => format!("[{n}]"),
            })
            .collect();
        assert_eq!(rebuilt, "Über [1] — ok [2][1] [sic] [3");
        assert_eq!(cited_numbers(answer, 2), vec![1, 2]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::tricky::tricky_text;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a model writes, the page cites only passages it was given, shows no empty
        /// text piece, and loses no character outside the citation markers.
        #[test]
        fn any_answer_cites_only_given_passages(
            parts in prop::collection::vec(
                prop_oneof![tricky_text(12), (0u32..30).prop_map(|n| format!("[{n}]")),
                            (0u32..30, 0u32..30).prop_map(|(a, b)| format!("[{a}, {b}]"))],
                0..12,
            ),
            given in 0u32..10,
        ) {
            let answer: String = parts.concat();
            let pieces = answer_pieces(&answer, given);
            let mut text_len = 0;
            for (i, piece) in pieces.iter().enumerate() {
                match piece {
                    AnswerPiece::Cite(n) => prop_assert!((1..=given).contains(n)),
                    AnswerPiece::Text(t) => {
                        prop_assert!(!t.is_empty());
                        prop_assert!(!matches!(pieces.get(i + 1), Some(AnswerPiece::Text(_))));
                        text_len += t.len();
                    }
                }
            }
            prop_assert!(text_len <= answer.len());
            for n in cited_numbers(&answer, given) {
                prop_assert!((1..=given).contains(&n));
            }
        }
    }
}
