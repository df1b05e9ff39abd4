//! Exports: every summary matching a query, as JSON or as a Markdown document, written while
//! it is read.
//!
//! The ids of the matching summaries are read first, in one query (8 bytes each: 0.8 MB for
//! 100,000), so a search is evaluated once. The summaries themselves are then read by id in
//! chunks of [`CHUNK`], each chunk written and handed to the response before the next is read:
//! memory stays at one chunk however many summaries there are, and no database connection is
//! held between chunks, so a client that reads slowly (or stops reading) ties up nothing but
//! its own response. A summary deleted during the export is left out.

use std::pin::Pin;

use axum::body::Bytes;
use futures::Stream;
use sqlx::SqlitePool;

use super::super::identity::UserId;
use super::{query, History, HistoryError};
use crate::domain::date::utc_datetime;
use crate::domain::history::{ExportFormat, HistoryQuery};
use crate::domain::models::thousands;
use crate::domain::summary::Summary;

/// Summaries read per query. Texts are up to 100,000 characters, so a chunk stays below
/// ~50 MB in the worst case and ~0.5 MB typically.
const CHUNK: usize = 128;

/// The body of an export, chunk by chunk. An error after the first chunk ends the stream (the
/// client sees a cut-off download; the status line has already been sent).
pub type ExportStream = Pin<Box<dyn Stream<Item = Result<Bytes, HistoryError>> + Send>>;

impl History {
    /// Every summary of `user` matching `query` (its `before` is a starting point, its `limit`
    /// is ignored), newest first, as `format`. The ids and the first chunk are read before
    /// returning, so a database that fails at once is an error here rather than a cut-off body.
    pub async fn export(
        &self,
        user: UserId,
        query: HistoryQuery,
        format: ExportFormat,
        now_ms: i64,
    ) -> Result<ExportStream, HistoryError> {
        self.flush().await?;
        let ids = query::ids(&self.db.read, &user, &query).await?;
        let first = query::summaries(&self.db.read, &user, &ids[..ids.len().min(CHUNK)]).await?;
        let mut writer = Writer::new(format);
        let mut head = String::new();
        writer.begin(&mut head, &query, now_ms);
        let state = Chunks {
            pool: self.db.read.clone(),
            user,
            ids,
            next: 0,
            writer,
            head: Some(head),
            pending: Some(first),
        };
        Ok(Box::pin(futures::stream::unfold(state, Chunks::next)))
    }
}

struct Chunks {
    pool: SqlitePool,
    user: UserId,
    /// Every id to export, newest first.
    ids: Vec<i64>,
    /// Where the next chunk starts in `ids`; past the end once the document is finished.
    next: usize,
    writer: Writer,
    /// Written before the first chunk's rows.
    head: Option<String>,
    /// The first chunk, read before the response started.
    pending: Option<Vec<Summary>>,
}

impl Chunks {
    async fn next(mut self) -> Option<(Result<Bytes, HistoryError>, Self)> {
        if self.next > self.ids.len() {
            return None;
        }
        let end = (self.next + CHUNK).min(self.ids.len());
        let rows = match self.pending.take() {
            Some(rows) => rows,
            None => {
                match query::summaries(&self.pool, &self.user, &self.ids[self.next..end]).await {
                    Ok(rows) => rows,
                    Err(e) => {
                        self.next = usize::MAX;
                        return Some((Err(e.into()), self));
                    }
                }
            }
        };
        let mut out = self.head.take().unwrap_or_default();
        for summary in &rows {
            if let Err(e) = self.writer.row(&mut out, summary) {
                self.next = usize::MAX;
                return Some((Err(e), self));
            }
        }
        self.next = end;
        if end == self.ids.len() {
            self.writer.end(&mut out);
            self.next = usize::MAX;
        }
        Some((Ok(Bytes::from(out)), self))
    }
}

/// Writes one document, row by row.
struct Writer {
    format: ExportFormat,
    rows: usize,
}

impl Writer {
    fn new(format: ExportFormat) -> Self {
        Self { format, rows: 0 }
    }

    fn begin(&mut self, out: &mut String, query: &HistoryQuery, now_ms: i64) {
        match self.format {
            ExportFormat::Json => out.push_str("{\"summaries\":["),
            ExportFormat::Markdown => {
                let scope = match query.describe() {
                    Some(filters) => format!("summaries matching {}", markdown_text(&filters)),
                    None => "every summary".to_string(),
                };
                out.push_str(&format!(
                    "# Precis history\n\nExported {}: {scope}, newest first.\n\n",
                    utc_datetime(now_ms)
                ));
            }
        }
    }

    fn row(&mut self, out: &mut String, s: &Summary) -> Result<(), HistoryError> {
        match self.format {
            ExportFormat::Json => {
                if self.rows > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(s)?);
            }
            ExportFormat::Markdown => markdown_summary(out, s),
        }
        self.rows += 1;
        Ok(())
    }

    fn end(&mut self, out: &mut String) {
        match self.format {
            ExportFormat::Json => out.push_str("]}\n"),
            ExportFormat::Markdown if self.rows == 0 => out.push_str("No summaries.\n"),
            ExportFormat::Markdown => {}
        }
    }
}

