//! Dense (sqlite-vec KNN) and keyword (FTS5, BM25) searches, on the read pool.
//!
//! What `vec0` (0.1.9) can filter a KNN scan on, so that it still returns k rows: an equality on
//! the partition key (one owner: no `IN`, so the person's and the shared library's partitions
//! are two scans, merged), and metadata columns (`ready = 1`; `document IN (…)`, integers, for a
//! scope limited to some documents). Any other condition would be applied by SQLite after the k
//! nearest were chosen, leaving fewer than k.
//!
//! A KNN scan is brute force: every vector of the partition (~0.4 µs each at 384 dimensions:
//! sqlite-vec's float loops are not vectorised, ~40 ms at 100,000 with the file mapped). It is
//! used as is up to [`SqliteStore::with_exact_max`] vectors, by default always. Beyond, when k
//! is small, a first pass scans the 1-bit copies (`coarse`, Hamming distance) for
//! [`candidates`], whose float vectors are then compared exactly (one look-up each, ~0.2 ms at
//! 100,000: vec0 opens a blob per row), and the k best of those are returned: a true neighbour
//! whose bits differ more than the candidates' is missed. The first pass costs in proportion
//! to vectors × candidates (vec0 picks each chunk's best by repeated scans): see [`EXACT_MAX`]
//! for why it is off by default.

use std::collections::BTreeMap;

use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use super::read::{owners, push_scope, IDS_PER_QUERY};
use super::schema::has_coarse;
use super::write::vector_blob;
use super::SqliteStore;
use crate::store::input::{check_dims, fts5_any, query_words};
use crate::store::{Hit, Scope, StoreError};

/// The largest k a `vec0` KNN query accepts.
pub(crate) const MAX_K: usize = 4096;

/// Partitions (the part of one owner in a scope) of at most this many vectors are searched
/// exactly in one pass; see [`SqliteStore::with_exact_max`]. By default every partition: the
/// two-pass search misses too many true neighbours on real embeddings to be worth its time.
/// Measured with real MiniLM vectors (`examples/vec_paths.rs`: 8,661 texts of the benchmark's
/// corpus in en/fr/pt, the 278 questions as queries, recall@10 against exact, after exact
/// rescoring), candidates kept by the bit pass → recall / time:
/// 8,661 vectors: 40 → 0.85 / 0.7 ms, 100 → 0.94 / 1.6 ms, 200 → 0.98 / 3.5 ms (exact 4.5 ms);
/// 100,000 (the real ones and mixtures of two of them with noise): 40 → 0.73 / 6 ms,
/// 100 → 0.86 / 13 ms, 200 → 0.92 / 28 ms, 400 → 0.96 / 38 ms (exact: 42 ms, plus ~0.2 ms
/// per candidate rescored). sqlite-vec picks each chunk's best by repeated scans, so the bit
/// pass costs in proportion to the candidates: it reaches 0.95 only when it costs as much as
/// the exact search.
pub const EXACT_MAX: u64 = u64::MAX;

/// Candidates the first pass of a big search keeps for k results.
pub(crate) fn candidates(k: usize) -> usize {
    (k * 8).max(64)
}

/// More candidates than this cost the first pass as much as the exact search.
const MAX_CANDIDATES: usize = 256;

/// One partition to scan: an owner, the documents it is limited to (None: all of its ready
/// ones), and the number of vectors that leaves.
struct Partition {
    owner: String,
    documents: Option<Vec<i64>>,
    vectors: u64,
}

impl SqliteStore {
    /// The scope's partitions with ready vectors: one per owner it sees, or only the owners of
    /// the documents it names.
    async fn partitions(
        conn: &mut SqliteConnection,
        scope: &Scope,
    ) -> Result<Vec<Partition>, StoreError> {
        let Some(ids) = &scope.documents else {
            let mut partitions = Vec::new();
            for owner in owners(scope) {
                let vectors: i64 = sqlx::query_scalar(
                    "SELECT coalesce(sum(passages_done), 0) FROM knowledge_documents
                     WHERE owner = ? AND status = 'ready'",
                )
                .bind(owner)
                .fetch_one(&mut *conn)
                .await?;
                partitions.push(Partition {
                    owner: owner.to_string(),
                    documents: None,
                    vectors: u64::try_from(vectors).unwrap_or(0),
                });
            }
            return Ok(partitions.into_iter().filter(|p| p.vectors > 0).collect());
        };
        let mut found: BTreeMap<String, Partition> = BTreeMap::new();
        for chunk in ids.chunks(IDS_PER_QUERY) {
            let narrowed = Scope {
                documents: Some(chunk.to_vec()),
                ..scope.clone()
            };
            let mut qb = QueryBuilder::<Sqlite>::new(
                "SELECT key, owner, passages_done FROM knowledge_documents
                 WHERE status = 'ready' AND ",
            );
            push_scope(&mut qb, &narrowed, "");
            for row in qb.build().fetch_all(&mut *conn).await? {
                let owner: String = row.try_get("owner")?;
                let done: i64 = row.try_get("passages_done")?;
                let partition = found.entry(owner.clone()).or_insert_with(|| Partition {
                    owner,
                    documents: Some(Vec::new()),
                    vectors: 0,
                });
                partition
                    .documents
                    .get_or_insert_with(Vec::new)
                    .push(row.try_get("key")?);
                partition.vectors += u64::try_from(done).unwrap_or(0);
            }
        }
        Ok(found.into_values().filter(|p| p.vectors > 0).collect())
    }

