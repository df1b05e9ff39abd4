//! The page, rendered on the server and hydrated in the browser.

mod account;
mod alert;
mod ask;
mod browser;
mod composer;
mod conversation;
mod format;
mod history;
mod history_filters;
pub(crate) mod pages;
mod prefs;
mod prefs_menu;
pub(crate) mod prefs_store;
mod settings;
mod sort;
// only the browser reads streams
mod session;
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod sse;
mod state;
mod studio;
#[cfg(test)]
mod theme_css;
mod topbar;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Html, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, Lazy, SsrMode, StaticSegment};

use crate::domain::account::Me;
use crate::domain::settings::{Lang, Theme};
use session::Session;

use crate::domain::errors::ErrorResponse;
use prefs::{color_scheme, Prefs};
use prefs_store::{load_prefs, StoredPrefs};

/// The HTML document around the app. `<html>` gets its `lang` and `data-theme` from the
/// [`Chrome`] (leptos_meta writes them into this tag while the server renders the page).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                // The bundle's names carry a hash of their content when the site has a hash
                // file (scripts/build.sh): cached for good, replaced by a new name.
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The preferences every page starts from, read once per page load. Each page awaits it in
/// its one `<Suspense>` and lays itself out in a [`Chrome`].
#[derive(Clone, Copy)]
struct PrefsSource {
    loaded: OnceResource<Result<StoredPrefs, ErrorResponse>>,
    /// The language and theme chosen in the browser since the load: a page opened by a link
    /// (no load) starts from them, not from what was loaded before the choice.
    chosen: StoredValue<Option<(Option<Lang>, Theme)>>,
}

impl PrefsSource {
    fn new() -> Self {
        Self {
            // Blocking: the server sends no HTML before it knows the language and theme.
            loaded: OnceResource::new_blocking(load_prefs()),
            chosen: StoredValue::new(None),
        }
    }

    /// The stored preferences with the latest choice; unreadable ones are no reason to refuse
    /// the page: defaults.
    async fn get(self) -> StoredPrefs {
        let mut prefs = self.loaded.await.unwrap_or_default();
        if let Some((lang, theme)) = self.chosen.get_value() {
            prefs.settings.lang = lang;
            prefs.settings.theme = theme;
        }
        prefs
    }

    fn remember(self, choice: (Option<Lang>, Theme)) {
        self.chosen.set_value(Some(choice));
    }
}

fn use_prefs_source() -> PrefsSource {
    expect_context::<PrefsSource>()
}

/// Every page is rendered whole on the server before it is sent (`SsrMode::Async`): the top
/// bar, the studio and the account pages are those of the person asking, in their language and
/// theme, with no flash of a signed-out page; a redirect (signed in, on /sign-in) is a real
/// HTTP redirect. leptos_meta writes `<html lang data-theme>` only into the first chunk, another
/// reason not to stream.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    Session::provide();
    provide_context(PrefsSource::new());
    // Pages render in one piece (`SsrMode::Async`; the 404 page always is): leptos_meta writes
    // `<html lang data-theme>`, the description and the colour scheme only into the first
    // chunk of a stream, and a streamed page may reach it after that chunk — then it would
    // arrive without its language. What waits is in memory or one SQLite read.
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=StaticSegment("") view=studio::StudioPage ssr=SsrMode::Async/>
                <Route path=path!("/ask") view={Lazy::<pages::AskRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/sort") view={Lazy::<pages::SortRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/sign-in") view={Lazy::<pages::SignInRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/sign-up") view={Lazy::<pages::SignUpRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/account") view={Lazy::<pages::AccountRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/account/keys") view={Lazy::<pages::KeysRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/settings") view={Lazy::<pages::SettingsRoute>::new()} ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// What every page has around its content, in the chosen language and theme: the `<html>`
/// attributes, title, skip link and top bar. Provides [`Prefs`] to the content.
///
/// Each page puts it inside its own single `<Suspense>`, after awaiting the preferences (and
/// whatever else it needs): a `<Suspense>` around the routes, with pages suspending inside it,
/// breaks hydration (leptos-rs/leptos#3707).
#[component]
fn Chrome(stored: StoredPrefs, me: Option<Me>, children: Children) -> impl IntoView {
    let prefs = Prefs::new(stored);
    provide_context(prefs);
    // The next page opened by a link starts in the language and theme chosen on this one.
    let source = use_prefs_source();
    Effect::new(move || source.remember(prefs.chosen()));
    // Effects run only in the browser, once the page is hydrated: `<html data-hydrated>` tells
    // the browser tests that a page loaded in full (after signing in or out) now answers input.
    Effect::new(|| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Html {..} lang=move || prefs.lang().tag() data-theme=move || prefs.theme().as_str()/>
        <Title text=move || prefs.t().page_title/>
        <Meta name="description" content=move || prefs.t().page_description/>
        <Meta name="color-scheme" content=move || color_scheme(prefs.theme())/>
        <SkipLink/>
        <topbar::TopBar me/>
        {children()}
    }
}

/// A page that needs only the preferences: awaits them in its own `<Suspense>` and puts the
/// page inside the [`Chrome`].
#[component]
fn Page(children: ChildrenFn) -> impl IntoView {
    let source = use_prefs_source();
    let session = session::use_session();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    // both at once (see studio.rs)
                    let (stored, me) =
                        futures::join!(source.get(), session.current());
                    // the page's own parts read it from here, with no suspense of their own
                    provide_context(session::PageSession(me.clone()));
                    let me = me.ok();
                    view! { <Chrome stored me>{children()}</Chrome> }
                })
            }}
        </Suspense>
    }
}

#[component]
fn NotFoundPage() -> impl IntoView {
    let source = use_prefs_source();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let stored = source.get().await;
                view! {
                    <Chrome stored me=None>
                        <NotFound/>
                    </Chrome>
                }
            })}
        </Suspense>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let prefs = prefs::use_prefs();
    view! {
        <p class="alert" role="alert">
            {prefs.text(|t| t.not_found)}
            " "
            <a href="/">{prefs.text(|t| t.back_to_studio)}</a>
        </p>
    }
}

/// The first thing Tab reaches: straight to the text box in the studio, to the page's main
/// content elsewhere.
#[component]
fn SkipLink() -> impl IntoView {
    let prefs = prefs::use_prefs();
    let location = use_location();
    let studio = move || location.pathname.get() == "/";
    view! {
        <a class="skip-link" href=move || if studio() { "#text" } else { "#main" }>
            {move || if studio() { prefs.t().skip_to_text } else { prefs.t().skip_to_main }}
        </a>
    }
}
