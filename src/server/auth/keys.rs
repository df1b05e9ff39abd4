//! API keys: created by a signed-in person (the secret is shown once), listed, revoked; used as
//! `Authorization: Bearer prc_…` on the REST API. Only the SHA-256 of a key is stored.

use sqlx::Row;

use super::tokens::{digest, looks_like_api_key, new_api_key, shown_prefix};
use super::AuthError;
use crate::domain::account::{parse_key_name, ApiKeyInfo, Email, NewApiKey};
use crate::server::db::Db;
use crate::server::identity::{Identity, UserId};
use crate::server::service::now_ms;

/// Most keys an account may have at once (revoked ones don't count).
pub const MAX_KEYS: i64 = 100;
/// `last_used_at` is written at most this often per key (milliseconds), not on every request.
const LAST_USED_RESOLUTION_MS: i64 = 60_000;

#[derive(Clone, Debug)]
pub struct ApiKeys {
    db: Db,
}

impl ApiKeys {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    pub async fn list(&self, identity: &Identity) -> Result<Vec<ApiKeyInfo>, AuthError> {
        let user = identity.account().ok_or(AuthError::SignInRequired)?;
        let rows = sqlx::query(
            "SELECT id, name, prefix, created_at, last_used_at FROM api_keys \
             WHERE user_id = ? AND revoked_at IS NULL ORDER BY id DESC",
        )
        .bind(user.as_str())
        .fetch_all(&self.db.read)
        .await?;
        rows.iter()
            .map(info)
            .collect::<Result<_, _>>()
            .map_err(Into::into)
    }

    pub async fn create(&self, identity: &Identity, name: &str) -> Result<NewApiKey, AuthError> {
        let user = identity.account().ok_or(AuthError::SignInRequired)?;
        self.create_for(user, name).await
    }

    /// The account of `email`, made when there is none — without a password: it acts only
    /// through API keys and cannot sign in. How `precis classifier operator-key` gives a key to
    /// an operator of an instance that has no sign-up page (`PRECIS_SERVICES=classifier`).
    pub async fn key_account(&self, email: &Email) -> Result<UserId, AuthError> {
        sqlx::query(
            "INSERT INTO users (id, created_at, email) VALUES (?, ?, ?) \
             ON CONFLICT (email) WHERE email IS NOT NULL DO NOTHING",
        )
        .bind(UserId::generate().as_str())
        .bind(now_ms())
        .bind(email.as_str())
        .execute(&self.db.write)
        .await?;
        let id: String = sqlx::query_scalar("SELECT id FROM users WHERE email = ?")
            .bind(email.as_str())
            .fetch_one(&self.db.write)
            .await?;
        UserId::parse(&id).ok_or_else(|| AuthError::Internal(format!("user id {id:?}")))
    }

    /// A new key of the account `user`.
    pub async fn create_for(&self, user: &UserId, name: &str) -> Result<NewApiKey, AuthError> {
        let name = parse_key_name(name)?;
        let active: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM api_keys WHERE user_id = ? AND revoked_at IS NULL",
        )
        .bind(user.as_str())
        .fetch_one(&self.db.read)
        .await?;
        if active >= MAX_KEYS {
            return Err(AuthError::TooManyKeys);
        }
        let secret = new_api_key();
        let prefix = shown_prefix(&secret);
        let created_at = now_ms();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_keys (user_id, name, prefix, secret_hash, created_at) \
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(user.as_str())
        .bind(&name)
        .bind(&prefix)
        .bind(digest(&secret))
        .bind(created_at)
        .fetch_one(&self.db.write)
        .await?;
        tracing::info!(key = id, "API key created");
        Ok(NewApiKey {
            key: ApiKeyInfo {
                id,
                name,
                prefix,
                created_at,
                last_used_at: None,
            },
            secret,
        })
    }

    /// Revokes one of the person's keys; `NotFound` when they have no such active key (another
    /// person's key is "not found" too: ids are not secret, ownership is).
    pub async fn revoke(&self, identity: &Identity, id: i64) -> Result<(), AuthError> {
        let user = identity.account().ok_or(AuthError::SignInRequired)?;
        let done = sqlx::query(
            "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
        )
        .bind(now_ms())
        .bind(id)
        .bind(user.as_str())
        .execute(&self.db.write)
        .await?;
        if done.rows_affected() == 0 {
            return Err(AuthError::KeyNotFound);
        }
        tracing::info!(key = id, "API key revoked");
        Ok(())
    }

    /// The account and key id behind a bearer token; `None` for an unknown or revoked key.
    pub async fn authenticate(&self, token: &str) -> Result<Option<(UserId, i64)>, sqlx::Error> {
        if !looks_like_api_key(token) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT id, user_id, last_used_at FROM api_keys \
             WHERE secret_hash = ? AND revoked_at IS NULL",
        )
        .bind(digest(token))
        .fetch_optional(&self.db.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id")?;
        let user: String = row.try_get("user_id")?;
        let last_used: Option<i64> = row.try_get("last_used_at")?;
        let now = now_ms();
        if last_used.is_none_or(|t| now - t >= LAST_USED_RESOLUTION_MS) {
            let write = self.db.write.clone();
            tokio::spawn(async move {
                let stamped = sqlx::query("UPDATE api_keys SET last_used_at = ? WHERE id = ?")
                    .bind(now)
                    .bind(id)
                    .execute(&write)
                    .await;
                if let Err(e) = stamped {
                    tracing::warn!(error = %e, key = id, "could not record the key's last use");
                }
            });
        }
        Ok(UserId::parse(&user).map(|user| (user, id)))
    }
}

fn info(row: &sqlx::sqlite::SqliteRow) -> Result<ApiKeyInfo, sqlx::Error> {
    Ok(ApiKeyInfo {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        prefix: row.try_get("prefix")?,
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}
