//! Every summarize request, and each person's history (the successful ones), in SQLite:
//! recorded by one writer task; listed, searched and filtered in keyset pages ([`query`]);
//! exported as a stream ([`export`]).

use std::collections::HashSet;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use super::db::Db;
use super::identity::UserId;
use crate::domain::history::{HistoryPage, HistoryQuery};
use crate::domain::models::ProviderKind;
use crate::domain::params::SummaryParams;
use crate::domain::summary::Summary;

mod export;
mod query;

pub use export::ExportStream;

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
    #[error("the transaction holding the record failed")]
    NotStored,
}

enum Message {
    /// Answered with whether the transaction holding the record committed.
    Write(i64, Box<Record>, oneshot::Sender<bool>),
    /// Answered once everything queued before it is committed.
    Flush(oneshot::Sender<()>),
}

/// Each person's history, and the log of every request.
///
/// One writer task commits whatever records are waiting in one transaction (a group commit:
/// one fsync for many requests). [`record`](History::record) returns once the transaction
/// holding its row has committed, so an answer that says a summary was saved (`201`) is only
/// sent for a row that is in the database — a crash can lose a request in flight, never an
/// acknowledged one (`scripts/crash-test.sh` checks it). Reads and deletes first wait for the
/// queue to drain ([`flush`](History::flush)); shutdown flushes too.
#[derive(Clone, Debug)]
pub struct History {
    db: Db,
    writer: mpsc::Sender<Message>,
    next_id: Arc<AtomicI64>,
}

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

    /// Stores a request's record; returns its id once the row is committed.
    pub async fn record(&self, record: Record) -> Result<i64, RecordError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let (done, committed) = oneshot::channel();
        self.writer
            .send(Message::Write(id, Box::new(record), done))
            .await
            .map_err(|_| RecordError::WriterStopped)?;
        match committed.await {
            Ok(true) => Ok(id),
            Ok(false) => Err(RecordError::NotStored),
            Err(_) => Err(RecordError::WriterStopped),
        }
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

    /// One page of the person's successful summaries matching `query`, newest first.
    pub async fn list(
        &self,
        user: &UserId,
        query: &HistoryQuery,
    ) -> Result<HistoryPage, HistoryError> {
        self.flush().await?;
        query::page(&self.db.read, user, query).await
    }

    /// The models the person has summaries from, in alphabetical order (the model filter's
    /// choices). One index seek per model, however many summaries there are.
    pub async fn models(&self, user: &UserId) -> Result<Vec<String>, HistoryError> {
        self.flush().await?;
        Ok(query::models(&self.db.read, user).await?)
    }

    pub async fn get(&self, user: &UserId, id: i64) -> Result<Option<Summary>, HistoryError> {
        self.flush().await?;
        let row = sqlx::query(&format!(
            "SELECT {} FROM summaries s WHERE s.id = ? AND s.user_id = ? AND s.outcome = 'ok'",
            query::SUMMARY_COLUMNS
        ))
        .bind(id)
        .bind(user.as_str())
        .fetch_optional(&self.db.read)
        .await?;
        Ok(row.as_ref().map(query::summary_from_row).transpose()?)
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
    #[error("writing an export: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The single writer: takes whatever is waiting (up to [`MAX_BATCH`] messages), writes the
/// records in one transaction, then tells each record's caller whether it committed and
/// answers the flushes that were queued behind them.
async fn write_records(pool: SqlitePool, mut queue: mpsc::Receiver<Message>) {
    // Users already in the table: their row is not written again.
    let mut known_users: HashSet<UserId> = HashSet::new();
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let mut records = Vec::with_capacity(batch.len());
        let mut waiting = Vec::with_capacity(batch.len());
        let mut flushes = Vec::new();
        for message in batch.drain(..) {
            match message {
                Message::Write(id, record, done) => {
                    records.push((id, *record));
                    waiting.push(done);
                }
                Message::Flush(done) => flushes.push(done),
            }
        }
        if !records.is_empty() {
            let committed = match write_batch(&pool, &records, &known_users).await {
                Ok(()) => {
                    if known_users.len() > 100_000 {
                        known_users.clear(); // bounded memory; at worst a few redundant upserts
                    }
                    known_users.extend(records.into_iter().map(|(_, r)| r.user));
                    true
                }
                Err(e) => {
                    tracing::error!(error = %e, records = records.len(), "writing the history failed");
                    false
                }
            };
            for done in waiting {
                // a caller that went away (its request was cancelled) needs no answer
                let _ = done.send(committed);
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

#[cfg(test)]
mod tests {
    use super::*;

    const USER: &str = "0123456789abcdef0123456789abcdef";

    fn record(text: &str) -> Record {
        Record {
            user: UserId::parse(USER).expect("user id"),
            created_at: 1,
            completed_at: 2,
            model: "local/textrank".into(),
            provider: Some(ProviderKind::Local),
            text: text.into(),
            parameters: SummaryParams::default(),
            truncated: false,
            partial: false,
            parts: 1,
            outcome: Ok(format!("summary of {text}")),
        }
    }

    async fn open() -> (tempfile::TempDir, Db, History) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("history.db").display());
        let db = Db::connect(&url).await.expect("database");
        let history = History::start(db.clone()).await.expect("writer");
        (dir, db, history)
    }

    async fn stored(db: &Db, id: i64) -> bool {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM summaries WHERE id = ?")
            .bind(id)
            .fetch_one(&db.read)
            .await
            .expect("count")
            == 1
    }

    /// Many records at once share transactions, and each caller hears back only when its row
    /// is committed: another connection sees it at once, with no flush.
    #[tokio::test]
    async fn an_id_is_returned_only_for_a_committed_row() {
        let (_dir, db, history) = open().await;
        let callers = (0..300).map(|i| {
            let (history, db) = (history.clone(), db.clone());
            tokio::spawn(async move {
                let id = history.record(record(&format!("text {i}"))).await?;
                Ok::<_, RecordError>((id, stored(&db, id).await))
            })
        });
        let mut ids = Vec::new();
        for caller in callers.collect::<Vec<_>>() {
            let (id, seen) = caller.await.expect("task").expect("recorded");
            assert!(seen, "row {id} was acknowledged before it was committed");
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 300, "ids are unique");
    }

    /// A transaction that fails tells every caller in it that nothing was stored; the writer
    /// goes on with the next batch.
    #[tokio::test]
    async fn a_failed_commit_is_reported_to_its_callers() {
        let (_dir, db, history) = open().await;
        sqlx::query(
            "CREATE TRIGGER no_room BEFORE INSERT ON summaries \
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
        )
        .execute(&db.write)
        .await
        .expect("trigger");
        let refused = futures::future::join_all((0..20).map(|i| {
            let history = history.clone();
            async move { history.record(record(&format!("lost {i}"))).await }
        }))
        .await;
        for outcome in refused {
            assert!(
                matches!(outcome, Err(RecordError::NotStored)),
                "{outcome:?}"
            );
        }
        sqlx::query("DROP TRIGGER no_room")
            .execute(&db.write)
            .await
            .expect("drop trigger");
        let id = history.record(record("kept")).await.expect("recorded");
        assert!(stored(&db, id).await);
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM summaries")
            .fetch_one(&db.read)
            .await
            .expect("count");
        assert_eq!(count, 1, "only the committed row is there");
    }
}
