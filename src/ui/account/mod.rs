//! The account pages: sign up, sign in, the account itself (password, sign out), API keys and
//! settings. Forms are Leptos `ActionForm`s over the server functions in `api::account`, so they
//! also work before the WASM bundle has loaded; the page adds checks as the person types (the
//! shared rules of `domain::account`), focus management and pending states.

mod account_page;
mod form;
mod gate;
mod keys;
mod settings_page;
mod sign_in;
mod sign_out;
mod sign_up;

pub use account_page::AccountPage;
pub use keys::KeysPage;
pub use settings_page::SettingsPage;
pub use sign_in::SignInPage;
pub use sign_out::SignOutButton;
pub use sign_up::SignUpPage;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::domain::errors::ErrorResponse;
use crate::i18n::Texts;
use crate::ui::prefs::use_prefs;

/// A page's `<title>` in the page's language: "Sign in — Precis".
fn page_title(
    pick: fn(&'static Texts) -> &'static str,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let prefs = use_prefs();
    move || format!("{} — Precis", pick(prefs.t()))
}

/// After each success of `action` in the browser (signing in, up or out): the studio is loaded
/// again from the server, as the person now using the page. A full load, not a client-side
/// navigation: nothing the previous person had on screen (their history, their text, their
/// settings) survives in the page, and every part starts from the new session at once.
fn to_studio_after<S>(action: ServerAction<S>)
where
    S: ServerFn<Error = ErrorResponse> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Effect::watch(
        move || action.version().get(),
        move |_, _, _| {
            if action.value().with_untracked(|v| matches!(v, Some(Ok(_)))) {
                if let Err(e) = window().location().assign("/") {
                    leptos::logging::error!("could not open the studio: {e:?}");
                }
            }
        },
        false,
    );
}
