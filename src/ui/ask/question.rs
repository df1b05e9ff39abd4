//! The question box: a labelled text area (Enter asks, Shift+Enter starts a new line), who
//! writes the answer, Ask / Cancel, the status line and the question's errors.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::ui::alert::AlertSlot;

use super::asking::{Asker, Phase};
use crate::domain::ask::answer::EXTRACTIVE;
use crate::domain::errors::Field;

#[component]
pub fn QuestionBox() -> impl IntoView {
    let asker = expect_context::<Asker>();
    let prefs = asker.prefs;
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            asker.submit();
        }
    };
    let invalid = move || {
        asker
            .error
            .with(|e| e.as_ref().is_some_and(|e| e.field == Some(Field::Question)))
            .to_string()
    };
    // a memo: the live status changes (and is announced) only when its words do
    let status = Memo::new(move |_| {
        let t = prefs.t();
        match asker.phase.get() {
            Phase::Searching => t.ask.searching.to_string(),
            Phase::Writing => t.ask.writing.to_string(),
            Phase::Cancelled => t.cancelled.to_string(),
            Phase::Idle => match asker.wait.get() {
                0 => String::new(),
                seconds => (t.ask.ask_again_in)(seconds),
            },
        }
    });
    view! {
        <form
            class="question-box"
            on:submit=move |ev| {
                ev.prevent_default();
                asker.submit();
            }
        >
            <label for="question" class="composer-label">{prefs.text(|t| t.ask.question_label)}</label>
            <textarea
                id="question"
                name="question"
                rows="3"
                placeholder=prefs.text(|t| t.ask.question_placeholder)
                aria-describedby="question-shortcut"
                aria-invalid=invalid
                prop:value=move || asker.question.get()
                on:input=move |ev| asker.question.set(event_target_value(&ev))
                on:keydown=on_keydown
            ></textarea>
            <p id="question-shortcut" class="shortcut-hint">{prefs.text(|t| t.ask.shortcut)}</p>
            <ModelChoice/>
            <AlertSlot message=Signal::derive(move || asker.error.get().map(|e| e.message))/>
            <div class="composer-actions">
                <p class="status" role="status">
                    {move || asker.busy().then(|| view! { <span class="spinner" aria-hidden="true"></span> })}
                    {status}
                </p>
                <Show when=move || asker.busy()>
                    <button type="button" class="secondary" on:click=move |_| asker.cancel()>
                        {prefs.text(|t| t.cancel)}
                    </button>
                </Show>
                <button
                    type="submit"
                    class="primary"
                    disabled=move || { asker.busy() || asker.wait.get() > 0 }
                >
                    {prefs.text(|t| t.ask.ask)}
                </button>
            </div>
        </form>
    }
}

/// Who writes the answer. Before the list arrives (and on the server) only the quotes, which
/// every server has; then the server's list: unavailable ones disabled, with their reasons
/// below, experimental ones marked.
#[component]
fn ModelChoice() -> impl IntoView {
    let asker = expect_context::<Asker>();
    let prefs = asker.prefs;
    let options = move || match asker.models.get() {
        None => view! {
            <option value=EXTRACTIVE selected>{prefs.text(|t| t.ask.extractive_label)}</option>
        }
        .into_any(),
        Some(models) => models
            .models
            .into_iter()
            .map(|m| {
                let t = prefs.t();
                let label = match (&m.unavailable, m.experimental) {
                    (Some(_), _) => (t.unavailable_option)(&m.label),
                    (None, true) => (t.experimental_option)(&m.label),
                    (None, false) => m.label.clone(),
                };
                let id = m.id.clone();
                view! {
                    <option
                        value=m.id
                        disabled=m.unavailable.is_some()
                        selected=move || asker.model.get() == id
                    >
                        {label}
                    </option>
                }
            })
            .collect_view()
            .into_any(),
    };
    let description = move || {
        let chosen = asker.model.get();
        asker.models.with(|models| match models {
            None => Some(prefs.t().ask.extractive_description.to_string()),
            Some(models) => {
                models
                    .models
                    .iter()
                    .find(|m| m.id == chosen)
                    .map(|m| match &m.unavailable {
                        Some(why) => (prefs.t().not_available)(why),
                        None => m.description.clone(),
                    })
            }
        })
    };
    let unavailable = move || {
        asker.models.with(|models| {
            models
                .iter()
                .flat_map(|m| &m.models)
                .filter_map(|m| Some((m.label.clone(), m.unavailable.clone()?)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="field model-choice">
            <label for="answer-model">{prefs.text(|t| t.ask.model_label)}</label>
            <select
                id="answer-model"
                aria-describedby="answer-model-help"
                on:change=move |ev| asker.pick(event_target_value(&ev))
                prop:value=move || asker.model.get()
            >
                {options}
            </select>
            <p id="answer-model-help" class="hint">{description}</p>
            {move || {
                let list = unavailable();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <div class="unavailable">
                                <p class="hint">{prefs.text(|t| t.listed_unavailable)}</p>
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|(label, why)| {
                                            view! {
                                                <li class="hint">
                                                    <strong>{label}</strong>
                                                    {format!(": {why}")}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
