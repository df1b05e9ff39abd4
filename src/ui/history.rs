//! The history sidebar: search and filters, this person's past summaries newest first, a page
//! at a time ("Load more"); reopen, delete, clear all, export.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

use super::format::utc_datetime;
use super::history_filters::{Filters, HistoryFilters};
use super::prefs::use_prefs;
use super::state::{Studio, CUSTOM_MODEL};
use crate::api::history::{clear_history, delete_summary, get_summary, list_history};
use crate::domain::errors::ErrorResponse;
use crate::domain::history::{FilterProblem, HistoryItem, HistoryPage, HistoryParams};
use crate::domain::params::{default_params, Param};
use crate::domain::summary::Summary;
use crate::i18n::Texts;

/// Why the list is not shown: a filter the page refused itself (told in the page's language),
/// or the server's answer (its English sentence).
#[derive(Debug, Clone, Serialize, Deserialize)]
enum ListFailure {
    Filters(FilterProblem),
    Server(ErrorResponse),
}

impl ListFailure {
    fn message(&self, t: &Texts) -> String {
        match self {
            ListFailure::Filters(problem) => t.history.problem(problem),
            ListFailure::Server(e) => e.error.message.clone(),
        }
    }
}

#[component]
pub fn HistoryPanel() -> impl IntoView {
    let prefs = use_prefs();
    let studio = expect_context::<Studio>();
    let filters = Filters::new();
    // The first page for the current filters; the filters come back with it, so that "Load
    // more" asks for the next page of the same list.
    let first_page = Resource::new(
        move || (filters.params.get(), studio.history_version.get()),
        |(params, _)| async move {
            // the browser checks the person's filters first (the server's own rules): a problem
            // is told without a round trip, in the page's language
            if let Some(problem) = FilterProblem::first_in(&params) {
                return Err(ListFailure::Filters(problem));
            }
            list_history(params.clone())
                .await
                .map(|page| (params, page))
                .map_err(ListFailure::Server)
        },
    );
    // What a screen reader hears when the list changes (the count, or that nothing matched).
    let announce = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);

    let clear_all = move |_| {
        confirming.set(false);
        spawn_local(async move {
            match clear_history().await {
                Ok(()) => studio.history_version.update(|v| *v += 1),
                Err(e) => studio.error.set(Some(e.error)),
            }
        });
    };

    view! {
        <aside class="history" aria-labelledby="history-title">
            <div class="panel-head">
                <h2 id="history-title">{prefs.text(|t| t.history.title)}</h2>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="ghost small" on:click=move |_| confirming.set(true)>
                                {prefs.text(|t| t.history.clear_all)}
                            </button>
                        }
                    }
                >
                    <div class="confirm" role="group" aria-label=prefs.text(|t| t.history.confirm_group)>
                        <span>{prefs.text(|t| t.history.confirm)}</span>
                        <button type="button" class="danger small" on:click=clear_all>
                            {prefs.text(|t| t.history.yes_clear)}
                        </button>
                        <button type="button" class="ghost small" on:click=move |_| confirming.set(false)>
                            {prefs.text(|t| t.history.keep)}
                        </button>
                    </div>
                </Show>
            </div>
            <HistoryFilters filters/>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || announce.get()}
            </p>
            // The filters and "Load more" name this box in `aria-controls`: it is always there,
            // whether it holds the list, "no summaries yet" or a problem.
            <div
                class="history-results"
                id="history-results"
                aria-busy=move || pending.get().to_string()
            >
                <Transition
                    fallback=move || view! { <p class="muted">{prefs.text(|t| t.history.loading)}</p> }
                    set_pending=pending.write_only()
                >
                    {move || Suspend::new(async move {
                        match first_page.await {
                            Ok((params, page)) => {
                                view! { <Results params page filters announce=announce.write_only()/> }
                                    .into_any()
                            }
                            Err(failure) => {
                                // told now in the language of the moment; the alert follows it
                                announce.set(failure.message(prefs.t_untracked()));
                                let message = move || failure.message(prefs.t());
                                view! { <p class="alert" role="alert">{message}</p> }.into_any()
                            }
                        }
                    })}
                </Transition>
            </div>
        </aside>
    }
}

