//! Each person's settings (anonymous visitors too), as JSON in `users.settings`.

use crate::domain::settings::UserSettings;
use crate::server::db::Db;
use crate::server::identity::UserId;
use crate::server::service::now_ms;

use super::AuthError;

#[derive(Clone, Debug)]
pub struct SettingsStore {
    db: Db,
}

impl SettingsStore {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The saved settings, or the defaults. Settings that no longer parse (a field removed in a
    /// later version) are logged and replaced by the defaults rather than locking the person out.
    pub async fn get(&self, user: &UserId) -> Result<UserSettings, AuthError> {
        let json: Option<Option<String>> =
            sqlx::query_scalar("SELECT settings FROM users WHERE id = ?")
                .bind(user.as_str())
                .fetch_optional(&self.db.read)
                .await?;
        Ok(match json.flatten() {
            Some(json) => serde_json::from_str(&json).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "saved settings unreadable; using the defaults");
                UserSettings::default()
            }),
            None => UserSettings::default(),
        })
    }

    pub async fn save(
        &self,
        user: &UserId,
        settings: &UserSettings,
    ) -> Result<UserSettings, AuthError> {
        settings.validate()?;
        let json = serde_json::to_string(settings)
            .map_err(|e| AuthError::Internal(format!("settings not serialisable: {e}")))?;
        sqlx::query(
            "INSERT INTO users (id, created_at, settings) VALUES (?, ?, ?) \
             ON CONFLICT (id) DO UPDATE SET settings = excluded.settings",
        )
        .bind(user.as_str())
        .bind(now_ms())
        .bind(json)
        .execute(&self.db.write)
        .await?;
        Ok(settings.clone())
    }
}
