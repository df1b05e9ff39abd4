//! Searching, filtering and paging a person's history, and exporting it.
//!
//! A query arrives as strings ([`HistoryParams`], from a URL or the page's filters) and is
//! checked once, by the same rules in the browser and on the server, into a [`HistoryQuery`];
//! every problem is an [`Invalid`] with a sentence and the parameter it is about. Free text
//! becomes an FTS5 expression in which every word is a quoted string ([`Search::fts5`]): what a
//! person types is always looked for as words, never read as FTS5 syntax.
//!
//! The wire types of a page are here; the query string and its checks are in `query`, the
//! search in `search`, the filters' problems in `problem` and the export's format in `export`.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCode, Field};
use super::params::{Invalid, Reason};

mod export;
mod problem;
mod query;
mod search;

#[cfg(feature = "ssr")]
pub use export::ExportFormatName;
pub use export::{ExportFormat, ExportParams};
pub use problem::{DateBound, FilterProblem};
pub use query::{HistoryParams, HistoryQuery};
pub use search::{Search, MIN_PREFIX_CHARS};

/// Items in a page when the query does not say.
pub const DEFAULT_PAGE: u32 = 50;
/// Most items one page may hold.
pub const MAX_PAGE: u32 = 200;
/// Longest search accepted, in characters: a few words find a summary; a paragraph is a mistake.
pub const MAX_SEARCH_CHARS: usize = 200;
/// Most words in one search (each one is a term every result must contain).
pub const MAX_SEARCH_WORDS: usize = 16;
/// Longest model filter, in characters (model ids are at most 96).
pub const MAX_MODEL_CHARS: usize = 200;

/// One line of the history list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HistoryItem {
    pub id: i64,
    /// The first words of the summarized text.
    #[cfg_attr(
        feature = "ssr",
        schema(example = "The city council approved a new budget…")
    )]
    pub title: String,
    pub model: String,
    /// Unix time, milliseconds.
    pub created_at: i64,
    /// A short excerpt: around the words searched for when there is a search (from the text or
    /// the summary, wherever they matched best), else the start of the summary.
    #[serde(default)]
    pub snippet: String,
}

/// `GET /api/v1/summaries` response: one page, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HistoryPage {
    pub summaries: Vec<HistoryItem>,
    /// Pass it as `before` to get the next page; `null` when this page is the last.
    #[serde(default)]
    pub next_before: Option<i64>,
}

/// `GET /api/v1/summaries/export?format=json` body: every matching summary, newest first, each
/// as `GET /api/v1/summaries/{id}` returns it (the server writes it row by row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HistoryExport {
    pub summaries: Vec<super::summary::Summary>,
}

fn invalid(field: Field, reason: Reason) -> Invalid {
    Invalid::new(ErrorCode::InvalidQuery, field, reason)
}

/// A value, unless absent or blank.
fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A value quoted back in a message: at most 40 characters of it.
fn shorten(s: &str) -> String {
    if s.chars().count() <= 40 {
        return s.to_string();
    }
    let mut out: String = s.chars().take(40).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests;
