//! The knowledge tables in Precis's SQLite file, created when missing, and the check that the
//! file's vectors come from the configured embedding model.

use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::store::{EmbedderId, StoreError};

/// Vectors per `vec0` chunk. Each owner is a partition with chunks of its own, allocated whole
/// (`CHUNK_SIZE` × dims × 4 bytes: 384 KB at 384 dimensions), so a person with one small
/// document does not hold megabytes (the default, 1024, would be 1.5 MB); a KNN scan reads a
/// whole chunk per step, so fewer, larger chunks are faster for big libraries. At 100,000
/// passages 256 measured no slower than 1024 (64 was twice as slow).
pub(crate) const CHUNK_SIZE: usize = 256;

/// Whether the vectors also have a 1-bit-per-dimension copy (`coarse`) for the first pass of
/// big searches (see `search.rs`): `vec0` bit vectors need a multiple of 8 dimensions.
pub(crate) fn has_coarse(dims: usize) -> bool {
    dims % 8 == 0
}

const TABLES: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS knowledge_documents (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        owner TEXT NOT NULL,
        title TEXT NOT NULL,
        format TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        chars INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('processing', 'ready', 'failed')),
        passages_total INTEGER NOT NULL,
        passages_done INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (owner, content_hash)
    )",
    // Every column but the text, by owner: listings and the searches' look-ups of the ready
    // documents in scope read it alone. A row of the table holds the document's whole text
    // before most of these columns, so reading them from the row walks the text's overflow
    // pages (1,008 documents of 100 passages, a busy machine: listing 8.8 → 3.8 ms, the ready
    // ones' keys 1.6 → 0.5 ms, the sum of their passages 0.6 → 0.07 ms). It replaces the
    // (owner, created_at) index of earlier versions.
    "DROP INDEX IF EXISTS knowledge_documents_owner",
    "CREATE INDEX IF NOT EXISTS knowledge_documents_by_owner ON knowledge_documents
        (owner, created_at, status, passages_done, passages_total, id, title, format,
         content_hash, chars, bytes, error)",
    "CREATE INDEX IF NOT EXISTS knowledge_documents_processing
        ON knowledge_documents (created_at) WHERE status = 'processing'",
    "CREATE TABLE IF NOT EXISTS knowledge_passages (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES knowledge_documents (key) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document, ordinal)
    )",
    // Contentless (the text is in knowledge_passages), rows deletable by rowid (= passage id).
    "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts USING fts5(
        text,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    )",
];

/// Fails with a clear message when `sqlite-vec` is not part of the pool's connections.
pub(super) async fn check_vec(pool: &SqlitePool) -> Result<(), StoreError> {
    match sqlx::query_scalar::<_, String>("SELECT vec_version()")
        .fetch_one(pool)
        .await
    {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.message().contains("no such function") => {
            Err(StoreError::Db(sqlx::Error::Configuration(
                "sqlite-vec is not loaded: call precis_knowledge::store::sqlite::register_sqlite_vec() before opening the SQLite pools".into(),
            )))
        }
        Err(e) => Err(e.into()),
    }
}

/// Creates what is missing, in one transaction, after checking the embedding model.
pub(super) async fn create(write: &SqlitePool, embedder: &EmbedderId) -> Result<(), StoreError> {
    let mut tx = write.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS knowledge_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    )
    .execute(&mut *tx)
    .await?;
    check_embedder(&mut tx, embedder).await?;
    for statement in TABLES {
        sqlx::query(statement).execute(&mut *tx).await?;
    }
    // The dimensions are part of the table: they are checked above before it is made.
    let dims = embedder.dims;
    let coarse = if has_coarse(dims) {
        format!("coarse bit[{dims}],")
    } else {
        String::new()
    };
    let vectors = format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_vectors USING vec0(
            passage_id INTEGER PRIMARY KEY,
            owner TEXT PARTITION KEY,
            document INTEGER,
            ready BOOLEAN,
            embedding float[{dims}] distance_metric=cosine,
            {coarse}
            chunk_size={CHUNK_SIZE}
        )"
    );
    sqlx::query(&vectors).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Remembers the model the first time; afterwards, [`StoreError::EmbedderChanged`] when it is
/// another one (its vectors cannot be compared with those stored).
async fn check_embedder(
    tx: &mut Transaction<'static, Sqlite>,
    embedder: &EmbedderId,
) -> Result<(), StoreError> {
    let found: Vec<(String, String)> = sqlx::query_as(
        "SELECT key, value FROM knowledge_meta WHERE key IN ('embedder_model', 'embedder_dims')",
    )
    .fetch_all(&mut **tx)
    .await?;
    let model = found.iter().find(|(k, _)| k == "embedder_model");
    let dims = found.iter().find(|(k, _)| k == "embedder_dims");
    match (model, dims) {
        (Some((_, model)), Some((_, dims))) => {
            let found_dims = dims.parse::<usize>().unwrap_or(0);
            if *model != embedder.model || found_dims != embedder.dims {
                return Err(StoreError::EmbedderChanged {
                    expected_model: embedder.model.clone(),
                    expected: embedder.dims,
                    found_model: model.clone(),
                    found: found_dims,
                });
            }
            Ok(())
        }
        _ => {
            sqlx::query(
                "INSERT OR REPLACE INTO knowledge_meta (key, value)
                 VALUES ('embedder_model', ?), ('embedder_dims', ?)",
            )
            .bind(&embedder.model)
            .bind(embedder.dims.to_string())
            .execute(&mut **tx)
            .await?;
            Ok(())
        }
    }
}
