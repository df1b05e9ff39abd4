//! Pages for signed-in people only, and the pages that make no sense once signed in. Both read
//! the session their page awaited (`ui::Page`): nothing here waits, since a suspense nested in
//! the page's own could hydrate differently from how the server rendered it.

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use crate::domain::account::Me;
use crate::ui::session::use_page_session;

/// Renders `page` with the signed-in person's email; anyone else is asked to sign in first.
#[component]
pub fn AccountOnly(
    /// What the page shows, for the sign-in prompt: "your account", "your API keys".
    what: &'static str,
    page: fn(String) -> AnyView,
) -> impl IntoView {
    match use_page_session() {
        Ok(Me {
            email: Some(email), ..
        }) => page(email),
        Ok(_) => view! { <SignInFirst what/> }.into_any(),
        Err(e) => view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any(),
    }
}

/// What someone who is not signed in sees instead of an account page.
#[component]
pub fn SignInFirst(what: &'static str) -> impl IntoView {
    view! {
        <section class="card narrow" aria-labelledby="sign-in-first">
            <h2 id="sign-in-first">{format!("Sign in to see {what}")}</h2>
            <p>
                <A href="/sign-in">"Sign in"</A>
                ", or "
                <A href="/sign-up">"create an account"</A>
                ": it takes an email address and a password."
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
