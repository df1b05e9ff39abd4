//! A rule broken by a request, as a typed reason: which input, and why, with the figures its
//! sentence needs. The sentence itself is the catalogue's (`i18n`), in the language asked
//! for: the page tells a reason as the person types, the server tells the same reason in the
//! request's language.

use super::account::AccountProblem;
use super::ask::AskProblem;
use super::errors::{ErrorCode, Field, PublicError};
use super::history::FilterProblem;
use super::models::ModelIdProblem;
use super::params::Param;
use super::settings::Lang;
use crate::i18n::{numbers, texts};

/// One rule broken by a request: which field, and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.message())]
pub struct Invalid {
    pub code: ErrorCode,
    pub field: Field,
    pub reason: Reason,
}

/// Why a value is refused. Every variant has its sentence in every language
/// ([`Texts::reason`](crate::i18n::Texts::reason) matches them all).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    EmptyText,
    TextTooLong {
        chars: usize,
        limit: usize,
    },
    /// The request body as announced, in KB.
    BodyTooLarge {
        kb: usize,
        max_kb: usize,
    },
    OutOfRange {
        param: Param,
        value: f64,
    },
    MinOverMax {
        min: u32,
        max: u32,
    },
    ModelId {
        id: String,
        problem: ModelIdProblem,
    },
    Account(AccountProblem),
    /// Changing a password: the current one typed is not right.
    CurrentPassword,
    Filter(FilterProblem),
    /// The history's other parameters, only ever wrong in a hand-made request; values are
    /// quoted back shortened.
    ModelFilter,
    Before {
        value: String,
    },
    Limit {
        value: String,
        max: u32,
    },
    Format {
        value: String,
    },
    /// The page's own check: the chosen model cannot run on this server; `why` is the
    /// server's sentence, already in the page's language.
    ModelUnavailable {
        label: String,
        why: String,
    },
    /// A document or a question (the Ask capability).
    Ask(AskProblem),
}

impl Invalid {
    pub fn new(code: ErrorCode, field: Field, reason: Reason) -> Self {
        Self {
            code,
            field,
            reason,
        }
    }

    /// The sentence in English (logs, tests).
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }

    /// The sentence in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        texts(lang).reason(&self.reason)
    }

    /// What the person or the script is told, in `lang`.
    pub fn public_in(&self, lang: Lang) -> PublicError {
        PublicError::new(self.code, self.message_in(lang)).with_field(self.field)
    }
}

impl crate::i18n::Texts {
    /// A reason, told in this catalogue's language. Exhaustive: a new [`Reason`] needs its
    /// sentence here, and so in every language.
    pub fn reason(&self, reason: &Reason) -> String {
        let lang = self.lang;
        // English keeps the plain numbers its API has always written ("it is 1000.5").
        let show = |v: f64| match lang {
            Lang::En => v.to_string(),
            _ => numbers::decimal(lang, v, 6),
        };
        match reason {
            Reason::EmptyText => self.empty_text.to_string(),
            Reason::TextTooLong { chars, limit } => (self.text_too_long)(*chars, *limit),
            Reason::BodyTooLarge { kb, max_kb } => (self.body_too_large)(*kb, *max_kb),
            Reason::OutOfRange { param, value } => {
                let b = param.bounds();
                let label = param.label_in(lang);
                if b.unbounded_above {
                    (self.must_be_at_least)(label, &show(b.min), &show(*value))
                } else {
                    (self.must_be_between)(label, &show(b.min), &show(b.max), &show(*value))
                }
            }
            Reason::MinOverMax { min, max } => (self.min_over_max)(*min, *max),
            Reason::ModelId { id, problem } => match problem {
                ModelIdProblem::Missing => self.model_id_missing.to_string(),
                ModelIdProblem::TooLong => (self.model_id_bad)(id, self.model_id_too_long),
                ModelIdProblem::Slashes => (self.model_id_bad)(id, self.model_id_slashes),
                ModelIdProblem::Characters => (self.model_id_bad)(id, self.model_id_chars),
            },
            Reason::Account(p) => self.account_problem(*p),
            Reason::CurrentPassword => self.account.current_password_wrong.to_string(),
            Reason::Filter(p) => self.history.problem(p),
            Reason::ModelFilter => self.history.model_filter_bad.to_string(),
            Reason::Before { value } => (self.history.before_bad)(value),
            Reason::Limit { value, max } => (self.history.limit_bad)(value, *max),
            Reason::Format { value } => (self.history.format_bad)(value),
            Reason::ModelUnavailable { label, why } => (self.cannot_run_here)(label, why),
            Reason::Ask(p) => self.ask.problem(lang, p),
        }
    }
}
