//! `/sort`: handwritten or typed? Files classified by the three models (each file its own card:
//! the verdict, what each model says, the picture with the tiles the verdict came from), the
//! models compared (metrics with their 95% intervals, costs, plots), and (operators) training
//! them again.
//!
//! The server renders the page's frame in the person's language; the models and every verdict
//! are fetched by the browser once the page runs there, over the same JSON API scripts use
//! (`/api/v1/classifier/…`, [`api`]).
//!
//! - [`classify`]: the drop zone, the model picker, the results; [`sorter`]: the cards' state
//!   and the work that moves them along; [`card`]: a card; [`overlay`]: the picture with its
//!   tiles.
//! - [`models`]: the comparison; [`figures`]: its plots; [`listing`]: the models as loaded.
//! - [`train`]: training again.
//! - [`format`]: how the numbers are written.

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod api;
mod card;
mod classify;
mod figures;
mod format;
mod listing;
mod models;
mod overlay;
mod sorter;
mod train;

use leptos::prelude::*;
use leptos_meta::Title;

use super::prefs::use_prefs;
use classify::ClassifyPanel;
use listing::Listing;
use models::ModelsPanel;
use sorter::Sorter;
use train::TrainPanel;

#[component]
pub fn SortPage() -> impl IntoView {
    let prefs = use_prefs();
    let listing = Listing::new(prefs);
    let sorter = Sorter::new(prefs);
    // Effects run only in the browser, once the page is hydrated: the server renders the
    // panels with their labels, the models still to come.
    Effect::new(move || listing.load());
    // the pictures' object URLs are let go with the page
    on_cleanup(move || sorter::revoke(sorter.previews()));
    view! {
        <Title text=move || format!("{} — Precis", prefs.t().sort_page.page_title)/>
        <main id="main" class="sort-page">
            <div class="sort-intro">
                <h2 class="page-title">{prefs.text(|t| t.sort_page.page_title)}</h2>
                <p class="hint">{prefs.text(|t| t.sort_page.intro)}</p>
            </div>
            <ClassifyPanel sorter listing/>
            <ModelsPanel listing/>
            <TrainPanel listing/>
        </main>
    }
}
