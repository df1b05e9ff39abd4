//! Accounts: sign-up, sign-in, sign-out (here or everywhere), password change, API keys and
//! settings. Server-side sessions in SQLite; passwords hashed with argon2id off the async
//! workers; sign-in attempts limited per account and per address; answers that never say
//! whether an email has an account.
//!
//! - [`password`]: argon2id hashing on the blocking pool.
//! - [`sessions`]: the session table; [`cookies`]: the cookie that carries a session.
//! - [`keys`]: API keys; [`tokens`]: random secrets and their digests.
//! - [`login_limit`]: attempt limits; [`settings`]: per-person settings.

pub mod cookies;
pub mod keys;
pub mod login_limit;
pub mod password;
pub mod sessions;
pub mod settings;
pub mod tokens;

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum_extra::extract::cookie::Cookie;
use sqlx::Row;

use self::keys::ApiKeys;
use self::login_limit::{LoginLimiter, Wait};
use self::password::{HashError, Hasher};
use self::sessions::Sessions;
use self::settings::SettingsStore;
use crate::domain::account::{Credentials, Email, Me, NewPassword, PasswordChange};
use crate::domain::errors::{ErrorCode, Field};
use crate::domain::params::{Invalid, Reason};
use crate::domain::settings::Lang;
use crate::server::config::AuthSettings;
use crate::server::db::Db;
use crate::server::history::History;
use crate::server::identity::{self, Identity, UserId, Via};
use crate::server::service::now_ms;

/// Failures of the account boundary; mapped to a status and a sentence in `server::error`.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("wrong email or password")]
    WrongCredentials,
    #[error("an account with that email exists")]
    EmailTaken,
    #[error("too many sign-in attempts; retry after {retry_after} s")]
    TooManyAttempts { retry_after: u64 },
    #[error("this needs a signed-in account")]
    SignInRequired,
    #[error("unknown or revoked API key")]
    InvalidApiKey,
    #[error("no such API key")]
    KeyNotFound,
    #[error("the account has the maximum number of API keys")]
    TooManyKeys,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("password hashing: {0}")]
    Hash(#[from] HashError),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<Wait> for AuthError {
    fn from(Wait(retry_after): Wait) -> Self {
        AuthError::TooManyAttempts { retry_after }
    }
}

/// A successful sign-up or sign-in: who, and the cookies to set.
pub struct SignedIn {
    /// The account now signed in.
    pub account: UserId,
    pub me: Me,
    pub cookies: Vec<Cookie<'static>>,
}

#[derive(Clone)]
pub struct Auth {
    db: Db,
    history: History,
    hasher: Hasher,
    sessions: Sessions,
    keys: ApiKeys,
    settings: SettingsStore,
    limiter: LoginLimiter,
    anonymous_allowed: bool,
    cookie_secure: bool,
}

impl Auth {
    pub fn new(db: Db, history: History, config: &AuthSettings, cookie_secure: bool) -> Self {
        Self {
            hasher: Hasher::new(),
            sessions: Sessions::new(db.clone(), config.session_lifetime),
            keys: ApiKeys::new(db.clone()),
            settings: SettingsStore::new(db.clone()),
            limiter: LoginLimiter::new(config.login),
            anonymous_allowed: config.anonymous_allowed,
            cookie_secure,
            history,
            db,
        }
    }

    pub fn sessions(&self) -> &Sessions {
        &self.sessions
    }
    pub fn keys(&self) -> &ApiKeys {
        &self.keys
    }
    pub fn settings(&self) -> &SettingsStore {
        &self.settings
    }
    pub fn limiter(&self) -> &LoginLimiter {
        &self.limiter
    }
    pub fn anonymous_allowed(&self) -> bool {
        self.anonymous_allowed
    }

    /// Whether this person may summarize and keep a history: an account always; an anonymous
    /// visitor when the server allows them.
    pub fn permit(&self, identity: &Identity) -> Result<(), AuthError> {
        if identity.account().is_some() || self.anonymous_allowed {
            Ok(())
        } else {
            Err(AuthError::SignInRequired)
        }
    }

