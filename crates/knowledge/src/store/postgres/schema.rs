//! The knowledge tables in PostgreSQL, created when missing (under an advisory lock: several
//! services may start at once), and the check that the vectors come from the configured model.
//!
//! Upgrades happen here too, in place and under the same lock: a database made before the
//! keyword statistics existed gets their tables, filled once from its ready documents
//! ([`super::stats::rebuild`]; ~1.3 s at 100k passages), and `keyword_stats` in
//! `knowledge_meta` records that it was done.

use sqlx::{PgPool, Postgres, Transaction};

use super::stats;
use crate::store::{EmbedderId, StoreError};

/// The advisory lock taken while the schema is created ("precis knowledge" in ASCII, cut).
const SCHEMA_LOCK: i64 = 0x7072_6563_6b6e_6f77;

const BEFORE: &[&str] = &[
    "CREATE EXTENSION IF NOT EXISTS vector",
    "CREATE TABLE IF NOT EXISTS knowledge_meta (key text PRIMARY KEY, value text NOT NULL)",
];

const DOCUMENTS: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS knowledge_documents (
        key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        owner text NOT NULL,
        title text NOT NULL,
        format text NOT NULL,
        content_hash text NOT NULL,
        text text NOT NULL,
        chars bigint NOT NULL,
        bytes bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('processing', 'ready', 'failed')),
        passages_total bigint NOT NULL,
        passages_done bigint NOT NULL DEFAULT 0,
        error text,
        created_at bigint NOT NULL,
        UNIQUE (owner, content_hash)
    )",
    "CREATE INDEX IF NOT EXISTS knowledge_documents_owner
        ON knowledge_documents (owner, created_at)",
    "CREATE INDEX IF NOT EXISTS knowledge_documents_processing
        ON knowledge_documents (created_at) WHERE status = 'processing'",
];

const INDEXES: &[&str] = &[
    "CREATE INDEX IF NOT EXISTS knowledge_passages_embedding
        ON knowledge_passages USING hnsw (embedding vector_cosine_ops)",
    "CREATE INDEX IF NOT EXISTS knowledge_passages_keywords
        ON knowledge_passages USING gin (keywords)",
];

/// The keyword statistics (BM25's document frequencies and lengths), per owner, over the
/// passages of ready documents only; [`super::stats`] keeps them.
const STATS: &[&str] = &[
    // In how many passages of the owner's ready documents each lexeme is.
    "CREATE TABLE IF NOT EXISTS knowledge_terms (
        owner text NOT NULL,
        lexeme text NOT NULL,
        passages bigint NOT NULL,
        PRIMARY KEY (owner, lexeme)
    )",
    // The owner's passages in ready documents, and their lengths summed (a passage's length is
    // its number of distinct lexemes, `length(keywords)`).
    "CREATE TABLE IF NOT EXISTS knowledge_owners (
        owner text PRIMARY KEY,
        passages bigint NOT NULL,
        lexemes bigint NOT NULL
    )",
];

/// The version of the keyword statistics in `knowledge_meta`: absent, they are (re)built.
const STATS_VERSION: &str = "1";

pub(super) async fn create(pool: &PgPool, embedder: &EmbedderId) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(SCHEMA_LOCK)
        .execute(&mut *tx)
        .await?;
    for statement in BEFORE {
        sqlx::query(statement).execute(&mut *tx).await?;
    }
    check_embedder(&mut tx, embedder).await?;
    for statement in DOCUMENTS {
        sqlx::query(statement).execute(&mut *tx).await?;
    }
    // The dimensions are part of the column's type: checked above before it is made.
    let passages = format!(
        "CREATE TABLE IF NOT EXISTS knowledge_passages (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document bigint NOT NULL REFERENCES knowledge_documents (key) ON DELETE CASCADE,
            ordinal bigint NOT NULL,
            start_char bigint NOT NULL,
            end_char bigint NOT NULL,
            text text NOT NULL,
            embedding vector({dims}) NOT NULL,
            keywords tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
            UNIQUE (document, ordinal)
        )",
        dims = embedder.dims
    );
    sqlx::query(&passages).execute(&mut *tx).await?;
    for statement in INDEXES.iter().chain(STATS) {
        sqlx::query(statement).execute(&mut *tx).await?;
    }
    let built: Option<String> =
        sqlx::query_scalar("SELECT value FROM knowledge_meta WHERE key = 'keyword_stats'")
            .fetch_optional(&mut *tx)
            .await?;
    if built.as_deref() != Some(STATS_VERSION) {
        stats::rebuild(&mut tx).await?;
        sqlx::query(
            "INSERT INTO knowledge_meta (key, value) VALUES ('keyword_stats', $1)
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        )
        .bind(STATS_VERSION)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Remembers the model the first time; afterwards, [`StoreError::EmbedderChanged`] when it is
/// another one.
async fn check_embedder(
    tx: &mut Transaction<'static, Postgres>,
    embedder: &EmbedderId,
) -> Result<(), StoreError> {
    let found: Vec<(String, String)> = sqlx::query_as(
        "SELECT key, value FROM knowledge_meta WHERE key IN ('embedder_model', 'embedder_dims')",
    )
    .fetch_all(&mut **tx)
    .await?;
    let model = found.iter().find(|(k, _)| k == "embedder_model");
    let dims = found.iter().find(|(k, _)| k == "embedder_dims");
    if let (Some((_, model)), Some((_, dims))) = (model, dims) {
        let found_dims = dims.parse::<usize>().unwrap_or(0);
        if *model != super::owned(&embedder.model) || found_dims != embedder.dims {
            return Err(StoreError::EmbedderChanged {
                expected_model: embedder.model.clone(),
                expected: embedder.dims,
                found_model: model.clone(),
                found: found_dims,
            });
        }
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO knowledge_meta (key, value) VALUES ('embedder_model', $1), ('embedder_dims', $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
    )
    .bind(super::owned(&embedder.model))
    .bind(embedder.dims.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
