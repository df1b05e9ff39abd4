//! A question to the knowledge base, and the rules it must follow.

use serde::{Deserialize, Serialize};

use super::document::is_document_id;
use super::AskProblem;
use crate::domain::invalid::Invalid;
use crate::domain::models::check_model_id;
use crate::domain::text::char_count;

/// Longest question accepted, in characters.
pub const MAX_QUESTION_CHARS: usize = 1_000;
/// Passages given to the answer when the request does not say.
pub const DEFAULT_TOP_K: u32 = 5;
/// Most passages a question may ask for.
pub const MAX_TOP_K: u32 = 20;
/// Most documents a question may be limited to.
pub const MAX_DOCUMENT_IDS: usize = 100;

/// `POST /api/v1/questions` (and `/stream`) body.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRequest {
    pub question: String,
    /// How many passages to find and give to the answer (1–20, default 5).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::whole::option"
    )]
    pub top_k: Option<u32>,
    /// Who writes the answer: `extractive` (the best sentences of the passages, quoted; needs
    /// no language model) or a language model's id from `GET /api/v1/questions/models`;
    /// the server's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Only these documents (yours or the shared library's); all of them when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_ids: Option<Vec<String>>,
}

/// A question that follows the rules: trimmed, not empty, not too long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question(String);

impl Question {
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(AskProblem::EmptyQuestion.invalid());
        }
        let chars = char_count(trimmed);
        if chars > MAX_QUESTION_CHARS {
            return Err(AskProblem::QuestionTooLong {
                chars,
                limit: MAX_QUESTION_CHARS,
            }
            .invalid());
        }
        Ok(Self(trimmed.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A request once every rule holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedQuestion {
    pub question: Question,
    pub top_k: u32,
    pub model: Option<String>,
    pub document_ids: Option<Vec<String>>,
}

impl QuestionRequest {
    /// The request's values, or the first rule it breaks.
    pub fn parse(self) -> Result<ParsedQuestion, Invalid> {
        let question = Question::parse(&self.question)?;
        let top_k = match self.top_k {
            None => DEFAULT_TOP_K,
            Some(k) if (1..=MAX_TOP_K).contains(&k) => k,
            Some(k) => {
                return Err(AskProblem::TopK {
                    value: k.to_string(),
                    max: MAX_TOP_K,
                }
                .invalid())
            }
        };
        if let Some(model) = &self.model {
            check_model_id(model)?;
        }
        if let Some(ids) = &self.document_ids {
            let bad = ids.iter().find(|id| !is_document_id(id));
            if ids.len() > MAX_DOCUMENT_IDS || bad.is_some() {
                return Err(AskProblem::DocumentIds {
                    value: bad.map_or_else(|| ids.len().to_string(), |b| shorten(b)),
                    max: MAX_DOCUMENT_IDS,
                }
                .invalid());
            }
        }
        Ok(ParsedQuestion {
            question,
            top_k,
            model: self.model,
            document_ids: self.document_ids,
        })
    }
}

/// A value quoted back in a message, cut to 40 characters.
pub(crate) fn shorten(value: &str) -> String {
    let mut out: String = value.chars().filter(|c| !c.is_control()).take(40).collect();
    if char_count(value) > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::errors::{ErrorCode, Field};

    fn request(question: &str) -> QuestionRequest {
        QuestionRequest {
            question: question.to_string(),
            top_k: None,
            model: None,
            document_ids: None,
        }
    }

    #[test]
    fn a_question_is_trimmed_and_defaults_apply() {
        let q = request("  When was it founded?\n").parse().unwrap();
        assert_eq!(q.question.as_str(), "When was it founded?");
        assert_eq!(q.top_k, DEFAULT_TOP_K);
    }

    #[test]
    fn empty_and_long_questions_are_refused_with_their_code() {
        let e = request(" \n\t").parse().unwrap_err();
        assert_eq!(
            (e.code, e.field),
            (ErrorCode::EmptyQuestion, Field::Question)
        );
        let long = "é".repeat(MAX_QUESTION_CHARS + 1);
        let e = request(&long).parse().unwrap_err();
        assert_eq!(e.code, ErrorCode::QuestionTooLong);
        assert!(request(&"é".repeat(MAX_QUESTION_CHARS)).parse().is_ok());
    }

    #[test]
    fn top_k_and_document_ids_are_checked() {
        for k in [0, MAX_TOP_K + 1] {
            let e = QuestionRequest {
                top_k: Some(k),
                ..request("why?")
            }
            .parse()
            .unwrap_err();
            assert_eq!(
                (e.code, e.field),
                (ErrorCode::InvalidParameter, Field::TopK)
            );
        }
        let e = QuestionRequest {
            document_ids: Some(vec!["nope".into()]),
            ..request("why?")
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.field, Field::DocumentIds);
        let ok = QuestionRequest {
            document_ids: Some(vec!["0123456789abcdef0123456789abcdef".into()]),
            ..request("why?")
        };
        assert!(ok.parse().is_ok());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::errors::ErrorCode;
    use crate::domain::tricky::tricky_text;
    use proptest::prelude::*;

    proptest! {
        /// Any text is either the trimmed question or refused with the rule it breaks, and
        /// only that rule: nothing typed makes the parser panic or keep outer spaces.
        #[test]
        fn any_text_is_a_trimmed_question_or_a_named_refusal(
            text in prop_oneof![tricky_text(40), tricky_text(1_100)],
        ) {
            let trimmed = text.trim();
            match Question::parse(&text) {
                Ok(q) => {
                    prop_assert_eq!(q.as_str(), trimmed);
                    prop_assert!(!trimmed.is_empty());
                    prop_assert!(trimmed.chars().count() <= MAX_QUESTION_CHARS);
                }
                Err(e) if trimmed.is_empty() => prop_assert_eq!(e.code, ErrorCode::EmptyQuestion),
                Err(e) => {
                    prop_assert_eq!(e.code, ErrorCode::QuestionTooLong);
                    prop_assert!(trimmed.chars().count() > MAX_QUESTION_CHARS);
                }
            }
        }
    }
}
