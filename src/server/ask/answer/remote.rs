//! Answers written by a language model behind an OpenAI-compatible chat API: a server of the
//! operator's (Ollama, vLLM, llama.cpp's server…: `PRECIS_ASK_LLM_URL`) or HuggingFace's router
//! with the server's token (`PRECIS_ASK_HF_MODELS`). The answer streams through the citation
//! checker as it arrives.
//!
//! Failures are told by who failed: HuggingFace's as the studio tells them
//! ([`ProviderError`](crate::server::providers::ProviderError)), the operator's server's as
//! its own ([`ServerFailure`], in
//! [`AskError::AnswerServer`](crate::server::ask::AskError::AnswerServer)), never with the
//! server's address, key or raw answer (those go to the log). Those failures are sorted in
//! `failure`.

use std::time::Duration;

use futures::StreamExt;
use precis_knowledge::cite::CitationChecker;
use serde_json::{json, Value};

use super::{prompt, Events};
use crate::domain::ask::answer::FoundPassage;
use crate::server::config::Secret;
use crate::server::error::AppError;

mod failure;

use failure::Failure;
pub use failure::ServerFailure;

/// Passages given to a remote model, in (estimated) tokens.
const PROMPT_TOKENS: usize = 3_000;
/// Longest answer, in tokens.
const ANSWER_TOKENS: u32 = 400;
/// Most of an upstream's error body kept for the log.
const LOGGED_CHARS: usize = 200;

/// Who runs a remote model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upstream {
    /// The operator's own server (`PRECIS_ASK_LLM_URL`).
    Server,
    /// HuggingFace's router, with the server's `HF_TOKEN`.
    HuggingFace,
}

/// One model of an OpenAI-compatible server.
#[derive(Debug, Clone)]
pub struct RemoteModel {
    /// What a request names as `model` (a valid model id: `server/<name>` or HuggingFace's
    /// `owner/name`).
    pub id: String,
    /// What the server itself calls it (`llama3.2:3b`).
    pub name: String,
    /// `…/v1`: requests go to `{base}/chat/completions`.
    pub base: String,
    pub key: Option<Secret>,
    pub upstream: Upstream,
}

impl RemoteModel {
    /// A model of the operator's server: its id is `server/` and the name with characters a
    /// model id cannot hold (`:` of `llama3.2:3b`) written as `-`.
    pub fn on_server(name: &str, base: &str, key: Option<Secret>) -> Self {
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        Self {
            id: format!("server/{}", safe.trim_matches(|c| c == '-' || c == '.')),
            name: name.to_string(),
            base: base.trim_end_matches('/').to_string(),
            key,
            upstream: Upstream::Server,
        }
    }

    /// A HuggingFace chat model, by its HuggingFace id, on the router at `base`.
    pub fn on_huggingface(id: &str, base: &str, token: Secret) -> Self {
        Self {
            id: id.to_string(),
            name: id.to_string(),
            base: base.trim_end_matches('/').to_string(),
            key: Some(token),
            upstream: Upstream::HuggingFace,
        }
    }

    /// Where the server is, for the log: scheme, host and port, never a password in the URL
    /// (nor the path).
    pub fn server(&self) -> String {
        match reqwest::Url::parse(&self.base) {
            Ok(url) => {
                let host = url.host_str().unwrap_or("?");
                match url.port_or_known_default() {
                    Some(port) => format!("{}://{host}:{port}", url.scheme()),
                    None => format!("{}://{host}", url.scheme()),
                }
            }
            Err(_) => "an unreadable URL".to_string(),
        }
    }
}

/// Writes the answer with `model`, giving up after `timeout`; returns it (citations checked)
/// and the passages it cites.
pub async fn write(
    http: &reqwest::Client,
    model: &RemoteModel,
    timeout: Duration,
    question: &str,
    passages: &[FoundPassage],
    events: &Events,
) -> Result<(String, Vec<usize>), AppError> {
    let blocks: Vec<(&str, &str)> = passages
        .iter()
        .map(|p| (p.title.as_str(), p.text.as_str()))
        .collect();
    // about 4 characters a token: the server's tokenizer is not known here
    let (user, given) = prompt::build(question, &blocks, PROMPT_TOKENS, &|s| s.len() / 4);
    let body = json!({
        "model": model.name,
        "messages": [{ "role": "user", "content": user }],
        "stream": true,
        "temperature": 0.1,
        "max_tokens": ANSWER_TOKENS,
    });
    let mut request = http
        .post(format!("{}/chat/completions", model.base))
        .json(&body)
        .timeout(timeout);
    if let Some(key) = &model.key {
        request = request.bearer_auth(key.expose());
    }
    let response = request
        .send()
        .await
        .map_err(|e| Failure::Transport(e).told(model, timeout, false))?;
    let status = response.status();
    if !status.is_success() {
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok());
        let body = response.bytes().await.unwrap_or_default().to_vec();
        let failure = Failure::Status {
            status: status.as_u16(),
            retry_after,
            body,
        };
        return Err(failure.told(model, timeout, false));
    }
    let fail = |f: Failure| f.told(model, timeout, true);
    let mut checker = CitationChecker::new(given);
    let mut text = String::new();
    let mut buffer = String::new();
    let mut stream = response.bytes_stream();
    'read: while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| fail(Failure::Transport(e)))?;
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find('\n') {
            let line: String = buffer.drain(..=end).collect();
            let Some(data) = line.trim().strip_prefix("data:").map(str::trim) else {
                continue;
            };
            if data == "[DONE]" {
                break 'read;
            }
            let piece = delta(data).map_err(fail)?;
            text.push_str(&piece);
            events.token(&checker.push(&piece));
        }
    }
    events.token(&checker.finish());
    if text.trim().is_empty() {
        return Err(fail(Failure::Empty));
    }
    let checked = CitationChecker::check(text.trim(), given);
    Ok((checked.text, checked.cited))
}

/// The text of one streamed chunk (`choices[0].delta.content`), or what is wrong with it.
fn delta(data: &str) -> Result<String, Failure> {
    let v: Value = serde_json::from_str(data)
        .map_err(|_| Failure::Malformed(data.chars().take(80).collect()))?;
    if let Some(error) = v.get("error") {
        let message = error
            .get("message")
            .and_then(Value::as_str)
            .map_or_else(|| error.to_string(), str::to_string);
        return Err(Failure::StreamError(
            message.chars().take(LOGGED_CHARS).collect(),
        ));
    }
    if v.get("choices").and_then(Value::as_array).is_none() {
        return Err(Failure::Malformed(data.chars().take(80).collect()));
    }
    Ok(v.pointer("/choices/0/delta/content")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string())
}

#[cfg(test)]
mod tests;
