//! PDF: the text layer of each page (pdf-extract), its line breaks repaired.

use std::panic::catch_unwind;

use pdf_extract::{decode_text_string, output_doc_page, Document, Object};

use super::ExtractError;
use layout::Layout;

mod layout;
mod repair;

pub(super) use repair::repair;

/// The document's text, pages separated by blank lines, and its Info `Title`.
///
/// pdf-extract panics on some fonts and structures: a panic is a [`ExtractError::DamagedPdf`].
/// (The panic is still printed by the process's panic hook.)
pub(super) fn extract(bytes: &[u8]) -> Result<(String, Option<String>), ExtractError> {
    let (pages, title) = catch_unwind(|| read(bytes)).map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        ExtractError::DamagedPdf {
            why: format!("the PDF reader failed: {why}"),
        }
    })??;
    let text = repair(&pages.join("\n\n"));
    if !text.chars().any(char::is_alphabetic) {
        return Err(ExtractError::ImageOnlyPdf);
    }
    Ok((text, title))
}

/// Each page's raw text (pages that fail are skipped, unless all do) and the title.
fn read(bytes: &[u8]) -> Result<(Vec<String>, Option<String>), ExtractError> {
    let damaged = |why: String| ExtractError::DamagedPdf { why };
    let mut document = Document::load_mem(bytes).map_err(|e| damaged(e.to_string()))?;
    // lopdf opens documents encrypted with an empty user password by itself
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(damaged("it is password-protected".into()));
    }
    let pages = document.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::Empty);
    }
    let title = info_title(&document);
    let mut layout = Layout::default();
    let mut last_error = None;
    for &number in pages.keys() {
        if let Err(e) = output_doc_page(&document, &mut layout, number) {
            tracing::debug!("PDF page {number} unreadable: {e}");
            last_error = Some(e.to_string());
        }
    }
    let texts = layout.into_pages();
    match last_error {
        Some(why) if texts.is_empty() => Err(damaged(why)),
        _ => Ok((texts, title)),
    }
}

/// The `Title` of the document's Info dictionary.
fn info_title(document: &Document) -> Option<String> {
    let resolve = |object: &Object| match object {
        Object::Reference(id) => document.get_object(*id).ok().cloned(),
        other => Some(other.clone()),
    };
    let info = resolve(document.trailer.get(b"Info").ok()?)?;
    let title = resolve(info.as_dict().ok()?.get(b"Title").ok()?)?;
    decode_text_string(&title).ok()
}
