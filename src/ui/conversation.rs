//! The conversation: each request as a turn (the person's text, then the summary), with Copy
//! and Download. A polite live region, so screen readers announce new summaries; the draft of
//! a summary being streamed is `aria-busy`, so its words are not read out one by one.

use leptos::prelude::*;

use super::browser::{copy_to_clipboard, download};
use super::format::params_line;
use super::state::{Draft, Studio};
use crate::domain::summary::Summary;
use crate::domain::text::word_count;

#[component]
pub fn Conversation() -> impl IntoView {
    let studio = expect_context::<Studio>();
    view! {
        <section class="conversation" role="log" aria-label="Conversation" aria-live="polite">
            <Show when=move || studio.turns.with(Vec::is_empty) && studio.draft.with(Option::is_none)>
                <div class="welcome">
                    <h2>"Summarize anything"</h2>
                    <p>
                        "Paste a text below, pick a length, and press Summarize. "
                        "Your summaries appear here and stay in your history."
                    </p>
                </div>
            </Show>
            <For each=move || studio.turns.get() key=|s| s.id let:summary>
                <Turn summary/>
            </For>
            <Show when=move || studio.draft.with(Option::is_some)>
                <DraftTurn/>
            </Show>
        </section>
    }
}

/// The summary being written: its text grows as it streams in. Removed when it is finished
/// (the finished turn replaces it) or cancelled.
#[component]
fn DraftTurn() -> impl IntoView {
    let studio = expect_context::<Studio>();
    // The text and model stay the same while the draft lives (it is made anew for each
    // request): read once. The output and stage change with every event.
    let (source, model) = studio.draft.with_untracked(|d| {
        d.as_ref()
            .map(|d| (d.source.clone(), d.model.clone()))
            .unwrap_or_default()
    });
    let words = word_count(&source);
    let output = move || studio.draft.with(|d| d.as_ref().map(|d| d.output.clone()));
    let doing = Memo::new(move |_| {
        studio.draft.with(|d| match d.as_ref() {
            Some(Draft {
                stage: Some(stage), ..
            }) => stage.describe(),
            Some(d) if !d.output.is_empty() => "Writing…".to_string(),
            _ => "Waiting for the first words…".to_string(),
        })
    });
    view! {
        <article class="turn draft" aria-label="Summary in progress" aria-busy="true">
            <details class="turn-source">
                <summary>{format!("Your text ({words} words)")}</summary>
                <p class="source-text">{source}</p>
            </details>
            <div class="turn-answer">
                <p class="summary-text">
                    {output}
                    <span class="caret" aria-hidden="true"></span>
                </p>
                <p class="turn-meta">{move || format!("{model} · {}", doing.get())}</p>
            </div>
        </article>
    }
}

#[component]
fn Turn(summary: Summary) -> impl IntoView {
    let copied = RwSignal::new(false);
    let words = word_count(&summary.text);
    let seconds = summary.latency_ms as f64 / 1000.0;
    let percent = (summary.compression() * 100.0).round();
    let meta = format!(
        "{} · {seconds:.1} s · {percent}% of the original length",
        summary.model
    );
    let params = params_line(&summary.parameters);
    let truncated = summary.truncated;
    let partial = summary.partial;
    let parts = summary.parts;
    let file_stem = format!("precis-summary-{}", summary.id);
    let txt = summary.summary.clone();
    let md = markdown(&summary);
    let to_copy = summary.summary.clone();

    view! {
        <article class="turn">
            <details class="turn-source">
                <summary>{format!("Your text ({words} words)")}</summary>
                <p class="source-text">{summary.text.clone()}</p>
            </details>
            <div class="turn-answer">
                <p class="summary-text">{summary.summary.clone()}</p>
                <p class="turn-meta">{meta}</p>
                <p class="turn-params">{params}</p>
                {(parts > 1)
                    .then(|| {
                        view! {
                            <p class="turn-params">
                                {format!(
                                    "Summarized in {parts} parts: the text was longer than the model reads at once, so each part was summarized and the summaries combined.",
                                )}
                            </p>
                        }
                    })}
                {partial
                    .then(|| {
                        view! {
                            <p class="note">"Stopped at the Max time limit: this summary is partial."</p>
                        }
                    })}
                {truncated
                    .then(|| {
                        view! {
                            <p class="note">
                                "The text was longer than this model reads: only its beginning was summarized."
                            </p>
                        }
                    })}
                <div class="turn-actions">
                    <button
                        type="button"
                        class="ghost"
                        on:click=move |_| copied.set(copy_to_clipboard(&to_copy))
                    >
                        "Copy"
                    </button>
                    <button
                        type="button"
                        class="ghost"
                        on:click={
                            let name = format!("{file_stem}.txt");
                            move |_| download(&name, "text/plain;charset=utf-8", &txt)
                        }
                    >
                        "Download .txt"
                    </button>
                    <button
                        type="button"
                        class="ghost"
                        on:click={
                            let name = format!("{file_stem}.md");
                            move |_| download(&name, "text/markdown;charset=utf-8", &md)
                        }
                    >
                        "Download .md"
                    </button>
                    <span class="copied" role="status">
                        {move || if copied.get() { "Copied" } else { "" }}
                    </span>
                </div>
            </div>
        </article>
    }
}

/// The summary as a Markdown document, with how it was made and the original text.
pub fn markdown(s: &Summary) -> String {
    let mut notes = String::new();
    if s.parts > 1 {
        notes.push_str(&format!(
            "- Summarized in {} parts, then combined\n",
            s.parts
        ));
    }
    if s.partial {
        notes.push_str("- Partial: stopped at the Max time limit\n");
    }
    if s.truncated {
        notes.push_str("- Only the beginning of the text was read\n");
    }
    format!(
        "# Summary\n\n{}\n\n---\n\n- Model: {}\n- Parameters: {}\n- Made: {}\n{notes}\n## Original text\n\n{}\n",
        s.summary,
        s.model,
        params_line(&s.parameters),
        super::format::utc_datetime(s.created_at),
        s.text
    )
}
