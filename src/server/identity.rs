//! Anonymous identity: each browser gets a random id in a signed, HttpOnly, SameSite cookie.
//! History and rate limits hang off that id until accounts arrive.

use std::path::Path;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, Key, SameSite, SignedCookieJar};

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

/// Who sent this request. `fresh` means the request carried no valid cookie: a new id was made
/// (and is being set), so it must not be trusted as a rate-limit key.
#[derive(Debug, Clone)]
pub struct Identity {
    pub user: UserId,
    pub fresh: bool,
}

#[derive(Clone)]
pub struct CookieConfig {
    pub key: Key,
    pub secure: bool,
}

/// Middleware: puts an [`Identity`] in the request's extensions, setting the cookie if needed.
pub async fn identify(
    State(config): State<CookieConfig>,
    mut req: Request,
    next: Next,
) -> Response {
    let jar = SignedCookieJar::from_headers(req.headers(), config.key.clone());
    let known = jar.get(COOKIE_NAME).and_then(|c| UserId::parse(c.value()));
    let identity = match known {
        Some(user) => Identity { user, fresh: false },
        None => Identity {
            user: UserId::generate(),
            fresh: true,
        },
    };
    req.extensions_mut().insert(identity.clone());
    let response = next.run(req).await;
    if !identity.fresh {
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
