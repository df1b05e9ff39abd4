//! A document's bytes to clean text: plain text in any common encoding, Markdown (kept as it is:
//! the splitter uses its headings), HTML (the main content, by Readability) and PDF (its text
//! layer).
//!
//! [`Format::detect`] decides how to read a file from its name, declared type and first bytes;
//! [`extract`] reads it; [`clean`] is the normalisation every extracted text goes through.

mod clean;
mod detect;
mod html;
mod pdf;
mod text;

#[cfg(test)]
mod tests;

pub use clean::clean;

/// How a document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl Format {
    /// The name stored with a document: `"text"`, `"markdown"`, `"html"` or `"pdf"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }

    /// The inverse of [`Format::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "text" => Some(Self::Text),
            "markdown" => Some(Self::Markdown),
            "html" => Some(Self::Html),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }

    /// The format of a file, from its name's extension (`.txt .text .md .markdown .html .htm
    /// .pdf`, any case) and its declared content type (parameters such as `charset` ignored),
    /// checked against the bytes: a file that starts with `%PDF-` is a PDF whatever its name,
    /// and bytes that look binary (NUL bytes in the first KB, image, archive or office
    /// signatures) are [`ExtractError::Unsupported`]. With neither name nor type, or neither
    /// known, the bytes are sniffed: PDF signature, `<html` or `<!doctype html` (HTML), else text.
    ///
    /// A specific declared type (`text/markdown`, `text/html`) wins over the name; the name wins
    /// over `text/plain`, which browsers send for many text files.
    pub fn detect(
        file_name: Option<&str>,
        content_type: Option<&str>,
        bytes: &[u8],
    ) -> Result<Format, ExtractError> {
        detect::detect(file_name, content_type, bytes)
    }
}

/// A document's text, ready to be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Clean text (see [`clean`]), never empty.
    pub text: String,
    /// HTML `<title>` (else its first `<h1>`), PDF Info `Title`, or a Markdown document's first
    /// `# ` heading; `None` for plain text or when there is none.
    pub title: Option<String>,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Not a format Precis reads, e.g. `"image/png"`, `"a Word document"`, `"binary data"`.
    #[error("unsupported document: {what}")]
    Unsupported { what: String },
    /// Nothing readable: whitespace only once cleaned.
    #[error("the document has no text")]
    Empty,
    /// A PDF with pages but no text layer (a scan): it would need OCR.
    #[error("the PDF has no text layer (scanned pages?)")]
    ImageOnlyPdf,
    /// Text that no encoding decodes sensibly.
    #[error("the text's encoding could not be recognised")]
    Encoding,
    /// A PDF that cannot be read: damaged, truncated, password-protected, or it made the PDF
    /// reader fail.
    #[error("the PDF cannot be read: {why}")]
    DamagedPdf { why: String },
}

/// Reads `bytes` as `format` (see [`Format::detect`]) into clean text and a title.
pub fn extract(bytes: &[u8], format: Format) -> Result<Extracted, ExtractError> {
    let (raw, title) = match format {
        Format::Text => (text::decode(bytes)?, None),
        Format::Markdown => {
            let text = text::decode(bytes)?;
            let title = text::markdown_title(&text);
            (text, title)
        }
        Format::Html => html::extract(bytes)?,
        Format::Pdf => pdf::extract(bytes)?,
    };
    let text = clean(&raw);
    if text.is_empty() {
        return Err(ExtractError::Empty);
    }
    let title = title.map(|t| one_line(&t)).filter(|t| !t.is_empty());
    Ok(Extracted { text, title })
}

/// A title on one line: whitespace runs (line breaks included) to one space, control
/// characters removed, trimmed.
fn one_line(title: &str) -> String {
    title
        .split(|c: char| c.is_whitespace() || c.is_control() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
