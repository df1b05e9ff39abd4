//! What a person can get wrong in the history's filters ([`FilterProblem`]), in every language.

use serde::{Deserialize, Serialize};

use super::query::{check_dates, check_search};
use super::{invalid, HistoryParams};
use crate::domain::date::Date;
use crate::domain::errors::Field;
use crate::domain::params::{Invalid, Reason};
use crate::domain::settings::Lang;
use crate::i18n::texts;

/// What a person can get wrong in the history's own filters (the search box, the From and To
/// days), with what its sentence needs. The page checks the filters itself before asking and
/// tells the problem in its language ([`FilterProblem::message_in`],
/// `i18n::HistoryTexts::problem`); the server tells the same reason in the request's language.
/// The other parameters (`model`, `before`, `limit`, `format`) are only ever wrong in a
/// hand-made request: their reasons are [`Reason`]'s own variants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FilterProblem {
    SearchTooLong {
        chars: usize,
        max: usize,
    },
    TooManyWords {
        words: usize,
        max: usize,
    },
    /// `value` is quoted back, shortened to 40 characters.
    NotADate {
        bound: DateBound,
        value: String,
    },
    FromAfterTo {
        from: Date,
        to: Date,
    },
}

/// Which end of the date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateBound {
    From,
    To,
}

impl DateBound {
    pub fn field(self) -> Field {
        match self {
            DateBound::From => Field::From,
            DateBound::To => Field::To,
        }
    }
}

impl FilterProblem {
    /// The first problem in the filters a person sets (search, From, To), found by the checks
    /// [`HistoryQuery::parse`](super::HistoryQuery::parse) makes of them, in the same order.
    pub fn first_in(params: &HistoryParams) -> Option<Self> {
        check_search(params).and(check_dates(params)).err()
    }

    pub fn field(&self) -> Field {
        match self {
            Self::SearchTooLong { .. } | Self::TooManyWords { .. } => Field::Search,
            Self::NotADate { bound, .. } => bound.field(),
            Self::FromAfterTo { .. } => Field::From,
        }
    }

    /// The sentence the server answers with (English).
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }

    /// The sentence in `lang`, as the page shows it.
    pub fn message_in(&self, lang: Lang) -> String {
        texts(lang).history.problem(self)
    }
}

impl From<FilterProblem> for Invalid {
    fn from(p: FilterProblem) -> Self {
        invalid(p.field(), Reason::Filter(p))
    }
}