    /// Who is here; the language falls back to the browser's `Accept-Language`.
    pub async fn me(&self, identity: &Identity, headers: &HeaderMap) -> Result<Me, AuthError> {
        let mut settings = self.settings.get(&identity.user).await?;
        if settings.lang.is_none() {
            settings.lang = headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language);
        }
        let email = match identity.account() {
            Some(user) => self.email_of(user).await?,
            None => None,
        };
        Ok(Me {
            email,
            anonymous_allowed: self.anonymous_allowed,
            settings,
        })
    }

    /// The email of account `user` (`None`: an anonymous visitor).
    pub async fn email_of(&self, user: &UserId) -> Result<Option<String>, AuthError> {
        let email: Option<Option<String>> =
            sqlx::query_scalar("SELECT email FROM users WHERE id = ?")
                .bind(user.as_str())
                .fetch_optional(&self.db.read)
                .await?;
        Ok(email.flatten())
    }

    /// Creates an account, moves the visitor's anonymous history (and settings) into it, and
    /// signs it in. The anonymous id is dropped: after signing out, the browser starts afresh.
    pub async fn sign_up(
        &self,
        identity: &Identity,
        credentials: &Credentials,
        parts: &Parts,
    ) -> Result<SignedIn, AuthError> {
        let email = Email::parse(&credentials.email)?;
        let password = NewPassword::parse(&credentials.password, Some(&email))?;
        // Sign-ups count against the address's attempts: probing which emails are taken is
        // as slow as guessing passwords.
        self.limiter.attempt(client_ip(parts), None)?;
        let hash = self.hasher.hash(password.expose()).await?;
        let account = UserId::generate();
        let now = now_ms();
        let anonymous = match &identity.via {
            Via::Anonymous { fresh: false } => Some(identity.user.clone()),
            _ => None,
        };
        let settings = match &anonymous {
            Some(anon) => Some(self.settings.get(anon).await?),
            None => None,
        };
        // Whatever the history writer still holds for the visitor must land before it moves.
        if anonymous.is_some() {
            self.history
                .flush()
                .await
                .map_err(|e| AuthError::Internal(e.to_string()))?;
        }
        let mut tx = self.db.write.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO users (id, created_at, email, password_hash, settings) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(account.as_str())
        .bind(now)
        .bind(email.as_str())
        .bind(&hash)
        .bind(settings.and_then(|s| serde_json::to_string(&s).ok()))
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(AuthError::EmailTaken)
            }
            Err(e) => return Err(e.into()),
        }
        let mut moved = 0;
        if let Some(anon) = &anonymous {
            moved = sqlx::query("UPDATE summaries SET user_id = ? WHERE user_id = ?")
                .bind(account.as_str())
                .bind(anon.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
        tracing::info!(moved, "account created");
        let token = self.sessions.create(&account).await?;
        let signed_in = Identity {
            user: account.clone(),
            via: Via::Session(sessions::SessionRef {
                token_hash: tokens::digest(&token),
            }),
        };
        Ok(SignedIn {
            account,
            me: self.me(&signed_in, &parts.headers).await?,
            cookies: vec![
                self.session_cookie(token),
                cookies::removal(identity::COOKIE_NAME, self.cookie_secure),
            ],
        })
    }

    /// Signs in with a new session. Unknown email and wrong password get the same answer,
    /// after the same work.
    pub async fn sign_in(
        &self,
        identity: &Identity,
        credentials: &Credentials,
        parts: &Parts,
    ) -> Result<SignedIn, AuthError> {
        let typed = credentials.email.trim().to_lowercase();
        self.limiter.attempt(client_ip(parts), Some(&typed))?;
        let account = match Email::parse(&typed) {
            Ok(email) => self.find_account(&email).await?,
            Err(_) => None,
        };
        let Some((user, hash)) = account else {
            self.hasher.verify_dummy(&credentials.password).await?;
            return Err(AuthError::WrongCredentials);
        };
        if !self.hasher.verify(&credentials.password, &hash).await? {
            return Err(AuthError::WrongCredentials);
        }
        // A session this browser already had is ended: one browser, one session.
        if let Via::Session(old) = &identity.via {
            self.sessions.end(old).await?;
        }
        let token = self.sessions.create(&user).await?;
        let signed_in = Identity {
            user: user.clone(),
            via: Via::Session(sessions::SessionRef {
                token_hash: tokens::digest(&token),
            }),
        };
        Ok(SignedIn {
            account: user,
            me: self.me(&signed_in, &parts.headers).await?,
            cookies: vec![self.session_cookie(token)],
        })
    }

    /// Ends this browser's session (nothing to do for an anonymous visitor).
    pub async fn sign_out(&self, identity: &Identity) -> Result<Vec<Cookie<'static>>, AuthError> {
        if let Via::Session(session) = &identity.via {
            self.sessions.end(session).await?;
        }
        Ok(vec![cookies::removal(
            cookies::SESSION_COOKIE,
            self.cookie_secure,
        )])
    }

    /// Ends every session of the account, in every browser.
    pub async fn sign_out_everywhere(
        &self,
        identity: &Identity,
    ) -> Result<Vec<Cookie<'static>>, AuthError> {
        let user = identity.account().ok_or(AuthError::SignInRequired)?;
        let ended = self.sessions.end_all(user).await?;
        tracing::info!(ended, "signed out everywhere");
        Ok(vec![cookies::removal(
            cookies::SESSION_COOKIE,
            self.cookie_secure,
        )])
    }

    /// Changes the password (the current one is required, and counts as a sign-in attempt),
    /// ends every session of the account and starts a new one for this browser.
    pub async fn change_password(
        &self,
        identity: &Identity,
        change: &PasswordChange,
        parts: &Parts,
    ) -> Result<Cookie<'static>, AuthError> {
        let Via::Session(_) = &identity.via else {
            return Err(AuthError::SignInRequired);
        };
        let user = &identity.user;
        let email = self
            .email_of(user)
            .await?
            .ok_or(AuthError::SignInRequired)?;
        self.limiter.attempt(client_ip(parts), Some(&email))?;
        let email = Email::parse(&email)?;
        let Some((_, hash)) = self.find_account(&email).await? else {
            return Err(AuthError::SignInRequired);
        };
        if !self.hasher.verify(&change.current_password, &hash).await? {
            return Err(Invalid::new(
                ErrorCode::WrongCredentials,
                Field::Password,
                Reason::CurrentPassword,
            )
            .into());
        }
        let new = NewPassword::parse(&change.new_password, Some(&email)).map_err(|mut e| {
            e.field = Field::NewPassword;
            e
        })?;
        let new_hash = self.hasher.hash(new.expose()).await?;
        sqlx::query("UPDATE users SET password_hash = ? WHERE id = ?")
            .bind(new_hash)
            .bind(user.as_str())
            .execute(&self.db.write)
            .await?;
        let ended = self.sessions.end_all(user).await?;
        tracing::info!(ended, "password changed; sessions ended");
        let token = self.sessions.create(user).await?;
        Ok(self.session_cookie(token))
    }

    async fn find_account(&self, email: &Email) -> Result<Option<(UserId, String)>, AuthError> {
        let row = sqlx::query(
            "SELECT id, password_hash FROM users WHERE email = ? AND password_hash IS NOT NULL",
        )
        .bind(email.as_str())
        .fetch_optional(&self.db.read)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: String = row.try_get("id")?;
        let hash: String = row.try_get("password_hash")?;
        Ok(UserId::parse(&id).map(|id| (id, hash)))
    }

    fn session_cookie(&self, token: String) -> Cookie<'static> {
        let max_age = cookie::time::Duration::seconds(
            i64::try_from(self.sessions.lifetime().as_secs()).unwrap_or(i64::MAX),
        );
        cookies::session(token, self.cookie_secure, max_age)
    }
}

/// The client's address, as the connection saw it.
pub fn client_ip(parts: &Parts) -> Option<IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
}
