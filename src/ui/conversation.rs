//! The conversation: each request as a turn (the person's text, then the summary), with Copy
//! and Download. A polite live region, so screen readers announce new summaries; the draft of
//! a summary being streamed is `aria-busy`, so its words are not read out one by one.

use leptos::prelude::*;

use super::browser::{copy_to_clipboard, download};
use super::format::{params_line_in, utc_datetime};
use super::prefs::use_prefs;
use super::state::{Draft, Studio};
use crate::domain::settings::Lang;
use crate::domain::summary::Summary;
use crate::domain::text::word_count;
use crate::i18n::texts;

#[component]
pub fn Conversation() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let prefs = studio.prefs;
    view! {
        <section
            class="conversation"
            role="log"
            aria-label=prefs.text(|t| t.conversation)
            aria-live="polite"
        >
            <Show when=move || studio.turns.with(Vec::is_empty) && studio.draft.with(Option::is_none)>
                <div class="welcome">
                    <h2>{prefs.text(|t| t.welcome_title)}</h2>
                    <p>{prefs.text(|t| t.welcome_body)}</p>
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
    let prefs = studio.prefs;
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
        let t = prefs.t();
        studio.draft.with(|d| match d.as_ref() {
            Some(Draft {
                stage: Some(stage), ..
            }) => stage.describe_in(prefs.lang()),
            Some(d) if !d.output.is_empty() => t.writing.to_string(),
            _ => t.waiting_first_words.to_string(),
        })
    });
    view! {
        <article
            class="turn draft"
            aria-label=prefs.text(|t| t.summary_in_progress)
            aria-busy="true"
        >
            <details class="turn-source">
                <summary>{move || (prefs.t().your_text)(words)}</summary>
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
    let prefs = use_prefs();
    let copied = RwSignal::new(false);
    let words = word_count(&summary.text);
    let seconds = summary.latency_ms as f64 / 1000.0;
    let percent = (summary.compression() * 100.0).round();
    let meta = {
        let model = summary.model.clone();
        move || format!("{model} · {}", (prefs.t().turn_meta)(seconds, percent))
    };
    let params = {
        let params = summary.parameters;
        move || params_line_in(&params, prefs.lang())
    };
    let truncated = summary.truncated;
    let partial = summary.partial;
    let parts = summary.parts;
    let file_stem = format!("precis-summary-{}", summary.id);
    let txt = summary.summary.clone();
    let to_copy = summary.summary.clone();
    // the file is written in the language of the moment it is downloaded
    let summary_for_md = StoredValue::new(summary.clone());

    view! {
        <article class="turn">
            <details class="turn-source">
                <summary>{move || (prefs.t().your_text)(words)}</summary>
                <p class="source-text">{summary.text.clone()}</p>
            </details>
            <div class="turn-answer">
                <p class="summary-text">{summary.summary.clone()}</p>
                <p class="turn-meta">{meta}</p>
                <p class="turn-params">{params}</p>
                {(parts > 1)
                    .then(|| {
                        view! { <p class="turn-params">{move || (prefs.t().parts_note)(parts)}</p> }
                    })}
                {partial
                    .then(|| {
                        view! { <p class="note">{prefs.text(|t| t.partial_note)}</p> }
                    })}
                {truncated
                    .then(|| {
                        view! { <p class="note">{prefs.text(|t| t.truncated_note)}</p> }
                    })}
                <div class="turn-actions">
                    <button
                        type="button"
                        class="ghost"
                        on:click=move |_| copied.set(copy_to_clipboard(&to_copy))
                    >
                        {prefs.text(|t| t.copy)}
                    </button>
                    <button
                        type="button"
                        class="ghost"
                        on:click={
                            let name = format!("{file_stem}.txt");
                            move |_| download(&name, "text/plain;charset=utf-8", &txt)
                        }
                    >
                        {prefs.text(|t| t.download_txt)}
                    </button>
                    <button
                        type="button"
                        class="ghost"
                        on:click={
                            let name = format!("{file_stem}.md");
                            move |_| {
                                let md = summary_for_md
                                    .with_value(|s| markdown_in(s, prefs.lang()));
                                download(&name, "text/markdown;charset=utf-8", &md)
                            }
                        }
                    >
                        {prefs.text(|t| t.download_md)}
                    </button>
                    <span class="copied" role="status">
                        {move || if copied.get() { prefs.t().copied } else { "" }}
                    </span>
                </div>
            </div>
        </article>
    }
}

/// The summary as a Markdown document, with how it was made and the original text, in English
/// (for callers that have no page language, such as an export).
#[allow(dead_code)] // kept for the history export being written on the `history` branch
pub fn markdown(s: &Summary) -> String {
    markdown_in(s, Lang::En)
}

/// [`markdown`] in `lang`.
pub fn markdown_in(s: &Summary, lang: Lang) -> String {
    let t = texts(lang);
    let mut notes = String::new();
    if s.parts > 1 {
        notes.push_str(&format!("- {}\n", (t.md_parts)(s.parts)));
    }
    if s.partial {
        notes.push_str(&format!("- {}\n", t.md_partial));
    }
    if s.truncated {
        notes.push_str(&format!("- {}\n", t.md_truncated));
    }
    format!(
        "# {}\n\n{}\n\n---\n\n- {} {}\n- {} {}\n- {} {}\n{notes}\n## {}\n\n{}\n",
        t.md_summary,
        s.summary,
        t.md_model,
        s.model,
        t.md_parameters,
        params_line_in(&s.parameters, lang),
        t.md_made,
        utc_datetime(s.created_at),
        t.md_original,
        s.text
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::models::ProviderKind;
    use crate::domain::params::SummaryParams;

    fn summary() -> Summary {
        Summary {
            id: 7,
            model: "local/textrank".into(),
            provider: ProviderKind::Local,
            text: "The original.".into(),
            summary: "Short.".into(),
            parameters: SummaryParams {
                max_length: Some(60),
                ..SummaryParams::default()
            },
            truncated: false,
            partial: true,
            parts: 3,
            created_at: 0,
            latency_ms: 1200,
        }
    }

    #[test]
    fn the_english_markdown_keeps_its_shape() {
        assert_eq!(
            markdown(&summary()),
            "# Summary\n\nShort.\n\n---\n\n- Model: local/textrank\n- Parameters: Max length \
             60\u{a0}tokens\n- Made: 1970-01-01 00:00 UTC\n- Summarized in 3 parts, then combined\n- \
             Partial: stopped at the Max time limit\n\n## Original text\n\nThe original.\n"
        );
    }

    #[test]
    fn the_markdown_speaks_the_pages_language() {
        let md = markdown_in(&summary(), Lang::Fr);
        assert!(md.starts_with("# Résumé\n"), "{md}");
        assert!(
            md.contains("- Paramètres\u{a0}: Longueur maximale 60\u{a0}jetons\n"),
            "{md}"
        );
        assert!(md.contains("## Texte d’origine"), "{md}");
        let md = markdown_in(&summary(), Lang::Pt);
        assert!(
            md.contains("- Resumido em 3 partes, depois combinadas\n"),
            "{md}"
        );
    }
}
