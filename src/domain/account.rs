//! Accounts, sessions and API keys as they cross the wire, and the rules for what a person
//! types (email, password, key name): parsed once here, in the browser and on the server. A
//! broken rule is an [`AccountProblem`]: the server answers it in English, the page tells it in
//! its own language as the person types.

use serde::{Deserialize, Serialize};

use super::errors::{ErrorCode, Field};
use super::params::{Invalid, Reason};
use super::settings::{Lang, UserSettings};
use crate::i18n::texts;

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
    /// The address, or why it is refused (the server's English sentence: [`Email::check`]
    /// gives the reason itself).
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::check(raw).map_err(Invalid::from)
    }

    /// [`parse`](Self::parse) with the broken rule as a reason, for the page to tell in its
    /// language.
    pub fn check(raw: &str) -> Result<Self, AccountProblem> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(AccountProblem::EmailMissing);
        }
        if email.chars().count() > MAX_EMAIL_CHARS {
            return Err(AccountProblem::EmailTooLong {
                max: MAX_EMAIL_CHARS,
            });
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
            return Err(AccountProblem::EmailMalformed);
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
        Email::parse(&s).map_err(|e| e.message())
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
    /// The password, or why it is refused (the server's English sentence).
    pub fn parse(raw: &str, email: Option<&Email>) -> Result<Self, Invalid> {
        Self::check(raw, email).map_err(Invalid::from)
    }

    /// [`parse`](Self::parse) with the broken rule as a reason, for the page to tell in its
    /// language.
    pub fn check(raw: &str, email: Option<&Email>) -> Result<Self, AccountProblem> {
        let chars = raw.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(AccountProblem::PasswordTooShort {
                chars,
                min: MIN_PASSWORD_CHARS,
            });
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(AccountProblem::PasswordTooLong {
                chars,
                max: MAX_PASSWORD_CHARS,
            });
        }
        if raw.chars().all(|c| c == raw.chars().next().unwrap_or(' ')) {
            return Err(AccountProblem::PasswordRepeated);
        }
        if email.is_some_and(|e| raw.trim().eq_ignore_ascii_case(e.as_str())) {
            return Err(AccountProblem::PasswordIsEmail);
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

/// A key's name: 1 to 60 characters, no control characters, trimmed. Refused: the server's
/// English sentence ([`check_key_name`] gives the reason itself).
pub fn parse_key_name(raw: &str) -> Result<String, Invalid> {
    check_key_name(raw).map_err(Invalid::from)
}

/// [`parse_key_name`] with the broken rule as a reason, for the page to tell in its language.
pub fn check_key_name(raw: &str) -> Result<String, AccountProblem> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(AccountProblem::KeyNameMissing);
    }
    let chars = name.chars().count();
    if chars > MAX_KEY_NAME_CHARS {
        return Err(AccountProblem::KeyNameTooLong {
            chars,
            max: MAX_KEY_NAME_CHARS,
        });
    }
    if name.chars().any(char::is_control) {
        return Err(AccountProblem::KeyNameControl);
    }
    Ok(name.to_string())
}

/// Why what a person typed breaks a rule of this module, with the numbers its sentence needs.
/// One reason, told by the catalogue (`i18n::Texts::account_problem`) in the page's language as
/// the person types, and in the request's language when the server refuses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountProblem {
    EmailMissing,
    EmailTooLong {
        max: usize,
    },
    EmailMalformed,
    PasswordTooShort {
        chars: usize,
        min: usize,
    },
    PasswordTooLong {
        chars: usize,
        max: usize,
    },
    /// One character repeated ("aaaaaaaaaa").
    PasswordRepeated,
    PasswordIsEmail,
    KeyNameMissing,
    KeyNameTooLong {
        chars: usize,
        max: usize,
    },
    /// A tab, a line break or another control character.
    KeyNameControl,
}

impl AccountProblem {
    pub fn code(self) -> ErrorCode {
        match self {
            Self::EmailMissing | Self::EmailTooLong { .. } | Self::EmailMalformed => {
                ErrorCode::InvalidEmail
            }
            Self::PasswordTooShort { .. }
            | Self::PasswordTooLong { .. }
            | Self::PasswordRepeated
            | Self::PasswordIsEmail => ErrorCode::WeakPassword,
            Self::KeyNameMissing | Self::KeyNameTooLong { .. } | Self::KeyNameControl => {
                ErrorCode::InvalidKeyName
            }
        }
    }

