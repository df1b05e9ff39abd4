//! The documents panel: files added by the picker or dropped on the panel, a text pasted with
//! a title ([`super::paste`]), and the list of rows ([`super::row`]).

use leptos::ev::DragEvent;
use leptos::prelude::*;

use super::library::Library;
use super::paste::PasteForm;
use super::row::DocumentRow;
use crate::domain::ask::document::{ACCEPTED_FILES, MAX_DOCUMENT_BYTES};
use crate::i18n::numbers::decimal;
use crate::ui::prefs::use_prefs;

#[component]
pub fn DocumentsPanel(library: Library) -> impl IntoView {
    let prefs = use_prefs();
    let dragging = RwSignal::new(false);
    let accepted = move || {
        let mb = decimal(
            prefs.lang(),
            MAX_DOCUMENT_BYTES as f64 / (1024.0 * 1024.0),
            1,
        );
        (prefs.t().ask.accepted)(&mb)
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        #[cfg(feature = "hydrate")]
        library.add_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let files = files_of(input.files());
            // the same file may be chosen again (after removing it, say)
            input.set_value("");
            library.add_files(files);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! {
        <section
            class="card ask-documents"
            class:dragging=move || dragging.get()
            aria-labelledby="documents-title"
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2 id="documents-title" tabindex="-1" node_ref=library.heading>
                {prefs.text(|t| t.ask.documents)}
            </h2>
            <div class="dropzone">
                // The picker's own words are the browser's, in the browser's language: it is
                // laid, transparent, over its label, which says what it does in the page's.
                <div class="files-picker">
                    <label for="ask-files" class="button-link primary files-label">
                        {prefs.text(|t| t.ask.add_files)}
                    </label>
                    <input
                        id="ask-files"
                        type="file"
                        multiple
                        accept=ACCEPTED_FILES
                        aria-describedby="ask-files-hint"
                        on:change=on_change
                    />
                </div>
                <p id="ask-files-hint" class="hint">
                    {prefs.text(|t| t.ask.drop_here)}
                    " "
                    {accepted}
                </p>
                <p class="drop-now" aria-hidden="true">{prefs.text(|t| t.ask.drop_now)}</p>
            </div>
            <PasteForm library/>
            <p class="status" role="status">{move || library.status.get()}</p>
            <DocumentList library/>
        </section>
    }
}

#[cfg(feature = "hydrate")]
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
fn DocumentList(library: Library) -> impl IntoView {
    let prefs = use_prefs();
    // Loading (and on the server, which renders the page before the list is asked for), a
    // failure to list, or nothing yet.
    let state = move || match library.loaded.get() {
        None => Some(
            view! { <p class="muted">{prefs.text(|t| t.ask.loading_documents)}</p> }.into_any(),
        ),
        Some(Err(message)) => {
            Some(view! { <p class="alert" role="alert">{message}</p> }.into_any())
        }
        Some(Ok(())) if library.is_empty() => Some(
            view! { <p class="muted empty">{prefs.text(|t| t.ask.no_documents_yet)}</p> }
                .into_any(),
        ),
        Some(Ok(())) => None,
    };
    view! {
        {state}
        <ul class="documents">
            <For each=move || library.keys() key=|k| *k let:key>
                <DocumentRow library key/>
            </For>
        </ul>
    }
}
