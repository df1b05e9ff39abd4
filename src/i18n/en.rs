//! English: the page's original texts, and what the server's English API reuses (parameter
//! labels come from [`Field::label`], the one place the server names its inputs).

mod account;
mod ask;
mod history;
mod keys;
#[cfg(feature = "ssr")]
mod plots;
#[cfg(feature = "ssr")]
mod server;
mod sort;
mod sort_page;

use super::numbers::{decimal, fixed, integer};
use super::{ParamText, Texts};
use crate::domain::errors::Field;
use crate::domain::settings::Lang;

const L: Lang = Lang::En;

fn n(v: usize) -> String {
    integer(L, v)
}

/// "1 word", "2 words", "0 words"
fn count(v: usize, one: &str, many: &str) -> String {
    format!("{} {}", n(v), if v == 1 { one } else { many })
}

pub(super) static EN: Texts = Texts {
    lang: L,
    page_title: "Precis — Summarize",
    page_description: "Summarize any text, on your own server.",
    skip_to_main: "Skip to the main content",
    skip_to_text: "Skip to the text box",
    api_docs: "API",
    tagline: "Summaries on your own server",
    not_found: "This page does not exist.",
    back_to_studio: "Go back to the studio",
    preferences: "Preferences",
    language: "Language",
    theme: "Theme",
    theme_system: "System",
    theme_light: "Light",
    theme_dark: "Dark",

    text_label: "Text to summarize",
    text_placeholder: "Paste an article, a report, meeting notes…",
    text_stats: |words, chars, tokens| {
        format!(
            "{} · {} · ~{}",
            count(words, "word", "words"),
            count(chars, "character", "characters"),
            count(tokens, "token", "tokens"),
        )
    },
    over_limit: |chars, limit| {
        format!(
            "{} characters: over the limit of {}. Shorten the text before summarizing.",
            n(chars),
            n(limit)
        )
    },
    window_parts: |tokens, model, window, parts| {
        format!(
            "About {} tokens: longer than what {model} reads at once ({} tokens). It will be \
             summarized in about {parts} parts, then the parts' summaries combined into one.",
            n(tokens),
            n(window),
        )
    },
    window_close: |tokens, window, model| {
        format!(
            "About {} tokens: close to the {}-token limit of {model}.",
            n(tokens),
            n(window)
        )
    },
    summarizing_with: |model| format!("Summarizing with {model}…"),
    warming_up: |model, seconds| {
        format!(
            "{model} is warming up on HuggingFace, about {seconds} s. Precis will retry by itself."
        )
    },
    stage_part: |part, of| format!("Summarizing part {part} of {of}…"),
    stage_combining: |parts| format!("Combining {parts} parts…"),
    cancelled: "Cancelled.",
    cancel: "Cancel",
    summarize: "Summarize",
    key_ctrl: "Ctrl",
    key_enter: "Enter",
    shortcut_action: " to summarize",

    conversation: "Conversation",
    welcome_title: "Summarize anything",
    welcome_body: "Paste a text below, pick a length, and press Summarize. Your summaries appear \
                   here and stay in your history.",
    summary_in_progress: "Summary in progress",
    writing: "Writing…",
    waiting_first_words: "Waiting for the first words…",
    your_text: |words| format!("Your text ({})", count(words, "word", "words")),
    turn_meta: |seconds, percent| {
        format!(
            "{} s · {}% of the original length",
            fixed(L, seconds, 1),
            decimal(L, percent, 0)
        )
    },
    parts_note: |parts| {
        format!(
            "Summarized in {parts} parts: the text was longer than the model reads at once, so \
             each part was summarized and the summaries combined."
        )
    },
    partial_note: "Stopped at the Max time limit: this summary is partial.",
    truncated_note: "The text was longer than this model reads: only its beginning was summarized.",
    copy: "Copy",
    copied: "Copied",
    download_txt: "Download .txt",
    download_md: "Download .md",
    md_summary: "Summary",
    md_model: "Model:",
    md_parameters: "Parameters:",
    md_made: "Made:",
    md_original: "Original text",
    md_parts: |parts| format!("Summarized in {parts} parts, then combined"),
    md_partial: "Partial: stopped at the Max time limit",
    md_truncated: "Only the beginning of the text was read",

    settings: "Settings",
    model: "Model",
    not_available: |why| format!("Not available on this server. {why}"),
    model_facts: |local, window, honours| {
        let place = if local {
            "On this server"
        } else {
            "On HuggingFace"
        };
        let reads = match window {
            Some(w) => format!("reads up to {} tokens", n(w as usize)),
            None => "reads any length".to_string(),
        };
        let honours = honours.unwrap_or("all parameters");
        format!("{place} · {reads} · honours {honours}")
    },
    unavailable_option: |label| format!("{label} (unavailable)"),
    experimental_option: |label| format!("{label} (experimental)"),
    other_hf_model: "Other HuggingFace model…",
    hf_model_id: "HuggingFace model ID",
    hf_model_placeholder: "owner/name, e.g. facebook/bart-large-xsum",
    listed_unavailable: "Listed but not available on this server:",
    hf_needs_token: "HuggingFace models appear here when the operator sets an HF_TOKEN.",
    length: "Length",
    style: "Style",
    reset: "Reset",
    preset_short: "Short",
    preset_medium: "Medium",
    preset_long: "Long",
    preset_precise: "Precise",
    preset_balanced: "Balanced",
    preset_creative: "Creative",
    min_length: ParamText {
        label: Field::MinLength.label(),
        help: "The summary will be at least this long.",
    },
    max_length: ParamText {
        label: Field::MaxLength.label(),
        help: "The summary will be at most this long.",
    },
    temperature: ParamText {
        label: Field::Temperature.label(),
        help: "Higher is more varied wording, lower is more predictable.",
    },
    top_k: ParamText {
        label: Field::TopK.label(),
        help: "Only the K most likely next words are considered.",
    },
    top_p: ParamText {
        label: Field::TopP.label(),
        help: "Only the most likely words adding up to this probability are considered.",
    },
    repetition_penalty: ParamText {
        label: Field::RepetitionPenalty.label(),
        help: "Above 1 discourages repeating the same words.",
    },
    max_time: ParamText {
        label: Field::MaxTime.label(),
        help: "Stop generating after this many seconds.",
    },
    unit_tokens: "tokens",
    model_default: "model default",
    model_defaults: "model defaults",
    random_wording: "random wording",
    wording_options: "Wording options",
    sample_wording: "Sample wording (random)",
    sample_help: "Draw each word at random (Temperature, Top-k and Top-p apply) instead of always \
                  the likeliest: varied wording, a different summary each time.",
    sampling_only: "Only used by models that can vary their wording.",
    never_samples: |model| {
        format!("{model} always writes its likeliest wording: it does not sample.")
    },
    seed: "Seed",
    seed_placeholder: "random",
    seed_help: "With random wording: the same seed and settings give the same summary again. \
                Empty: a new draw each time.",
    hf_options: "HuggingFace options",
    use_cache: "Use cache",
    use_cache_help: "Reuse HuggingFace's answer when the same text was summarized before.",
    wait_for_model: "Wait for model",
    wait_for_model_help:
        "If the model is asleep, wait for it to load instead of being told to retry.",
    hf_only: "Only used by HuggingFace models.",

    cannot_run_here: |model, why| format!("{model} cannot run on this server. {why}"),
    seed_invalid: "Seed must be a whole number of 0 or more; leave it empty for a random one.",
    request_unprepared: "The request could not be prepared. Reload the page and try again.",
    answer_unreadable: "Something went wrong on the way back from Precis. Try again in a moment.",
    unreachable: "Precis could not be reached. Check your connection and try again.",
    connection_lost:
        "The connection to Precis was lost before the summary was finished. Try again.",
    unexplained_status: |status| {
        format!(
            "Precis answered with an error (HTTP {status}) that it did not explain. Try again in \
             a moment."
        )
    },
    empty_text: "Paste or type some text to summarize first.",
    text_too_long: |chars, limit| {
        format!(
            "The text is {} characters long; the limit is {}. Shorten it or summarize it in parts.",
            n(chars),
            n(limit)
        )
    },
    must_be_between: |label, min, max, value| {
        format!("{label} must be between {min} and {max}; it is {value}.")
    },
    must_be_at_least: |label, min, value| format!("{label} must be at least {min}; it is {value}."),
    min_over_max: |min, max| {
        format!(
            "Min length ({min}) is greater than Max length ({max}). Lower Min length or raise Max \
             length."
        )
    },
    model_id_missing: "Choose a model, or type a HuggingFace model id such as \
                       facebook/bart-large-cnn.",
    model_id_bad: |id, why| {
        format!(
            "“{id}” is not a model id: {why}. Use the form owner/name, e.g. \
             facebook/bart-large-cnn."
        )
    },
    model_id_too_long: "it is longer than 96 characters",
    model_id_slashes: "it has more than one “/”",
    model_id_chars: "only letters, digits, “-”, “_” and “.” are allowed",
    body_too_large: |kb, max_kb| {
        format!(
            "The request is {kb} KB; Precis accepts up to {max_kb} KB. Shorten the text or \
             summarize it in parts."
        )
    },

    account: account::ACCOUNT,
    keys: keys::KEYS,
    history: history::HISTORY,
    ask: ask::ASK,
    sort: sort::SORT,
    sort_page: sort_page::SORT_PAGE,
    #[cfg(feature = "ssr")]
    server: server::SERVER,
    #[cfg(feature = "ssr")]
    plots: plots::PLOTS,
};
