//! `/account`: who is signed in, a new password, signing out here or everywhere.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::form::{focus_on_failure, guard, keep_focus, Answer, FormAlert, FormField, Input};
use super::gate::AccountOnly;
use super::sign_out::{SignOutButton, SignOutEverywhereButton};
use super::sign_up::password_rules;
use crate::api::account::ChangePassword;
use crate::domain::account::{Email, NewPassword};
use crate::domain::errors::Field;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text="Your account — Precis"/>
        <main id="main" class="page">
            <AccountOnly what="your account" page=|email| view! { <Account email/> }.into_any()/>
        </main>
    }
}

#[component]
fn Account(email: String) -> impl IntoView {
    view! {
        <section class="card narrow" aria-labelledby="account-title">
            <h2 id="account-title">"Your account"</h2>
            <p>"Signed in as " <strong>{email.clone()}</strong></p>
            <p class="hint">
                "Scripts reach Precis with an API key: see " <A href="/account/keys">"API keys"</A>
                ". The studio's default model and parameters are in " <A href="/settings">"Settings"</A> "."
            </p>
        </section>
        <PasswordChange email/>
        <section class="card narrow" aria-labelledby="sign-out-title">
            <h2 id="sign-out-title">"Sign out"</h2>
            <p class="hint">"Signs this browser out. Your history stays in your account."</p>
            <SignOutButton class="secondary"/>
            <p id="everywhere-help" class="hint">
                "Sign out everywhere signs this account out of every browser and device where it is "
                "signed in, this one included. Use it if you signed in on a computer that isn't yours, "
                "or think someone else knows your password. API keys keep working: revoke them on the "
                "API keys page."
            </p>
            <SignOutEverywhereButton/>
        </section>
    }
}

/// The current password, then the new one (checked against the rules as it is typed).
#[component]
fn PasswordChange(email: String) -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let answer = Answer::of(
        action,
        &[Field::Password, Field::NewPassword],
        "password-alert",
    );
    let current = Input::new();
    let new = Input::new();
    let email = Email::parse(&email).ok();
    let current_rule = Signal::derive(move || {
        current.value.with(|v| {
            v.is_empty()
                .then(|| "Type your current password.".to_string())
        })
    });
    let new_rule = Signal::derive(move || {
        new.value.with(|v| {
            NewPassword::parse(v, email.as_ref())
                .err()
                .map(|e| e.message)
        })
    });
    focus_on_failure(
        action,
        vec![(Field::Password, current), (Field::NewPassword, new)],
    );
    // Once changed, both boxes are emptied (the new password is not left in the page).
    Effect::watch(
        move || action.version().get(),
        move |_, _, _| {
            if action.value().with_untracked(|v| matches!(v, Some(Ok(())))) {
                current.clear();
                new.clear();
            }
        },
        false,
    );
    let pending = action.pending();
    let changed = move || action.value().with(|v| matches!(v, Some(Ok(()))));

    view! {
        <section class="card narrow" aria-labelledby="password-title">
            <h2 id="password-title">"Change password"</h2>
            <ActionForm action attr:class="account-form" attr:novalidate=true>
                <FormField
                    input=current
                    name="current_password"
                    label="Current password"
                    kind="password"
                    autocomplete="current-password"
                    field=Field::Password
                    answer
                    rule=current_rule
                />
                <FormField
                    input=new
                    name="new_password"
                    label="New password"
                    kind="password"
                    autocomplete="new-password"
                    field=Field::NewPassword
                    answer
                    rule=new_rule
                    help=password_rules()
                />
                <FormAlert answer/>
                <div class="form-actions">
                    <button
                        type="submit"
                        class="primary"
                        disabled=move || pending.get()
                        on:mousedown=keep_focus
                        on:click=guard(vec![(current, current_rule), (new, new_rule)])
                    >
                        "Change password"
                    </button>
                    <p class="status" role="status">
                        {move || {
                            if pending.get() {
                                Some("Changing your password…")
                            } else if changed() {
                                Some(
                                    "Your password is changed. Other browsers signed in to this account were signed out.",
                                )
                            } else {
                                None
                            }
                        }}
                    </p>
                </div>
            </ActionForm>
        </section>
    }
}
