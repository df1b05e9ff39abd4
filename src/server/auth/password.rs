//! Password hashing: argon2id with the argon2 crate's defaults (19 MiB, 2 passes, 1 lane —
//! OWASP's recommendation), run on the blocking pool so the async workers keep serving, and at
//! most as many at once as there are cores, so a burst of sign-ins can't exhaust memory.

use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::Argon2;
use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("argon2: {0}")]
    Argon2(String),
    #[error("the hashing task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("the hashing pool is closed")]
    Closed,
}

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// Verified against when the email is unknown, so that answering takes as long as for a
    /// wrong password (no telling which emails have accounts from the timing).
    dummy: Arc<str>,
}

impl Hasher {
    pub fn new() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let dummy = hash_now("precis-dummy-password").unwrap_or_default();
        Self {
            permits: Arc::new(Semaphore::new(cores)),
            dummy: dummy.into(),
        }
    }

    /// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a fresh random salt.
    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = password.to_owned();
        self.blocking(move || hash_now(&password)).await?
    }

    /// Whether `password` matches `phc`. A malformed stored hash counts as no match (logged).
    pub async fn verify(&self, password: &str, phc: &str) -> Result<bool, HashError> {
        let password = password.to_owned();
        let phc = phc.to_owned();
        self.blocking(move || verify_now(&password, &phc)).await
    }

    /// Spends the time of a verification without an account behind it.
    pub async fn verify_dummy(&self, password: &str) -> Result<(), HashError> {
        let dummy = self.dummy.to_string();
        self.verify(password, &dummy).await.map(|_| ())
    }

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| HashError::Closed)?;
        Ok(tokio::task::spawn_blocking(work).await?)
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

fn hash_now(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError::Argon2(e.to_string()))
}

fn verify_now(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(e) => {
            tracing::error!(error = %e, "stored password hash is malformed");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let hasher = Hasher::new();
        let a = hasher.hash("correct horse battery").await.unwrap();
        let b = hasher.hash("correct horse battery").await.unwrap();
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "same password, different salts");
        assert!(hasher.verify("correct horse battery", &a).await.unwrap());
        assert!(!hasher.verify("correct horse batterY", &a).await.unwrap());
        assert!(!hasher.verify("anything", "not a hash").await.unwrap());
        hasher.verify_dummy("whatever").await.unwrap();
    }
}
