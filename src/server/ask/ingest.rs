//! The ingestion service: a document's bytes → clean text → passages → vectors in the store.
//!
//! A short document is indexed within its request (`201`, ready). A long one is created
//! `processing` and indexed by a background job ([`super::jobs`]), batch by batch, each batch one
//! transaction; it becomes `ready` with its last batch. The same text added twice by the same
//! owner is found by its hash and not indexed again.

use std::sync::Arc;

use precis_knowledge::extract::{self, ExtractError, Format};
use precis_knowledge::split::{Passage, Splitter};
use precis_knowledge::store::{Created, Document, NewDocument, NewPassage, StoreError};

use super::{AskError, Knowledge};
use crate::domain::ask::document::{check_size, parse_title, MAX_DOCUMENT_CHARS};
use crate::domain::ask::AskProblem;
use crate::domain::invalid::Invalid;
use crate::domain::text::{char_count, first_words};
use crate::server::error::AppError;

/// Documents of at most this many passages are indexed within the request.
pub const INLINE_PASSAGES: usize = 64;
/// Passages embedded and written together (one transaction).
pub const BATCH: usize = 32;

/// A document as received.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub bytes: Vec<u8>,
    /// The file's name, when it came as a file.
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub title: Option<String>,
}

/// What adding a document did.
#[derive(Debug, Clone)]
pub enum Added {
    /// Indexed within the request: ready.
    Indexed(Document),
    /// Being indexed in the background.
    Processing(Document),
    /// The owner already has this text: that document, untouched.
    Existing(Document),
}

/// A document read and split, not yet stored.
struct Prepared {
    format: Format,
    title: String,
    text: String,
    passages: Vec<Passage>,
}

impl Knowledge {
    /// Reads, splits and stores a document for `owner` (a person's id, or the shared library).
    pub async fn add(&self, owner: &str, upload: Upload) -> Result<Added, AppError> {
        check_size(upload.bytes.len() as u64)?;
        let title = parse_title(upload.title.as_deref())?;
        let splitter = self.splitter()?;
        let bytes = upload.bytes.len() as u64;
        let prepared = tokio::task::spawn_blocking(move || prepare(upload, title, &splitter))
            .await
            .map_err(|e| AppError::Internal(format!("reading a document panicked: {e}")))??;
        let new = NewDocument {
            id: uuid::Uuid::new_v4().simple().to_string(),
            owner: owner.to_string(),
            title: prepared.title,
            format: prepared.format.as_str().to_string(),
            content_hash: precis_knowledge::content_hash(&prepared.text),
            text: prepared.text,
            bytes,
            passages_total: prepared.passages.len() as u32,
            created_at: now_ms(),
        };
        let doc = match self
            .store()
            .create_document(new)
            .await
            .map_err(AskError::from)?
        {
            Created::Existing(doc) => return Ok(Added::Existing(doc)),
            Created::New(doc) => doc,
        };
        if prepared.passages.len() > INLINE_PASSAGES {
            self.indexer()
                .spawn(self.clone(), doc.id.clone(), prepared.passages, 0);
            return Ok(Added::Processing(doc));
        }
        if let Err(e) = self.index(&doc.id, &prepared.passages, 0).await {
            self.give_up(&doc.id, &e).await;
            return Err(e);
        }
        let scope = precis_knowledge::store::Scope::person(owner);
        let indexed = self.store().document(&scope, &doc.id).await;
        Ok(Added::Indexed(indexed.ok().flatten().unwrap_or(doc)))
    }

    /// Embeds and writes `passages[from..]` of a created document, a batch per transaction;
    /// the last batch makes it ready.
    pub(crate) async fn index(
        &self,
        id: &str,
        passages: &[Passage],
        from: usize,
    ) -> Result<(), AppError> {
        if from >= passages.len() {
            self.store()
                .add_passages(id, Vec::new(), true)
                .await
                .map_err(AskError::from)?;
            return Ok(());
        }
        let mut start = from;
        while start < passages.len() {
            let end = (start + BATCH).min(passages.len());
            let chunk = &passages[start..end];
            let vectors = self
                .embed(chunk.iter().map(|p| p.text.clone()).collect())
                .await?;
            let batch = chunk
                .iter()
                .zip(vectors)
                .enumerate()
                .map(|(i, (p, embedding))| NewPassage {
                    ordinal: (start + i) as u32,
                    start: p.start,
                    end: p.end,
                    text: p.text.clone(),
                    embedding,
                })
                .collect();
            self.store()
                .add_passages(id, batch, end == passages.len())
                .await
                .map_err(AskError::from)?;
            start = end;
        }
        Ok(())
    }

    /// Marks a document failed after `error` (unless it was deleted meanwhile).
    pub(crate) async fn give_up(&self, id: &str, error: &AppError) {
        if matches!(
            error,
            AppError::Ask(AskError::Store(StoreError::NoDocument(_)))
        ) {
            return;
        }
        error.report();
        if let Err(e) = self
            .store()
            .fail_document(id, super::view::INDEXING_FAILED)
            .await
        {
            tracing::error!(document = id, error = %e, "could not mark a document failed");
        }
    }

    /// The splitter, or why documents cannot be indexed here.
    fn splitter(&self) -> Result<Arc<Splitter>, AskError> {
        self.embedding_parts().map(|(_, s)| s)
    }
}

/// Reads and splits an upload (on a blocking thread: PDFs and long texts take a while).
fn prepare(
    upload: Upload,
    title: Option<String>,
    splitter: &Splitter,
) -> Result<Prepared, AppError> {
    let format = Format::detect(
        upload.file_name.as_deref(),
        upload.content_type.as_deref(),
        &upload.bytes,
    )
    .map_err(problem)?;
    let extracted = extract::extract(&upload.bytes, format).map_err(problem)?;
    let chars = char_count(&extracted.text);
    if chars > MAX_DOCUMENT_CHARS {
        return Err(AskProblem::DocumentTooLong {
            chars,
            limit: MAX_DOCUMENT_CHARS,
        }
        .invalid()
        .into());
    }
    let passages = splitter.split(&extracted.text, format == Format::Markdown);
    if passages.is_empty() {
        return Err(AskProblem::EmptyDocument.invalid().into());
    }
    let title = title
        .or(extracted.title.filter(|t| !t.trim().is_empty()))
        .or_else(|| upload.file_name.clone().filter(|n| !n.trim().is_empty()))
        .unwrap_or_else(|| first_words(&extracted.text, 8));
    let title: String = title
        .chars()
        .take(crate::domain::ask::document::MAX_TITLE_CHARS)
        .collect();
    Ok(Prepared {
        format,
        title,
        text: extracted.text,
        passages,
    })
}

/// A document that cannot be read, as the rule it breaks.
fn problem(e: ExtractError) -> Invalid {
    match e {
        ExtractError::Unsupported { what } => AskProblem::Unsupported { what },
        ExtractError::Empty => AskProblem::EmptyDocument,
        ExtractError::ImageOnlyPdf => AskProblem::ImageOnlyPdf,
        ExtractError::Encoding => AskProblem::Encoding,
        ExtractError::DamagedPdf { why } => {
            tracing::info!(why, "a PDF could not be read");
            AskProblem::DamagedPdf
        }
    }
    .invalid()
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
