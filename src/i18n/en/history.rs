//! English: the history panel. The filters' rules are also the server's API answers (plain
//! numbers, and the date filters named as `Field::label` names them).

use super::count;
use crate::i18n::HistoryTexts;

pub(in crate::i18n) const HISTORY: HistoryTexts = HistoryTexts {
    title: "History",
    clear_all: "Clear all",
    confirm_group: "Confirm clearing the history",
    confirm: "Delete every summary?",
    yes_clear: "Yes, clear all",
    keep: "Keep",
    loading: "Loading history…",
    list: "Summaries",
    none_yet: "No summaries yet. They will appear here.",
    none_match: "No summaries match these filters.",
    none_match_search: |q| format!("No summaries match “{q}”."),
    clear_filters: "Clear filters",
    count: |v, filtered, more| {
        let (one, many) = if filtered {
            ("matching summary", "matching summaries")
        } else {
            ("summary", "summaries")
        };
        let more = if more { ", more below" } else { "" };
        format!("{}{more}", count(v, one, many))
    },
    load_more: "Load more",
    loading_more: "Loading…",
    delete: "Delete",
    delete_label: |title| format!("Delete “{title}”"),

    filters: "Search and filter history",
    search: "Search history",
    search_placeholder: "Words from a text or its summary",
    model: "Model used",
    all_models: "All models",
    from: "From",
    to: "To",
    export: "Export",
    export_json: "Export JSON",
    export_markdown: "Export Markdown",
    export_hint: "Downloads every summary the filters match.",

    search_too_long: |chars, max| {
        format!(
            "The search is {chars} characters long; keep it to {max}: a few distinctive words \
             find a summary."
        )
    },
    too_many_words: |words, max| {
        format!(
            "The search has {words} words; use at most {max}: a few distinctive words find a \
             summary."
        )
    },
    not_a_date: |value, field| {
        format!("“{value}” is not a date: write {field} as YYYY-MM-DD, for example 2026-11-23.")
    },
    from_after_to: |from, to| {
        format!(
            "The From date ({from}) is after the To date ({to}): pick a From date on or before \
             the To date."
        )
    },

    // the other parameters, only wrong in a hand-made request (the API's answers)
    model_filter_bad: "That model filter is not a model id: pick a model from the list, or send \
                       its id, like facebook/bart-large-cnn.",
    before_bad: |value| {
        format!(
            "before=“{value}” is not a summary id: send the next_before value of the previous \
             page (a whole number above 0), or leave it out for the first page."
        )
    },
    limit_bad: |value, max| {
        format!(
            "limit=“{value}” cannot be used: ask for 1 to {max} summaries per page, and follow \
             next_before for more."
        )
    },
    format_bad: |value| {
        format!("“{value}” is not an export format: use format=json or format=markdown.")
    },
};
