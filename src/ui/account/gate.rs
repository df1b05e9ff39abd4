//! Pages for signed-in people only, and the pages that make no sense once signed in.

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use crate::domain::account::Me;
use crate::ui::session::use_session;

/// Renders `page` with the signed-in person's email; anyone else is asked to sign in first.
/// Waits for the session (rendered on the server: no flash of the wrong state).
#[component]
pub fn AccountOnly(
    /// What the page shows, for the sign-in prompt: "your account", "your API keys".
    what: &'static str,
    page: fn(String) -> AnyView,
) -> impl IntoView {
    let session = use_session();
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match session.me.await {
                    Ok(Me { email: Some(email), .. }) => page(email),
                    Ok(_) => view! { <SignInFirst what/> }.into_any(),
                    Err(e) => view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any(),
                }
            })}
        </Suspense>
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
    let session = use_session();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let signed_in = session.me.await.is_ok_and(|me| me.signed_in());
                signed_in.then(|| view! { <Redirect path="/"/> })
            })}
        </Suspense>
    }
}
