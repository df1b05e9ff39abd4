//! Where documents, their passages, the passages' vectors and the keyword index live: one trait,
//! two real implementations.
//!
//! - [`sqlite::SqliteStore`] (embedded default): Precis's own SQLite file; vectors in a
//!   `sqlite-vec` `vec0` table, keywords in an FTS5 table ranked by BM25.
//! - [`postgres::PgStore`] (server): PostgreSQL with pgvector (HNSW index, cosine) and full-text
//!   search; several question services can share it.
//!
//! A document is written in batches of passages, one transaction each (passages + vectors +
//! keyword index + progress); it becomes `ready` in the transaction of its last batch, so a crash
//! never leaves a half-indexed document marked ready. Documents left `processing` by a crash are
//! listed by [`VectorStore::unfinished`] so that indexing can resume where it stopped.

mod input;
pub mod postgres;
pub mod sqlite;

use futures::future::BoxFuture;

/// The owner of the shared library (documents everyone can ask). Person ids are 32 hex digits,
/// so this never collides with one.
pub const SHARED: &str = "shared";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// The store was made for another embedding model: its vectors cannot be compared with this
    /// one's. Re-index (delete the store's tables) or configure the model it was made with.
    #[error("the knowledge base holds {found}-dimension vectors from {found_model}, but the embedding model {expected_model} makes {expected}-dimension ones")]
    EmbedderChanged {
        expected_model: String,
        expected: usize,
        found_model: String,
        found: usize,
    },
    #[error("a vector has {found} dimensions, the store holds {expected}")]
    Dimensions { expected: usize, found: usize },
    #[error("no document {0}")]
    NoDocument(String),
}

/// Where a document is in its indexing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Processing,
    Ready,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Processing => "processing",
            Self::Ready => "ready",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "processing" => Some(Self::Processing),
            "ready" => Some(Self::Ready),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// A stored document (without its text).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// 32 hex digits.
    pub id: String,
    /// A person's id, or [`SHARED`].
    pub owner: String,
    pub title: String,
    /// `text`, `markdown`, `html` or `pdf`.
    pub format: String,
    /// [`crate::content_hash`] of the clean text.
    pub content_hash: String,
    /// Characters (Unicode scalar values) of the clean text.
    pub chars: u64,
    /// Bytes of the file as received.
    pub bytes: u64,
    pub status: Status,
    /// Passages the document was split into, and how many are indexed.
    pub passages_total: u32,
    pub passages_done: u32,
    /// Why indexing failed (an error code the server words), when `status` is `Failed`.
    pub error: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// A document to create, with its clean text (kept so that indexing can resume after a crash).
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub id: String,
    pub owner: String,
    pub title: String,
    pub format: String,
    pub content_hash: String,
    pub text: String,
    pub bytes: u64,
    pub passages_total: u32,
    pub created_at: i64,
}

/// What [`VectorStore::create_document`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Created {
    /// A new document, `processing` until its last batch of passages is written.
    New(Document),
    /// The owner already has a document with the same content hash: this one, nothing written.
    Existing(Document),
}

/// One passage of a document, embedded, ready to be written.
#[derive(Debug, Clone)]
pub struct NewPassage {
    /// 0, 1, 2… in document order.
    pub ordinal: u32,
    /// Character offsets of the passage in the document's clean text (`end` exclusive).
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// Unit length, the store's dimensions.
    pub embedding: Vec<f32>,
}

/// A passage as stored, with its document's title.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPassage {
    pub id: i64,
    pub document_id: String,
    pub title: String,
    pub ordinal: u32,
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// One result of a search: a passage and how well it matched (higher is better; dense: cosine
/// similarity in [-1, 1]; keyword: the store's BM25-like score, only comparable within one
/// search).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub passage: i64,
    pub score: f32,
}

/// Which documents a search or a listing may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The person asking (their own documents).
    pub owner: String,
    /// Also the shared library.
    pub shared: bool,
    /// Only these documents (when given); ids outside the person's reach are ignored.
    pub documents: Option<Vec<String>>,
}

impl Scope {
    pub fn person(owner: &str) -> Self {
        Self {
            owner: owner.to_string(),
            shared: true,
            documents: None,
        }
    }
}