    /// The input it is about (a new password is [`Field::Password`]: the password change
    /// points its answer at [`Field::NewPassword`] itself).
    pub fn field(self) -> Field {
        match self.code() {
            ErrorCode::InvalidEmail => Field::Email,
            ErrorCode::WeakPassword => Field::Password,
            _ => Field::KeyName,
        }
    }

    /// The sentence the server answers with (English).
    pub fn message(self) -> String {
        self.message_in(Lang::En)
    }

    /// The sentence in `lang`, as the page shows it.
    pub fn message_in(self, lang: Lang) -> String {
        texts(lang).account_problem(self)
    }
}

impl From<AccountProblem> for Invalid {
    fn from(p: AccountProblem) -> Self {
        Invalid::new(p.code(), p.field(), Reason::Account(p))
    }
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
            .message()
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

    /// The server's sentences, word for word as the API has always written them: they now come
    /// from the English catalogue, through the same reasons the page translates.
    #[test]
    fn the_servers_english_sentences_are_unchanged() {
        let email = |raw: &str| Email::parse(raw).unwrap_err().message();
        assert_eq!(email(" "), "Type your email address.");
        assert_eq!(
            email(&format!("{}@example.org", "a".repeat(250))),
            "That email address is too long (254 characters at most)."
        );
        assert_eq!(
            email("ana"),
            "That doesn't look like an email address: it should be like name@example.org."
        );
        let ana = Email::parse("ana@example.org").unwrap();
        let password = |raw: &str| NewPassword::parse(raw, Some(&ana)).unwrap_err().message();
        assert_eq!(
            password("short"),
            "Choose a password of at least 10 characters (this one has 5)."
        );
        assert_eq!(
            password(&"ab".repeat(1_000)),
            "That password is 2000 characters long; the limit is 256."
        );
        assert_eq!(
            password("aaaaaaaaaaaa"),
            "A password made of one repeated character is too easy to guess."
        );
        assert_eq!(
            password("ANA@example.org"),
            "Your password can't be your email address."
        );
        let key = |raw: &str| parse_key_name(raw).unwrap_err().message();
        assert_eq!(
            key("  "),
            "Give the key a name, such as the script or machine that will use it."
        );
        assert_eq!(
            key(&"k".repeat(61)),
            "That name is 61 characters long; keep it to 60."
        );
        assert_eq!(
            key("a\nb"),
            "A key's name can't contain control characters such as tabs or line breaks."
        );
    }

    #[test]
    fn the_page_and_the_server_share_one_reason() {
        assert_eq!(
            NewPassword::check("short", None).unwrap_err(),
            AccountProblem::PasswordTooShort { chars: 5, min: 10 }
        );
        assert_eq!(
            check_key_name("a\tb").unwrap_err(),
            AccountProblem::KeyNameControl
        );
        assert_eq!(Email::check("ana@"), Err(AccountProblem::EmailMalformed));
        // the server's answer: its code, its field and the English sentence of the same reason
        let problem = AccountProblem::KeyNameTooLong { chars: 61, max: 60 };
        let invalid = Invalid::from(problem);
        assert_eq!(
            (invalid.code, invalid.field),
            (ErrorCode::InvalidKeyName, Field::KeyName)
        );
        assert_eq!(invalid.message(), problem.message_in(Lang::En));
        assert_eq!(invalid.message_in(Lang::Fr), problem.message_in(Lang::Fr));
        assert_eq!(
            Invalid::from(AccountProblem::PasswordIsEmail).code,
            ErrorCode::WeakPassword
        );
    }

    #[test]
    fn key_names() {
        assert_eq!(parse_key_name("  laptop script ").unwrap(), "laptop script");
        assert!(parse_key_name("").is_err());
        assert!(parse_key_name("a\tb").is_err());
        assert!(parse_key_name(&"k".repeat(61)).is_err());
    }
}
