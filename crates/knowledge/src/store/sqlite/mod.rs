//! The embedded store: Precis's own SQLite file. Documents and passages in plain tables, vectors
//! in a `sqlite-vec` `vec0` table (cosine distance, partitioned by owner, with the document and
//! whether it is ready as metadata columns the KNN scan filters on), keywords in a contentless
//! FTS5 table ranked by BM25.
//!
//! It uses the server's two pools on the same file: the single-connection write pool (SQLite
//! serialises writes anyway) and the read-only pool (WAL: readers never wait for the writer).
//! `sqlite-vec` must be registered ([`register_sqlite_vec`]) before either pool is opened.

mod pools;
mod read;
mod schema;
mod search;
mod write;

pub use pools::{Durability, Pools};
pub use search::EXACT_MAX;

/// Bytes of the file each connection maps into memory (`PRAGMA mmap_size`; SQLite caps it at
/// 2 GB): pools opened for this store should set it. A search reads the vectors' chunks and
/// walks the overflow pages of long rows; mapped, a page is a pointer instead of a `read` call
/// and a copy into each connection's small page cache (2 MB). Measured at 100,000 passages
/// (2 cores): dense search 66 → 41 ms, keyword 26 → 13 ms, listing 1,000 documents 13 → 6 ms.
pub const MMAP_SIZE: u64 = 1 << 30;

use std::sync::Once;

use futures::future::BoxFuture;
use futures::FutureExt;
use sqlx::SqlitePool;

use super::{
    Counts, Created, Document, EmbedderId, Hit, NewDocument, NewPassage, Scope, StoreError,
    StoredPassage, VectorStore,
};

/// Makes `sqlite-vec` (the `vec0` table, `vec_distance_cosine`…) part of every SQLite
/// connection opened afterwards in this process. Call it before opening the pools; calling it
/// again does nothing.
pub fn register_sqlite_vec() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        type EntryPoint = unsafe extern "C" fn(
            *mut libsqlite3_sys::sqlite3,
            *mut *mut std::os::raw::c_char,
            *const libsqlite3_sys::sqlite3_api_routines,
        ) -> std::os::raw::c_int;
        // SAFETY: `sqlite3_vec_init` is sqlite-vec's extension entry point, a C function with
        // exactly the signature SQLite calls auto-extensions with, `(sqlite3*, char**, const
        // sqlite3_api_routines*) -> int` (the crate declares it without arguments only because it
        // links it as an opaque symbol), so the transmuted pointer is called with the arguments
        // it expects. sqlite-vec is compiled with SQLITE_CORE: it calls the SQLite linked into
        // this binary directly, which is libsqlite3-sys's bundled SQLite (3.46, pinned to the
        // version sqlx uses: one SQLite in the process); its headers are 3.45's, and SQLite's C
        // API only grows. `sqlite3_auto_extension` is thread-safe, and the Once registers once.
        let rc = unsafe {
            let entry = std::mem::transmute::<*const (), EntryPoint>(
                sqlite_vec::sqlite3_vec_init as *const (),
            );
            libsqlite3_sys::sqlite3_auto_extension(Some(entry))
        };
        if rc != libsqlite3_sys::SQLITE_OK {
            tracing::error!(rc, "sqlite-vec could not be registered");
        }
    });
}

/// Documents, passages, vectors (sqlite-vec) and keywords (FTS5) in Precis's SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    write: SqlitePool,
    read: SqlitePool,
    dims: usize,
    /// See [`with_exact_max`](Self::with_exact_max).
    exact_max: u64,
}

impl SqliteStore {
    /// Uses the server's pools on one SQLite file: `write` (one connection) for every change,
    /// `read` (read-only) for listings and searches. Creates the tables when they are missing;
    /// [`StoreError::EmbedderChanged`] when the file's vectors come from another embedding
    /// model. `sqlite-vec` must have been registered before the pools were opened.
    pub async fn open(
        write: SqlitePool,
        read: SqlitePool,
        embedder: EmbedderId,
    ) -> Result<Self, StoreError> {
        register_sqlite_vec();
        schema::check_vec(&write).await?;
        schema::check_vec(&read).await?;
        schema::create(&write, &embedder).await?;
        Ok(Self {
            write,
            read,
            dims: embedder.dims,
            exact_max: search::EXACT_MAX,
        })
    }

    /// Dense searches compare the query with every vector of a scope of at most this many
    /// (default [`EXACT_MAX`]); bigger ones take a first pass over 1-bit copies of the
    /// vectors, then compare the best candidates exactly (faster, may miss a few).
    pub fn with_exact_max(mut self, vectors: u64) -> Self {
        self.exact_max = vectors;
        self
    }

    /// The dimensions of the vectors this store holds.
    pub fn dims(&self) -> usize {
        self.dims
    }
}

impl VectorStore for SqliteStore {
    fn kind(&self) -> &'static str {
        "sqlite-vec"
    }

    fn ping(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        async move {
            sqlx::query("SELECT 1").execute(&self.read).await?;
            sqlx::query("SELECT 1").execute(&self.write).await?;
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
