//! The history sidebar: search and filters, this person's past summaries newest first, a page
//! at a time ("Load more"); reopen, delete, clear all, export.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::format::utc_datetime;
use super::history_filters::{Filters, HistoryFilters};
use super::state::{Studio, CUSTOM_MODEL};
use crate::api::history::{clear_history, delete_summary, get_summary, list_history};
use crate::domain::errors::{ErrorResponse, PublicError};
use crate::domain::history::{HistoryItem, HistoryPage, HistoryParams, HistoryQuery};
use crate::domain::params::{default_params, Param};
use crate::domain::summary::Summary;

/// The words on these components, in one place.
mod text {
    pub const TITLE: &str = "History";
    pub const CLEAR_ALL: &str = "Clear all";
    pub const CONFIRM_GROUP: &str = "Confirm clearing the history";
    pub const CONFIRM: &str = "Delete every summary?";
    pub const YES_CLEAR: &str = "Yes, clear all";
    pub const KEEP: &str = "Keep";
    pub const LOADING: &str = "Loading history…";
    pub const LIST: &str = "Summaries";
    pub const NONE_YET: &str = "No summaries yet. They will appear here.";
    pub const NONE_MATCH: &str = "No summaries match these filters.";
    pub const CLEAR_FILTERS: &str = "Clear filters";
    pub const LOAD_MORE: &str = "Load more";
    pub const LOADING_MORE: &str = "Loading…";
    pub const DELETE: &str = "Delete";

    pub fn none_match_search(q: &str) -> String {
        format!("No summaries match “{q}”.")
    }

    /// "3 summaries", "2 matching summaries", "50 summaries, more below".
    pub fn count(n: usize, filtered: bool, more: bool) -> String {
        let noun = if n == 1 { "summary" } else { "summaries" };
        let matching = if filtered { "matching " } else { "" };
        let more = if more { ", more below" } else { "" };
        format!("{n} {matching}{noun}{more}")
    }

    pub fn delete_label(title: &str) -> String {
        format!("Delete “{title}”")
    }
}

#[component]
pub fn HistoryPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let filters = Filters::new();
    // The first page for the current filters; the filters come back with it, so that "Load
    // more" asks for the next page of the same list.
    let first_page = Resource::new(
        move || (filters.params.get(), studio.history_version.get()),
        |(params, _)| async move {
            // the browser checks the filters first: a bad date is told without a round trip
            if let Err(invalid) = HistoryQuery::parse(&params) {
                return Err(ErrorResponse::from(PublicError::from(invalid)));
            }
            list_history(params.clone())
                .await
                .map(|page| (params, page))
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
                <h2 id="history-title">{text::TITLE}</h2>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="ghost small" on:click=move |_| confirming.set(true)>
                                {text::CLEAR_ALL}
                            </button>
                        }
                    }
                >
                    <div class="confirm" role="group" aria-label=text::CONFIRM_GROUP>
                        <span>{text::CONFIRM}</span>
                        <button type="button" class="danger small" on:click=clear_all>
                            {text::YES_CLEAR}
                        </button>
                        <button type="button" class="ghost small" on:click=move |_| confirming.set(false)>
                            {text::KEEP}
                        </button>
                    </div>
                </Show>
            </div>
            <HistoryFilters filters/>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || announce.get()}
            </p>
            <div class="history-results" aria-busy=move || pending.get().to_string()>
                <Transition
                    fallback=|| view! { <p class="muted">{text::LOADING}</p> }
                    set_pending=pending.write_only()
                >
                    {move || Suspend::new(async move {
                        match first_page.await {
                            Ok((params, page)) => {
                                view! { <Results params page filters announce=announce.write_only()/> }
                                    .into_any()
                            }
                            Err(e) => {
                                announce.set(e.error.message.clone());
                                view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any()
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
    let items = RwSignal::new(page.summaries);
    let next = RwSignal::new(page.next_before);
    let loading = RwSignal::new(false);
    let more_error = RwSignal::new(None::<String>);
    let filtered = params.is_filtered();
    let search = params.q.clone().filter(|q| !q.trim().is_empty());

    let empty_text = match &search {
        Some(q) => text::none_match_search(q.trim()),
        None if filtered => text::NONE_MATCH.to_string(),
        None => text::NONE_YET.to_string(),
    };
    let status = {
        let empty_text = empty_text.clone();
        move || match items.with(Vec::len) {
            0 => empty_text.clone(),
            n => text::count(n, filtered, next.with(Option::is_some)),
        }
    };
    let status_for_announce = status.clone();
    Effect::new(move |_| announce.set(status_for_announce()));

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
                view! {
                    <p class="muted">{empty_text.clone()}</p>
                    {filtered
                        .then(|| {
                            view! {
                                <button type="button" class="ghost small" on:click=move |_| filters.clear()>
                                    {text::CLEAR_FILTERS}
                                </button>
                            }
                        })}
                }
            }
        >
            <p class="muted count">{status.clone()}</p>
            <ul class="history-list" id="history-results" aria-label=text::LIST>
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
                {move || if loading.get() { text::LOADING_MORE } else { text::LOAD_MORE }}
            </button>
        </Show>
        {move || more_error.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
    }
}

#[component]
fn HistoryEntry(item: HistoryItem, on_deleted: Callback<i64>) -> impl IntoView {
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
    let delete_label = text::delete_label(&item.title);
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
            <button type="button" class="history-delete" aria-label=delete_label title=text::DELETE on:click=delete>
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
        .with_value(|c| c.get(&summary.model).is_some());
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
