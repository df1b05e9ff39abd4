//! Stored documents as the API shows them, in the request's language.

use precis_knowledge::store::{Document, Status, SHARED};

use crate::domain::ask::document::{DocumentStatus, DocumentView};
use crate::domain::date::rfc3339;
use crate::domain::errors::{ErrorCode, PublicError};
use crate::domain::settings::Lang;
use crate::i18n::texts;

/// The error codes a failed document is stored with.
pub const INDEXING_FAILED: &str = "indexing_failed";

pub fn document_view(doc: &Document, lang: Lang) -> DocumentView {
    let status = match doc.status {
        Status::Processing => DocumentStatus::Processing,
        Status::Ready => DocumentStatus::Ready,
        Status::Failed => DocumentStatus::Failed,
    };
    DocumentView {
        id: doc.id.clone(),
        title: doc.title.clone(),
        format: doc.format.clone(),
        status,
        passages: doc.passages_total,
        passages_done: doc.passages_done,
        chars: doc.chars,
        bytes: doc.bytes,
        shared: doc.owner == SHARED,
        created_at: rfc3339(doc.created_at),
        error: doc
            .error
            .as_ref()
            .map(|_| PublicError::new(ErrorCode::Internal, texts(lang).ask.indexing_failed)),
    }
}
