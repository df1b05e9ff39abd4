//! Server-side sessions in SQLite. The browser holds a random token; the table holds its
//! SHA-256, the account and the expiry. A new token is made at every sign-in (an id known before
//! sign-in is never promoted: no session fixation) and at every password change.

use std::time::Duration;

use sqlx::Row;

use super::tokens::{digest, random_secret};
use crate::server::db::Db;
use crate::server::identity::UserId;
use crate::server::service::now_ms;

#[derive(Clone, Debug)]
pub struct Sessions {
    db: Db,
    lifetime: Duration,
}

/// A session as the request knows it: whose, and the stored hash (to end it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SessionRef {
    pub token_hash: String,
}

impl Sessions {
    pub fn new(db: Db, lifetime: Duration) -> Self {
        Self { db, lifetime }
    }

    pub fn lifetime(&self) -> Duration {
        self.lifetime
    }

    /// Starts a session; returns the token for the cookie.
    pub async fn create(&self, user: &UserId) -> Result<String, sqlx::Error> {
        let token = random_secret();
        let now = now_ms();
        let lifetime_ms = i64::try_from(self.lifetime.as_millis()).unwrap_or(i64::MAX);
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        )
        .bind(digest(&token))
        .bind(user.as_str())
        .bind(now)
        .bind(now.saturating_add(lifetime_ms))
        .execute(&self.db.write)
        .await?;
        // Expired sessions of this account go now rather than never.
        sqlx::query("DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?")
            .bind(user.as_str())
            .bind(now)
            .execute(&self.db.write)
            .await?;
        Ok(token)
    }

    /// The account a token belongs to, if the session exists and has not expired.
    pub async fn find(&self, token: &str) -> Result<Option<(UserId, SessionRef)>, sqlx::Error> {
        if token.is_empty() || token.len() > 128 {
            return Ok(None);
        }
        let token_hash = digest(token);
        let row =
            sqlx::query("SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?")
                .bind(&token_hash)
                .bind(now_ms())
                .fetch_optional(&self.db.read)
                .await?;
        let Some(row) = row else { return Ok(None) };
        let user: String = row.try_get("user_id")?;
        Ok(UserId::parse(&user).map(|user| (user, SessionRef { token_hash })))
    }

    pub async fn end(&self, session: &SessionRef) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(&session.token_hash)
            .execute(&self.db.write)
            .await?;
        Ok(())
    }

    /// Ends every session of the account; returns how many there were.
    pub async fn end_all(&self, user: &UserId) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = ?")
            .bind(user.as_str())
            .execute(&self.db.write)
            .await?;
        Ok(done.rows_affected())
    }

    /// Deletes expired sessions (at start-up and now and then).
    pub async fn purge_expired(&self) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= ?")
            .bind(now_ms())
            .execute(&self.db.write)
            .await?;
        Ok(done.rows_affected())
    }
}