/// The summaries of one query: its first page, then the pages "Load more" appends.
#[component]
fn Results(
    params: HistoryParams,
    page: HistoryPage,
    filters: Filters,
    announce: WriteSignal<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let items = RwSignal::new(page.summaries);
    let next = RwSignal::new(page.next_before);
    let loading = RwSignal::new(false);
    let more_error = RwSignal::new(None::<String>);
    let filtered = params.is_filtered();
    let search = params.q.clone().filter(|q| !q.trim().is_empty());

    let empty_text = move |t: &'static Texts| match &search {
        Some(q) => (t.history.none_match_search)(q.trim()),
        None if filtered => t.history.none_match.to_string(),
        None => t.history.none_yet.to_string(),
    };
    let status_in = {
        let empty_text = empty_text.clone();
        move |t: &'static Texts| match items.with(Vec::len) {
            0 => empty_text(t),
            n => (t.history.count)(n, filtered, next.with(Option::is_some)),
        }
    };
    let status = {
        let status_in = status_in.clone();
        move || status_in(prefs.t())
    };
    // Told when the list changes, in the language of the moment (not again when only the
    // language does).
    Effect::new(move |_| announce.set(status_in(prefs.t_untracked())));

    let query = StoredValue::new(params);
    let load_more = move |_| {
        let Some(before) = next.get_untracked() else {
            return;
        };
        let mut params = query.get_value();
        params.before = Some(before.to_string());
        loading.set(true);
        more_error.set(None);
        spawn_local(async move {
            match list_history(params).await {
                Ok(page) => {
                    items.update(|list| list.extend(page.summaries));
                    next.set(page.next_before);
                }
                Err(e) => more_error.set(Some(e.error.message)),
            }
            loading.set(false);
        });
    };
    let studio = expect_context::<Studio>();
    let on_deleted = Callback::new(move |id: i64| {
        items.update(|list| list.retain(|i| i.id != id));
        // every shown summary deleted but older ones remain: show those, not "no summaries"
        if items.with_untracked(Vec::is_empty) && next.get_untracked().is_some() {
            studio.history_version.update(|v| *v += 1);
        }
    });

    view! {
        <Show
            when=move || items.with(|list| !list.is_empty())
            fallback=move || {
                let empty_text = empty_text.clone();
                view! {
                    <p class="muted">{move || empty_text(prefs.t())}</p>
                    {filtered
                        .then(|| {
                            view! {
                                <button type="button" class="ghost small" on:click=move |_| filters.clear()>
                                    {prefs.text(|t| t.history.clear_filters)}
                                </button>
                            }
                        })}
                }
            }
        >
            <p class="muted count">{status.clone()}</p>
            <ul class="history-list" aria-label=prefs.text(|t| t.history.list)>
                <For each=move || items.get() key=|item| item.id let:item>
                    <HistoryEntry item on_deleted/>
                </For>
            </ul>
        </Show>
        <Show when=move || next.with(Option::is_some) && items.with(|list| !list.is_empty())>
            <button
                type="button"
                class="secondary small load-more"
                aria-controls="history-results"
                disabled=move || loading.get()
                on:click=load_more
            >
                {move || {
                    let t = prefs.t();
                    if loading.get() { t.history.loading_more } else { t.history.load_more }
                }}
            </button>
        </Show>
        {move || more_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
    }
}

#[component]
fn HistoryEntry(item: HistoryItem, on_deleted: Callback<i64>) -> impl IntoView {
    let prefs = use_prefs();
    let studio = expect_context::<Studio>();
    let id = item.id;
    let open = move |_| {
        spawn_local(async move {
            match get_summary(id).await {
                Ok(summary) => reopen(studio, summary),
                Err(e) => studio.error.set(Some(e.error)),
            }
        });
    };
    let delete = move |_| {
        spawn_local(async move {
            match delete_summary(id).await {
                Ok(()) => {
                    studio.turns.update(|t| t.retain(|s| s.id != id));
                    on_deleted.run(id);
                }
                Err(e) => studio.error.set(Some(e.error)),
            }
        });
    };
    let delete_label = {
        let title = item.title.clone();
        move || (prefs.t().history.delete_label)(&title)
    };
    let snippet = (!item.snippet.is_empty()).then(|| {
        view! { <span class="history-snippet">{item.snippet.clone()}</span> }
    });
    view! {
        <li class="history-item">
            <button type="button" class="history-open" on:click=open>
                <span class="history-title">{item.title.clone()}</span>
                {snippet}
                <span class="history-meta">
                    {format!("{} · {}", item.model, utc_datetime(item.created_at))}
                </span>
            </button>
            <button type="button" class="history-delete" aria-label=delete_label title=prefs.text(|t| t.history.delete) on:click=delete>
                <span aria-hidden="true">"×"</span>
            </button>
        </li>
    }
}

/// Puts a past summary back: its text, model and parameters, and its result as the conversation.
fn reopen(studio: Studio, summary: Summary) {
    let mut params = default_params();
    for p in Param::ALL {
        if let Some(v) = summary.parameters.get(p) {
            params.set(p, Some(v));
        }
    }
    params.use_cache = summary.parameters.use_cache;
    params.wait_for_model = summary.parameters.wait_for_model;
    params.do_sample = summary.parameters.do_sample;
    let known = studio
        .catalog
        .with_untracked(|c| c.get(&summary.model).is_some());
    if known {
        studio.choice.set(summary.model.clone());
    } else {
        studio.choice.set(CUSTOM_MODEL.to_string());
        studio.custom_model.set(summary.model.clone());
    }
    studio.params.set(params);
    studio.set_seed_text(
        summary
            .parameters
            .seed
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    studio.text.set(summary.text.clone());
    studio.error.set(None);
    studio.turns.set(vec![summary]);
}
