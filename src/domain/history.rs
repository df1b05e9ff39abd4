//! Searching, filtering and paging a person's history, and exporting it.
//!
//! A query arrives as strings ([`HistoryParams`], from a URL or the page's filters) and is
//! checked once, by the same rules in the browser and on the server, into a [`HistoryQuery`];
//! every problem is an [`Invalid`] with a sentence and the parameter it is about. Free text
//! becomes an FTS5 expression in which every word is a quoted string ([`Search::fts5`]): what a
//! person types is always looked for as words, never read as FTS5 syntax.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::errors::{ErrorCode, Field};
use super::params::{Invalid, Reason};
use super::settings::Lang;
use crate::i18n::texts;

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

/// A checked search: the words to find, at least one of them with a letter or a digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    text: String,
    words: Vec<String>,
}

impl Search {
    /// `None` when there is nothing to look for: blank, or only punctuation (which the index
    /// does not hold), so the search does not narrow the list.
    pub fn parse(text: &str) -> Result<Option<Search>, Invalid> {
        Self::check(text).map_err(Invalid::from)
    }

    /// [`parse`](Self::parse) with the broken rule as a reason.
    ///
    /// Every character is accepted. Control characters (NUL, escape, line breaks…) separate
    /// words, as spaces do: the index never holds them (FTS5's tokenizer splits there too), and
    /// a NUL must never reach SQLite inside a query string, where it would end the string.
    pub fn check(text: &str) -> Result<Option<Search>, FilterProblem> {
        let text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let text = text.trim();
        let chars = text.chars().count();
        if chars > MAX_SEARCH_CHARS {
            return Err(FilterProblem::SearchTooLong {
                chars,
                max: MAX_SEARCH_CHARS,
            });
        }
        let words: Vec<String> = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(str::to_string)
            .collect();
        if words.len() > MAX_SEARCH_WORDS {
            return Err(FilterProblem::TooManyWords {
                words: words.len(),
                max: MAX_SEARCH_WORDS,
            });
        }
        Ok((!words.is_empty()).then(|| Search {
            text: text.to_string(),
            words,
        }))
    }

    /// What was typed, trimmed.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The FTS5 expression: each word a quoted string (`"` doubled), all of them required
    /// (FTS5's implicit AND), the last one a prefix when its last token has at least
    /// [`MIN_PREFIX_CHARS`] characters (`"bud"*` finds "budget" as you type).
    /// Inside quotes FTS5 reads nothing as syntax: `AND`, `NEAR(`, `*`, `-`, `:`, `^` are text,
    /// and the tokenizer splits them as it split the indexed text.
    pub fn fts5(&self) -> String {
        let mut out = String::new();
        for (i, word) in self.words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push('"');
            out.push_str(&word.replace('"', "\"\""));
            out.push('"');
        }
        if self
            .words
            .last()
            .is_some_and(|w| last_token_chars(w) >= MIN_PREFIX_CHARS)
        {
            out.push('*');
        }
        out
    }
}

/// The last word typed is looked for as the start of a word only from this many characters:
/// the index keeps 3-character prefixes (`prefix = '3'`), so these are one lookup, while a
/// 1- or 2-character prefix would merge the lists of thousands of words (0.4 s at 100,000
/// summaries). Shorter last words are looked for whole ("EU", "tv").
pub const MIN_PREFIX_CHARS: usize = 3;

