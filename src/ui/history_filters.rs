//! The history's search box, model and date filters, and export links.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::sleep_ms;
use super::prefs::use_prefs;
use super::state::Studio;
use crate::api::history::history_models;
use crate::domain::history::{ExportFormat, HistoryParams};

/// Quiet time after the last keystroke before the list is searched.
const SEARCH_DEBOUNCE_MS: u32 = 250;

/// What the filters hold. The list is asked for [`Filters::params`], in which the search is
/// what the box held once typing paused.
#[derive(Clone, Copy)]
pub struct Filters {
    /// The search box, as typed.
    typed: RwSignal<String>,
    /// The search box once typing paused.
    search: RwSignal<String>,
    model: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    /// Counts keystrokes, so that only the last one's pause applies the search.
    keystrokes: StoredValue<u64>,
    /// The search box, focused after "Clear filters" (whose button then goes away).
    search_box: NodeRef<leptos::html::Input>,
    pub params: Memo<HistoryParams>,
}

impl Filters {
    pub fn new() -> Self {
        let (typed, search) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
        let (model, from, to) = (
            RwSignal::new(String::new()),
            RwSignal::new(String::new()),
            RwSignal::new(String::new()),
        );
        let some = |s: String| (!s.trim().is_empty()).then_some(s);
        let params = Memo::new(move |_| HistoryParams {
            q: some(search.get()),
            model: some(model.get()),
            from: some(from.get()),
            to: some(to.get()),
            before: None,
            limit: None,
        });
        Self {
            typed,
            search,
            model,
            from,
            to,
            keystrokes: StoredValue::new(0),
            search_box: NodeRef::new(),
            params,
        }
    }

    /// Empties every filter at once, and puts the keyboard in the search box.
    pub fn clear(&self) {
        self.keystrokes.update_value(|k| *k += 1);
        for signal in [self.typed, self.search, self.model, self.from, self.to] {
            signal.set(String::new());
        }
        if let Some(input) = self.search_box.get_untracked() {
            let _ = input.focus();
        }
    }

    /// Called on each keystroke: the search applies once no other keystroke follows for
    /// [`SEARCH_DEBOUNCE_MS`].
    fn typed(&self, value: String) {
        self.typed.set(value.clone());
        self.keystrokes.update_value(|k| *k += 1);
        let mine = self.keystrokes.get_value();
        let (keystrokes, search) = (self.keystrokes, self.search);
        spawn_local(async move {
            sleep_ms(SEARCH_DEBOUNCE_MS).await;
            if keystrokes.get_value() == mine {
                search.set(value);
            }
        });
    }
}

#[component]
pub fn HistoryFilters(filters: Filters) -> impl IntoView {
    let prefs = use_prefs();
    let studio = expect_context::<Studio>();
    // Fetched in the browser only (effects do not run on the server): the server renders "All
    // models" alone, which hydrates as is. (A LocalResource read here would hold the page's
    // <Suspense> open on the server for good.)
    let models = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        studio.history_version.track();
        spawn_local(async move {
            if let Ok(list) = history_models().await {
                models.set(list);
            }
        });
    });
    let choices = move || {
        let mut list = models.get();
        let chosen = filters.model.get();
        if !chosen.is_empty() && !list.contains(&chosen) {
            list.push(chosen); // keep the current choice listed (its last summary was deleted)
        }
        list
    };
    let export_url =
        move |format: ExportFormat| move || filters.params.with(|p| p.export(format).url());
    view! {
        <div class="history-filters" role="search" aria-label=prefs.text(|t| t.history.filters)>
            <div class="field">
                <label for="history-search">{prefs.text(|t| t.history.search)}</label>
                <input
                    id="history-search"
                    node_ref=filters.search_box
                    type="search"
                    autocomplete="off"
                    placeholder=prefs.text(|t| t.history.search_placeholder)
                    aria-controls="history-results"
                    prop:value=move || filters.typed.get()
                    on:input=move |ev| filters.typed(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="history-model">{prefs.text(|t| t.history.model)}</label>
                <select
                    id="history-model"
                    aria-controls="history-results"
                    on:change=move |ev| filters.model.set(event_target_value(&ev))
                >
                    <option value="" prop:selected=move || filters.model.with(String::is_empty)>
                        {prefs.text(|t| t.history.all_models)}
                    </option>
                    {move || {
                        choices()
                            .into_iter()
                            .map(|m| {
                                let (label, value) = (m.clone(), m.clone());
                                view! {
                                    <option
                                        value=m
                                        prop:selected=move || filters.model.with(|c| *c == value)
                                    >
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="date-range">
                <div class="field">
                    <label for="history-from">{prefs.text(|t| t.history.from)}</label>
                    <input
                        id="history-from"
                        type="date"
                        aria-controls="history-results"
                        prop:value=move || filters.from.get()
                        on:input=move |ev| filters.from.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="history-to">{prefs.text(|t| t.history.to)}</label>
                    <input
                        id="history-to"
                        type="date"
                        aria-controls="history-results"
                        prop:value=move || filters.to.get()
                        on:input=move |ev| filters.to.set(event_target_value(&ev))
                    />
                </div>
            </div>
            <p class="export-links">
                <span aria-hidden="true">{prefs.text(|t| t.history.export)}</span>
                <a
                    class="chip"
                    href=export_url(ExportFormat::Json)
                    download
                    aria-label=prefs.text(|t| t.history.export_json)
                    title=prefs.text(|t| t.history.export_hint)
                >
                    "JSON"
                </a>
                <a
                    class="chip"
                    href=export_url(ExportFormat::Markdown)
                    download
                    aria-label=prefs.text(|t| t.history.export_markdown)
                    title=prefs.text(|t| t.history.export_hint)
                >
                    "Markdown"
                </a>
            </p>
        </div>
    }
}
