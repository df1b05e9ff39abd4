//! The summarize page: waits for the preferences and the model catalog, then lays out history,
//! conversation, composer and settings around one shared [`Studio`] state.

use leptos::prelude::*;

use super::composer::Composer;
use super::conversation::Conversation;
use super::history::HistoryPanel;
use super::prefs::use_prefs;
use super::settings::SettingsPanel;
use super::state::Studio;
use super::{use_prefs_source, Chrome};
use crate::api::catalog::get_catalog;
use crate::domain::models::Catalog;

#[component]
pub fn StudioPage() -> impl IntoView {
    let catalog = Resource::new(|| (), |_| get_catalog());
    let source = use_prefs_source();
    // No fallback: the server renders this page whole (`SsrMode::Async`), and in the browser
    // both resources are already there when it hydrates.
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let stored = source.get().await;
                let catalog = catalog.await;
                // built inside the Chrome, which provides the preferences to it
                view! {
                    <Chrome stored>
                        {match catalog {
                            Ok(catalog) => view! { <Workspace catalog/> }.into_any(),
                            Err(e) => {
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
fn Workspace(catalog: Catalog) -> impl IntoView {
    provide_context(Studio::new(catalog, use_prefs()));
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
