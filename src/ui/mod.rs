//! The page, rendered on the server and hydrated in the browser.

mod browser;
mod composer;
mod conversation;
mod format;
mod history;
mod history_filters;
mod settings;
// only the browser reads streams
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod sse;
mod state;
mod studio;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::StaticSegment;

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

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/precis.css"/>
        <Title text="Precis — Summarize"/>
        <Meta name="description" content="Summarize any text, on your own server."/>
        <a class="skip-link" href="#text">"Skip to the text box"</a>
        <header class="topbar">
            <h1>
                <span class="logo" aria-hidden="true">"¶"</span>
                "Precis"
            </h1>
            <p class="tagline">"Summaries on your own server"</p>
            // a plain link: /api/docs is served by the server, not a page of this router
            <a class="api-link" href="/api/docs" rel="external">"API"</a>
        </header>
        <Router>
            <Routes fallback=|| view! { <p class="alert" role="alert">"This page does not exist. Go back to the studio."</p> }>
                <Route path=StaticSegment("") view=studio::StudioPage/>
            </Routes>
        </Router>
    }
}
