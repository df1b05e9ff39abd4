//! The answers: each question with its answer, the citations in it as buttons that open the
//! passage they cite, then the passages found. A polite live region, so screen readers
//! announce a finished answer; the answer being written is `aria-busy`, so its words are not
//! read out one by one.

use leptos::prelude::*;

use super::asking::{Asker, Turn};
use super::citation::{passage_body_id, passage_button_id, PassageList};
use crate::domain::ask::answer::{answer_pieces, cited_numbers, AnswerPiece};

#[component]
pub fn Answers() -> impl IntoView {
    let asker = expect_context::<Asker>();
    let prefs = asker.prefs;
    view! {
        <section class="answers" role="log" aria-label=prefs.text(|t| t.ask.answers) aria-live="polite">
            <Show when=move || asker.turns.with(Vec::is_empty) && asker.draft.with(Option::is_none)>
                <p class="welcome muted">{prefs.text(|t| t.ask.welcome)}</p>
            </Show>
            <For each=move || asker.turns.get() key=|turn| turn.id let:turn>
                <TurnView turn=Signal::stored(turn) live=false/>
            </For>
            <Show when=move || asker.draft.with(Option::is_some)>
                <TurnView turn=Signal::derive(move || asker.draft.get().unwrap_or_default()) live=true/>
            </Show>
        </section>
    }
}

/// One question and its answer; `live` while the answer is being written.
#[component]
fn TurnView(turn: Signal<Turn>, live: bool) -> impl IntoView {
    let asker = expect_context::<Asker>();
    let prefs = asker.prefs;
    // the passages opened, by number
    let open = RwSignal::new(Vec::<u32>::new());
    let (id, question) = turn.with_untracked(|t| (t.id, t.question.clone()));
    let given = move || turn.with(|t| t.passages.len() as u32);
    let pieces =
        Memo::new(move |_| turn.with(|t| answer_pieces(&t.answer, t.passages.len() as u32)));
    let cited = Memo::new(move |_| {
        turn.with(|t| {
            let mut cited = cited_numbers(&t.answer, t.passages.len() as u32);
            cited.extend(t.passages.iter().filter(|p| p.cited).map(|p| p.number));
            cited
        })
    });
    let grounded = Memo::new(move |_| turn.with(|t| t.grounded));
    let title_of = move |n: u32| {
        turn.with(|t| {
            t.passages
                .iter()
                .find(|p| p.number == n)
                .map(|p| p.title.clone())
                .unwrap_or_default()
        })
    };
    let cite = move |n: u32| {
        open.update(|o| {
            if !o.contains(&n) {
                o.push(n);
            }
        });
        focus(&passage_button_id(id, n));
    };
    let answer = move || {
        if grounded.get() == Some(false) {
            // the server's plain "not in your documents": a notice, not an error
            return view! { <p class="notice">{move || turn.with(|t| t.answer.clone())}</p> }
                .into_any();
        }
        view! {
            <p class="answer-text">
                {move || {
                    pieces
                        .get()
                        .into_iter()
                        .map(|piece| match piece {
                            AnswerPiece::Text(text) => text.into_any(),
                            AnswerPiece::Cite(n) => {
                                view! {
                                    <button
                                        type="button"
                                        class="cite"
                                        aria-label=move || (prefs.t().ask.cite_label)(n, &title_of(n))
                                        aria-expanded=move || open.with(|o| o.contains(&n)).to_string()
                                        aria-controls=passage_body_id(id, n)
                                        on:click=move |_| cite(n)
                                    >
                                        {format!("[{n}]")}
                                    </button>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()
                }}
                {live.then(|| view! { <span class="caret" aria-hidden="true"></span> })}
            </p>
        }
        .into_any()
    };
    let meta = move || {
        turn.with(|t| {
            let ms = t.latency_ms?;
            let label = asker.model_label(&t.model);
            Some((prefs.t().ask.answer_meta)(&label, ms as f64 / 1000.0))
        })
    };
    view! {
        <article
            class="ask-turn"
            class:draft=live
            aria-busy=live.then_some("true")
            aria-label=move || live.then(|| prefs.t().ask.answer_in_progress)
        >
            <p class="ask-question">
                <span class="visually-hidden">{prefs.text(|t| t.ask.you_asked)} " "</span>
                {question}
            </p>
            <div class="ask-answer">
                {answer}
                <p class="turn-meta">{meta}</p>
            </div>
            <Show when=move || { given() > 0 }>
                <PassageList turn open cited/>
            </Show>
        </article>
    }
}

/// Moves the focus to the element `id` (a passage just opened).
fn focus(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let element = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}
