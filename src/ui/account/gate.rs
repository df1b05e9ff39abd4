//! Pages for signed-in people only, and the pages that make no sense once signed in. Both read
//! the session their page awaited (`ui::Page`): nothing here waits, since a suspense nested in
//! the page's own could hydrate differently from how the server rendered it.

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use crate::domain::account::Me;
use crate::i18n::Texts;
use crate::ui::prefs::use_prefs;
use crate::ui::session::use_page_session;

/// Renders `page` with the signed-in person's email; anyone else is asked to sign in first.
#[component]
pub fn AccountOnly(
    /// The sign-in prompt's heading: "Sign in to see your account".
    title: fn(&'static Texts) -> &'static str,
    page: fn(String) -> AnyView,
) -> impl IntoView {
    match use_page_session() {
        Ok(Me {
            email: Some(email), ..
        }) => page(email),
        Ok(_) => view! { <SignInFirst title/> }.into_any(),
        Err(e) => view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any(),
    }
}

/// What someone who is not signed in sees instead of an account page.
#[component]
pub fn SignInFirst(title: fn(&'static Texts) -> &'static str) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <section class="card narrow" aria-labelledby="sign-in-first">
            <h2 id="sign-in-first">{prefs.text(title)}</h2>
            <p>
                <A href="/sign-in">{prefs.text(|t| t.account.prompt_sign_in)}</A>
                {prefs.text(|t| t.account.prompt_or)}
                <A href="/sign-up">{prefs.text(|t| t.account.prompt_create)}</A>
                {prefs.text(|t| t.account.prompt_needs)}
            </p>
        </section>
    }
}

/// On the sign-in and sign-up pages: someone already signed in goes to the studio. On the
/// server this is a redirect, which also ends those forms' round trip when the page runs without
/// its WASM bundle (the server function sends the browser back here once it signed them in).
#[component]
pub fn StudioIfSignedIn() -> impl IntoView {
    let signed_in = use_page_session().is_ok_and(|me| me.signed_in());
    signed_in.then(|| view! { <Redirect path="/"/> })
}
