//! Documents in the knowledge base: the limits on adding one, and how one is shown.

use serde::{Deserialize, Serialize};

use super::AskProblem;
use crate::domain::errors::PublicError;
use crate::domain::invalid::Invalid;
use crate::domain::text::char_count;

/// Largest file accepted, in bytes (20 MiB: a long PDF report).
pub const MAX_DOCUMENT_BYTES: u64 = 20 * 1024 * 1024;
/// Most characters of text a document may hold once read (about 1,500 pages).
pub const MAX_DOCUMENT_CHARS: usize = 3_000_000;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// What the file picker offers (the server reads the bytes, whatever the name says).
pub const ACCEPTED_FILES: &str =
    ".txt,.text,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf";

/// `POST /api/v1/documents` as JSON: a text pasted with a title.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTextDocument {
    /// Up to 200 characters; the text's first words when absent or blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Plain text or Markdown.
    pub text: String,
}

/// Where a document is in its indexing.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Being read, split and indexed: `passages_done` of `passages` so far.
    Processing,
    /// Every passage is indexed: questions find it.
    Ready,
    /// Indexing stopped; `error` says why.
    Failed,
}

/// A document as the API and the page show it.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    /// 32 hex digits.
    pub id: String,
    pub title: String,
    /// `text`, `markdown`, `html` or `pdf`.
    pub format: String,
    pub status: DocumentStatus,
    /// Passages the document was split into, and how many are indexed.
    pub passages: u32,
    pub passages_done: u32,
    /// Characters of text read from it, and bytes of the file received.
    pub chars: u64,
    pub bytes: u64,
    /// In the shared library (loaded by the operator, everyone can ask it; read-only).
    pub shared: bool,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Why indexing failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<PublicError>,
}

impl DocumentView {
    /// Indexing progress in percent.
    pub fn percent(&self) -> u32 {
        match self.status {
            DocumentStatus::Ready => 100,
            _ if self.passages == 0 => 0,
            _ => (self.passages_done.min(self.passages) * 100) / self.passages,
        }
    }
}

/// `GET /api/v1/documents`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentList {
    pub documents: Vec<DocumentView>,
}

/// A title as given: trimmed; `None` when blank (the server then takes the text's first
/// words); refused when longer than [`MAX_TITLE_CHARS`].
pub fn parse_title(title: Option<&str>) -> Result<Option<String>, Invalid> {
    let Some(t) = title.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")) else {
        return Ok(None);
    };
    let chars = char_count(&t);
    if chars > MAX_TITLE_CHARS {
        return Err(AskProblem::TitleTooLong {
            chars,
            limit: MAX_TITLE_CHARS,
        }
        .invalid());
    }
    Ok((!t.is_empty()).then_some(t))
}

/// A document id: 32 lowercase hex digits.
pub fn is_document_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A file's size checked before it is sent (the page) and when it arrives (the server).
pub fn check_size(bytes: u64) -> Result<(), Invalid> {
    if bytes > MAX_DOCUMENT_BYTES {
        return Err(AskProblem::DocumentTooLarge {
            bytes,
            limit: MAX_DOCUMENT_BYTES,
        }
        .invalid());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::errors::{ErrorCode, Field};

    #[test]
    fn titles_are_tidied_and_limited() {
        assert_eq!(parse_title(None), Ok(None));
        assert_eq!(parse_title(Some("  \n ")), Ok(None));
        assert_eq!(
            parse_title(Some(" Staff\n handbook ")),
            Ok(Some("Staff handbook".into()))
        );
        let e = parse_title(Some(&"a".repeat(MAX_TITLE_CHARS + 1))).unwrap_err();
        assert_eq!(
            (e.code, e.field),
            (ErrorCode::InvalidParameter, Field::Title)
        );
    }

    #[test]
    fn sizes_over_the_limit_are_refused() {
        assert!(check_size(MAX_DOCUMENT_BYTES).is_ok());
        let e = check_size(MAX_DOCUMENT_BYTES + 1).unwrap_err();
        assert_eq!(
            (e.code, e.field),
            (ErrorCode::DocumentTooLarge, Field::File)
        );
    }

    #[test]
    fn ids_are_32_hex_digits() {
        assert!(is_document_id("0123456789abcdef0123456789abcdef"));
        for bad in ["", "0123456789ABCDEF0123456789abcdef", "x", &"a".repeat(33)] {
            assert!(!is_document_id(bad), "{bad}");
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::errors::{ErrorCode, Field};
    use crate::domain::tricky::tricky_text;
    use proptest::prelude::*;

    proptest! {
        /// Any title is its words joined by single spaces, absent when it has none, or refused
        /// as too long: never a panic, never a stray space or line break kept.
        #[test]
        fn any_title_is_its_words_or_a_named_refusal(
            title in prop_oneof![tricky_text(30), tricky_text(260)],
        ) {
            let words: Vec<&str> = title.split_whitespace().collect();
            match parse_title(Some(&title)) {
                Ok(None) => prop_assert!(words.is_empty()),
                Ok(Some(t)) => {
                    prop_assert_eq!(&t, &words.join(" "));
                    prop_assert!(t.chars().count() <= MAX_TITLE_CHARS);
                    prop_assert!(!t.chars().any(|c| c.is_whitespace() && c != ' '));
                }
                Err(e) => {
                    prop_assert_eq!((e.code, e.field), (ErrorCode::InvalidParameter, Field::Title));
                    prop_assert!(words.join(" ").chars().count() > MAX_TITLE_CHARS);
                }
            }
        }

        /// An id is accepted exactly when it is 32 lowercase hex digits (it goes into paths
        /// and SQL parameters).
        #[test]
        fn only_32_lowercase_hex_digits_are_an_id(id in prop_oneof![
            "[0-9a-f]{32}", "[0-9a-fA-F]{31,33}", tricky_text(40),
        ]) {
            let expected = id.len() == 32
                && id.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
            prop_assert_eq!(is_document_id(&id), expected);
        }
    }
}
