//! The history sidebar: this person's past summaries, newest first; reopen, delete, clear all.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::format::utc_datetime;
use super::state::{Studio, CUSTOM_MODEL};
use crate::api::history::{clear_history, delete_summary, get_summary, list_history};
use crate::domain::params::{default_params, Param};
use crate::domain::summary::{HistoryItem, Summary};

#[component]
pub fn HistoryPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let items = Resource::new(move || studio.history_version.get(), |_| list_history());
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
                <h2 id="history-title">"History"</h2>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="ghost small" on:click=move |_| confirming.set(true)>
                                "Clear all"
                            </button>
                        }
                    }
                >
                    <div class="confirm" role="group" aria-label="Confirm clearing the history">
                        <span>"Delete every summary?"</span>
                        <button type="button" class="danger small" on:click=clear_all>
                            "Yes, clear all"
                        </button>
                        <button type="button" class="ghost small" on:click=move |_| confirming.set(false)>
                            "Keep"
                        </button>
                    </div>
                </Show>
            </div>
            <Transition fallback=|| view! { <p class="muted">"Loading history…"</p> }>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">"No summaries yet. They will appear here."</p> }
                                .into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="history-list">
                                    {list.into_iter().map(|item| view! { <HistoryEntry item/> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any(),
                    }
                })}
            </Transition>
        </aside>
    }
}

#[component]
fn HistoryEntry(item: HistoryItem) -> impl IntoView {
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
                    studio.history_version.update(|v| *v += 1);
                }
                Err(e) => studio.error.set(Some(e.error)),
            }
        });
    };
    let delete_label = format!("Delete “{}”", item.title);
    view! {
        <li class="history-item">
            <button type="button" class="history-open" on:click=open>
                <span class="history-title">{item.title.clone()}</span>
                <span class="history-meta">
                    {format!("{} · {}", item.model, utc_datetime(item.created_at))}
                </span>
            </button>
            <button type="button" class="history-delete" aria-label=delete_label title="Delete" on:click=delete>
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
