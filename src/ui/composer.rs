//! The editor: text area, live counts, window warning, errors, Summarize / Cancel.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::ui::alert::AlertSlot;

use super::state::{Phase, Studio};
use crate::domain::errors::Field;
use crate::domain::text::{TextStats, MAX_TEXT_CHARS};

#[component]
pub fn Composer() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let prefs = studio.prefs;
    let stats = Memo::new(move |_| TextStats::of(&studio.text.get()));

    let window_note = Memo::new(move |_| {
        let s = stats.get();
        let t = prefs.t();
        if s.chars > MAX_TEXT_CHARS {
            return Some((t.over_limit)(s.chars, MAX_TEXT_CHARS));
        }
        let model = studio.model()?;
        let window = model.input_window? as usize;
        if s.tokens > window {
            Some((t.window_parts)(
                s.tokens,
                &model.label,
                window,
                estimated_parts(s.tokens, window),
            ))
        } else if s.tokens * 10 >= window * 9 {
            Some((t.window_close)(s.tokens, window, &model.label))
        } else {
            None
        }
    });

    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            studio.submit();
        }
    };

    // A memo, so that the live status changes (and is announced) only when its words do, not
    // with every streamed token.
    let status = Memo::new(move |_| {
        let (stage, model) = studio.draft.with(|d| match d {
            Some(d) => (d.stage, d.model.clone()),
            None => (None, studio.model_id()),
        });
        let t = prefs.t();
        match studio.phase.get() {
            Phase::Idle => String::new(),
            Phase::Working => match stage {
                Some(stage) => stage.describe_in(prefs.lang()),
                None => (t.summarizing_with)(&model),
            },
            Phase::WarmingUp { remaining } => (t.warming_up)(&model, remaining),
            Phase::Cancelled => t.cancelled.to_string(),
        }
    });
    let text_invalid = move || {
        studio
            .error
            .get()
            .is_some_and(|e| e.field == Some(Field::Text))
    };

    view! {
        <form
            class="composer"
            on:submit=move |ev| {
                ev.prevent_default();
                studio.submit();
            }
        >
            <label for="text" class="composer-label">
                {prefs.text(|t| t.text_label)}
            </label>
            <textarea
                id="text"
                name="text"
                rows="6"
                placeholder=prefs.text(|t| t.text_placeholder)
                aria-describedby="text-stats text-note"
                aria-invalid=move || text_invalid().to_string()
                prop:value=move || studio.text.get()
                on:input=move |ev| studio.text.set(event_target_value(&ev))
                on:keydown=on_keydown
            ></textarea>
            <div class="composer-info">
                <p id="text-stats" class="stats">
                    {move || {
                        let s = stats.get();
                        (prefs.t().text_stats)(s.words, s.chars, s.tokens)
                    }}
                </p>
                <p id="text-note" class="note" class:hidden=move || window_note.with(Option::is_none)>
                    {window_note}
                </p>
            </div>
            <AlertSlot message=Signal::derive(move || studio.error.get().map(|e| e.message))/>
            <div class="composer-actions">
                <p class="status" role="status">
                    {move || studio.busy().then(|| view! { <span class="spinner" aria-hidden="true"></span> })}
                    {status}
                </p>
                <Show when=move || studio.busy()>
                    <button type="button" class="secondary" on:click=move |_| studio.cancel()>
                        {prefs.text(|t| t.cancel)}
                    </button>
                </Show>
                <button type="submit" class="primary" disabled=move || studio.busy()>
                    {prefs.text(|t| t.summarize)}
                </button>
            </div>
            <p class="shortcut-hint">
                <kbd>{prefs.text(|t| t.key_ctrl)}</kbd>
                " + "
                <kbd>{prefs.text(|t| t.key_enter)}</kbd>
                {prefs.text(|t| t.shortcut_action)}
            </p>
        </form>
    }
}

/// At least two: this is only asked about texts longer than the window.
fn estimated_parts(tokens: usize, window: usize) -> usize {
    crate::domain::text::estimated_parts(tokens, window).max(2)
}

#[cfg(test)]
mod tests {
    use super::estimated_parts;

    #[test]
    fn parts_are_estimated_from_the_window() {
        assert_eq!(estimated_parts(1_025, 1_024), 2);
        assert_eq!(estimated_parts(4_000, 1_024), 5);
        assert_eq!(estimated_parts(5_280, 1_024), 7);
    }
}
