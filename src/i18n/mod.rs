//! The page's words in English, French and Portuguese: one typed catalogue, compiled into the
//! server (which renders the first HTML) and the browser (which updates it).
//!
//! Each language is one `static` value of [`Texts`] (`en.rs`, `fr.rs`, `pt.rs`), with the
//! texts of accounts, API keys and the history panel in nested structs ([`AccountTexts`],
//! [`KeysTexts`], [`HistoryTexts`]) written per language in `en/`, `fr/` and `pt/`. A struct
//! literal must name every field, so **a text missing in one language does not compile**
//! (E0063) — exhaustive by construction, no test needed to find holes. Messages with numbers
//! are plain functions (`fn(usize) -> String`) in the same structs: their arguments are typed,
//! and each language writes its own plural rule and number format ([`numbers`]) where it
//! needs them.
//!
//! The rules the page checks as the person types (parameters, model ids, email, password and
//! key name, the history's search and dates) are those of the server, in `domain`. A broken
//! rule is an [`Invalid`](crate::domain::invalid::Invalid) holding a typed
//! [`Reason`](crate::domain::invalid::Reason) with the numbers its sentence needs; the page
//! tells it in its language, and the server tells the same reason in the request's language
//! ([`Texts::reason`]). English keeps the plain numbers the API has always written.
//!
//! The server's own sentences — HuggingFace and engine failures, the rate limit, account
//! errors, model names and descriptions, why a model cannot run — are in [`ServerTexts`]
//! (`server.rs`, per language in `en/`, `fr/`, `pt/`), compiled into the server only. The
//! request's language is the person's saved setting, else the page's language cookie, else
//! `Accept-Language`, else English (`server::lang`); the error `code` is the same in every
//! language.
//!
//! Why not a crate such as `leptos_i18n`: it generates this kind of code from JSON/YAML files
//! with procedural macros, which costs build time on every change (2 cores here), ties us to
//! its Leptos version, and pulls ICU data for plurals and number formats into the WASM bundle
//! (tens to hundreds of KB), where three languages and ~250 texts need a few KB of strings
//! and a dozen lines of formatting. What we give up: translators edit Rust files rather than
//! `.json`/`.ftl` ones, and adding a language means adding a `Lang` variant and a file here.
//!
//! Everything the page and the server write is translated. What stays as it is, by design:
//! - what a person made: texts, summaries, key names, history titles, model ids;
//! - what HuggingFace itself says when it refuses a request (quoted, marked as English), and
//!   the JSON parser's description of a body it cannot read (quoted inside a translated
//!   sentence);
//! - the history export file (a document, its headings in English);
//! - dates and times, written the same in every language (`2026-11-21 23:05 UTC`), the format
//!   names JSON and Markdown, and the `Authorization: Bearer <key>` header.

mod account;
mod ask;
mod en;
mod fr;
mod history;
mod keys;
pub mod numbers;
#[cfg(feature = "ssr")]
mod plots;
mod pt;
#[cfg(feature = "ssr")]
mod server;
mod sort;
mod sort_page;

pub use account::AccountTexts;
pub use ask::AskTexts;
pub use history::HistoryTexts;
pub use keys::KeysTexts;
#[cfg(feature = "ssr")]
pub use plots::PlotTexts;
#[cfg(feature = "ssr")]
pub use server::ServerTexts;
pub use sort::SortTexts;
pub use sort_page::SortPageTexts;

use crate::domain::account::AccountProblem;
use crate::domain::params::{LengthPreset, Param, StylePreset};
use crate::domain::settings::{Lang, Theme};

/// The catalogue of one language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &en::EN,
        Lang::Fr => &fr::FR,
        Lang::Pt => &pt::PT,
    }
}

/// A parameter's name and the line explaining it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamText {
    pub label: &'static str,
    pub help: &'static str,
}

/// Every text the page shows, in one language. Fields are grouped by the part of the page
/// that shows them; functions take what varies (numbers are formatted by the language).
#[derive(Debug)]
pub struct Texts {
    /// The language these texts are in.
    pub lang: Lang,
    // --- the frame: title, top bar, preferences, 404 ------------------------------------
    pub page_title: &'static str,
    pub page_description: &'static str,
    pub skip_to_text: &'static str,
    /// The skip link on every page but the studio.
    pub skip_to_main: &'static str,
    pub tagline: &'static str,
    /// The top bar's link to the API documentation.
    pub api_docs: &'static str,
    pub not_found: &'static str,
    pub back_to_studio: &'static str,
    /// Accessible name of the group holding the language and theme pickers.
    pub preferences: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,