/// Characters in the last token FTS5's unicode61 tokenizer makes of `word` (it splits at
/// anything but letters and digits; FTS5 puts a prefix mark on that last token).
fn last_token_chars(word: &str) -> usize {
    word.split(|c: char| !c.is_alphanumeric())
        .rfind(|t| !t.is_empty())
        .map_or(0, |t| t.chars().count())
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
fn check_search(params: &HistoryParams) -> Result<Option<Search>, FilterProblem> {
    match present(&params.q) {
        Some(text) => Search::check(text),
        None => Ok(None),
    }
}

/// The From and To days, the first not after the second.
fn check_dates(params: &HistoryParams) -> Result<(Option<Date>, Option<Date>), FilterProblem> {
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
    /// [`HistoryQuery::parse`] makes of them, in the same order.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tricky::tricky_char;
    use proptest::prelude::*;

    fn params(pairs: &[(&str, &str)]) -> HistoryParams {
        let mut p = HistoryParams::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "q" => p.q = v,
                "model" => p.model = v,
                "from" => p.from = v,
                "to" => p.to = v,
                "before" => p.before = v,
                "limit" => p.limit = v,
                _ => panic!("{k}"),
            }
        }
        p
    }

    fn parse(pairs: &[(&str, &str)]) -> Result<HistoryQuery, Invalid> {
        HistoryQuery::parse(&params(pairs))
    }

    fn fts(q: &str) -> Option<String> {
        Search::parse(q).unwrap().map(|s| s.fts5())
    }

    #[test]
    fn nothing_given_is_the_first_page_of_everything() {
        assert_eq!(parse(&[]), Ok(HistoryQuery::default()));
        // emptied form fields count as absent
        let blank = parse(&[
            ("q", "  "),
            ("model", ""),
            ("from", ""),
            ("to", " "),
            ("before", ""),
            ("limit", ""),
        ]);
        assert_eq!(blank, Ok(HistoryQuery::default()));
        assert!(!params(&[("q", " "), ("before", "9")]).is_filtered());
        assert!(params(&[("to", "2026-01-01")]).is_filtered());
    }

    #[test]
    fn every_word_is_quoted_and_the_last_is_a_prefix() {
        assert_eq!(fts("budget"), Some(r#""budget"*"#.into()));
        assert_eq!(fts("  city   budget "), Some(r#""city" "budget"*"#.into()));
        assert_eq!(fts("bud"), Some(r#""bud"*"#.into()));
    }

    #[test]
    fn a_short_last_word_is_looked_for_whole() {
        assert_eq!(fts("c"), Some(r#""c""#.into()));
        assert_eq!(fts("city bu"), Some(r#""city" "bu""#.into()));
        assert_eq!(fts("EU"), Some(r#""EU""#.into()));
        // what counts is the token FTS5 marks: the last one of the word
        assert_eq!(fts("budget-b"), Some(r#""budget-b""#.into()));
        assert_eq!(fts("b-budget"), Some(r#""b-budget"*"#.into()));
        assert_eq!(
            fts("été"),
            Some(r#""été"*"#.into()),
            "characters, not bytes"
        );
        assert_eq!(fts("ét"), Some(r#""ét""#.into()));
    }

    #[test]
    fn fts5_syntax_typed_by_a_person_stays_text() {
        assert_eq!(fts(r#"say "hi"#), Some(r#""say" """hi""#.into()));
        assert_eq!(fts(r#"say "hello"#), Some(r#""say" """hello"*"#.into()));
        assert_eq!(fts(r#"abc"def"#), Some(r#""abc""def"*"#.into()));
        assert_eq!(fts("cats AND dogs"), Some(r#""cats" "AND" "dogs"*"#.into()));
        assert_eq!(fts("NEAR(abc def)"), Some(r#""NEAR(abc" "def)"*"#.into()));
        assert_eq!(fts("-rain"), Some(r#""-rain"*"#.into()));
        assert_eq!(
            fts("col:value ^start"),
            Some(r#""col:value" "^start"*"#.into())
        );
        assert_eq!(fts("wild*"), Some(r#""wild*"*"#.into()));
        // no word escapes its quotes: an odd number of quote characters never ends a string
        for q in [r#"""#, r#"a" OR "b"#, r#"x"*"#, r#""))"#] {
            if let Some(e) = fts(q) {
                assert_eq!(e.matches('"').count() % 2, 0, "{e}");
                for word in e.trim_end_matches('*').split(' ') {
                    assert!(word.starts_with('"') && word.ends_with('"'), "{e}");
                    let inner = &word[1..word.len() - 1];
                    assert!(!inner.replace("\"\"", "").contains('"'), "{e}");
                }
            }
        }
    }

    #[test]
    fn control_characters_separate_words() {
        // what schemathesis sent: a NUL inside a word used to end FTS5's string (500)
        assert_eq!(fts("ab\0c"), Some(r#""ab" "c""#.into()));
        assert_eq!(fts("\0"), None);
        let sent = fts("\u{1b}I»\u{742e3}\u{1b3b7}3\0").unwrap();
        assert!(sent.starts_with("\"I»") && !sent.contains('\0'), "{sent:?}");
        assert_eq!(fts("city\tbudget\r\n"), Some(r#""city" "budget"*"#.into()));
        assert_eq!(
            Search::parse("a\0b").unwrap().map(|s| s.text().to_string()),
            Some("a b".into())
        );
    }

    proptest! {
        /// Whatever is typed, the FTS5 expression is words in quotes, nothing else: no control
        /// character, every quote inside a word doubled.
        #[test]
        fn any_text_becomes_quoted_words(chars in prop::collection::vec(tricky_char(), 0..40)) {
            let text: String = chars.into_iter().collect();
            if let Ok(Some(search)) = Search::parse(&text) {
                let e = search.fts5();
                prop_assert!(!e.chars().any(char::is_control), "{e:?}");
                prop_assert_eq!(e.matches('"').count() % 2, 0, "{:?}", e);
                for word in e.trim_end_matches('*').split(' ') {
                    prop_assert!(word.len() >= 2 && word.starts_with('"') && word.ends_with('"'), "{e:?}");
                    let inner = &word[1..word.len() - 1];
                    prop_assert!(!inner.replace("\"\"", "").contains('"'), "{e:?}");
                }
            }
        }
    }

    #[test]
    fn punctuation_alone_is_not_a_search() {
        for q in ["*", "\"", "- -", "()", "  ", "…"] {
            assert_eq!(fts(q), None, "{q}");
        }
        assert_eq!(fts("* budget -"), Some(r#""budget"*"#.into()));
        assert_eq!(parse(&[("q", "***")]).map(|q| q.q), Ok(None));
    }

    #[test]
    fn unicode_and_accents_pass_through_for_the_tokenizer() {
        assert_eq!(fts("résumé"), Some(r#""résumé"*"#.into()));
        assert_eq!(fts("São Paulo"), Some(r#""São" "Paulo"*"#.into()));
        assert_eq!(fts("東京都"), Some(r#""東京都"*"#.into()));
        assert_eq!(fts("١٢٣"), Some(r#""١٢٣"*"#.into()));
    }

    #[test]
    fn overlong_searches_are_refused_with_the_figures() {
        let e = parse(&[("q", &"a".repeat(MAX_SEARCH_CHARS + 1))]).unwrap_err();
        assert_eq!((e.code, e.field), (ErrorCode::InvalidQuery, Field::Search));
        assert!(
            e.message().contains("201") && e.message().contains("200"),
            "{}",
            e.message()
        );
        assert!(
            parse(&[("q", &"é".repeat(MAX_SEARCH_CHARS))]).is_ok(),
            "counted in characters"
        );
        let many = vec!["w"; MAX_SEARCH_WORDS + 1].join(" ");
        let e = parse(&[("q", &many)]).unwrap_err();
        assert!(e.message().contains("17 words"), "{}", e.message());
    }

    #[test]
    fn dates_are_days_and_inclusive() {
        let q = parse(&[("from", "2026-11-01"), ("to", "2026-11-01")]).unwrap();
        let (from, to) = q.created_range();
        assert_eq!(to.unwrap() - from.unwrap(), 86_400_000, "one whole day");
        for (field, bad) in [
            ("from", "2026-02-30"),
            ("to", "yesterday"),
            ("from", "2026-1-1"),
        ] {
            let e = parse(&[(field, bad)]).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidQuery);
            assert_eq!(e.field.key(), field);
            assert!(
                e.message().contains(bad) && e.message().contains("YYYY-MM-DD"),
                "{}",
                e.message()
            );
        }
        let e = parse(&[("from", "2026-12-01"), ("to", "2026-11-01")]).unwrap_err();
        assert_eq!(e.field, Field::From);
        assert!(e.message().contains("after the To date"), "{}", e.message());
    }

    /// The server's sentences, word for word as the API has always written them: they now come
    /// from the English catalogue, through the reasons the page translates.
    #[test]
    fn the_servers_english_filter_sentences_are_unchanged() {
        let message = |pairs: &[(&str, &str)]| parse(pairs).unwrap_err().message();
        assert_eq!(
            message(&[("q", &"a".repeat(201))]),
            "The search is 201 characters long; keep it to 200: a few distinctive words find a \
             summary."
        );
        assert_eq!(
            message(&[("q", &vec!["w"; 17].join(" "))]),
            "The search has 17 words; use at most 16: a few distinctive words find a summary."
        );
        assert_eq!(
            message(&[("to", "yesterday")]),
            "“yesterday” is not a date: write To as YYYY-MM-DD, for example 2026-11-23."
        );
        assert_eq!(
            message(&[("from", "2026-12-01"), ("to", "2026-11-01")]),
            "The From date (2026-12-01) is after the To date (2026-11-01): pick a From date on \
             or before the To date."
        );
    }

    #[test]
    fn the_page_finds_the_problems_of_its_own_filters() {
        assert_eq!(FilterProblem::first_in(&params(&[("q", "budget")])), None);
        // what only a hand-made request gets wrong is left to the server
        assert_eq!(FilterProblem::first_in(&params(&[("limit", "0")])), None);
        assert_eq!(
            FilterProblem::first_in(&params(&[("from", "2026-1-1"), ("q", "x")])),
            Some(FilterProblem::NotADate {
                bound: DateBound::From,
                value: "2026-1-1".into()
            })
        );
        // the search is checked first, as the server does
        let both = params(&[("q", &"a".repeat(201)), ("from", "nope")]);
        let first = FilterProblem::first_in(&both).unwrap();
        assert_eq!(
            first,
            FilterProblem::SearchTooLong {
                chars: 201,
                max: 200
            }
        );
        assert_eq!(Invalid::from(first), parse_invalid(&both));
        let late = FilterProblem::FromAfterTo {
            from: Date::parse("2026-12-01").unwrap(),
            to: Date::parse("2026-11-01").unwrap(),
        };
        assert_eq!(late.field(), Field::From);
        assert_ne!(late.message_in(Lang::Pt), late.message());
        // it crosses the wire (the page's list carries it) with its dates as YYYY-MM-DD
        let json = serde_json::to_string(&late).unwrap();
        assert!(json.contains("\"2026-12-01\""), "{json}");
        assert_eq!(serde_json::from_str::<FilterProblem>(&json).unwrap(), late);
    }

    fn parse_invalid(p: &HistoryParams) -> Invalid {
        HistoryQuery::parse(p).unwrap_err()
    }

    #[test]
    fn cursor_and_limit_are_checked() {
        let q = parse(&[("before", "42"), ("limit", "200")]).unwrap();
        assert_eq!((q.before, q.limit), (Some(42), 200));
        for bad in ["0", "-3", "abc", "1.5", "99999999999999999999"] {
            let e = parse(&[("before", bad)]).unwrap_err();
            assert_eq!(e.field, Field::Before, "{bad}");
            assert!(e.message().contains("next_before"), "{}", e.message());
        }
        for bad in ["0", "201", "-1", "ten"] {
            let e = parse(&[("limit", bad)]).unwrap_err();
            assert_eq!(e.field, Field::Limit, "{bad}");
            assert!(e.message().contains("1 to 200"), "{}", e.message());
        }
    }

    #[test]
    fn model_filter_is_any_short_id() {
        assert_eq!(
            parse(&[("model", " local/textrank ")])
                .unwrap()
                .model
                .as_deref(),
            Some("local/textrank")
        );
        assert_eq!(
            parse(&[("model", &"m".repeat(201))]).unwrap_err().field,
            Field::Model
        );
        assert_eq!(
            parse(&[("model", "a\u{0}b")]).unwrap_err().field,
            Field::Model
        );
    }

    #[test]
    fn quoted_values_are_shortened() {
        let e = parse(&[("before", &"9".repeat(100))]).unwrap_err();
        assert!(e.message().len() < 250, "{}", e.message());
        assert!(e.message().contains('…'));
    }

    #[test]
    fn export_format_and_url() {
        let p = params(&[("q", "café & co"), ("from", "2026-01-01"), ("before", "7")]);
        let e = p.export(ExportFormat::Markdown);
        assert_eq!(
            e.url(),
            "/api/v1/summaries/export?format=markdown&q=caf%C3%A9%20%26%20co&from=2026-01-01"
        );
        let (format, query) = e.parse().unwrap();
        assert_eq!(format, ExportFormat::Markdown);
        assert_eq!(
            query.before, None,
            "an export reads everything that matches"
        );
        assert_eq!(
            ExportParams::default().parse().unwrap().0,
            ExportFormat::Json
        );
        let bad = ExportParams {
            format: Some("pdf".into()),
            ..Default::default()
        };
        let e = bad.parse().unwrap_err();
        assert_eq!((e.code, e.field), (ErrorCode::InvalidQuery, Field::Format));
        assert!(e.message().contains("format=markdown"), "{}", e.message());
        let today = Date::parse("2026-11-23").unwrap();
        assert_eq!(
            ExportFormat::Json.file_name(today),
            "precis-history-2026-11-23.json"
        );
        assert_eq!(
            ExportFormat::Markdown.file_name(today),
            "precis-history-2026-11-23.md"
        );
    }

    #[test]
    fn describes_what_it_narrows_to() {
        assert_eq!(parse(&[]).unwrap().describe(), None);
        let q = parse(&[("q", "budget"), ("model", "m"), ("to", "2026-01-31")]).unwrap();
        assert_eq!(
            q.describe().as_deref(),
            Some("search “budget”, model m, until 2026-01-31")
        );
    }

    #[test]
    fn page_wire_shape_has_next_before_even_when_null() {
        let page = HistoryPage {
            summaries: vec![],
            next_before: None,
        };
        assert_eq!(
            serde_json::to_value(&page).unwrap(),
            serde_json::json!({"summaries": [], "next_before": null})
        );
    }
}