/// One summary: a heading with its date and model, notes, the summary, and the original text
/// quoted in a `<details>` block (collapsed where Markdown is rendered).
fn markdown_summary(out: &mut String, s: &Summary) {
    out.push_str(&format!(
        "## {} · {}\n\n",
        utc_datetime(s.created_at),
        markdown_text(&s.model)
    ));
    let mut notes = Vec::new();
    if s.partial {
        notes.push("stopped at Max time: this is what was written until then".to_string());
    }
    if s.parts > 1 {
        notes.push(format!("summarized in {} parts", s.parts));
    }
    if s.truncated {
        notes.push("only the start of the text was read".to_string());
    }
    if !notes.is_empty() {
        out.push_str(&format!("*{}.*\n\n", capitalized(&notes.join("; "))));
    }
    out.push_str(&markdown_text(&s.summary));
    out.push_str(&format!(
        "\n\n<details>\n<summary>Original text ({} words)</summary>\n\n",
        thousands(s.text.split_whitespace().count())
    ));
    for line in markdown_text(&s.text).lines() {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("\n</details>\n\n");
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Plain text as Markdown that shows the same text: characters that start inline formatting,
/// links or HTML are backslash-escaped, and no line can become a heading, list item, quote,
/// rule, table or code block (leading spaces, which would make one, are dropped). Line breaks
/// and blank lines are kept.
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start();
        // "12. " or "3) " would start an ordered list: the dot or parenthesis is escaped.
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let list_marker = (digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')))
            .then_some(digits);
        let starts_block = line
            .bytes()
            .next()
            .is_some_and(|b| BLOCK_STARTS.contains(&b));
        if list_marker.is_none() && !starts_block && !line.bytes().any(|b| INLINE.contains(&b)) {
            out.push_str(line); // most lines: nothing to escape
            continue;
        }
        for (at, c) in line.char_indices() {
            let block = (at == 0 && starts_block) || Some(at) == list_marker;
            let inline = c.is_ascii() && INLINE.contains(&(c as u8));
            if block || inline {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Characters that start a block (heading, quote, list, rule, table, code fence) at the
/// beginning of a line.
const BLOCK_STARTS: &[u8] = b"#>-+=|~";
/// Characters that start inline formatting, links, code or HTML anywhere.
const INLINE: &[u8] = b"\\`*_[]<>|";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::models::ProviderKind;
    use crate::domain::params::SummaryParams;

    fn summary(text: &str, summary: &str) -> Summary {
        Summary {
            id: 7,
            model: "facebook/bart-large-cnn".into(),
            provider: ProviderKind::HuggingFace,
            text: text.into(),
            summary: summary.into(),
            parameters: SummaryParams::default(),
            truncated: false,
            partial: false,
            parts: 1,
            created_at: 1_795_302_300_000,
            latency_ms: 5,
        }
    }

    #[test]
    fn markdown_has_a_heading_the_summary_and_the_quoted_text() {
        let mut out = String::new();
        markdown_summary(&mut out, &summary("First line.\n\nSecond line.", "Short."));
        assert_eq!(
            out,
            "## 2026-11-21 23:05 UTC · facebook/bart-large-cnn\n\nShort.\n\n<details>\n\
             <summary>Original text (4 words)</summary>\n\n> First line.\n>\n> Second line.\n\n\
             </details>\n\n"
        );
    }

    #[test]
    fn text_cannot_break_the_document() {
        let hostile = "# Not a heading\n</details>\n> not a quote\n- not a list\n1. not a list\n\
                       ---\n    not code\n**bold** [link](x) `code` <b>html</b>";
        let escaped = markdown_text(hostile);
        for line in escaped.lines() {
            assert!(
                !line.starts_with(['#', '>', '-', ' ', '*', '<']),
                "line starts a block: {line}"
            );
        }
        assert!(!escaped.contains("</details>"));
        assert!(!escaped.contains("**") && !escaped.contains("<b>"));
        assert!(escaped.contains("1\\. not a list"), "{escaped}");
        assert!(escaped.contains("\\[link\\](x)"), "{escaped}");
        // plain prose is left alone
        assert_eq!(
            markdown_text("It rose 3.5% in 2025, says Ana."),
            "It rose 3.5% in 2025, says Ana."
        );
    }

    #[test]
    fn notes_say_how_the_summary_was_made() {
        let mut s = summary("Text.", "Sum.");
        s.partial = true;
        s.parts = 3;
        let mut out = String::new();
        markdown_summary(&mut out, &s);
        assert!(
            out.contains("*Stopped at Max time: this is what was written until then; summarized in 3 parts.*"),
            "{out}"
        );
    }

    #[test]
    fn json_rows_are_separated_and_closed() {
        let mut w = Writer::new(ExportFormat::Json);
        let mut out = String::new();
        w.begin(&mut out, &HistoryQuery::default(), 0);
        w.row(&mut out, &summary("a", "b")).unwrap();
        w.row(&mut out, &summary("c", "d")).unwrap();
        w.end(&mut out);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["summaries"].as_array().unwrap().len(), 2);
        assert_eq!(v["summaries"][1]["summary"], "d");

        let mut empty = String::new();
        let mut w = Writer::new(ExportFormat::Json);
        w.begin(&mut empty, &HistoryQuery::default(), 0);
        w.end(&mut empty);
        let shape = crate::domain::history::HistoryExport { summaries: vec![] };
        assert_eq!(empty.trim_end(), serde_json::to_string(&shape).unwrap());
    }
}
