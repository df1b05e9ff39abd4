//! The words of the API keys page (`/account/keys`) and of the key name's rules.

/// Texts of the API keys page, in one language.
#[derive(Debug)]
pub struct KeysTexts {
    /// "A script uses a key … Send it in a header: " + `Authorization: Bearer <key>` + ". Give
    /// each script …"
    pub intro: &'static str,
    pub intro_after: &'static str,
    pub your_keys: &'static str,
    pub loading: &'static str,
    pub none: &'static str,
    /// After revoking: "Key “x” revoked: …"
    pub revoked: fn(name: &str) -> String,

    // --- a new key -------------------------------------------------------------------------
    pub name: &'static str,
    pub name_help: &'static str,
    pub create: &'static str,
    pub creating: &'static str,
    /// Shown by browsers that run no JavaScript.
    pub needs_js: &'static str,
    /// "Your new key “x”"
    pub new_key_title: fn(name: &str) -> String,
    pub copy_now: &'static str,
    /// Follows [`copy_now`](Self::copy_now): starts with a space.
    pub store_it: &'static str,
    /// The new secret's label.
    pub new_api_key: &'static str,
    pub copied: &'static str,
    pub copy_refused: &'static str,

    // --- the list ------------------------------------------------------------------------
    pub caption: &'static str,
    pub col_name: &'static str,
    pub col_key: &'static str,
    pub col_created: &'static str,
    pub col_last_used: &'static str,
    pub col_actions: &'static str,
    /// A key never used.
    pub never: &'static str,
    pub revoke: &'static str,
    /// The Revoke button's accessible name: "Revoke “x”".
    pub revoke_label: fn(name: &str) -> String,
    pub revoke_question: fn(name: &str) -> String,
    /// Accessible name of the question and its two buttons.
    pub revoke_group: fn(name: &str) -> String,
    pub yes_revoke: &'static str,
    pub keep: &'static str,

    // --- the rules of `domain::account::check_key_name` (English: the server's) ---------
    pub name_missing: &'static str,
    pub name_too_long: fn(chars: usize, max: usize) -> String,
    pub name_control: &'static str,
}
