//! The page, rendered on the server and hydrated in the browser.

mod account;
mod browser;
mod composer;
mod conversation;
mod format;
mod history;
mod settings;
// only the browser reads streams
mod session;
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod sse;
mod state;
mod studio;
mod topbar;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, SsrMode};

use session::Session;

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Every page is rendered whole on the server before it is sent (`SsrMode::Async`): the top
/// bar, the studio and the account pages are those of the person asking, with no flash of a
/// signed-out page, and a redirect (signed in, on /sign-in) is a real HTTP redirect.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    Session::provide();
    view! {
        <Stylesheet id="leptos" href="/pkg/precis.css"/>
        <Title text="Precis — Summarize"/>
        <Meta name="description" content="Summarize any text, on your own server."/>
        <Router>
            <SkipLink/>
            <topbar::TopBar/>
            <Routes fallback=|| view! { <p class="alert" role="alert">"This page does not exist. Go back to the studio."</p> }>
                <Route path=path!("") view=studio::StudioPage ssr=SsrMode::Async/>
                <Route path=path!("/sign-in") view=account::SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/sign-up") view=account::SignUpPage ssr=SsrMode::Async/>
                <Route path=path!("/account") view=account::AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/account/keys") view=account::KeysPage ssr=SsrMode::Async/>
                <Route path=path!("/settings") view=account::SettingsPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// The first thing Tab reaches: straight to the text box in the studio, to the page's main
/// content elsewhere.
#[component]
fn SkipLink() -> impl IntoView {
    let location = use_location();
    let studio = move || location.pathname.get() == "/";
    view! {
        <a class="skip-link" href=move || if studio() { "#text" } else { "#main" }>
            {move || if studio() { "Skip to the text box" } else { "Skip to the main content" }}
        </a>
    }
}