    pub(super) async fn nearest(
        &self,
        scope: &Scope,
        embedding: &[f32],
        k: usize,
    ) -> Result<Vec<Hit>, StoreError> {
        check_dims(embedding, self.dims)?;
        let k = k.min(MAX_K);
        if k == 0 {
            return Ok(Vec::new());
        }
        let blob = vector_blob(embedding);
        let mut found: Vec<(f64, i64)> = Vec::new();
        // One connection for all the statements: a search never waits for a second one while
        // holding the first (four searches at once would wait for each other).
        let mut conn = self.read.acquire().await?;
        for partition in Self::partitions(&mut conn, scope).await? {
            let two_passes = has_coarse(self.dims)
                && partition.vectors > self.exact_max
                && candidates(k) <= MAX_CANDIDATES
                && partition.vectors > candidates(k) as u64;
            if two_passes {
                let ids = knn(&mut conn, "coarse", &blob, candidates(k), &partition).await?;
                found.extend(rescore(&mut conn, &blob, ids).await?);
            } else {
                found.extend(knn(&mut conn, "embedding", &blob, k, &partition).await?);
            }
        }
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        found.truncate(k);
        Ok(found
            .into_iter()
            .map(|(distance, passage)| Hit {
                passage,
                score: (1.0 - distance) as f32,
            })
            .collect())
    }

    pub(super) async fn matching(
        &self,
        scope: &Scope,
        query: &str,
        k: usize,
    ) -> Result<Vec<Hit>, StoreError> {
        let Some(expression) = fts5_any(&query_words(query)) else {
            return Ok(Vec::new());
        };
        if k == 0 {
            return Ok(Vec::new());
        }
        // The ready documents in scope are listed once (from the covering index
        // `knowledge_documents_by_owner`) rather than looked up for every match. CROSS JOIN
        // keeps the full-text match outermost.
        let mut qb = QueryBuilder::<Sqlite>::new(
            "SELECT f.rowid AS id, -bm25(knowledge_fts) AS score
             FROM knowledge_fts f
             CROSS JOIN knowledge_passages p ON p.id = f.rowid
             WHERE knowledge_fts MATCH ",
        );
        qb.push_bind(expression);
        qb.push(
            " AND p.document IN (SELECT d.key FROM knowledge_documents d
               WHERE d.status = 'ready' AND ",
        );
        push_scope(&mut qb, scope, "d.");
        qb.push(") ORDER BY score DESC, id LIMIT ")
            .push_bind(i64::try_from(k).unwrap_or(i64::MAX));
        let rows = qb.build().fetch_all(&self.read).await?;
        rows.iter()
            .map(|row| {
                let score: f64 = row.try_get("score")?;
                Ok(Hit {
                    passage: row.try_get("id")?,
                    score: score as f32,
                })
            })
            .collect()
    }
}

/// The `k` nearest ready vectors of a partition by `column` (`embedding`: cosine distance;
/// `coarse`: Hamming distance of the 1-bit copies), as (distance, passage id).
async fn knn(
    conn: &mut SqliteConnection,
    column: &str,
    query: &[u8],
    k: usize,
    partition: &Partition,
) -> Result<Vec<(f64, i64)>, StoreError> {
    let mut qb =
        QueryBuilder::<Sqlite>::new("SELECT passage_id, distance FROM knowledge_vectors WHERE ");
    if column == "coarse" {
        qb.push("coarse MATCH vec_quantize_binary(")
            .push_bind(query.to_vec())
            .push(")");
    } else {
        qb.push("embedding MATCH ").push_bind(query.to_vec());
    }
    qb.push(" AND k = ").push_bind(k as i64);
    qb.push(" AND owner = ").push_bind(partition.owner.clone());
    qb.push(" AND ready = 1");
    if let Some(keys) = &partition.documents {
        qb.push(" AND document IN (");
        let mut list = qb.separated(", ");
        for key in keys {
            list.push_bind(*key);
        }
        qb.push(")");
    }
    let rows = qb.build().fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| Ok((row.try_get("distance")?, row.try_get("passage_id")?)))
        .collect()
}

/// The exact cosine distances of the candidates, each looked up by its key (a join on
/// `passage_id =` is a point look-up in `vec0`; `passage_id IN (…)` would scan everything).
async fn rescore(
    conn: &mut SqliteConnection,
    query: &[u8],
    candidates: Vec<(f64, i64)>,
) -> Result<Vec<(f64, i64)>, StoreError> {
    let mut out = Vec::with_capacity(candidates.len());
    for chunk in candidates.chunks(IDS_PER_QUERY) {
        let mut qb = QueryBuilder::<Sqlite>::new("WITH c(id) AS (VALUES ");
        let mut list = qb.separated(", ");
        for (_, id) in chunk {
            list.push("(")
                .push_bind_unseparated(*id)
                .push_unseparated(")");
        }
        qb.push(") SELECT v.passage_id, vec_distance_cosine(v.embedding, ");
        qb.push_bind(query.to_vec());
        qb.push(") AS distance FROM c JOIN knowledge_vectors v ON v.passage_id = c.id");
        for row in qb.build().fetch_all(&mut *conn).await? {
            out.push((row.try_get("distance")?, row.try_get("passage_id")?));
        }
    }
    Ok(out)
}
