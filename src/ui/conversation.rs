//! The conversation: each request as a turn (the person's text, then the summary), with Copy
//! and Download. A polite live region, so screen readers announce new summaries.

use leptos::prelude::*;

use super::browser::{copy_to_clipboard, download};
use super::format::params_line;
use super::state::Studio;
use crate::domain::summary::Summary;
use crate::domain::text::word_count;

#[component]
pub fn Conversation() -> impl IntoView {
    let studio = expect_context::<Studio>();
    view! {
        <section class="conversation" role="log" aria-label="Conversation" aria-live="polite">
            <Show when=move || studio.turns.with(Vec::is_empty)>
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
        </section>
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
    format!(
        "# Summary\n\n{}\n\n---\n\n- Model: {}\n- Parameters: {}\n- Made: {}\n\n## Original text\n\n{}\n",
        s.summary,
        s.model,
        params_line(&s.parameters),
        super::format::utc_datetime(s.created_at),
        s.text
    )
}