/// Counts for health pages and benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub documents: u64,
    pub passages: u64,
}

/// The embedding model a store was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedderId {
    /// A name that changes when the vectors would (e.g. the model folder's name).
    pub model: String,
    pub dims: usize,
}

/// Documents, passages, vectors and keywords. Every method is one or a few statements; nothing
/// here embeds or splits.
pub trait VectorStore: Send + Sync + 'static {
    /// `"sqlite-vec"` or `"pgvector"`.
    fn kind(&self) -> &'static str;

    /// The store answers (for `/readyz`).
    fn ping(&self) -> BoxFuture<'_, Result<(), StoreError>>;

    /// Creates a `processing` document, or finds the owner's document with the same content
    /// hash (atomically: two identical uploads at once make one document).
    fn create_document(&self, doc: NewDocument) -> BoxFuture<'_, Result<Created, StoreError>>;

    /// Writes a batch of a document's passages, their vectors and keywords, and its progress, in
    /// one transaction; with `last`, the document becomes `ready` in that same transaction.
    /// Passages already written (same ordinal) are replaced, so a resumed job may repeat a batch.
    /// [`StoreError::NoDocument`] when the document was deleted meanwhile.
    fn add_passages<'a>(
        &'a self,
        document: &'a str,
        batch: Vec<NewPassage>,
        last: bool,
    ) -> BoxFuture<'a, Result<(), StoreError>>;

    /// Marks a document `failed` with an error code; its passages are removed.
    fn fail_document<'a>(
        &'a self,
        document: &'a str,
        error: &'a str,
    ) -> BoxFuture<'a, Result<(), StoreError>>;

    /// One document, if `scope` may see it.
    fn document<'a>(
        &'a self,
        scope: &'a Scope,
        id: &'a str,
    ) -> BoxFuture<'a, Result<Option<Document>, StoreError>>;

    /// The documents `scope` may see, newest first.
    fn documents<'a>(
        &'a self,
        scope: &'a Scope,
    ) -> BoxFuture<'a, Result<Vec<Document>, StoreError>>;

    /// Deletes one of `owner`'s documents with its passages, vectors and keywords; false when
    /// the owner has no such document.
    fn delete_document<'a>(
        &'a self,
        owner: &'a str,
        id: &'a str,
    ) -> BoxFuture<'a, Result<bool, StoreError>>;

    /// Gives everything `from` owns to `to` (an anonymous visitor who creates an account).
    /// Documents `to` already has (same content hash) are dropped from `from`.
    fn move_owner<'a>(
        &'a self,
        from: &'a str,
        to: &'a str,
    ) -> BoxFuture<'a, Result<u64, StoreError>>;

    /// Documents still `processing` (a crash or a stop interrupted them), with their clean text
    /// and the number of passages already written, oldest first.
    fn unfinished(&self) -> BoxFuture<'_, Result<Vec<(Document, String)>, StoreError>>;

    /// The `k` passages nearest to `embedding` (cosine) among those `scope` may see, in ready
    /// documents only, best first.
    fn dense<'a>(
        &'a self,
        scope: &'a Scope,
        embedding: &'a [f32],
        k: usize,
    ) -> BoxFuture<'a, Result<Vec<Hit>, StoreError>>;

    /// The `k` passages that best match the words of `query` (BM25 / full-text rank; any word
    /// may match; punctuation and operators are plain text), among those `scope` may see, in
    /// ready documents only, best first.
    fn keyword<'a>(
        &'a self,
        scope: &'a Scope,
        query: &'a str,
        k: usize,
    ) -> BoxFuture<'a, Result<Vec<Hit>, StoreError>>;

    /// The passages with these ids, in the order given (unknown ids skipped).
    fn passages<'a>(
        &'a self,
        ids: &'a [i64],
    ) -> BoxFuture<'a, Result<Vec<StoredPassage>, StoreError>>;

    /// How many documents and passages the store holds in all.
    fn counts(&self) -> BoxFuture<'_, Result<Counts, StoreError>>;
}

#[cfg(test)]
mod tests;
