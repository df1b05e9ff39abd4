//! Random secrets (session tokens, API keys) and how they are stored: as SHA-256 hex digests.

use rand::distr::{Alphanumeric, SampleString};
use sha2::{Digest, Sha256};

/// API keys start with this, so that secret scanners and people recognise them.
pub const KEY_PREFIX: &str = "prc_";
/// Random characters after the prefix: 40 alphanumerics ≈ 238 bits.
const SECRET_CHARS: usize = 40;
/// Characters of a key shown in lists (with the prefix): enough to tell keys apart.
const SHOWN_CHARS: usize = 8;

/// A fresh random secret of 40 alphanumeric characters (from the OS's generator).
pub fn random_secret() -> String {
    Alphanumeric.sample_string(&mut rand::rng(), SECRET_CHARS)
}

/// A new API key: `prc_` + 40 random characters.
pub fn new_api_key() -> String {
    format!("{KEY_PREFIX}{}", random_secret())
}

/// What a key list shows of a key: `prc_AbCd1234`.
pub fn shown_prefix(key: &str) -> String {
    key.chars().take(KEY_PREFIX.len() + SHOWN_CHARS).collect()
}

/// Whether a string has the shape of one of our keys (checked before touching the database).
pub fn looks_like_api_key(s: &str) -> bool {
    s.strip_prefix(KEY_PREFIX).is_some_and(|rest| {
        rest.len() == SECRET_CHARS && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Hex SHA-256: what the database keeps of a token or key.
pub fn digest(secret: &str) -> String {
    let hash = Sha256::digest(secret.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_have_the_prefix_and_are_unique() {
        let a = new_api_key();
        assert!(looks_like_api_key(&a), "{a}");
        assert_ne!(a, new_api_key());
        assert_eq!(shown_prefix(&a).len(), 12);
        assert!(a.starts_with(&shown_prefix(&a)));
    }

    #[test]
    fn malformed_keys_are_recognised() {
        for s in [
            "",
            "prc_",
            "prc_short",
            &format!("sk_{}", "a".repeat(40)),
            &format!("prc_{}!", "a".repeat(39)),
        ] {
            assert!(!looks_like_api_key(s), "{s}");
        }
    }

    #[test]
    fn digest_is_hex_sha256() {
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
