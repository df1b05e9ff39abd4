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
use leptos_router::hooks::use_navigate;

use super::session::use_session;
use crate::domain::errors::ErrorResponse;

/// After each success of `action` in the browser (signing in, up or out): the studio opens, and
/// the session is asked again who this is — so the top bar, the studio's defaults and the history
/// are those of the person now using the page.
fn to_studio_after<S>(action: ServerAction<S>)
where
    S: ServerFn<Error = ErrorResponse> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let session = use_session();
    let navigate = use_navigate();
    Effect::watch(
        move || action.version().get(),
        move |_, _, _| {
            if action.value().with_untracked(|v| matches!(v, Some(Ok(_)))) {
                navigate("/", Default::default());
                session.refresh();
            }
        },
        false,
    );
}