    // --- the composer --------------------------------------------------------------------
    pub text_label: &'static str,
    pub text_placeholder: &'static str,
    /// "12 words · 64 characters · ~16 tokens"
    pub text_stats: fn(words: usize, chars: usize, tokens: usize) -> String,
    pub over_limit: fn(chars: usize, limit: usize) -> String,
    pub window_parts: fn(tokens: usize, model: &str, window: usize, parts: usize) -> String,
    pub window_close: fn(tokens: usize, window: usize, model: &str) -> String,
    pub summarizing_with: fn(model: &str) -> String,
    pub warming_up: fn(model: &str, seconds: u64) -> String,
    pub stage_part: fn(part: u32, of: u32) -> String,
    pub stage_combining: fn(parts: u32) -> String,
    pub cancelled: &'static str,
    pub cancel: &'static str,
    pub summarize: &'static str,
    pub key_ctrl: &'static str,
    pub key_enter: &'static str,
    /// Follows "Ctrl + Enter".
    pub shortcut_action: &'static str,

    // --- the conversation --------------------------------------------------------------
    pub conversation: &'static str,
    pub welcome_title: &'static str,
    pub welcome_body: &'static str,
    pub summary_in_progress: &'static str,
    pub writing: &'static str,
    pub waiting_first_words: &'static str,
    /// "Your text (120 words)"
    pub your_text: fn(words: usize) -> String,
    /// "2.3 s · 12% of the original length" (the model's id goes before it)
    pub turn_meta: fn(seconds: f64, percent: f64) -> String,
    pub parts_note: fn(parts: u32) -> String,
    pub partial_note: &'static str,
    pub truncated_note: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub download_txt: &'static str,
    pub download_md: &'static str,
    /// The downloaded Markdown document.
    pub md_summary: &'static str,
    pub md_model: &'static str,
    pub md_parameters: &'static str,
    pub md_made: &'static str,
    pub md_original: &'static str,
    pub md_parts: fn(parts: u32) -> String,
    pub md_partial: &'static str,
    pub md_truncated: &'static str,

    // --- the settings panel ------------------------------------------------------------
    pub settings: &'static str,
    pub model: &'static str,
    pub not_available: fn(why: &str) -> String,
    /// "On this server · reads any length · honours all parameters"
    pub model_facts: fn(local: bool, window: Option<u32>, honours: Option<&str>) -> String,
    pub unavailable_option: fn(label: &str) -> String,
    pub experimental_option: fn(label: &str) -> String,
    pub other_hf_model: &'static str,
    pub hf_model_id: &'static str,
    pub hf_model_placeholder: &'static str,
    pub listed_unavailable: &'static str,
    pub hf_needs_token: &'static str,
    pub length: &'static str,
    pub style: &'static str,
    pub reset: &'static str,
    pub preset_short: &'static str,
    pub preset_medium: &'static str,
    pub preset_long: &'static str,
    pub preset_precise: &'static str,
    pub preset_balanced: &'static str,
    pub preset_creative: &'static str,
    pub min_length: ParamText,
    pub max_length: ParamText,
    pub temperature: ParamText,
    pub top_k: ParamText,
    pub top_p: ParamText,
    pub repetition_penalty: ParamText,
    pub max_time: ParamText,
    /// Unit after a length: "150 tokens".
    pub unit_tokens: &'static str,
    pub model_default: &'static str,
    pub model_defaults: &'static str,
    pub random_wording: &'static str,
    pub wording_options: &'static str,
    pub sample_wording: &'static str,
    pub sample_help: &'static str,
    pub sampling_only: &'static str,
    pub never_samples: fn(model: &str) -> String,
    pub seed: &'static str,
    pub seed_placeholder: &'static str,
    pub seed_help: &'static str,
    pub hf_options: &'static str,
    pub use_cache: &'static str,
    pub use_cache_help: &'static str,
    pub wait_for_model: &'static str,
    pub wait_for_model_help: &'static str,
    pub hf_only: &'static str,

