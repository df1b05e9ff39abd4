//! The summarize page: waits for the model catalog, then lays out history, conversation,
//! composer and settings around one shared [`Studio`] state.

use leptos::prelude::*;

use super::composer::Composer;
use super::conversation::Conversation;
use super::history::HistoryPanel;
use super::prefs::use_prefs;
use super::settings::SettingsPanel;
use super::state::Studio;
use crate::api::catalog::get_catalog;
use crate::domain::models::Catalog;

#[component]
pub fn StudioPage() -> impl IntoView {
    let catalog = Resource::new(|| (), |_| get_catalog());
    let prefs = use_prefs();
    view! {
        <Suspense fallback=move || {
            view! { <p class="loading" role="status">{prefs.text(|t| t.loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match catalog.await {
                    Ok(catalog) => view! { <Workspace catalog/> }.into_any(),
                    Err(e) => view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any(),
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
