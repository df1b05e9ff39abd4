//! A checked search and the FTS5 expression it becomes: every word a quoted string.

use super::{FilterProblem, MAX_SEARCH_CHARS, MAX_SEARCH_WORDS};
use crate::domain::params::Invalid;

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
