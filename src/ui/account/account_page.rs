//! `/account`: who is signed in, a new password, signing out here or everywhere.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::form::{focus_on_failure, guard, keep_focus, Answer, FormAlert, FormField, Input};
use super::gate::AccountOnly;
use super::page_title;
use super::sign_out::{SignOutButton, SignOutEverywhereButton};
use super::sign_up::password_rules;
use crate::api::account::ChangePassword;
use crate::domain::account::{Email, NewPassword};
use crate::domain::errors::Field;
use crate::ui::prefs::use_prefs;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text=page_title(|t| t.account.your_account)/>
        <main id="main" class="page">
            <AccountOnly
                title=|t| t.account.see_account
                page=|email| view! { <Account email/> }.into_any()
            />
        </main>
    }
}

#[component]
fn Account(email: String) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <section class="card narrow" aria-labelledby="account-title">
            <h2 id="account-title">{prefs.text(|t| t.account.your_account)}</h2>
            <p>{prefs.text(|t| t.account.signed_in_as)} <strong>{email.clone()}</strong></p>
            <p class="hint">
                {prefs.text(|t| t.account.keys_hint)}
                <A href="/account/keys">{prefs.text(|t| t.account.api_keys)}</A>
                {prefs.text(|t| t.account.settings_hint)}
                <A href="/settings">{prefs.text(|t| t.settings)}</A>
                "."
            </p>
        </section>
        <PasswordChange email/>
        <section class="card narrow" aria-labelledby="sign-out-title">
            <h2 id="sign-out-title">{prefs.text(|t| t.account.sign_out)}</h2>
            <p class="hint">{prefs.text(|t| t.account.sign_out_hint)}</p>
            <SignOutButton class="secondary"/>
            <p id="everywhere-help" class="hint">
                {prefs.text(|t| t.account.sign_out_everywhere_help)}
            </p>
            <SignOutEverywhereButton/>
        </section>
    }
}

/// The current password, then the new one (checked against the rules as it is typed).
#[component]
fn PasswordChange(email: String) -> impl IntoView {
    let prefs = use_prefs();
    let action = ServerAction::<ChangePassword>::new();
    let answer = Answer::of(
        action,
        &[Field::Password, Field::NewPassword],
        "password-alert",
    );
    let current = Input::new();
    let new = Input::new();
    let email = Email::check(&email).ok();
    let current_rule = Signal::derive(move || {
        current
            .value
            .with(String::is_empty)
            .then(|| prefs.t().account.current_password_missing.to_string())
    });
    let new_rule = new.rule(move |v| NewPassword::check(v, email.as_ref()));
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
            <h2 id="password-title">{prefs.text(|t| t.account.change_password)}</h2>
            <ActionForm action attr:class="account-form" attr:novalidate=true>
                <FormField
                    input=current
                    name="current_password"
                    label=|t| t.account.current_password
                    kind="password"
                    autocomplete="current-password"
                    field=Field::Password
                    answer
                    rule=current_rule
                />
                <FormField
                    input=new
                    name="new_password"
                    label=|t| t.account.new_password
                    kind="password"
                    autocomplete="new-password"
                    field=Field::NewPassword
                    answer
                    rule=new_rule
                    help=password_rules
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
                        {prefs.text(|t| t.account.change_password)}
                    </button>
                    <p class="status" role="status">
                        {move || {
                            let t = prefs.t();
                            if pending.get() {
                                Some(t.account.changing_password)
                            } else if changed() {
                                Some(t.account.password_changed)
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
