//! The history's query string as sent ([`HistoryParams`]) and as checked ([`HistoryQuery`]).

use serde::{Deserialize, Serialize};

use super::{
    invalid, present, shorten, DateBound, ExportFormat, ExportParams, FilterProblem, Search,
    DEFAULT_PAGE, MAX_MODEL_CHARS, MAX_PAGE,
};
use crate::domain::date::Date;
use crate::domain::errors::Field;
use crate::domain::params::{Invalid, Reason};

/// The history's query string as sent (`?q=&model=&from=&to=&before=&limit=`), every value a
/// string: a malformed value gets a sentence from [`HistoryQuery::parse`] instead of a
/// deserializer's message. Empty values count as absent (an emptied form field).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "ssr", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct HistoryParams {
    /// Words to find in the summarized texts and their summaries. Case and accents are
    /// ignored ("resume" finds "Résumé"), every word must appear, the last one may be the
    /// start of a word. Punctuation and operators are looked for as plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(example = "budget transport"))]
    pub q: Option<String>,
    /// Only summaries made with this model (its exact id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(example = "facebook/bart-large-cnn"))]
    pub model: Option<String>,
    /// Only summaries made on or after this day (UTC), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(value_type = Option<String>, format = Date, example = "2026-01-01"))]
    pub from: Option<String>,
    /// Only summaries made on or before this day (UTC), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(value_type = Option<String>, format = Date, example = "2026-12-31"))]
    pub to: Option<String>,
    /// Cursor: only summaries older than this id. Send the previous page's `next_before`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(value_type = Option<i64>, minimum = 1, example = 1234))]
    pub before: Option<String>,
    /// Items per page, 1–200 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(value_type = Option<u32>, minimum = 1, maximum = 200, example = 50))]
    pub limit: Option<String>,
}

impl HistoryParams {
    /// Whether anything narrows the list (a search, a model or a date), as opposed to paging.
    pub fn is_filtered(&self) -> bool {
        [&self.q, &self.model, &self.from, &self.to]
            .into_iter()
            .any(|v| present(v).is_some())
    }

    /// The filters (not the page) with `format`: the export of what the list shows.
    pub fn export(&self, format: ExportFormat) -> ExportParams {
        ExportParams {
            format: Some(format.as_str().to_string()),
            q: self.q.clone(),
            model: self.model.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// A checked history query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryQuery {
    /// Words to find; `None` lists everything.
    pub q: Option<Search>,
    pub model: Option<String>,
    /// First day included (UTC).
    pub from: Option<Date>,
    /// Last day included (UTC).
    pub to: Option<Date>,
    /// Only ids below this one (the keyset cursor).
    pub before: Option<i64>,
    pub limit: u32,
}

impl Default for HistoryQuery {
    fn default() -> Self {
        Self {
            q: None,
            model: None,
            from: None,
            to: None,
            before: None,
            limit: DEFAULT_PAGE,
        }
    }
}

impl HistoryQuery {
    /// Checks every parameter; the first problem found is the answer.
    pub fn parse(params: &HistoryParams) -> Result<Self, Invalid> {
        let q = check_search(params)?;
        let model = match present(&params.model) {
            Some(m) if m.chars().count() > MAX_MODEL_CHARS || m.chars().any(char::is_control) => {
                return Err(invalid(Field::Model, Reason::ModelFilter));
            }
            other => other.map(str::to_string),
        };
        let (from, to) = check_dates(params)?;
        let before = match present(&params.before) {
            None => None,
            Some(s) => match s.parse::<i64>() {
                Ok(id) if id >= 1 => Some(id),
                _ => return Err(invalid(Field::Before, Reason::Before { value: shorten(s) })),
            },
        };
        let limit = match present(&params.limit) {
            None => DEFAULT_PAGE,
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                _ => {
                    return Err(invalid(
                        Field::Limit,
                        Reason::Limit {
                            value: shorten(s),
                            max: MAX_PAGE,
                        },
                    ))
                }
            },
        };
        Ok(Self {
            q,
            model,
            from,
            to,
            before,
            limit,
        })
    }

    /// `created_at` bounds in Unix milliseconds: `from` inclusive, `to` exclusive.
    pub fn created_range(&self) -> (Option<i64>, Option<i64>) {
        (self.from.map(Date::start_ms), self.to.map(Date::end_ms))
    }

    /// One line saying what this query narrows to ("search “budget”, model x, from … to …"),
    /// `None` when it narrows to nothing.
    pub fn describe(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(q) = &self.q {
            parts.push(format!("search “{}”", q.text()));
        }
        if let Some(m) = &self.model {
            parts.push(format!("model {m}"));
        }
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(format!("from {f} to {t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("until {t}")),
            (None, None) => {}
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The search box's words.
pub(super) fn check_search(params: &HistoryParams) -> Result<Option<Search>, FilterProblem> {
    match present(&params.q) {
        Some(text) => Search::check(text),
        None => Ok(None),
    }
}

/// The From and To days, the first not after the second.
pub(super) fn check_dates(
    params: &HistoryParams,
) -> Result<(Option<Date>, Option<Date>), FilterProblem> {
    let day = |v: &Option<String>, bound: DateBound| {
        present(v)
            .map(|s| {
                Date::parse(s).ok_or_else(|| FilterProblem::NotADate {
                    bound,
                    value: shorten(s),
                })
            })
            .transpose()
    };
    let from = day(&params.from, DateBound::From)?;
    let to = day(&params.to, DateBound::To)?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(FilterProblem::FromAfterTo { from, to });
        }
    }
    Ok((from, to))
}
