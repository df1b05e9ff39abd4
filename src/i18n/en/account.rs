//! English: accounts. The rules' sentences are also the server's API answers: their numbers are
//! written plain ("2000", not "2,000"), as the API has always written them.

use crate::i18n::AccountTexts;

pub(in crate::i18n) const ACCOUNT: AccountTexts = AccountTexts {
    account: "Account",
    signed_in_as: "Signed in as ",
    api_keys: "API keys",
    sign_in: "Sign in",
    sign_up: "Sign up",
    sign_out: "Sign out",

    email: "Email",
    password: "Password",
    password_missing: "Type your password.",
    signing_in: "Signing in…",
    new_here: "New to Precis? ",
    create_an_account: "Create an account",
    sign_up_intro: "Your history and settings follow you to any browser you sign in from. What \
                    you summarized in this browser so far moves into the account.",
    password_rules: |min| {
        format!(
            "At least {min} characters, not your email address, not one character repeated. A \
             few unrelated words make a strong password."
        )
    },
    create_account: "Create account",
    creating_account: "Creating your account…",
    have_account: "Already have an account? ",

    see_account: "Sign in to see your account",
    see_keys: "Sign in to see your API keys",
    prompt_sign_in: "Sign in",
    prompt_or: ", or ",
    prompt_create: "create an account",
    prompt_needs: ": it takes an email address and a password.",
    sign_in_to_summarize: "Sign in to summarize",
    members_only: "This Precis server summarizes for people with an account, and keeps each \
                   one's history for them.",

    your_account: "Your account",
    keys_hint: "Scripts reach Precis with an API key: see ",
    settings_hint: ". The studio's default model and parameters are in ",
    sign_out_hint: "Signs this browser out. Your history stays in your account.",
    sign_out_everywhere: "Sign out everywhere",
    sign_out_everywhere_help: "Sign out everywhere signs this account out of every browser and \
                               device where it is signed in, this one included. Use it if you \
                               signed in on a computer that isn't yours, or think someone else \
                               knows your password. API keys keep working: revoke them on the \
                               API keys page.",
    change_password: "Change password",
    current_password: "Current password",
    new_password: "New password",
    current_password_missing: "Type your current password.",
    changing_password: "Changing your password…",
    password_changed: "Your password is changed. Other browsers signed in to this account were \
                       signed out.",

    loading_settings: "Loading your settings…",
    studio_defaults: "Studio defaults",
    studio_defaults_hint: "The model and parameters the studio starts with, and what its Reset \
                           button brings back. You can still change them for any one summary.",
    save_settings: "Save settings",
    saving: "Saving…",
    saved: "Saved. The studio starts with these settings from now on.",

    email_missing: "Type your email address.",
    email_too_long: |max| format!("That email address is too long ({max} characters at most)."),
    email_malformed: "That doesn't look like an email address: it should be like name@example.org.",
    password_too_short: |chars, min| {
        format!("Choose a password of at least {min} characters (this one has {chars}).")
    },
    password_too_long: |chars, max| {
        format!("That password is {chars} characters long; the limit is {max}.")
    },
    password_repeated: "A password made of one repeated character is too easy to guess.",
    password_is_email: "Your password can't be your email address.",
    current_password_wrong: "Your current password is not right. Type it again.",
};
