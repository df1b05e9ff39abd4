//! Changes, each one transaction. A passage's vector and keywords are columns of its row, and a
//! document's passages go with it (ON DELETE CASCADE): nothing can be left behind. The keyword
//! statistics ([`super::stats`]) change in the same transactions, when a document becomes ready
//! or stops being ready.

use pgvector::Vector;

use super::read::{document, to_i64, DOC_COLUMNS};
use super::{owned, stats, PgStore};
use crate::store::input::check_batch;
use crate::store::{Created, NewDocument, NewPassage, StoreError};

impl PgStore {
    pub(super) async fn create(&self, doc: NewDocument) -> Result<Created, StoreError> {
        let text = owned(&doc.text);
        // Twice: the owner's identical document may be deleted between the insert that found
        // it and the select that reads it.
        for _ in 0..2 {
            // ON CONFLICT on the unique (owner, content_hash): of two identical uploads at once,
            // one inserts and the other waits for it, then inserts nothing.
            let inserted = sqlx::query(&format!(
                "INSERT INTO knowledge_documents AS d (id, owner, title, format, content_hash,
                     text, chars, bytes, status, passages_total, passages_done, error, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'processing', $9, 0, NULL, $10)
                 ON CONFLICT (owner, content_hash) DO NOTHING
                 RETURNING {DOC_COLUMNS}"
            ))
            .bind(owned(&doc.id))
            .bind(owned(&doc.owner))
            .bind(owned(&doc.title))
            .bind(owned(&doc.format))
            .bind(owned(&doc.content_hash))
            .bind(&text)
            .bind(to_i64(doc.text.chars().count() as u64))
            .bind(to_i64(doc.bytes))
            .bind(i64::from(doc.passages_total))
            .bind(doc.created_at)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(row) = inserted {
                return Ok(Created::New(document(&row)?));
            }
            let existing = sqlx::query(&format!(
                "SELECT {DOC_COLUMNS} FROM knowledge_documents d
                 WHERE d.owner = $1 AND d.content_hash = $2"
            ))
            .bind(owned(&doc.owner))
            .bind(owned(&doc.content_hash))
            .fetch_optional(&self.pool)
            .await?;
            if let Some(row) = existing {
                return Ok(Created::Existing(document(&row)?));
            }
        }
        Err(StoreError::NoDocument(doc.id))
    }

    pub(super) async fn add(
        &self,
        id: &str,
        batch: Vec<NewPassage>,
        last: bool,
    ) -> Result<(), StoreError> {
        let batch = check_batch(batch, self.dims)?;
        let mut tx = self.pool.begin().await?;
        // Locked: a deletion waits for this batch (and then removes it), never half of it.
        let (key, was_ready) = lock(&mut tx, id).await?;
        // A batch rewriting passages of a ready document (not what indexing does, but allowed):
        // its old passages are uncounted, and the new ones counted below.
        if was_ready {
            stats::uncount(&mut tx, &[key]).await?;
        }
        if !batch.is_empty() {
            let ordinals: Vec<i64> = batch.iter().map(|p| i64::from(p.ordinal)).collect();
            let starts: Vec<i64> = batch.iter().map(|p| i64::from(p.start)).collect();
            let ends: Vec<i64> = batch.iter().map(|p| i64::from(p.end)).collect();
            let texts: Vec<String> = batch.iter().map(|p| owned(&p.text)).collect();
            let vectors: Vec<Vector> = batch
                .into_iter()
                .map(|p| Vector::from(p.embedding))
                .collect();
            sqlx::query(
                "INSERT INTO knowledge_passages (document, ordinal, start_char, end_char, text, embedding)
                 SELECT $1, * FROM UNNEST($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::vector[])
                 ON CONFLICT (document, ordinal) DO UPDATE SET
                     start_char = EXCLUDED.start_char, end_char = EXCLUDED.end_char,
                     text = EXCLUDED.text, embedding = EXCLUDED.embedding",
            )
            .bind(key)
            .bind(ordinals)
            .bind(starts)
            .bind(ends)
            .bind(texts)
            .bind(vectors)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE knowledge_documents SET
                 passages_done = (SELECT count(*) FROM knowledge_passages WHERE document = $1),
                 status = CASE WHEN $2 THEN 'ready' ELSE status END,
                 error = CASE WHEN $2 THEN NULL ELSE error END
             WHERE key = $1",
        )
        .bind(key)
        .bind(last)
        .execute(&mut *tx)
        .await?;
        if was_ready || last {
            stats::count(&mut tx, &[key]).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn fail(&self, id: &str, error: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let (key, was_ready) = lock(&mut tx, id).await?;
        if was_ready {
            stats::uncount(&mut tx, &[key]).await?;
        }
        sqlx::query("DELETE FROM knowledge_passages WHERE document = $1")
            .bind(key)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE knowledge_documents SET status = 'failed', error = $2, passages_done = 0
             WHERE key = $1",
        )
        .bind(key)
        .bind(owned(error))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn delete(&self, owner: &str, id: &str) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        // Locked first: a batch being written finishes (and may make it ready) before this
        // reads the status.
        let found: Option<(i64, String)> = sqlx::query_as(
            "SELECT key, status FROM knowledge_documents WHERE owner = $1 AND id = $2 FOR UPDATE",
        )
        .bind(owned(owner))
        .bind(owned(id))
        .fetch_optional(&mut *tx)
        .await?;
        let Some((key, status)) = found else {
            return Ok(false);
        };
        if status == "ready" {
            stats::uncount(&mut tx, &[key]).await?;
        }
        sqlx::query("DELETE FROM knowledge_documents WHERE key = $1")
            .bind(key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The number of documents given (those `to` already had are deleted, not counted).
    pub(super) async fn give(&self, from: &str, to: &str) -> Result<u64, StoreError> {
        let (from, to) = (owned(from), owned(to));
        if from == to {
            return Ok(0);
        }
        let mut tx = self.pool.begin().await?;
        // Every document of `from` locked, so that none becomes ready meanwhile; the ready ones
        // leave `from`'s statistics and (those not dropped as duplicates) join `to`'s.
        let locked: Vec<(i64, String)> = sqlx::query_as(
            "SELECT key, status FROM knowledge_documents WHERE owner = $1 ORDER BY key FOR UPDATE",
        )
        .bind(&from)
        .fetch_all(&mut *tx)
        .await?;
        let ready: Vec<i64> = locked
            .into_iter()
            .filter(|(_, status)| status == "ready")
            .map(|(key, _)| key)
            .collect();
        stats::uncount(&mut tx, &ready).await?;
        // (An identical upload to `to` committed between these two statements would make the
        // update fail on the unique (owner, content_hash), and nothing change: the move can be
        // tried again.)
        sqlx::query(
            "DELETE FROM knowledge_documents f WHERE f.owner = $1 AND EXISTS (
                 SELECT 1 FROM knowledge_documents t
                 WHERE t.owner = $2 AND t.content_hash = f.content_hash)",
        )
        .bind(&from)
        .bind(&to)
        .execute(&mut *tx)
        .await?;
        let moved = sqlx::query("UPDATE knowledge_documents SET owner = $2 WHERE owner = $1")
            .bind(&from)
            .bind(&to)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // (the documents deleted above are no longer found: not counted)
        stats::count(&mut tx, &ready).await?;
        tx.commit().await?;
        Ok(moved)
    }
}

/// Locks a document's row for the rest of the transaction: its key, and whether it is ready.
async fn lock(
    tx: &mut sqlx::Transaction<'static, sqlx::Postgres>,
    id: &str,
) -> Result<(i64, bool), StoreError> {
    let (key, status): (i64, String) =
        sqlx::query_as("SELECT key, status FROM knowledge_documents WHERE id = $1 FOR UPDATE")
            .bind(owned(id))
            .fetch_optional(&mut **tx)
            .await?
            .ok_or_else(|| StoreError::NoDocument(id.to_string()))?;
    Ok((key, status == "ready"))
}
