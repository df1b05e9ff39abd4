//! Signing out, from the top bar and the account page: forms of their own, so that they work
//! before the WASM bundle has loaded too (the server sends the browser back, signed out).

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::to_studio_after;
use crate::api::account::{SignOut, SignOutEverywhere};
use crate::ui::prefs::use_prefs;

/// Ends this browser's session, then opens the studio as an anonymous visitor.
#[component]
pub fn SignOutButton(
    /// The button's classes (it is small in the top bar).
    #[prop(default = "ghost small")]
    class: &'static str,
) -> impl IntoView {
    let prefs = use_prefs();
    let action = ServerAction::<SignOut>::new();
    to_studio_after(action);
    let pending = action.pending();
    view! {
        <ActionForm action attr:class="inline-form">
            <button type="submit" class=class disabled=move || pending.get()>
                {prefs.text(|t| t.account.sign_out)}
            </button>
            <Failure action/>
        </ActionForm>
    }
}

/// Ends every session of the account, in every browser, this one included.
#[component]
pub fn SignOutEverywhereButton() -> impl IntoView {
    let prefs = use_prefs();
    let action = ServerAction::<SignOutEverywhere>::new();
    to_studio_after(action);
    let pending = action.pending();
    view! {
        <ActionForm action attr:class="inline-form">
            <button type="submit" class="danger" aria-describedby="everywhere-help" disabled=move || pending.get()>
                {prefs.text(|t| t.account.sign_out_everywhere)}
            </button>
            <Failure action/>
        </ActionForm>
    }
}

/// Why signing out failed (the database, the network), in an alert beside the button.
#[component]
fn Failure<S>(action: ServerAction<S>) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Error = crate::domain::errors::ErrorResponse>
        + Clone
        + Send
        + Sync
        + 'static,
    S::Output: Send + Sync + 'static,
{
    let message = move || {
        action.value().with(|v| match v {
            Some(Err(e)) => Some(e.error.message.clone()),
            _ => None,
        })
    };
    view! { <span class="field-error" role="alert">{message}</span> }
}
