//! The passages an answer was written from, numbered as it cites them: each opens to show its
//! document, where it is in it ("passage 4 · characters 1,204–1,680") and its text with the
//! question's words marked.

use leptos::prelude::*;

use super::asking::Turn;
use crate::domain::ask::answer::FoundPassage;
use crate::domain::ask::highlight;
use crate::ui::prefs::use_prefs;

/// The id of the button that opens passage `n` of turn `turn`.
pub fn passage_button_id(turn: u64, n: u32) -> String {
    format!("ask-{turn}-passage-{n}")
}

/// The id of passage `n`'s text, which that button (and the citations) open.
pub fn passage_body_id(turn: u64, n: u32) -> String {
    format!("ask-{turn}-passage-{n}-text")
}

#[component]
pub fn PassageList(
    turn: Signal<Turn>,
    /// The passages opened, by number.
    open: RwSignal<Vec<u32>>,
    /// The passages the answer cites.
    cited: Memo<Vec<u32>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = turn.with_untracked(|t| t.id);
    let heading_id = format!("ask-{id}-passages");
    let labelled_by = heading_id.clone();
    let heading = move || {
        let t = prefs.t();
        match turn.with(|t| t.grounded) {
            Some(false) => t.ask.closest_passages,
            _ => t.ask.passages_found,
        }
    };
    view! {
        <section class="passages" aria-labelledby=labelled_by>
            <h3 id=heading_id>{heading}</h3>
            <ol class="passage-list">
                <For each=move || turn.with(|t| t.passages.clone()) key=|p| p.number let:passage>
                    <Passage turn=id passage open cited terms=turn.with_untracked(|t| t.terms.clone())/>
                </For>
            </ol>
        </section>
    }
}

#[component]
fn Passage(
    turn: u64,
    passage: FoundPassage,
    open: RwSignal<Vec<u32>>,
    cited: Memo<Vec<u32>>,
    terms: Vec<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let n = passage.number;
    let is_open = move || open.with(|o| o.contains(&n));
    let is_cited = move || cited.with(|c| c.contains(&n));
    let toggle = move |_| {
        open.update(|o| match o.iter().position(|&m| m == n) {
            Some(at) => {
                o.remove(at);
            }
            None => o.push(n),
        })
    };
    let place = {
        let (ordinal, start, end) = (passage.ordinal, passage.start, passage.end);
        move || (prefs.t().ask.passage_place)(ordinal + 1, start, end)
    };
    let text = highlight::pieces(&passage.text, &terms)
        .into_iter()
        .map(|(piece, marked)| {
            if marked {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view();
    view! {
        <li class="passage" class:cited=is_cited value=n>
            <div class="passage-head">
                <button
                    type="button"
                    class="passage-toggle"
                    id=passage_button_id(turn, n)
                    aria-expanded=move || is_open().to_string()
                    aria-controls=passage_body_id(turn, n)
                    on:click=toggle
                >
                    <span class="passage-number">{format!("[{n}]")}</span>
                    " "
                    {passage.title.clone()}
                </button>
                <Show when=is_cited>
                    <span class="badge">{prefs.text(|t| t.ask.cited)}</span>
                </Show>
            </div>
            // its first words, to tell passages apart while closed (the full text is read
            // once opened)
            <p class="passage-preview" aria-hidden="true" hidden=is_open>
                {passage.text.clone()}
            </p>
            <div class="passage-body" id=passage_body_id(turn, n) hidden=move || !is_open()>
                <p class="passage-place">{place}</p>
                <blockquote class="passage-text">{text}</blockquote>
            </div>
        </li>
    }
}
