//! Every summarize request, and each person's history (the successful ones), in SQLite.

use sqlx::Row;

use super::db::Db;
use super::identity::UserId;
use crate::domain::models::ProviderKind;
use crate::domain::params::SummaryParams;
use crate::domain::summary::{HistoryItem, Summary};
use crate::domain::text::first_words;

/// One request, as it ended.
#[derive(Debug)]
pub struct Record<'a> {
    pub user: &'a UserId,
    pub created_at: i64,
    pub completed_at: i64,
    pub model: &'a str,
    pub provider: Option<ProviderKind>,
    pub text: &'a str,
    pub parameters: &'a SummaryParams,
    pub truncated: bool,
    pub outcome: Result<&'a str, &'a str>,
}

#[derive(Clone, Debug)]
pub struct History {
    db: Db,
}

/// Most items one list call returns.
pub const MAX_PAGE: u32 = 200;

impl History {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Stores a request; returns its id.
    pub async fn record(&self, r: &Record<'_>) -> Result<i64, sqlx::Error> {
        let parameters =
            serde_json::to_string(r.parameters).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        let (outcome, summary, error_code) = match r.outcome {
            Ok(summary) => ("ok", Some(summary), None),
            Err(code) => ("error", None, Some(code)),
        };
        let mut tx = self.db.write.begin().await?;
        sqlx::query("INSERT INTO users (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
            .bind(r.user.as_str())
            .bind(r.created_at)
            .execute(&mut *tx)
            .await?;
        let id = sqlx::query(
            "INSERT INTO summaries (user_id, created_at, completed_at, latency_ms, model, provider, \
             input_text, parameters, truncated, outcome, summary, error_code) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(r.user.as_str())
        .bind(r.created_at)
        .bind(r.completed_at)
        .bind(r.completed_at - r.created_at)
        .bind(r.model)
        .bind(r.provider.map(ProviderKind::as_str))
        .bind(r.text)
        .bind(parameters)
        .bind(r.truncated)
        .bind(outcome)
        .bind(summary)
        .bind(error_code)
        .execute(&mut *tx)
        .await?
        .last_insert_rowid();
        tx.commit().await?;
        Ok(id)
    }

    /// The person's successful summaries, newest first, older than `before` when given.
    pub async fn list(
        &self,
        user: &UserId,
        limit: u32,
        before: Option<i64>,
    ) -> Result<Vec<HistoryItem>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT id, model, created_at, substr(input_text, 1, 200) AS head FROM summaries \
             WHERE user_id = ? AND outcome = 'ok' AND id < ? ORDER BY id DESC LIMIT ?",
        )
        .bind(user.as_str())
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit.clamp(1, MAX_PAGE))
        .fetch_all(&self.db.read)
        .await?;
        rows.iter()
            .map(|row| {
                let head: String = row.try_get("head")?;
                Ok(HistoryItem {
                    id: row.try_get("id")?,
                    title: first_words(&head, 8),
                    model: row.try_get("model")?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    pub async fn get(&self, user: &UserId, id: i64) -> Result<Option<Summary>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT id, model, provider, input_text, summary, parameters, truncated, created_at, \
             latency_ms FROM summaries WHERE id = ? AND user_id = ? AND outcome = 'ok'",
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
            created_at: row.try_get("created_at")?,
            latency_ms: row.try_get::<i64, _>("latency_ms")?.max(0) as u64,
        }))
    }

    /// Deletes one of the person's requests; false when there was none with that id.
    pub async fn delete(&self, user: &UserId, id: i64) -> Result<bool, sqlx::Error> {
        let done = sqlx::query("DELETE FROM summaries WHERE id = ? AND user_id = ?")
            .bind(id)
            .bind(user.as_str())
            .execute(&self.db.write)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Deletes all of the person's requests, failed ones included; returns how many.
    pub async fn clear(&self, user: &UserId) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM summaries WHERE user_id = ?")
            .bind(user.as_str())
            .execute(&self.db.write)
            .await?;
        Ok(done.rows_affected())
    }
}
