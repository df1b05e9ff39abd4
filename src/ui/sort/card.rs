//! A file's card: a progress bar while it is sent and judged; then the verdict (one sentence, a
//! status announced when it arrives), what each model says, and the picture with the tiles the
//! verdict came from — or, for a TIFF or a PDF, the verdict page by page; or why it was refused,
//! as an alert.

use leptos::prelude::*;

use super::format::{confidence, verdict};
use super::overlay::PagePicture;
use super::sorter::{Card, Outcome, Sorter};
use crate::domain::sort::prediction::{Prediction, Verdict};
use crate::domain::sort::Label;
use crate::ui::prefs::use_prefs;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Sending,
    Judged,
    Refused,
}

impl Phase {
    fn of(card: &Card) -> Self {
        match card.outcome {
            Outcome::Sending => Phase::Sending,
            Outcome::Judged(_) => Phase::Judged,
            Outcome::Refused(_) => Phase::Refused,
        }
    }
}

#[component]
pub fn ResultCard(sorter: Sorter, key: u64) -> impl IntoView {
    let prefs = use_prefs();
    let card = Memo::new(move |_| sorter.card(key));
    let phase = Memo::new(move |_| card.with(|c| c.as_ref().map_or(Phase::Refused, Phase::of)));
    let name = move || card.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    // one line, in a status that is there from the start: announced when the verdict arrives
    let status = move || {
        card.with(|c| match c.as_ref().map(|c| &c.outcome) {
            Some(Outcome::Sending) => prefs.t().sort_page.sending.to_string(),
            Some(Outcome::Judged(p)) => verdict(prefs.t(), p.label, p.probability),
            _ => String::new(),
        })
    };
    let problem = move || {
        card.with(|c| match c.as_ref().map(|c| &c.outcome) {
            Some(Outcome::Refused(message)) => Some(message.clone()),
            _ => None,
        })
    };
    let body = move || match phase.get() {
        Phase::Sending => view! {
            <progress aria-label=move || (prefs.t().sort_page.sending_label)(&name())></progress>
        }
        .into_any(),
        Phase::Judged => card
            .get_untracked()
            .and_then(|c| match c.outcome {
                Outcome::Judged(p) => {
                    Some(view! { <Judged prediction=*p name=c.name preview=c.preview/> }.into_any())
                }
                _ => None,
            })
            .unwrap_or_else(|| ().into_any()),
        Phase::Refused => ().into_any(),
    };
    view! {
        <li class="sort-card" class:failed=move || phase.get() == Phase::Refused>
            <h4 class="sort-card-title">{name}</h4>
            <p
                class="sort-verdict"
                class:pending=move || phase.get() == Phase::Sending
                role="status"
            >
                {status}
            </p>
            {body}
            <div class="alert-slot" role="alert">
                {move || {
                    problem()
                        .map(|m| {
                            view! {
                                <p class="alert">
                                    <span class="alert-icon" aria-hidden="true">"!"</span>
                                    {m}
                                </p>
                            }
                        })
                }}
            </div>
        </li>
    }
}

/// The verdicts of a file judged.
#[component]
fn Judged(prediction: Prediction, name: String, preview: Option<String>) -> impl IntoView {
    let prefs = use_prefs();
    let Prediction {
        model,
        per_model,
        pages,
        skipped_pages,
        ..
    } = prediction;
    // the model that answered first, then the others
    let mut rows: Vec<(String, Verdict)> = per_model.into_iter().collect();
    rows.sort_by_key(|(name, _)| *name != model);
    let answered = model.clone();
    let label_text = move |label: Label| prefs.t().sort.label(label);
    let table = view! {
        <table class="sort-table sort-verdicts">
            <caption>{prefs.text(|t| t.sort_page.per_model_caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{prefs.text(|t| t.sort_page.column_model)}</th>
                    <th scope="col">{prefs.text(|t| t.sort_page.column_label)}</th>
                    <th scope="col">{prefs.text(|t| t.sort_page.column_confidence)}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(name, v)| {
                        let answering = name == model;
                        let label = v.label;
                        let p = v.probability;
                        view! {
                            <tr class:answering=answering>
                                <th scope="row">
                                    {name}
                                    {answering
                                        .then(|| {
                                            view! {
                                                " "
                                                <span class="badge">
                                                    {prefs.text(|t| t.sort_page.answering)}
                                                </span>
                                            }
                                        })}
                                </th>
                                <td>{move || label_text(label)}</td>
                                <td class="number">{move || confidence(prefs.lang(), p)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    };
    // a picture when the browser can show the file (one page: PNG, JPEG); else page by page
    let picture = match (preview, pages.as_slice()) {
        (Some(src), [page]) => Some(view! { <PagePicture src name page=page.clone()/> }),
        _ => None,
    };
    let by_page = picture.is_none().then(|| {
        let lines = pages
            .iter()
            .map(|p| (p.page, p.label, p.probability))
            .collect::<Vec<_>>();
        view! {
            <p class="hint">{prefs.text(|t| t.sort_page.no_preview)}</p>
            <h5 class="sort-pages-title">{prefs.text(|t| t.sort_page.pages_title)}</h5>
            <ol class="sort-pages">
                {lines
                    .into_iter()
                    .map(|(n, label, p)| {
                        view! {
                            <li>
                                {move || {
                                    let t = prefs.t();
                                    (t.sort_page.page_verdict)(n, &verdict(t, label, p))
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
    });
    view! {
        <p class="sort-answered">{move || (prefs.t().sort_page.answered_by)(&answered)}</p>
        {table}
        {picture}
        {by_page}
        {(skipped_pages > 0)
            .then(|| {
                view! {
                    <p class="hint">
                        {move || (prefs.t().sort_page.skipped_pages)(skipped_pages)}
                    </p>
                }
            })}
    }
}
