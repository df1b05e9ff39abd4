//! Who sent a request: an API key, a signed-in session, or an anonymous visitor (each browser
//! gets a random id in a signed, HttpOnly, SameSite cookie). History, settings and rate limits
//! hang off the resulting [`UserId`].

use std::path::Path;

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use axum_extra::extract::cookie::{Cookie, CookieJar, Key, SameSite, SignedCookieJar};

use super::auth::cookies::{self, SESSION_COOKIE};
use super::auth::sessions::SessionRef;
use super::auth::AuthError;
use super::error::AppError;
use super::state::AppState;

pub const COOKIE_NAME: &str = "precis_uid";

/// A person's id: 32 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UserId(String);

impl UserId {
    pub fn generate() -> Self {
        Self(uuid::Uuid::new_v4().simple().to_string())
    }

    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How a request proved who sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// A visitor without an account, known by the signed `precis_uid` cookie. `fresh`: the
    /// request had no valid cookie, a new id was made (and is being set), so it must not be
    /// trusted as a rate-limit key.
    Anonymous { fresh: bool },
    /// A signed-in browser (the `precis_session` cookie).
    Session(SessionRef),
    /// A script with `Authorization: Bearer <API key>`; the key's id.
    ApiKey(i64),
}

/// Who sent this request: put in the request's extensions by [`identify`].
#[derive(Debug, Clone)]
pub struct Identity {
    /// The owner of everything the request reads or writes.
    pub user: UserId,
    pub via: Via,
}

impl Identity {
    /// The account, when the request comes from one (a session or an API key).
    pub fn account(&self) -> Option<&UserId> {
        match self.via {
            Via::Anonymous { .. } => None,
            Via::Session(_) | Via::ApiKey(_) => Some(&self.user),
        }
    }
}

#[derive(Clone)]
pub struct CookieConfig {
    pub key: Key,
    pub secure: bool,
}

/// Middleware: works out who sent the request and puts an [`Identity`] in its extensions.
///
/// In order: an `Authorization` header must be a valid, unrevoked API key (else 401: a script
/// with a bad key must not silently become an anonymous visitor); then the session cookie; then
/// the anonymous id, made and set if the browser has none.
pub async fn identify(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if let Some(header) = req.headers().get(AUTHORIZATION) {
        let token = header
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let found = match token {
            Some(token) => state.auth.keys().authenticate(token).await,
            None => Ok(None),
        };
        return match found {
            Ok(Some((user, key))) => {
                let identity = Identity {
                    user,
                    via: Via::ApiKey(key),
                };
                run_as(identity, req, next).await
            }
            Ok(None) => AppError::from(AuthError::InvalidApiKey).into_response(),
            Err(e) => AppError::from(e).into_response(),
        };
    }

    let config = &state.cookies;
    let jar = CookieJar::from_headers(req.headers());
    if let Some(token) = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) {
        match state.auth.sessions().find(&token).await {
            Ok(Some((user, session))) => {
                let identity = Identity {
                    user,
                    via: Via::Session(session),
                };
                return run_as(identity, req, next).await;
            }
            Ok(None) => {
                // Expired or ended elsewhere: the browser is anonymous again; drop the cookie
                // (unless this very request signed in and set a new one).
                let response = anonymous(config, req, next).await;
                let sets_session = response
                    .headers()
                    .get_all(axum::http::header::SET_COOKIE)
                    .iter()
                    .any(|v| v.as_bytes().starts_with(SESSION_COOKIE.as_bytes()));
                if sets_session {
                    return response;
                }
                return (
                    CookieJar::new().add(cookies::removal(SESSION_COOKIE, config.secure)),
                    response,
                )
                    .into_response();
            }
            Err(e) => return AppError::from(e).into_response(),
        }
    }
    anonymous(config, req, next).await
}

/// Runs the rest of the request as `identity`, which its response carries too (the outer
/// layers read it: `lang::tell_errors` words a failure in this person's language).
async fn run_as(identity: Identity, mut req: Request, next: Next) -> Response {
    req.extensions_mut().insert(identity.clone());
    let mut response = next.run(req).await;
    response.extensions_mut().insert(identity);
    response
}

async fn anonymous(config: &CookieConfig, req: Request, next: Next) -> Response {
    let jar = SignedCookieJar::from_headers(req.headers(), config.key.clone());
    let known = jar.get(COOKIE_NAME).and_then(|c| UserId::parse(c.value()));
    let identity = match known {
        Some(user) => Identity {
            user,
            via: Via::Anonymous { fresh: false },
        },
        None => Identity {
            user: UserId::generate(),
            via: Via::Anonymous { fresh: true },
        },
    };
    let response = run_as(identity.clone(), req, next).await;
    if identity.via != (Via::Anonymous { fresh: true }) {
        return response;
    }
    let cookie = Cookie::build((COOKIE_NAME, identity.user.0))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(config.secure)
        .path("/")
        .permanent()
        .build();
    (jar.add(cookie), response).into_response()
}

/// Route layer: refuses anonymous visitors with 401 `sign_in_required` when the server doesn't
/// allow them (summaries, history).
pub async fn require_person(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    req: Request,
    next: Next,
) -> Response {
    match state.auth.permit(&identity) {
        Ok(()) => next.run(req).await,
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("PRECIS_COOKIE_SECRET must be at least 64 characters long")]
    TooShort,
    #[error("cookie key file {path}: {source}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The cookie-signing key: from the configured secret, else from `{data_dir}/cookie.key`,
/// generated on first start so that ids stay valid across restarts.
pub fn load_key(secret: Option<&str>, data_dir: &Path) -> Result<Key, KeyError> {
    if let Some(secret) = secret {
        return Key::try_from(secret.as_bytes()).map_err(|_| KeyError::TooShort);
    }
    let path = data_dir.join("cookie.key");
    let file_error = |source| KeyError::File {
        path: path.display().to_string(),
        source,
    };
    match std::fs::read(&path) {
        Ok(bytes) => Key::try_from(bytes.as_slice()).map_err(|_| {
            file_error(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "shorter than 64 bytes; delete it to make a new one",
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = Key::generate();
            write_private(&path, key.master()).map_err(file_error)?;
            Ok(key)
        }
        Err(e) => Err(file_error(e)),
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_32_hex_digits() {
        let id = UserId::generate();
        assert!(UserId::parse(id.as_str()).is_some());
        assert_ne!(id, UserId::generate());
    }

    #[test]
    fn malformed_ids_are_refused() {
        for s in ["", "abc", &"g".repeat(32), &"A".repeat(32), &"a".repeat(33)] {
            assert!(UserId::parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn key_is_generated_once_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let a = load_key(None, dir.path()).unwrap();
        let b = load_key(None, dir.path()).unwrap();
        assert_eq!(a.master(), b.master());
    }

    #[test]
    fn short_secret_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            load_key(Some("short"), dir.path()),
            Err(KeyError::TooShort)
        ));
        assert!(load_key(Some(&"s".repeat(64)), dir.path()).is_ok());
    }
}
