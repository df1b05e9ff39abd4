//! Changes (the write pool), each one transaction. The vector and keyword rows of a passage
//! share its id (the `vec0` primary key, the FTS5 rowid) and are removed with it by hand:
//! virtual tables are not reached by foreign keys.

use sqlx::{Row, Sqlite, SqliteConnection, Transaction};

use super::read::{document, to_i64, DOC_COLUMNS};
use super::schema::has_coarse;
use super::SqliteStore;
use crate::store::input::check_batch;
use crate::store::{Created, NewDocument, NewPassage, Status, StoreError};

/// Write transactions take the write lock at once: another process writing the same file makes
/// this one wait (busy timeout) instead of failing half-way through.
const BEGIN: &str = "BEGIN IMMEDIATE";

/// f32s as `vec0` reads them: little-endian, packed.
pub(super) fn vector_blob(embedding: &[f32]) -> Vec<u8> {
    embedding.iter().flat_map(|x| x.to_le_bytes()).collect()
}

impl SqliteStore {
    pub(super) async fn create(&self, doc: NewDocument) -> Result<Created, StoreError> {
        // Twice: the owner's identical document may be deleted between the insert that found
        // it and the select that reads it.
        for _ in 0..2 {
            let inserted = sqlx::query(&format!(
                "INSERT INTO knowledge_documents (id, owner, title, format, content_hash, text,
                     chars, bytes, status, passages_total, passages_done, error, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'processing', ?, 0, NULL, ?)
                 ON CONFLICT (owner, content_hash) DO NOTHING
                 RETURNING {DOC_COLUMNS}"
            ))
            .bind(&doc.id)
            .bind(&doc.owner)
            .bind(&doc.title)
            .bind(&doc.format)
            .bind(&doc.content_hash)
            .bind(&doc.text)
            .bind(to_i64(doc.text.chars().count() as u64))
            .bind(to_i64(doc.bytes))
            .bind(i64::from(doc.passages_total))
            .bind(doc.created_at)
            .fetch_optional(&self.write)
            .await?;
            if let Some(row) = inserted {
                return Ok(Created::New(document(&row)?));
            }
            let existing = sqlx::query(&format!(
                "SELECT {DOC_COLUMNS} FROM knowledge_documents WHERE owner = ? AND content_hash = ?"
            ))
            .bind(&doc.owner)
            .bind(&doc.content_hash)
            .fetch_optional(&self.write)
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
        let mut tx = self.write.begin_with(BEGIN).await?;
        let row = sqlx::query("SELECT key, owner, status FROM knowledge_documents WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NoDocument(id.to_string()))?;
        let key: i64 = row.try_get("key")?;
        let owner: String = row.try_get("owner")?;
        let status: String = row.try_get("status")?;
        let ready = last || status == Status::Ready.as_str();
        for passage in &batch {
            let old: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM knowledge_passages WHERE document = ? AND ordinal = ?",
            )
            .bind(key)
            .bind(i64::from(passage.ordinal))
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(old) = old {
                remove_passage(&mut tx, old).await?;
            }
            let pid: i64 = sqlx::query_scalar(
                "INSERT INTO knowledge_passages (document, ordinal, start_char, end_char, text)
                 VALUES (?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(key)
            .bind(i64::from(passage.ordinal))
            .bind(i64::from(passage.start))
            .bind(i64::from(passage.end))
            .bind(&passage.text)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO knowledge_fts (rowid, text) VALUES (?, ?)")
                .bind(pid)
                .bind(&passage.text)
                .execute(&mut *tx)
                .await?;
            let vector = Vector {
                passage: pid,
                owner: &owner,
                document: key,
                ready,
                embedding: vector_blob(&passage.embedding),
            };
            vector.insert(&mut tx, self.dims).await?;
        }
        if last {
            // Earlier batches' vectors become searchable with this one, in this transaction.
            for pid in passage_ids(&mut tx, key).await? {
                sqlx::query("UPDATE knowledge_vectors SET ready = 1 WHERE passage_id = ?")
                    .bind(pid)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        sqlx::query(
            "UPDATE knowledge_documents SET
                 passages_done = (SELECT count(*) FROM knowledge_passages WHERE document = ?1),
                 status = CASE WHEN ?2 THEN 'ready' ELSE status END,
                 error = CASE WHEN ?2 THEN NULL ELSE error END
             WHERE key = ?1",
        )
        .bind(key)
        .bind(last)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn fail(&self, id: &str, error: &str) -> Result<(), StoreError> {
        let mut tx = self.write.begin_with(BEGIN).await?;
        let key: i64 = sqlx::query_scalar("SELECT key FROM knowledge_documents WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NoDocument(id.to_string()))?;
        remove_passages(&mut tx, key).await?;
        sqlx::query(
            "UPDATE knowledge_documents SET status = 'failed', error = ?, passages_done = 0
             WHERE key = ?",
        )
        .bind(error)
        .bind(key)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn delete(&self, owner: &str, id: &str) -> Result<bool, StoreError> {
        let mut tx = self.write.begin_with(BEGIN).await?;
        let key: Option<i64> =
            sqlx::query_scalar("SELECT key FROM knowledge_documents WHERE owner = ? AND id = ?")
                .bind(owner)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(key) = key else {
            return Ok(false);
        };
        remove_document(&mut tx, key).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The number of documents given (those `to` already had are deleted, not counted).
    pub(super) async fn give(&self, from: &str, to: &str) -> Result<u64, StoreError> {
        if from == to {
            return Ok(0);
        }
        let mut tx = self.write.begin_with(BEGIN).await?;
        let duplicates: Vec<i64> = sqlx::query_scalar(
            "SELECT f.key FROM knowledge_documents f JOIN knowledge_documents t
                 ON t.owner = ? AND t.content_hash = f.content_hash
             WHERE f.owner = ?",
        )
        .bind(to)
        .bind(from)
        .fetch_all(&mut *tx)
        .await?;
        for key in duplicates {
            remove_document(&mut tx, key).await?;
        }
        let keys: Vec<i64> =
            sqlx::query_scalar("SELECT key FROM knowledge_documents WHERE owner = ?")
                .bind(from)
                .fetch_all(&mut *tx)
                .await?;
        // The owner is the vectors' partition key, which vec0 cannot update: each vector is
        // written again in the new owner's partition.
        for key in &keys {
            for pid in passage_ids(&mut tx, *key).await? {
                let row = sqlx::query(
                    "SELECT ready, embedding FROM knowledge_vectors WHERE passage_id = ?",
                )
                .bind(pid)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else { continue };
                let ready: bool = row.try_get("ready")?;
                let embedding: Vec<u8> = row.try_get("embedding")?;
                remove_vector(&mut tx, pid).await?;
                let vector = Vector {
                    passage: pid,
                    owner: to,
                    document: *key,
                    ready,
                    embedding,
                };
                vector.insert(&mut tx, self.dims).await?;
            }
        }
        let moved = sqlx::query("UPDATE knowledge_documents SET owner = ? WHERE owner = ?")
            .bind(to)
            .bind(from)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(moved)
    }
}

/// A row of the vectors table.
struct Vector<'a> {
    passage: i64,
    owner: &'a str,
    document: i64,
    ready: bool,
    /// [`vector_blob`]
    embedding: Vec<u8>,
}

impl Vector<'_> {
    async fn insert(
        self,
        tx: &mut Transaction<'static, Sqlite>,
        dims: usize,
    ) -> Result<(), StoreError> {
        let sql = if has_coarse(dims) {
            "INSERT INTO knowledge_vectors (passage_id, owner, document, ready, embedding, coarse)
             VALUES (?1, ?2, ?3, ?4, ?5, vec_quantize_binary(?5))"
        } else {
            "INSERT INTO knowledge_vectors (passage_id, owner, document, ready, embedding)
             VALUES (?1, ?2, ?3, ?4, ?5)"
        };
        sqlx::query(sql)
            .bind(self.passage)
            .bind(self.owner)
            .bind(self.document)
            .bind(self.ready)
            .bind(self.embedding)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

async fn passage_ids(conn: &mut SqliteConnection, key: i64) -> Result<Vec<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM knowledge_passages WHERE document = ? ORDER BY id")
            .bind(key)
            .fetch_all(conn)
            .await?,
    )
}

/// One statement per row: `vec0` finds a row by an equality on its key, while an `IN (…)`
/// would make it scan every vector.
async fn remove_vector(tx: &mut Transaction<'static, Sqlite>, pid: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM knowledge_vectors WHERE passage_id = ?")
        .bind(pid)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A passage with its vector and keywords.
async fn remove_passage(tx: &mut Transaction<'static, Sqlite>, pid: i64) -> Result<(), StoreError> {
    remove_vector(tx, pid).await?;
    sqlx::query("DELETE FROM knowledge_fts WHERE rowid = ?")
        .bind(pid)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM knowledge_passages WHERE id = ?")
        .bind(pid)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// All of a document's passages, with their vectors and keywords.
async fn remove_passages(
    tx: &mut Transaction<'static, Sqlite>,
    key: i64,
) -> Result<(), StoreError> {
    for pid in passage_ids(tx, key).await? {
        remove_passage(tx, pid).await?;
    }
    Ok(())
}

/// A document and everything of it.
async fn remove_document(
    tx: &mut Transaction<'static, Sqlite>,
    key: i64,
) -> Result<(), StoreError> {
    remove_passages(tx, key).await?;
    sqlx::query("DELETE FROM knowledge_documents WHERE key = ?")
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
