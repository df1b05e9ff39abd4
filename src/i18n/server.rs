//! Sentences the server writes: its answers to a request it refuses or cannot serve (the
//! `message` of an error, over REST and to the page alike), and what it says about its models
//! (names, descriptions, why one cannot run). Told in the request's language: the person's
//! setting, else the browser's `Accept-Language`, else English (`server::lang`). The `code`
//! beside each message stays the same in every language, for scripts.

/// The server's sentences, in one language.
#[derive(Debug)]
pub struct ServerTexts {
    // --- a request that cannot be used --------------------------------------------------
    /// `detail` is the JSON parser's own (English) description of the problem.
    pub bad_body: fn(detail: &str) -> String,
    /// `detail` as above; `expected` lists the parameters, such as "q, model and limit".
    pub bad_query: fn(detail: &str, expected: &str) -> String,
    pub rate_limited: fn(burst: u32, per_minute: u32, retry_after: u64) -> String,
    pub summary_not_found: &'static str,
    pub cross_origin: &'static str,
    pub internal: &'static str,

    // --- accounts and keys ----------------------------------------------------------------
    pub wrong_credentials: &'static str,
    pub email_taken: &'static str,
    pub too_many_attempts: fn(retry_after: u64) -> String,
    pub sign_in_required: &'static str,
    pub invalid_api_key: &'static str,
    pub key_not_found: &'static str,
    pub too_many_keys: fn(max: i64) -> String,

    // --- choosing a model -----------------------------------------------------------------
    pub no_such_local_model: fn(id: &str) -> String,
    pub needs_hf_token: fn(id: &str) -> String,

    // --- HuggingFace and the local engine -------------------------------------------------
    /// `said` is HuggingFace's own (English) explanation, possibly empty; `advice` one of the
    /// two below.
    pub upstream_rejected: fn(model: &str, said: &str, advice: &str) -> String,
    pub adjust_field: fn(label: &str) -> String,
    pub adjust_anything: &'static str,
    pub upstream_unauthorized: &'static str,
    pub upstream_payment_required: &'static str,
    pub model_not_found: fn(model: &str) -> String,
    pub model_retired: fn(model: &str) -> String,
    pub upstream_rate_limited: fn(retry_after: u64) -> String,
    pub model_loading: fn(model: &str, seconds: u64) -> String,
    pub upstream_error: fn(model: &str, status: u16) -> String,
    pub upstream_timeout: fn(model: &str, seconds: u64) -> String,
    pub upstream_unreachable: &'static str,
    pub upstream_bad_response: fn(model: &str) -> String,
    pub busy: fn(retry_after: u64) -> String,
    pub engine_failed: &'static str,

    // --- the catalog's models ---------------------------------------------------------------
    pub textrank_label: &'static str,
    pub textrank_description: &'static str,
    pub semantic_label: &'static str,
    pub semantic_description: &'static str,
    pub local_llm_description: &'static str,
    /// Why an extractive model ignores the sampling parameters.
    pub extract_ignores: &'static str,
    pub bart_large_cnn: &'static str,
    pub distilbart_cnn: &'static str,
    pub pegasus_xsum: &'static str,
    pub bart_samsum: &'static str,
    pub custom_hf_description: fn(window: &str) -> String,
    /// A local model's file is missing; `command` fixes it.
    pub model_not_installed: fn(file: &str, command: &str) -> String,
    pub embedder_not_installed: fn(file: &str, command: &str) -> String,
    pub model_damaged: fn(command: &str) -> String,
    pub embedder_damaged: fn(command: &str) -> String,
    pub model_discovery_failed: fn(command: &str) -> String,
    pub model_download_failed: &'static str,
}