    // --- problems the page finds itself ------------------------------------------------
    pub cannot_run_here: fn(model: &str, why: &str) -> String,
    pub seed_invalid: &'static str,
    pub request_unprepared: &'static str,
    /// A server function's answer that could not be read (a proxy's page, say).
    pub answer_unreadable: &'static str,
    pub unreachable: &'static str,
    pub connection_lost: &'static str,
    pub unexplained_status: fn(status: u16) -> String,
    pub empty_text: &'static str,
    pub text_too_long: fn(chars: usize, limit: usize) -> String,
    /// "Top-p must be between 0 and 1; it is 2." (`min`, `max`, `value` already formatted)
    pub must_be_between: fn(label: &str, min: &str, max: &str, value: &str) -> String,
    pub must_be_at_least: fn(label: &str, min: &str, value: &str) -> String,
    pub min_over_max: fn(min: u32, max: u32) -> String,
    /// A HuggingFace model id typed in the picker.
    pub model_id_missing: &'static str,
    /// "“a b” is not a model id: {why}. Use the form owner/name, …"
    pub model_id_bad: fn(id: &str, why: &str) -> String,
    pub model_id_too_long: &'static str,
    pub model_id_slashes: &'static str,
    pub model_id_chars: &'static str,
    /// A request body larger than the server takes, in KB.
    pub body_too_large: fn(kb: usize, max_kb: usize) -> String,

    // --- accounts, API keys, history: a struct each (`account.rs`, `keys.rs`, `history.rs`),
    // written per language in `en/`, `fr/`, `pt/` ---------------------------------------
    pub account: AccountTexts,
    pub keys: KeysTexts,
    pub history: HistoryTexts,
    pub ask: AskTexts,
    /// Sort: handwritten or typed (`sort.rs`).
    pub sort: SortTexts,
    /// The Sort page (`sort_page.rs`).
    pub sort_page: SortPageTexts,
    /// What the server answers and says about its models (`server.rs`): not in the browser's
    /// bundle, which shows these sentences as the server sends them.
    #[cfg(feature = "ssr")]
    pub server: ServerTexts,
    /// The report's plots as the server draws them (`plots.rs`).
    #[cfg(feature = "ssr")]
    pub plots: PlotTexts,
}

impl Texts {
    /// A parameter's name and help line. Exhaustive: a new [`Param`] needs its texts here.
    pub fn param(&self, p: Param) -> &ParamText {
        match p {
            Param::MinLength => &self.min_length,
            Param::MaxLength => &self.max_length,
            Param::Temperature => &self.temperature,
            Param::TopK => &self.top_k,
            Param::TopP => &self.top_p,
            Param::RepetitionPenalty => &self.repetition_penalty,
            Param::MaxTime => &self.max_time,
        }
    }

    pub fn length_preset(&self, p: LengthPreset) -> &'static str {
        match p {
            LengthPreset::Short => self.preset_short,
            LengthPreset::Medium => self.preset_medium,
            LengthPreset::Long => self.preset_long,
        }
    }

    pub fn style_preset(&self, p: StylePreset) -> &'static str {
        match p {
            StylePreset::Precise => self.preset_precise,
            StylePreset::Balanced => self.preset_balanced,
            StylePreset::Creative => self.preset_creative,
        }
    }

    /// A broken account rule, told in this language. Exhaustive: a new reason needs its
    /// sentence here.
    pub fn account_problem(&self, p: AccountProblem) -> String {
        let (a, k) = (&self.account, &self.keys);
        match p {
            AccountProblem::EmailMissing => a.email_missing.to_string(),
            AccountProblem::EmailTooLong { max } => (a.email_too_long)(max),
            AccountProblem::EmailMalformed => a.email_malformed.to_string(),
            AccountProblem::PasswordTooShort { chars, min } => (a.password_too_short)(chars, min),
            AccountProblem::PasswordTooLong { chars, max } => (a.password_too_long)(chars, max),
            AccountProblem::PasswordRepeated => a.password_repeated.to_string(),
            AccountProblem::PasswordIsEmail => a.password_is_email.to_string(),
            AccountProblem::KeyNameMissing => k.name_missing.to_string(),
            AccountProblem::KeyNameTooLong { chars, max } => (k.name_too_long)(chars, max),
            AccountProblem::KeyNameControl => k.name_control.to_string(),
        }
    }

    pub fn theme_name(&self, theme: Theme) -> &'static str {
        match theme {
            Theme::System => self.theme_system,
            Theme::Light => self.theme_light,
            Theme::Dark => self.theme_dark,
        }
    }
}

#[cfg(test)]
mod tests;
