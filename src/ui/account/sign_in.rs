//! `/sign-in`: email and password.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::form::{focus_on_failure, guard, keep_focus, Answer, FormAlert, FormField, Input};
use super::gate::StudioIfSignedIn;
use super::{page_title, to_studio_after};
use crate::api::account::SignIn;
use crate::domain::account::Email;
use crate::domain::errors::Field;
use crate::ui::prefs::use_prefs;

#[component]
pub fn SignInPage() -> impl IntoView {
    let prefs = use_prefs();
    let action = ServerAction::<SignIn>::new();
    let answer = Answer::of(action, &[Field::Email, Field::Password], "sign-in-alert");
    let email = Input::new();
    let password = Input::new();
    let email_rule = email.rule(Email::check);
    let password_rule = Signal::derive(move || {
        password
            .value
            .with(String::is_empty)
            .then(|| prefs.t().account.password_missing.to_string())
    });
    // A refused sign-in is most often a mistyped password: focus goes there.
    focus_on_failure(
        action,
        vec![(Field::Password, password), (Field::Email, email)],
    );
    to_studio_after(action);
    let pending = action.pending();

    view! {
        <Title text=page_title(|t| t.account.sign_in)/>
        <StudioIfSignedIn/>
        <main id="main" class="page">
            <section class="card narrow" aria-labelledby="sign-in-title">
                <h2 id="sign-in-title">{prefs.text(|t| t.account.sign_in)}</h2>
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
                        autocomplete="current-password"
                        field=Field::Password
                        answer
                        rule=password_rule
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
                            {prefs.text(|t| t.account.sign_in)}
                        </button>
                        <p class="status" role="status">
                            {move || pending.get().then(|| prefs.t().account.signing_in)}
                        </p>
                    </div>
                </ActionForm>
                <p class="hint">
                    {prefs.text(|t| t.account.new_here)}
                    <A href="/sign-up">{prefs.text(|t| t.account.create_an_account)}</A>
                </p>
            </section>
        </main>
    }
}
