//! The documents panel: files added by the picker or dropped on the panel, a text pasted with
//! a title, and the list — each row with its progress while it is read and indexed, then its
//! size; its refusal as an alert; Remove (not for the shared library's documents).

use leptos::ev::{DragEvent, SubmitEvent};
use leptos::prelude::*;

use super::library::{Library, Row};
use crate::domain::ask::document::{
    parse_title, DocumentStatus, NewTextDocument, ACCEPTED_FILES, MAX_DOCUMENT_BYTES,
};
use crate::domain::ask::AskProblem;
use crate::domain::errors::{Field, PublicError};
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
                <label for="ask-files" class="files-label">{prefs.text(|t| t.ask.add_files)}</label>
                <input
                    id="ask-files"
                    type="file"
                    multiple
                    accept=ACCEPTED_FILES
                    aria-describedby="ask-files-hint"
                    on:change=on_change
                />
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

/// A text pasted with a title. The form stays filled until the server took the text: a
/// refusal (an over-long title, say) loses nothing.
#[component]
fn PasteForm(library: Library) -> impl IntoView {
    let prefs = use_prefs();
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<PublicError>);
    let pending = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let lang = prefs.t_untracked().lang;
        let title_value = match parse_title(Some(&title.get_untracked())) {
            Ok(t) => t,
            Err(e) => return error.set(Some(e.public_in(lang))),
        };
        let text_value = text.get_untracked();
        if text_value.trim().is_empty() {
            return error.set(Some(AskProblem::EmptyDocument.invalid().public_in(lang)));
        }
        error.set(None);
        pending.set(true);
        leptos::task::spawn_local(async move {
            let doc = NewTextDocument {
                title: title_value,
                text: text_value,
            };
            let result = library.add_text(doc).await;
            let _ = pending.try_set(false);
            match result {
                Ok(()) => {
                    let _ = title.try_set(String::new());
                    let _ = text.try_set(String::new());
                }
                Err(e) => {
                    let _ = error.try_set(Some(e.error));
                }
            }
        });
    };
    let invalid = move |field: Field| {
        move || {
            error
                .with(|e| e.as_ref().is_some_and(|e| e.field == Some(field)))
                .to_string()
        }
    };
    // an error about an input goes when that input is edited
    let edited = move || error.set(None);
    view! {
        <form class="paste-form" aria-labelledby="paste-title-heading" on:submit=submit>
            <h3 id="paste-title-heading">{prefs.text(|t| t.ask.paste_text)}</h3>
            <div class="field">
                <label for="paste-title">{prefs.text(|t| t.ask.title_label)}</label>
                <input
                    id="paste-title"
                    type="text"
                    autocomplete="off"
                    aria-describedby="paste-title-hint"
                    aria-invalid=invalid(Field::Title)
                    prop:value=move || title.get()
                    on:input=move |ev| {
                        title.set(event_target_value(&ev));
                        edited();
                    }
                />
                <p id="paste-title-hint" class="hint">{prefs.text(|t| t.ask.title_hint)}</p>
            </div>
            <div class="field">
                <label for="paste-text">{prefs.text(|t| t.ask.text_label)}</label>
                <textarea
                    id="paste-text"
                    rows="5"
                    aria-invalid=invalid(Field::File)
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        edited();
                    }
                ></textarea>
            </div>
            <div class="alert-slot" role="alert">
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="alert">
                                    <span class="alert-icon" aria-hidden="true">"!"</span>
                                    {e.message}
                                </p>
                            }
                        })
                }}
            </div>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { prefs.t().ask.adding } else { prefs.t().ask.add }}
                </button>
            </div>
        </form>
    }
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

/// Where a row is; its view changes only when this does (progress updates only numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Sending,
    Indexing,
    Ready,
    /// Refused, or its indexing failed.
    Failed,
}

impl Phase {
    fn of(row: &Row) -> Self {
        match (&row.doc, &row.error) {
            (None, None) => Self::Sending,
            (None, Some(_)) => Self::Failed,
            (Some(d), _) => match d.status {
                DocumentStatus::Processing => Self::Indexing,
                DocumentStatus::Ready => Self::Ready,
                DocumentStatus::Failed => Self::Failed,
            },
        }
    }
}

