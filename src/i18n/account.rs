//! The words of accounts: the top bar's account navigation, signing up, in and out, the account
//! page, the settings page, and the sentences of the account rules (`domain::account`).

/// Texts of the account pages and the top bar's account navigation, in one language.
#[derive(Debug)]
pub struct AccountTexts {
    // --- the top bar -------------------------------------------------------------------
    /// The account navigation's accessible name, and its link to the account page.
    pub account: &'static str,
    /// Before the signed-in email (in the top bar for screen readers only; on the account
    /// page for everyone). Ends with its space.
    pub signed_in_as: &'static str,
    pub api_keys: &'static str,
    pub sign_in: &'static str,
    pub sign_up: &'static str,
    pub sign_out: &'static str,

    // --- the forms -----------------------------------------------------------------------
    pub email: &'static str,
    pub password: &'static str,
    /// The sign-in form, sent with no password.
    pub password_missing: &'static str,
    pub signing_in: &'static str,
    /// "New to Precis? " + a link [`create_an_account`](Self::create_an_account).
    pub new_here: &'static str,
    /// The sign-up page's title and heading, and links to it.
    pub create_an_account: &'static str,
    pub sign_up_intro: &'static str,
    /// The password rules under a new password: "At least 10 characters, …".
    pub password_rules: fn(min: usize) -> String,
    /// The sign-up form's button.
    pub create_account: &'static str,
    pub creating_account: &'static str,
    /// "Already have an account? " + a link [`sign_in`](Self::sign_in).
    pub have_account: &'static str,

    // --- pages for signed-in people, seen by someone else ------------------------------
    pub see_account: &'static str,
    pub see_keys: &'static str,
    /// "Sign in" + ", or " + "create an account" + ": it takes an email address and a
    /// password." (the first and third are links)
    pub prompt_sign_in: &'static str,
    pub prompt_or: &'static str,
    pub prompt_create: &'static str,
    pub prompt_needs: &'static str,
    /// The studio of a server for accounts only, to someone not signed in.
    pub sign_in_to_summarize: &'static str,
    pub members_only: &'static str,

    // --- /account ------------------------------------------------------------------------
    pub your_account: &'static str,
    /// "Scripts reach Precis with an API key: see " + link "API keys" + ". The studio's
    /// default model and parameters are in " + link "Settings" + "."
    pub keys_hint: &'static str,
    pub settings_hint: &'static str,
    pub sign_out_hint: &'static str,
    pub sign_out_everywhere: &'static str,
    pub sign_out_everywhere_help: &'static str,
    pub change_password: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub current_password_missing: &'static str,
    pub changing_password: &'static str,
    pub password_changed: &'static str,

    // --- /settings -------------------------------------------------------------------------
    pub loading_settings: &'static str,
    pub studio_defaults: &'static str,
    pub studio_defaults_hint: &'static str,
    pub save_settings: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,

    // --- the rules of `domain::account` (English: the server's own sentences) -----------
    pub email_missing: &'static str,
    pub email_too_long: fn(max: usize) -> String,
    pub email_malformed: &'static str,
    pub password_too_short: fn(chars: usize, min: usize) -> String,
    pub password_too_long: fn(chars: usize, max: usize) -> String,
    pub password_repeated: &'static str,
    pub password_is_email: &'static str,
    /// Changing the password: the current one typed is wrong.
    pub current_password_wrong: &'static str,
}
