//! The Classify panel: the drop zone with its file picker, the model giving the verdict, and
//! the results — one card per file.

use leptos::ev::DragEvent;
use leptos::prelude::*;

use super::card::ResultCard;
use super::listing::Listing;
use super::sorter::Sorter;
use crate::domain::sort::{ACCEPTED_FILES, MAX_UPLOAD_BYTES};
use crate::i18n::numbers::decimal;
use crate::ui::prefs::use_prefs;

#[component]
pub fn ClassifyPanel(sorter: Sorter, listing: Listing) -> impl IntoView {
    let prefs = use_prefs();
    let dragging = RwSignal::new(false);
    let accepted = move || {
        let mb = decimal(prefs.lang(), MAX_UPLOAD_BYTES as f64 / (1024.0 * 1024.0), 1);
        (prefs.t().sort_page.accepted)(&mb)
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        #[cfg(feature = "hydrate")]
        sorter.classify(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let files = files_of(input.files());
            // the same file may be chosen again
            input.set_value("");
            sorter.classify(files);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! {
        <section
            class="card sort-classify"
            class:dragging=move || dragging.get()
            aria-labelledby="classify-title"
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2 id="classify-title">{prefs.text(|t| t.sort_page.classify_title)}</h2>
            <div class="dropzone">
                // The picker's own words are the browser's: it is laid, transparent, over its
                // label, which says what it does in the page's language.
                <div class="files-picker">
                    <label for="sort-files" class="button-link primary files-label">
                        {prefs.text(|t| t.sort_page.choose_files)}
                    </label>
                    <input
                        id="sort-files"
                        type="file"
                        multiple
                        accept=ACCEPTED_FILES
                        aria-describedby="sort-files-hint"
                        on:change=on_change
                    />
                </div>
                <p id="sort-files-hint" class="hint">
                    {prefs.text(|t| t.sort_page.drop_here)}
                    " "
                    {accepted}
                </p>
                <p class="drop-now" aria-hidden="true">{prefs.text(|t| t.sort_page.drop_now)}</p>
            </div>
            <ModelPicker sorter listing/>
            <h3 id="results-title">{prefs.text(|t| t.sort_page.results_title)}</h3>
            <Show when=move || sorter.is_empty()>
                <p class="muted">{prefs.text(|t| t.sort_page.no_results)}</p>
            </Show>
            <ol class="sort-cards" aria-labelledby="results-title">
                <For each=move || sorter.keys() key=|k| *k let:key>
                    <ResultCard sorter key/>
                </For>
            </ol>
        </section>
    }
}

/// The model giving the verdict: the server's default unless another is chosen.
#[component]
fn ModelPicker(sorter: Sorter, listing: Listing) -> impl IntoView {
    let prefs = use_prefs();
    let default_name = move || {
        listing
            .with(|m| m.default_model.clone())
            .unwrap_or_else(|| "…".to_string())
    };
    let others = move || {
        listing
            .with(|m| m.models.iter().map(|m| m.name.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    view! {
        <div class="field sort-model">
            <label for="sort-model">{prefs.text(|t| t.sort_page.model_label)}</label>
            <select
                id="sort-model"
                aria-describedby="sort-model-hint"
                prop:value=move || sorter.model.get()
                on:change=move |ev| sorter.model.set(event_target_value(&ev))
            >
                <option value="">{move || (prefs.t().sort_page.default_model)(&default_name())}</option>
                {move || {
                    others()
                        .into_iter()
                        .map(|name| {
                            view! { <option value=name.clone()>{name.clone()}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <p id="sort-model-hint" class="hint">{prefs.text(|t| t.sort_page.model_hint)}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
