//! The summarize page: waits for the preferences, the model catalog and the session, then lays
//! out history, conversation, composer and settings around one shared [`Studio`] state, started
//! from the person's saved defaults. A new person (signing in or out) gets a new studio.

use std::future::IntoFuture;

use leptos::prelude::*;
use leptos_router::components::A;

use super::composer::Composer;
use super::conversation::Conversation;
use super::history::HistoryPanel;
use super::prefs::use_prefs;
use super::session::use_session;
use super::settings::SettingsPanel;
use super::state::Studio;
use super::{use_prefs_source, Chrome};
use crate::api::catalog::get_catalog;
use crate::domain::models::Catalog;
use crate::domain::settings::UserSettings;

#[component]
pub fn StudioPage() -> impl IntoView {
    let catalog = Resource::new(|| (), |_| get_catalog(None));
    let source = use_prefs_source();
    let session = use_session();
    // No fallback: the server renders this page whole (`SsrMode::Async`), and in the browser
    // the resources are already there when it hydrates.
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                // All three at once: a resource first read after another's `.await` can resolve
                // mid-render and run this twice, the first run's preferences already disposed.
                let (stored, catalog, me) = futures::join!(
                    source.get(),
                    catalog.into_future(),
                    session.current()
                );
                let who = me.as_ref().ok().cloned();
                // built inside the Chrome, which provides the preferences to it
                view! {
                    <Chrome stored me=who>
                        {match (catalog, me) {
                            (Ok(catalog), Ok(me)) if me.may_summarize() => {
                                view! { <Workspace catalog settings=me.settings/> }.into_any()
                            }
                            (Ok(_), Ok(_)) => view! { <SignInToSummarize/> }.into_any(),
                            (Err(e), _) | (_, Err(e)) => {
                                view! { <p class="alert" role="alert">{e.error.message}</p> }
                                    .into_any()
                            }
                        }}
                    </Chrome>
                }
            })}
        </Suspense>
    }
}

#[component]
fn Workspace(catalog: Catalog, settings: UserSettings) -> impl IntoView {
    let studio = Studio::new(catalog, use_prefs());
    studio.start_from(&settings);
    provide_context(studio);
    view! {
        <div class="workspace">
            <HistoryPanel/>
            <main class="main" id="main">
                <Conversation/>
                <Composer/>
            </main>
            <SettingsPanel/>
        </div>
    }
}

/// In place of the studio, where the server keeps summaries for accounts only
/// (`PRECIS_ALLOW_ANONYMOUS=false`) and nobody is signed in.
#[component]
fn SignInToSummarize() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <main id="main" class="page">
            <section class="card narrow" aria-labelledby="members-title">
                <h2 id="members-title">{prefs.text(|t| t.account.sign_in_to_summarize)}</h2>
                <p>{prefs.text(|t| t.account.members_only)}</p>
                <p class="form-actions">
                    <A href="/sign-in" attr:class="button-link primary">
                        {prefs.text(|t| t.account.sign_in)}
                    </A>
                    <A href="/sign-up" attr:class="button-link">
                        {prefs.text(|t| t.account.create_an_account)}
                    </A>
                </p>
            </section>
        </main>
    }
}
