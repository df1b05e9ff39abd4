//! Exports of the history: their formats and query string ([`ExportParams`]).

use serde::{Deserialize, Serialize};

use super::{invalid, present, shorten, HistoryParams, HistoryQuery};
use crate::domain::date::Date;
use crate::domain::errors::Field;
use crate::domain::params::{Invalid, Reason};

/// The export formats as the OpenAPI document lists them (the parameter itself is read as text,
/// so that an unknown one gets a sentence rather than a deserializer's message).
#[cfg(feature = "ssr")]
#[derive(utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // a schema only
pub enum ExportFormatName {
    Json,
    Markdown,
}

/// How an export is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// `{"summaries": [Summary, …]}`, newest first: what `GET /api/v1/summaries/{id}` returns,
    /// for each.
    Json,
    /// A readable document: a heading per summary (date and model), the summary, the text.
    Markdown,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "markdown",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "md",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Markdown => "text/markdown; charset=utf-8",
        }
    }

    /// `precis-history-2026-11-23.md`: the day of the export, UTC.
    pub fn file_name(self, today: Date) -> String {
        format!("precis-history-{today}.{}", self.extension())
    }

    fn parse(s: Option<&str>) -> Result<Self, Invalid> {
        match s {
            None | Some("json") => Ok(ExportFormat::Json),
            Some("markdown") => Ok(ExportFormat::Markdown),
            Some(other) => Err(invalid(
                Field::Format,
                Reason::Format {
                    value: shorten(other),
                },
            )),
        }
    }
}

/// `GET /api/v1/summaries/export` query string: the format and the same filters as the list
/// (everything that matches is exported, so there is no `before` or `limit`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "ssr", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ExportParams {
    /// `json` (default) or `markdown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ssr",
        param(value_type = Option<ExportFormatName>, example = "markdown")
    )]
    pub format: Option<String>,
    /// As in the list: words to find in the texts and summaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// As in the list: only this model's summaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// As in the list: made on or after this day (UTC), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(value_type = Option<String>, format = Date))]
    pub from: Option<String>,
    /// As in the list: made on or before this day (UTC), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", param(value_type = Option<String>, format = Date))]
    pub to: Option<String>,
}

impl ExportParams {
    /// The format and the query every matching summary is read with.
    pub fn parse(&self) -> Result<(ExportFormat, HistoryQuery), Invalid> {
        let format = ExportFormat::parse(present(&self.format))?;
        let filters = HistoryParams {
            q: self.q.clone(),
            model: self.model.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            before: None,
            limit: None,
        };
        Ok((format, HistoryQuery::parse(&filters)?))
    }

    /// `/api/v1/summaries/export?format=…&q=…`: a link the page offers (the browser sends its
    /// cookie with it, so it exports this person's history).
    pub fn url(&self) -> String {
        let pairs = [
            ("format", &self.format),
            ("q", &self.q),
            ("model", &self.model),
            ("from", &self.from),
            ("to", &self.to),
        ];
        let query: Vec<String> = pairs
            .into_iter()
            .filter_map(|(k, v)| present(v).map(|v| format!("{k}={}", percent_encode(v))))
            .collect();
        format!("/api/v1/summaries/export?{}", query.join("&"))
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 bytes).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
