//! The Models panel: the three classifiers compared — which answers by default, where they come
//! from and how they were measured, what each costs, and each evaluation set's metrics with
//! their 95% intervals and plots.

use leptos::prelude::*;

use super::figures::{set_name, SetFigures};
use super::format::{estimate, milliseconds, seconds, size};
use super::listing::Listing;
use crate::domain::sort::report::{ClassifierModels, Counts, Metrics, Origin, ReportFile, SetName};
use crate::i18n::numbers::integer;
use crate::i18n::Texts;
use crate::ui::prefs::use_prefs;

#[component]
pub fn ModelsPanel(listing: Listing) -> impl IntoView {
    let prefs = use_prefs();
    let content = move || match listing.models.get() {
        None => {
            view! { <p class="muted">{prefs.text(|t| t.sort_page.models_loading)}</p> }.into_any()
        }
        Some(Err(message)) => view! {
            <p class="alert" role="alert">
                <span class="alert-icon" aria-hidden="true">"!"</span>
                {message}
            </p>
        }
        .into_any(),
        Some(Ok(models)) => view! { <Comparison models/> }.into_any(),
    };
    view! {
        <section class="card sort-models" aria-labelledby="models-title">
            <h2 id="models-title">{prefs.text(|t| t.sort_page.models_title)}</h2>
            {content}
        </section>
    }
}

/// The sets the models were measured on, in the report's order.
pub fn sets(models: &ClassifierModels) -> Vec<(SetName, Counts)> {
    let mut out: Vec<(SetName, Counts)> = Vec::new();
    for m in &models.models {
        for s in &m.metrics {
            if !out.iter().any(|(set, _)| *set == s.set) {
                out.push((s.set, s.counts));
            }
        }
    }
    out
}

fn set_help(t: &Texts, set: SetName) -> &'static str {
    let p = &t.sort_page;
    match set {
        SetName::CrossValidation => p.cross_validation_help,
        SetName::HeldOutPages => p.held_out_pages_help,
        SetName::UnseenFonts => p.unseen_fonts_help,
        SetName::RealScans => p.real_scans_help,
    }
}

#[component]
fn Comparison(models: ClassifierModels) -> impl IntoView {
    let prefs = use_prefs();
    let listing = StoredValue::new(models);
    let read = move |f: fn(&Texts, &ClassifierModels) -> String| {
        move || listing.with_value(|m| f(prefs.t(), m))
    };
    let costs = listing.with_value(|m| m.models.clone());
    let sets = listing.with_value(sets);
    view! {
        <p>
            {read(|t, m| (t.sort_page.default_is)(&m.default_model))}
            " "
            {read(|t, m| match m.origin {
                Origin::Builtin => (t.sort_page.origin_builtin)(&m.preset),
                Origin::Trained => (t.sort_page.origin_trained)(&m.preset),
            })}
        </p>
        <p class="hint">
            {read(|t, m| {
                let c = m.protocol.training;
                let n = |v: u64| integer(t.lang, v as usize);
                (t.sort_page.protocol)(
                    &n(c.pages),
                    &n(c.handwritten),
                    &n(c.typed),
                    m.protocol.folds,
                    m.protocol.seed,
                )
            })}
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="costs-caption">
            <table class="sort-table">
                <caption id="costs-caption">{prefs.text(|t| t.sort_page.costs_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{prefs.text(|t| t.sort_page.column_model)}</th>
                        <th scope="col">{prefs.text(|t| t.sort_page.column_default)}</th>
                        <th scope="col">{prefs.text(|t| t.sort_page.column_training)}</th>
                        <th scope="col">{prefs.text(|t| t.sort_page.column_prediction)}</th>
                        <th scope="col">{prefs.text(|t| t.sort_page.column_size)}</th>
                    </tr>
                </thead>
                <tbody>
                    {costs
                        .into_iter()
                        .map(|m| {
                            let (train, predict, bytes) = (
                                m.training_seconds,
                                m.prediction_ms_per_page,
                                m.size_bytes,
                            );
                            view! {
                                <tr>
                                    <th scope="row">
                                        {m.name}
                                        <span class="model-description">{m.description}</span>
                                    </th>
                                    <td>
                                        {m.default.then(|| prefs.text(|t| t.sort_page.is_default))}
                                    </td>
                                    <td class="number">{move || seconds(prefs.t(), train)}</td>
                                    <td class="number">{move || milliseconds(prefs.t(), predict)}</td>
                                    <td class="number">{move || size(prefs.t(), bytes)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <p class="hint">{prefs.text(|t| t.sort_page.intervals_note)}</p>
        {sets
            .into_iter()
            .map(|(set, counts)| {
                let models = listing.with_value(|m| m.models.clone());
                view! { <SetSection set counts models/> }
            })
            .collect_view()}
        <p>
            <a href=ReportFile::Markdown.url() rel="external">
                {prefs.text(|t| t.sort_page.full_report)}
            </a>
        </p>
    }
}

/// One evaluation set: what it asks, each model's metrics, and its plots.
#[component]
fn SetSection(
    set: SetName,
    counts: Counts,
    models: Vec<crate::domain::sort::report::ClassifierModel>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = format!("set-{}", set.as_str());
    let heading_id = id.clone();
    let caption_id = format!("{id}-caption");
    let region_labelled_by = caption_id.clone();
    let caption = move || {
        let t = prefs.t();
        let n = |v: u64| integer(t.lang, v as usize);
        (t.sort_page.set_caption)(
            set_name(t, set),
            &n(counts.pages),
            &n(counts.handwritten),
            &n(counts.typed),
            &n(counts.groups),
        )
    };
    let rows: Vec<(String, Metrics)> = models
        .iter()
        .filter_map(|m| {
            let s = m.metrics.iter().find(|s| s.set == set)?;
            Some((m.name.clone(), s.metrics.clone()))
        })
        .collect();
    type Heading = fn(&Texts) -> &'static str;
    type Pick = fn(&Metrics) -> Option<&crate::domain::sort::report::Estimate>;
    let columns: [(Heading, Pick); 7] = [
        (|t| t.sort_page.accuracy, |m| m.accuracy.as_ref()),
        (|t| t.sort_page.precision, |m| m.precision.as_ref()),
        (|t| t.sort_page.recall, |m| m.recall.as_ref()),
        (|t| t.sort_page.f1, |m| m.f1.as_ref()),
        (|t| t.sort_page.roc_auc, |m| m.roc_auc.as_ref()),
        (|t| t.sort_page.brier, |m| m.brier.as_ref()),
        (|t| t.sort_page.ece, |m| m.ece.as_ref()),
    ];
    view! {
        <section class="sort-set" aria-labelledby=id>
            <h3 id=heading_id>{move || set_name(prefs.t(), set)}</h3>
            <p class="hint">{move || set_help(prefs.t(), set)}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_labelled_by>
                <table class="sort-table sort-metrics">
                    <caption id=caption_id>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{prefs.text(|t| t.sort_page.column_model)}</th>
                            {columns
                                .iter()
                                .map(|(name, _)| {
                                    let name = *name;
                                    view! { <th scope="col">{move || name(prefs.t())}</th> }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(model, metrics)| {
                                let metrics = StoredValue::new(metrics);
                                view! {
                                    <tr>
                                        <th scope="row">{model}</th>
                                        {columns
                                            .iter()
                                            .map(|(_, pick)| {
                                                let pick = *pick;
                                                view! {
                                                    <td class="number">
                                                        {move || {
                                                            metrics.with_value(|m| estimate(prefs.t(), pick(m)))
                                                        }}
                                                    </td>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <SetFigures set models/>
        </section>
    }
}
