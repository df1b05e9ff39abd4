//! `/sign-up`: a new account from an email and a password. What the visitor summarized before
//! moves into it (the server does that).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::form::{focus_on_failure, guard, keep_focus, Answer, FormAlert, FormField, Input};
use super::gate::StudioIfSignedIn;
use super::{page_title, to_studio_after};
use crate::api::account::SignUp;
use crate::domain::account::{Email, NewPassword, MIN_PASSWORD_CHARS};
use crate::domain::errors::Field;
use crate::i18n::Texts;
use crate::ui::prefs::use_prefs;

/// The password rules, in words (the same ones `NewPassword::check` applies).
pub fn password_rules(t: &'static Texts) -> String {
    (t.account.password_rules)(MIN_PASSWORD_CHARS)
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let prefs = use_prefs();
    let action = ServerAction::<SignUp>::new();
    let answer = Answer::of(action, &[Field::Email, Field::Password], "sign-up-alert");
    let email = Input::new();
    let password = Input::new();
    let email_rule = email.rule(Email::check);
    // the email typed so far, which the password may not be
    let password_rule = password.rule(move |v| {
        let email = email.value.with(|e| Email::check(e).ok());
        NewPassword::check(v, email.as_ref())
    });
    focus_on_failure(
        action,
        vec![(Field::Email, email), (Field::Password, password)],
    );
    to_studio_after(action);
    let pending = action.pending();

    view! {
        <Title text=page_title(|t| t.account.create_an_account)/>
        <StudioIfSignedIn/>
        <main id="main" class="page">
            <section class="card narrow" aria-labelledby="sign-up-title">
                <h2 id="sign-up-title">{prefs.text(|t| t.account.create_an_account)}</h2>
                <p class="hint">{prefs.text(|t| t.account.sign_up_intro)}</p>
                <ActionForm action attr:class="account-form" attr:novalidate=true>
                    <FormField
                        input=email
                        name="email"
                        label=|t| t.account.email
                        kind="email"
                        autocomplete="email"
                        field=Field::Email
                        answer
                        rule=email_rule
                    />
                    <FormField
                        input=password
                        name="password"
                        label=|t| t.account.password
                        kind="password"
                        autocomplete="new-password"
                        field=Field::Password
                        answer
                        rule=password_rule
                        help=password_rules
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
                            {prefs.text(|t| t.account.create_account)}
                        </button>
                        <p class="status" role="status">
                            {move || pending.get().then(|| prefs.t().account.creating_account)}
                        </p>
                    </div>
                </ActionForm>
                <p class="hint">
                    {prefs.text(|t| t.account.have_account)}
                    <A href="/sign-in">{prefs.text(|t| t.account.sign_in)}</A>
                </p>
            </section>
        </main>
    }
}