#[component]
fn DocumentRow(library: Library, key: u64) -> impl IntoView {
    let prefs = use_prefs();
    let row = Memo::new(move |_| library.row(key));
    let read = move |f: fn(&Row) -> Option<String>| move || row.with(|r| r.as_ref().and_then(f));
    let title = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| r.title().to_string())
                .unwrap_or_default()
        })
    };
    let phase = Memo::new(move |_| row.with(|r| r.as_ref().map_or(Phase::Failed, Phase::of)));
    let counts = move || {
        row.with(|r| {
            r.as_ref()
                .and_then(|r| r.doc.as_ref())
                .map_or((0, 0, 0), |d| {
                    (d.passages_done.min(d.passages), d.passages, d.chars)
                })
        })
    };
    let shared = move || {
        row.with(|r| {
            r.as_ref()
                .and_then(|r| r.doc.as_ref())
                .is_some_and(|d| d.shared)
        })
    };
    let removable = move || !shared() && phase.get() != Phase::Sending;
    let removing = move || row.with(|r| r.as_ref().is_some_and(|r| r.removing));
    // one sentence: why it was refused, why removing failed, or why indexing stopped
    let problem = move || {
        row.with(|r| {
            let r = r.as_ref()?;
            r.error.clone().or_else(|| {
                let d = r
                    .doc
                    .as_ref()
                    .filter(|d| d.status == DocumentStatus::Failed)?;
                Some(d.error.as_ref().map_or_else(
                    || prefs.t().ask.indexing_failed.to_string(),
                    |e| e.message.clone(),
                ))
            })
        })
    };
    let progress_label = move || (prefs.t().ask.indexing_label)(&title());
    let body = move || match phase.get() {
        Phase::Sending => view! {
            <progress aria-label=progress_label></progress>
            <p class="document-line">{move || prefs.t().ask.sending}</p>
        }
        .into_any(),
        Phase::Indexing => view! {
            <progress
                aria-label=progress_label
                max=move || counts().1.max(1)
                value=move || counts().0
            ></progress>
            <p class="document-line">
                {move || {
                    let (done, total, _) = counts();
                    (prefs.t().ask.indexing)(done, total)
                }}
            </p>
        }
        .into_any(),
        Phase::Ready => view! {
            <p class="document-line">
                {move || {
                    let (_, passages, chars) = counts();
                    (prefs.t().ask.document_size)(passages, chars as usize)
                }}
            </p>
        }
        .into_any(),
        Phase::Failed => ().into_any(),
    };
    view! {
        <li class="document" class:failed=move || phase.get() == Phase::Failed>
            <div class="document-head">
                <span class="document-title">{title}</span>
                <Show when=shared>
                    <span class="badge">{prefs.text(|t| t.ask.shared_library)}</span>
                </Show>
                <Show when=removable>
                    <button
                        type="button"
                        class="ghost small"
                        aria-label=move || (prefs.t().ask.remove_label)(&title())
                        disabled=removing
                        on:click=move |_| library.remove(key)
                    >
                        {prefs.text(|t| t.ask.remove)}
                    </button>
                </Show>
            </div>
            {body}
            <p class="document-note">{read(|r| r.note.clone())}</p>
            <div class="alert-slot" role="alert">
                {move || problem().map(|m| view! { <p class="alert">{m}</p> })}
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ask::document::DocumentView;

    fn row(doc: Option<DocumentStatus>, error: Option<&str>) -> Row {
        Row {
            key: 1,
            name: "notes.txt".into(),
            doc: doc.map(|status| DocumentView {
                id: "0123456789abcdef0123456789abcdef".into(),
                title: "Notes".into(),
                format: "text".into(),
                status,
                passages: 3,
                passages_done: 1,
                chars: 10,
                bytes: 10,
                shared: false,
                created_at: "2026-01-01T00:00:00Z".into(),
                error: None,
            }),
            note: None,
            error: error.map(str::to_string),
            removing: false,
        }
    }

    #[test]
    fn a_row_is_sent_then_indexed_then_ready_or_failed() {
        assert_eq!(Phase::of(&row(None, None)), Phase::Sending);
        assert_eq!(Phase::of(&row(None, Some("No."))), Phase::Failed);
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Processing), None)),
            Phase::Indexing
        );
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Ready), None)),
            Phase::Ready
        );
        // removing it failed: still ready, the alert says why
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Ready), Some("No."))),
            Phase::Ready
        );
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Failed), None)),
            Phase::Failed
        );
    }
}
