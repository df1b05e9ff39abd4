//! The Ask capability's rules and wire shapes, shared by the page and the server: what a
//! document and a question may be, and what the services answer.
//!
//! - [`document`]: adding documents (limits, titles) and how a document is shown.
//! - [`question`]: a question and its options.
//! - [`answer`]: an answer with its numbered passages, and the stream of events it arrives in.
//! - [`highlight`]: which words of a passage match the question (the page marks them).

pub mod answer;
pub mod document;
pub mod highlight;
pub mod question;

use super::errors::{ErrorCode, Field};
use super::invalid::{Invalid, Reason};

/// Why a document or a question is refused. Every variant has its sentence in every language
/// (`i18n::AskTexts::problem`).
#[derive(Debug, Clone, PartialEq)]
pub enum AskProblem {
    EmptyQuestion,
    QuestionTooLong {
        chars: usize,
        limit: usize,
    },
    TitleTooLong {
        chars: usize,
        limit: usize,
    },
    TopK {
        value: String,
        max: u32,
    },
    /// A document id that is not 32 hex digits, or too many of them.
    DocumentIds {
        value: String,
        max: usize,
    },
    /// The file as received, in bytes.
    DocumentTooLarge {
        bytes: u64,
        limit: u64,
    },
    /// The document's clean text, in characters.
    DocumentTooLong {
        chars: usize,
        limit: usize,
    },
    /// Not a kind of file Precis reads: `what` names it ("image/png", "a Word document").
    Unsupported {
        what: String,
    },
    /// Nothing to read once white space and control characters are gone.
    EmptyDocument,
    /// A PDF with pages but no text layer (a scan).
    ImageOnlyPdf,
    /// Text that no known encoding decodes.
    Encoding,
    /// A PDF that cannot be read (damaged, encrypted).
    DamagedPdf,
    /// A multipart upload without a `file` part, or with two.
    NoFile,
}

impl AskProblem {
    /// The stable code and the input it concerns.
    pub fn code_and_field(&self) -> (ErrorCode, Field) {
        use AskProblem as P;
        match self {
            P::EmptyQuestion => (ErrorCode::EmptyQuestion, Field::Question),
            P::QuestionTooLong { .. } => (ErrorCode::QuestionTooLong, Field::Question),
            P::TitleTooLong { .. } => (ErrorCode::InvalidParameter, Field::Title),
            P::TopK { .. } => (ErrorCode::InvalidParameter, Field::TopK),
            P::DocumentIds { .. } => (ErrorCode::InvalidParameter, Field::DocumentIds),
            P::DocumentTooLarge { .. } | P::DocumentTooLong { .. } => {
                (ErrorCode::DocumentTooLarge, Field::File)
            }
            P::Unsupported { .. } => (ErrorCode::UnsupportedDocument, Field::File),
            P::EmptyDocument => (ErrorCode::EmptyDocument, Field::File),
            P::ImageOnlyPdf => (ErrorCode::ImageOnlyPdf, Field::File),
            P::Encoding | P::DamagedPdf => (ErrorCode::UnreadableDocument, Field::File),
            P::NoFile => (ErrorCode::InvalidRequest, Field::File),
        }
    }

    pub fn invalid(self) -> Invalid {
        let (code, field) = self.code_and_field();
        Invalid::new(code, field, Reason::Ask(self))
    }
}
