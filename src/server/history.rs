//! Every summarize request, and each person's history (the successful ones), in SQLite.

use std::collections::HashSet;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use sqlx::{Row, SqlitePool};
use tokio::sync::{mpsc, oneshot};

use super::db::Db;
use super::identity::UserId;
use crate::domain::models::ProviderKind;
use crate::domain::params::SummaryParams;
use crate::domain::summary::{HistoryItem, Summary};
use crate::domain::text::first_words;

/// One request, as it ended.
#[derive(Debug)]
pub struct Record {
    pub user: UserId,
    pub created_at: i64,
    pub completed_at: i64,
    pub model: String,
    pub provider: Option<ProviderKind>,
    pub text: String,
    pub parameters: SummaryParams,
    pub truncated: bool,
    pub partial: bool,
    pub parts: u32,
    /// The summary, or the error code.
    pub outcome: Result<String, &'static str>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("the history writer has stopped")]
    WriterStopped,
}

enum Message {
    Write(i64, Box<Record>),
    /// Answered once everything queued before it is committed.
    Flush(oneshot::Sender<()>),
}

/// Each person's history, and the log of every request.
///
/// Writes never hold up an answer: [`record`](History::record) hands out the row's id at once
/// and queues the row for a single writer task, which commits whatever is waiting in one
/// transaction. Reads first wait for the queue to drain ([`flush`](History::flush)), so a
/// person always sees their own summaries; shutdown flushes too.
#[derive(Clone, Debug)]
pub struct History {
    db: Db,
    writer: mpsc::Sender<Message>,
    next_id: Arc<AtomicI64>,
}

/// Most items one list call returns.
pub const MAX_PAGE: u32 = 200;

/// Records waiting to be written are committed together, up to this many per transaction.
const MAX_BATCH: usize = 256;

