//! The words of the history panel: its list, its filters and export links, and the sentences of
//! the filters' rules (`domain::history::FilterProblem`).

use crate::domain::history::{DateBound, FilterProblem};

/// Texts of the history panel, in one language.
#[derive(Debug)]
pub struct HistoryTexts {
    pub title: &'static str,
    pub clear_all: &'static str,
    /// Accessible name of the question "Delete every summary?" and its buttons.
    pub confirm_group: &'static str,
    pub confirm: &'static str,
    pub yes_clear: &'static str,
    pub keep: &'static str,
    pub loading: &'static str,
    /// Accessible name of the list.
    pub list: &'static str,
    pub none_yet: &'static str,
    pub none_match: &'static str,
    /// "No summaries match “budget”."
    pub none_match_search: fn(search: &str) -> String,
    pub clear_filters: &'static str,
    /// "3 summaries", "1 matching summary", "50 summaries, more below".
    pub count: fn(n: usize, filtered: bool, more: bool) -> String,
    pub load_more: &'static str,
    pub loading_more: &'static str,
    /// A delete button's tooltip; its accessible name is [`delete_label`](Self::delete_label).
    pub delete: &'static str,
    /// "Delete “title”"
    pub delete_label: fn(title: &str) -> String,

    // --- the filters ---------------------------------------------------------------------
    /// Accessible name of the search and filters.
    pub filters: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub model: &'static str,
    pub all_models: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub export: &'static str,
    pub export_json: &'static str,
    pub export_markdown: &'static str,
    pub export_hint: &'static str,

    // --- the filters' rules (English: the server's own sentences) -----------------------
    pub search_too_long: fn(chars: usize, max: usize) -> String,
    pub too_many_words: fn(words: usize, max: usize) -> String,
    /// "“x” is not a date: write From as YYYY-MM-DD, …" (`field`: the date's label)
    pub not_a_date: fn(value: &str, field: &str) -> String,
    /// Dates as `YYYY-MM-DD`.
    pub from_after_to: fn(from: &str, to: &str) -> String,

    // --- the other parameters, only wrong in a hand-made request: the API's answers -------
    pub model_filter_bad: &'static str,
    pub before_bad: fn(value: &str) -> String,
    pub limit_bad: fn(value: &str, max: u32) -> String,
    pub format_bad: fn(value: &str) -> String,
}

impl HistoryTexts {
    /// A problem with the filters, told in this language. Exhaustive: a new reason needs its
    /// sentence here.
    pub fn problem(&self, p: &FilterProblem) -> String {
        match p {
            FilterProblem::SearchTooLong { chars, max } => (self.search_too_long)(*chars, *max),
            FilterProblem::TooManyWords { words, max } => (self.too_many_words)(*words, *max),
            FilterProblem::NotADate { bound, value } => {
                (self.not_a_date)(value, self.date_label(*bound))
            }
            FilterProblem::FromAfterTo { from, to } => {
                (self.from_after_to)(&from.to_string(), &to.to_string())
            }
        }
    }

    /// The label of the From or To filter.
    pub fn date_label(&self, bound: DateBound) -> &'static str {
        match bound {
            DateBound::From => self.from,
            DateBound::To => self.to,
        }
    }
}
