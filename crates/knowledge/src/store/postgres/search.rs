//! Dense search: pgvector's HNSW index, exact when it must be (keyword search: [`super::keyword`]).

use pgvector::Vector;
use sqlx::Row;

use super::read::{only, owners, IN_SCOPE};
use super::PgStore;
use crate::store::input::check_dims;
use crate::store::{Hit, Scope, StoreError};

/// pgvector's largest `hnsw.ef_search`: an HNSW scan returns at most that many rows.
const MAX_EF_SEARCH: usize = 1000;

/// The candidates an HNSW scan keeps at least (pgvector's default is 40).
const MIN_EF_SEARCH: usize = 64;

/// The k nearest by the HNSW index: it returns only the ef_search candidates nearest to the
/// query, and the scope's conditions are applied to those, so a person with a small share of a
/// big table may get fewer than k (then [`EXACT`] runs).
const APPROXIMATE: &str = "SELECT p.id, p.embedding <=> $2 AS distance
     FROM knowledge_passages p JOIN knowledge_documents d ON d.key = p.document
     WHERE d.status = 'ready' AND d.owner = ANY($1)
     ORDER BY p.embedding <=> $2 LIMIT $3";

/// The k nearest by computing every distance in the scope (materialised first, so that the
/// ORDER BY cannot use the index): exact, and as fast as the scope is small.
const EXACT: &str = "WITH c AS MATERIALIZED (
         SELECT p.id, p.embedding <=> $3 AS distance
         FROM knowledge_passages p JOIN knowledge_documents d ON d.key = p.document
         WHERE d.status = 'ready' AND {IN_SCOPE})
     SELECT id, distance FROM c ORDER BY distance, id LIMIT $4";

impl PgStore {
    pub(super) async fn nearest(
        &self,
        scope: &Scope,
        embedding: &[f32],
        k: usize,
    ) -> Result<Vec<Hit>, StoreError> {
        check_dims(embedding, self.dims)?;
        if k == 0 {
            return Ok(Vec::new());
        }
        let vector = Vector::from(embedding.to_vec());
        let limit = i64::try_from(k).unwrap_or(i64::MAX);
        // A few named documents: their passages are few, the exact search is cheap.
        if scope.documents.is_none() && k <= MAX_EF_SEARCH {
            let mut tx = self.pool.begin().await?;
            let ef = (2 * k).clamp(MIN_EF_SEARCH, MAX_EF_SEARCH);
            sqlx::query("SELECT set_config('hnsw.ef_search', $1, true)")
                .bind(ef.to_string())
                .execute(&mut *tx)
                .await?;
            let rows = sqlx::query(APPROXIMATE)
                .bind(owners(scope))
                .bind(&vector)
                .bind(limit)
                .fetch_all(&mut *tx)
                .await?;
            tx.commit().await?;
            if rows.len() == k {
                return hits(&rows, "distance", |d| 1.0 - d);
            }
        }
        let rows = sqlx::query(&EXACT.replace("{IN_SCOPE}", IN_SCOPE))
            .bind(owners(scope))
            .bind(only(scope))
            .bind(&vector)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        hits(&rows, "distance", |d| 1.0 - d)
    }
}

/// Rows of `(id, column)` as hits, the column's value turned into a score.
fn hits(
    rows: &[sqlx::postgres::PgRow],
    column: &str,
    score: impl Fn(f64) -> f64,
) -> Result<Vec<Hit>, StoreError> {
    rows.iter()
        .map(|row| {
            Ok(Hit {
                passage: row.try_get("id")?,
                score: score(row.try_get::<f64, _>(column)?) as f32,
            })
        })
        .collect()
}