impl History {
    /// Starts the writer task; it ends when the last `History` handle is dropped.
    pub async fn start(db: Db) -> Result<Self, sqlx::Error> {
        // Ids continue SQLite's AUTOINCREMENT sequence, so a deleted id is never handed out again.
        let last: i64 = sqlx::query_scalar(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'summaries'), 0), \
                        COALESCE((SELECT MAX(id) FROM summaries), 0))",
        )
        .fetch_one(&db.write)
        .await?;
        let (writer, queue) = mpsc::channel(16 * MAX_BATCH);
        tokio::spawn(write_records(db.write.clone(), queue));
        Ok(Self {
            db,
            writer,
            next_id: Arc::new(AtomicI64::new(last)),
        })
    }

    /// Queues a request's record; returns the id it will have.
    pub async fn record(&self, record: Record) -> Result<i64, RecordError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        self.writer
            .send(Message::Write(id, Box::new(record)))
            .await
            .map_err(|_| RecordError::WriterStopped)?;
        Ok(id)
    }

    /// Waits until every record queued so far is committed.
    pub async fn flush(&self) -> Result<(), RecordError> {
        let (done, committed) = oneshot::channel();
        self.writer
            .send(Message::Flush(done))
            .await
            .map_err(|_| RecordError::WriterStopped)?;
        committed.await.map_err(|_| RecordError::WriterStopped)
    }

    /// The person's successful summaries, newest first, older than `before` when given.
    pub async fn list(
        &self,
        user: &UserId,
        limit: u32,
        before: Option<i64>,
    ) -> Result<Vec<HistoryItem>, HistoryError> {
        self.flush().await?;
        let rows = sqlx::query(
            "SELECT id, model, created_at, substr(input_text, 1, 200) AS head FROM summaries \
             WHERE user_id = ? AND outcome = 'ok' AND id < ? ORDER BY id DESC LIMIT ?",
        )
        .bind(user.as_str())
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit.clamp(1, MAX_PAGE))
        .fetch_all(&self.db.read)
        .await?;
        let items = rows
            .iter()
            .map(|row| {
                let head: String = row.try_get("head")?;
                Ok(HistoryItem {
                    id: row.try_get("id")?,
                    title: first_words(&head, 8),
                    model: row.try_get("model")?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
        Ok(items)
    }

    pub async fn get(&self, user: &UserId, id: i64) -> Result<Option<Summary>, HistoryError> {
        self.flush().await?;
        let row = sqlx::query(
            "SELECT id, model, provider, input_text, summary, parameters, truncated, partial, parts, \
             created_at, latency_ms FROM summaries WHERE id = ? AND user_id = ? AND outcome = 'ok'",
        )
        .bind(id)
        .bind(user.as_str())
        .fetch_optional(&self.db.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let parameters: String = row.try_get("parameters")?;
        let provider: Option<String> = row.try_get("provider")?;
        Ok(Some(Summary {
            id: row.try_get("id")?,
            model: row.try_get("model")?,
            provider: match provider.as_deref() {
                Some("huggingface") => ProviderKind::HuggingFace,
                _ => ProviderKind::Local,
            },
            text: row.try_get("input_text")?,
            summary: row.try_get("summary")?,
            parameters: serde_json::from_str(&parameters)
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            truncated: row.try_get("truncated")?,
            partial: row.try_get("partial")?,
            parts: row
                .try_get::<i64, _>("parts")?
                .clamp(1, i64::from(u32::MAX)) as u32,
            created_at: row.try_get("created_at")?,
            latency_ms: row.try_get::<i64, _>("latency_ms")?.max(0) as u64,
        }))
    }

    /// Deletes one of the person's requests; false when there was none with that id.
    pub async fn delete(&self, user: &UserId, id: i64) -> Result<bool, HistoryError> {
        self.flush().await?;
        let done = sqlx::query("DELETE FROM summaries WHERE id = ? AND user_id = ?")
            .bind(id)
            .bind(user.as_str())
            .execute(&self.db.write)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Deletes all of the person's requests, failed ones included; returns how many.
    pub async fn clear(&self, user: &UserId) -> Result<u64, HistoryError> {
        self.flush().await?;
        let done = sqlx::query("DELETE FROM summaries WHERE user_id = ?")
            .bind(user.as_str())
            .execute(&self.db.write)
            .await?;
        Ok(done.rows_affected())
    }
}

/// Failures of history reads and deletes.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Writer(#[from] RecordError),
}

/// The single writer: takes whatever is waiting (up to [`MAX_BATCH`] messages), writes the
/// records in one transaction, then answers the flushes that were queued behind them.
async fn write_records(pool: SqlitePool, mut queue: mpsc::Receiver<Message>) {
    // Users already in the table: their row is not written again.
    let mut known_users: HashSet<UserId> = HashSet::new();
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let mut records = Vec::with_capacity(batch.len());
        let mut flushes = Vec::new();
        for message in batch.drain(..) {
            match message {
                Message::Write(id, record) => records.push((id, *record)),
                Message::Flush(done) => flushes.push(done),
            }
        }
        if !records.is_empty() {
            match write_batch(&pool, &records, &known_users).await {
                Ok(()) => {
                    if known_users.len() > 100_000 {
                        known_users.clear(); // bounded memory; at worst a few redundant upserts
                    }
                    known_users.extend(records.into_iter().map(|(_, r)| r.user));
                }
                Err(e) => {
                    tracing::error!(error = %e, records = records.len(), "writing the history failed");
                }
            }
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

async fn write_batch(
    pool: &SqlitePool,
    records: &[(i64, Record)],
    known_users: &HashSet<UserId>,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for (id, r) in records {
        if !known_users.contains(&r.user) {
            sqlx::query(
                "INSERT INTO users (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
            )
            .bind(r.user.as_str())
            .bind(r.created_at)
            .execute(&mut *tx)
            .await?;
        }
        let parameters =
            serde_json::to_string(&r.parameters).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        let (outcome, summary, error_code) = match &r.outcome {
            Ok(summary) => ("ok", Some(summary.as_str()), None),
            Err(code) => ("error", None, Some(*code)),
        };
        sqlx::query(
            "INSERT INTO summaries (id, user_id, created_at, completed_at, latency_ms, model, \
             provider, input_text, parameters, truncated, partial, parts, outcome, summary, \
             error_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(r.user.as_str())
        .bind(r.created_at)
        .bind(r.completed_at)
        .bind(r.completed_at - r.created_at)
        .bind(&r.model)
        .bind(r.provider.map(ProviderKind::as_str))
        .bind(&r.text)
        .bind(parameters)
        .bind(r.truncated)
        .bind(r.partial)
        .bind(i64::from(r.parts))
        .bind(outcome)
        .bind(summary)
        .bind(error_code)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
