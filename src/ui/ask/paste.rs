//! A text pasted with a title, added as a document.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::alert::AlertSlot;

use super::library::Library;
use crate::domain::ask::document::{parse_title, NewTextDocument};
use crate::domain::ask::AskProblem;
use crate::domain::errors::{Field, PublicError};
use crate::ui::prefs::use_prefs;

/// A text pasted with a title. The form stays filled until the server took the text: a
/// refusal (an over-long title, say) loses nothing.
#[component]
pub fn PasteForm(library: Library) -> impl IntoView {
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
            <AlertSlot message=Signal::derive(move || error.get().map(|e| e.message))/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { prefs.t().ask.adding } else { prefs.t().ask.add }}
                </button>
            </div>
        </form>
    }
}
