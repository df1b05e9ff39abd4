//! Accounts, sessions and API keys as they cross the wire, and the rules for what a person
//! types (email, password, key name): parsed once here, in the browser and on the server.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCode, Field};
use super::params::Invalid;
use super::settings::UserSettings;

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted (argon2 has no limit; this bounds the work per attempt).
pub const MAX_PASSWORD_CHARS: usize = 256;
/// Longest email address (RFC 5321).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest API key name.
pub const MAX_KEY_NAME_CHARS: usize = 60;

/// An email address, trimmed and lower-cased: the account's sign-in name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let email = raw.trim().to_lowercase();
        let bad = |message: &str| Err(Invalid::new(ErrorCode::InvalidEmail, Field::Email, message));
        if email.is_empty() {
            return bad("Type your email address.");
        }
        if email.chars().count() > MAX_EMAIL_CHARS {
            return bad("That email address is too long (254 characters at most).");
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.is_empty()
                    && !domain.contains('@')
                    && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if !valid {
            return bad(
                "That doesn't look like an email address: it should be like name@example.org.",
            );
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Email::parse(&s).map_err(|e| e.message)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> Self {
        e.0
    }
}

/// A new password, checked against the rules (never stored: only its argon2id hash is).
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str, email: Option<&Email>) -> Result<Self, Invalid> {
        let bad = |message: String| {
            Err(Invalid::new(
                ErrorCode::WeakPassword,
                Field::Password,
                message,
            ))
        };
        let chars = raw.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return bad(format!(
                "Choose a password of at least {MIN_PASSWORD_CHARS} characters (this one has {chars})."
            ));
        }
        if chars > MAX_PASSWORD_CHARS {
            return bad(format!(
                "That password is {chars} characters long; the limit is {MAX_PASSWORD_CHARS}."
            ));
        }
        if raw.chars().all(|c| c == raw.chars().next().unwrap_or(' ')) {
            return bad("A password made of one repeated character is too easy to guess.".into());
        }
        if email.is_some_and(|e| raw.trim().eq_ignore_ascii_case(e.as_str())) {
            return bad("Your password can't be your email address.".into());
        }
        Ok(Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Body of `POST /api/v1/account/sign-up` and `/sign-in`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("email", &self.email)
            .field("password", &"***")
            .finish()
    }
}

/// Body of `POST /api/v1/account/password`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

impl std::fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordChange(***)")
    }
}

/// Who is using Precis: an account, or an anonymous visitor (when the server allows them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Me {
    /// The signed-in account's email; `None` for an anonymous visitor.
    pub email: Option<String>,
    /// Whether this server lets people summarize without an account.
    pub anonymous_allowed: bool,
    pub settings: UserSettings,
}

impl Me {
    pub fn signed_in(&self) -> bool {
        self.email.is_some()
    }
    /// Whether this person may summarize and see a history.
    pub fn may_summarize(&self) -> bool {
        self.signed_in() || self.anonymous_allowed
    }
}

/// An API key as listed (the secret itself is shown once, at creation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ApiKeyInfo {
    pub id: i64,
    pub name: String,
    /// The key's first characters, to recognise it: `prc_AbC1…`.
    pub prefix: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds of the last request made with it, if any.
    pub last_used_at: Option<i64>,
}

/// Answer to creating a key: the only time `secret` is ever shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewApiKey {
    pub key: ApiKeyInfo,
    pub secret: String,
}

/// Body of `POST /api/v1/keys`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewKeyRequest {
    pub name: String,
}

/// A key's name: 1 to 60 characters, no control characters, trimmed.
pub fn parse_key_name(raw: &str) -> Result<String, Invalid> {
    let name = raw.trim();
    let bad = |message: String| {
        Err(Invalid::new(
            ErrorCode::InvalidKeyName,
            Field::KeyName,
            message,
        ))
    };
    if name.is_empty() {
        return bad("Give the key a name, such as the script or machine that will use it.".into());
    }
    let chars = name.chars().count();
    if chars > MAX_KEY_NAME_CHARS {
        return bad(format!(
            "That name is {chars} characters long; keep it to {MAX_KEY_NAME_CHARS}."
        ));
    }
    if name.chars().any(char::is_control) {
        return bad(
            "A key's name can't contain control characters such as tabs or line breaks.".into(),
        );
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Ana@Example.ORG ").unwrap().as_str(),
            "ana@example.org"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for raw in [
            "",
            "   ",
            "ana",
            "@example.org",
            "ana@",
            "a b@example.org",
            "a@b@c",
        ] {
            let e = Email::parse(raw).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidEmail, "{raw:?}");
            assert_eq!(e.field, Field::Email);
        }
        assert!(Email::parse(&format!("{}@example.org", "a".repeat(250))).is_err());
    }

    #[test]
    fn password_rules() {
        let email = Email::parse("ana@example.org").unwrap();
        assert!(NewPassword::parse("short", None)
            .unwrap_err()
            .message
            .contains("at least 10"));
        assert!(NewPassword::parse(&"x".repeat(MAX_PASSWORD_CHARS + 1), None).is_err());
        assert!(NewPassword::parse("aaaaaaaaaaaa", None).is_err());
        assert!(NewPassword::parse("ANA@example.org", Some(&email)).is_err());
        assert!(NewPassword::parse("correct horse battery", Some(&email)).is_ok());
        // counted in characters, not bytes
        assert!(NewPassword::parse("çãõéêàüçãõ", None).is_ok());
    }

    #[test]
    fn passwords_never_show_in_debug_output() {
        let c = Credentials {
            email: "ana@example.org".into(),
            password: "hunter2hunter2".into(),
        };
        assert!(!format!("{c:?}").contains("hunter2"));
        let p = NewPassword::parse("hunter2hunter2", None).unwrap();
        assert!(!format!("{p:?}").contains("hunter2"));
    }

    #[test]
    fn key_names() {
        assert_eq!(parse_key_name("  laptop script ").unwrap(), "laptop script");
        assert!(parse_key_name("").is_err());
        assert!(parse_key_name("a\tb").is_err());
        assert!(parse_key_name(&"k".repeat(61)).is_err());
    }
}
