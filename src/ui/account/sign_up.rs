//! `/sign-up`: a new account from an email and a password. What the visitor summarized before
//! moves into it (the server does that).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::form::{focus_on_failure, guard, keep_focus, Answer, FormAlert, FormField, Input};
use super::gate::StudioIfSignedIn;
use super::to_studio_after;
use crate::api::account::SignUp;
use crate::domain::account::{Email, NewPassword, MIN_PASSWORD_CHARS};
use crate::domain::errors::Field;

/// The password rules, in words (the same ones `NewPassword::parse` applies).
pub fn password_rules() -> String {
    format!(
        "At least {MIN_PASSWORD_CHARS} characters, not your email address, not one character \
         repeated. A few unrelated words make a strong password."
    )
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let answer = Answer::of(action, &[Field::Email, Field::Password], "sign-up-alert");
    let email = Input::new();
    let password = Input::new();
    let email_rule = Signal::derive(move || {
        email
            .value
            .with(|v| Email::parse(v).err().map(|e| e.message))
    });
    let password_rule = Signal::derive(move || {
        let email = email.value.with(|v| Email::parse(v).ok());
        password.value.with(|v| {
            NewPassword::parse(v, email.as_ref())
                .err()
                .map(|e| e.message)
        })
    });
    focus_on_failure(
        action,
        vec![(Field::Email, email), (Field::Password, password)],
    );
    to_studio_after(action);
    let pending = action.pending();

    view! {
        <Title text="Create an account — Precis"/>
        <StudioIfSignedIn/>
        <main id="main" class="page">
            <section class="card narrow" aria-labelledby="sign-up-title">
                <h2 id="sign-up-title">"Create an account"</h2>
                <p class="hint">
                    "Your history and settings follow you to any browser you sign in from. "
                    "What you summarized in this browser so far moves into the account."
                </p>
                <ActionForm action attr:class="account-form" attr:novalidate=true>
                    <FormField
                        input=email
                        name="email"
                        label="Email"
                        kind="email"
                        autocomplete="email"
                        field=Field::Email
                        answer
                        rule=email_rule
                    />
                    <FormField
                        input=password
                        name="password"
                        label="Password"
                        kind="password"
                        autocomplete="new-password"
                        field=Field::Password
                        answer
                        rule=password_rule
                        help=password_rules()
                    />
                    <FormAlert answer/>
                    <div class="form-actions">
                        <button
                            type="submit"
                            class="primary"
                            disabled=move || pending.get()
                            on:mousedown=keep_focus
                            on:click=guard(vec![(email, email_rule), (password, password_rule)])
                        >
                            "Create account"
                        </button>
                        <p class="status" role="status">
                            {move || pending.get().then_some("Creating your account…")}
                        </p>
                    </div>
                </ActionForm>
                <p class="hint">"Already have an account? " <A href="/sign-in">"Sign in"</A></p>
            </section>
        </main>
    }
}
