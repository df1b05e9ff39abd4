//! The server store: PostgreSQL with pgvector. Passages carry their vector (`vector(dims)`, an
//! HNSW index with cosine distance) and a generated `tsvector` (configuration `simple`, a GIN
//! index) searched with BM25 (per-owner keyword statistics kept in the same transactions as
//! the passages); deleting a document cascades to all of it. Several question services may share one
//! database: creating the schema takes an advisory lock, and a document's dedupe is a unique
//! index on (owner, content hash).
//!
//! PostgreSQL text cannot hold NUL characters: every text written or looked up has them replaced
//! by U+FFFD (one character for one, so passages' character offsets still hold).

mod keyword;
mod read;
mod schema;
mod search;
mod stats;
mod write;

use std::borrow::Cow;
use std::str::FromStr;
use std::time::Duration;

use futures::future::BoxFuture;
use futures::FutureExt;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

use super::{
    Counts, Created, Document, EmbedderId, Hit, NewDocument, NewPassage, Scope, StoreError,
    StoredPassage, VectorStore,
};

/// Connections in the store's pool.
const MAX_CONNECTIONS: u32 = 8;

/// Documents, passages, vectors (pgvector) and keywords (full-text search) in PostgreSQL.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    dims: usize,
}

impl PgStore {
    /// Connects to `url` (`postgresql://user:password@host/database`; a Unix socket folder as
    /// `?host=/path`), creates the extension and tables when missing, and checks the embedding
    /// model ([`StoreError::EmbedderChanged`]).
    pub async fn connect(url: &str, embedder: EmbedderId) -> Result<Self, StoreError> {
        Self::connect_with(PgConnectOptions::from_str(url)?, embedder).await
    }

    /// [`connect`](Self::connect) with options already parsed.
    pub async fn connect_with(
        options: PgConnectOptions,
        embedder: EmbedderId,
    ) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        schema::create(&pool, &embedder).await?;
        Ok(Self {
            pool,
            dims: embedder.dims,
        })
    }

    /// The dimensions of the vectors this store holds.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Closes the pool's connections (a test drops its database afterwards).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// `s` as PostgreSQL can hold it: NUL characters replaced by U+FFFD.
pub(crate) fn text(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// [`text`] as an owned `String`, for binding.
pub(crate) fn owned(s: &str) -> String {
    text(s).into_owned()
}

impl VectorStore for PgStore {
    fn kind(&self) -> &'static str {
        "pgvector"
    }

    fn ping(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        async move {
            sqlx::query("SELECT 1").execute(&self.pool).await?;
            Ok(())
        }
        .boxed()
    }

    fn create_document(&self, doc: NewDocument) -> BoxFuture<'_, Result<Created, StoreError>> {
        self.create(doc).boxed()
    }

    fn add_passages<'a>(
        &'a self,
        document: &'a str,
        batch: Vec<NewPassage>,
        last: bool,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        self.add(document, batch, last).boxed()
    }

    fn fail_document<'a>(
        &'a self,
        document: &'a str,
        error: &'a str,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        self.fail(document, error).boxed()
    }

    fn document<'a>(
        &'a self,
        scope: &'a Scope,
        id: &'a str,
    ) -> BoxFuture<'a, Result<Option<Document>, StoreError>> {
        self.one(scope, id).boxed()
    }

    fn documents<'a>(
        &'a self,
        scope: &'a Scope,
    ) -> BoxFuture<'a, Result<Vec<Document>, StoreError>> {
        self.list(scope).boxed()
    }

    fn delete_document<'a>(
        &'a self,
        owner: &'a str,
        id: &'a str,
    ) -> BoxFuture<'a, Result<bool, StoreError>> {
        self.delete(owner, id).boxed()
    }

    fn move_owner<'a>(
        &'a self,
        from: &'a str,
        to: &'a str,
    ) -> BoxFuture<'a, Result<u64, StoreError>> {
        self.give(from, to).boxed()
    }

    fn unfinished(&self) -> BoxFuture<'_, Result<Vec<(Document, String)>, StoreError>> {
        self.processing().boxed()
    }

    fn dense<'a>(
        &'a self,
        scope: &'a Scope,
        embedding: &'a [f32],
        k: usize,
    ) -> BoxFuture<'a, Result<Vec<Hit>, StoreError>> {
        self.nearest(scope, embedding, k).boxed()
    }

    fn keyword<'a>(
        &'a self,
        scope: &'a Scope,
        query: &'a str,
        k: usize,
    ) -> BoxFuture<'a, Result<Vec<Hit>, StoreError>> {
        self.matching(scope, query, k).boxed()
    }

    fn passages<'a>(
        &'a self,
        ids: &'a [i64],
    ) -> BoxFuture<'a, Result<Vec<StoredPassage>, StoreError>> {
        self.by_ids(ids).boxed()
    }

    fn counts(&self) -> BoxFuture<'_, Result<Counts, StoreError>> {
        self.count().boxed()
    }
}
