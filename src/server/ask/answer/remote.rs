//! Answers written by a language model behind an OpenAI-compatible chat API: a server of the
//! operator's (Ollama, vLLM, llama.cpp's server…: `PRECIS_ASK_LLM_URL`) or HuggingFace's router
//! with the server's token (`PRECIS_ASK_HF_MODELS`). The answer streams through the citation
//! checker as it arrives.
//!
//! Failures are told by who failed: HuggingFace's as the studio tells them
//! ([`ProviderError`]), the operator's server's as its own ([`ServerFailure`], in
//! [`AskError::AnswerServer`]), never with the server's address, key or raw answer (those go to
//! the log).

use std::time::Duration;

use futures::StreamExt;
use precis_knowledge::cite::CitationChecker;
use serde_json::{json, Value};

use super::{prompt, Events};
use crate::domain::ask::answer::FoundPassage;
use crate::server::ask::AskError;
use crate::server::config::Secret;
use crate::server::error::AppError;
use crate::server::providers::huggingface::wire::classify_failure;
use crate::server::providers::ProviderError;

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

/// How the operator's answer server failed (`PRECIS_ASK_LLM_URL`). The texts are for the log;
/// a person reads [`AskError::public_in`]'s sentences.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerFailure {
    /// Nothing answered at the address (refused, no route, DNS, TLS, connect timeout).
    #[error("unreachable: {cause}")]
    Unreachable { cause: String },
    /// The whole answer took longer than `PRECIS_ASK_LLM_TIMEOUT_SECS`.
    #[error("no whole answer within {after_secs} s")]
    Timeout { after_secs: u64 },
    /// HTTP 401 or 403: the key (`PRECIS_ASK_LLM_KEY`) is missing, wrong or not allowed.
    #[error("key refused (HTTP {status}): {said}")]
    Unauthorized { status: u16, said: String },
    /// HTTP 404: the model is not on the server (or the URL is not the API's `/v1`).
    #[error("model not found (HTTP 404): {said}")]
    ModelNotFound { said: String },
    /// HTTP 429.
    #[error("rate limited (retry after {retry_after:?} s)")]
    RateLimited { retry_after: Option<u64> },
    /// Any other 4xx: the server would not take the request (a prompt over its context, say).
    #[error("request refused (HTTP {status}): {said}")]
    Refused { status: u16, said: String },
    /// HTTP 5xx.
    #[error("server error (HTTP {status}): {said}")]
    Failed { status: u16, said: String },
    /// The answer had begun and stopped: the connection broke, or the stream carried an error.
    #[error("broke off mid-answer: {cause}")]
    Interrupted { cause: String },
    /// Not a chat completion stream: not JSON, or an empty answer.
    #[error("unreadable response: {what}")]
    BadResponse { what: String },
}

impl ServerFailure {
    /// The status Precis answers with (see [`AskError::status`]).
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode as S;
        match self {
            ServerFailure::Timeout { .. } => S::GATEWAY_TIMEOUT,
            ServerFailure::ModelNotFound { .. } => S::NOT_FOUND,
            ServerFailure::RateLimited { .. } => S::SERVICE_UNAVAILABLE,
            ServerFailure::Unreachable { .. }
            | ServerFailure::Unauthorized { .. }
            | ServerFailure::Refused { .. }
            | ServerFailure::Failed { .. }
            | ServerFailure::Interrupted { .. }
            | ServerFailure::BadResponse { .. } => S::BAD_GATEWAY,
        }
    }

    /// What an HTTP error status of the server means.
    fn from_status(status: u16, retry_after: Option<u64>, body: &[u8]) -> Self {
        let said = said(body);
        match status {
            401 | 403 => ServerFailure::Unauthorized { status, said },
            404 => ServerFailure::ModelNotFound { said },
            429 => ServerFailure::RateLimited { retry_after },
            400..=499 => ServerFailure::Refused { status, said },
            _ => ServerFailure::Failed { status, said },
        }
    }
}

/// What went wrong, before it is told as the upstream's kind of failure.
enum Failure {
    /// Sending, or reading the body.
    Transport(reqwest::Error),
    Status {
        status: u16,
        retry_after: Option<u64>,
        body: Vec<u8>,
    },
    /// A chunk that is not a chat completion's.
    Malformed(String),
    /// An error in the stream, after the answer began.
    StreamError(String),
    Empty,
}

impl Failure {
    fn told(self, model: &RemoteModel, timeout: Duration, begun: bool) -> AppError {
        match model.upstream {
            Upstream::HuggingFace => AppError::Provider {
                model: model.id.clone(),
                source: self.for_huggingface(timeout),
            },
            Upstream::Server => AskError::AnswerServer {
                model: model.id.clone(),
                server: model.server(),
                failure: self.for_server(timeout, begun),
            }
            .into(),
        }
    }

    fn for_huggingface(self, timeout: Duration) -> ProviderError {
        match self {
            Failure::Transport(e) if e.is_timeout() && !e.is_connect() => ProviderError::Timeout {
                after_secs: timeout.as_secs(),
            },
            Failure::Transport(e) if e.is_decode() || e.is_body() => {
                ProviderError::BadResponse(e.to_string())
            }
            Failure::Transport(e) => ProviderError::Unreachable(e),
            Failure::Status {
                status,
                retry_after,
                body,
            } => classify_failure(status, retry_after, &body),
            Failure::Malformed(what) => ProviderError::BadResponse(what),
            Failure::StreamError(message) => {
                tracing::warn!(message, "HuggingFace failed mid-answer");
                ProviderError::Upstream { status: 500 }
            }
            Failure::Empty => ProviderError::BadResponse("an empty answer".into()),
        }
    }

    /// `begun`: the status was a success and the body was being read.
    fn for_server(self, timeout: Duration, begun: bool) -> ServerFailure {
        match self {
            Failure::Transport(e) if e.is_timeout() && !e.is_connect() => ServerFailure::Timeout {
                after_secs: timeout.as_secs(),
            },
            Failure::Transport(e) if begun => ServerFailure::Interrupted {
                cause: e.to_string(),
            },
            Failure::Transport(e) => ServerFailure::Unreachable {
                cause: e.to_string(),
            },
            Failure::Status {
                status,
                retry_after,
                body,
            } => ServerFailure::from_status(status, retry_after, &body),
            Failure::Malformed(what) => ServerFailure::BadResponse { what },
            Failure::StreamError(message) => ServerFailure::Interrupted { cause: message },
            Failure::Empty => ServerFailure::BadResponse {
                what: "an empty answer".into(),
            },
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

/// An error body's message (OpenAI's `{"error": {"message"}}`, Ollama's `{"error": "…"}`), or
/// its first characters, for the log.
fn said(body: &[u8]) -> String {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let message = parsed.as_ref().and_then(|v| {
        v.pointer("/error/message")
            .or_else(|| v.get("error"))
            .or_else(|| v.get("message"))
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    message
        .unwrap_or_else(|| String::from_utf8_lossy(body).into_owned())
        .chars()
        .take(LOGGED_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_model_names_become_model_ids() {
        let m = RemoteModel::on_server("llama3.2:3b", "http://ollama:11434/v1/", None);
        assert_eq!(m.id, "server/llama3.2-3b");
        assert_eq!(m.name, "llama3.2:3b");
        assert_eq!(m.base, "http://ollama:11434/v1");
        assert!(crate::domain::models::check_model_id(&m.id).is_ok());
    }

    #[test]
    fn the_logged_server_holds_no_password_nor_path() {
        let m = RemoteModel::on_server("m", "https://me:s3cret@llm.example/v1", None);
        assert_eq!(m.server(), "https://llm.example:443");
        let m = RemoteModel::on_server("m", "http://127.0.0.1:9/v1", None);
        assert_eq!(m.server(), "http://127.0.0.1:9");
    }

    #[test]
    fn chunks_give_their_text_and_errors_fail() {
        let chunk = r#"{"choices":[{"delta":{"content":"Paris [1]"}}]}"#;
        assert_eq!(delta(chunk).ok().unwrap(), "Paris [1]");
        assert_eq!(delta(r#"{"choices":[{"delta":{}}]}"#).ok().unwrap(), "");
        assert!(matches!(delta("not json"), Err(Failure::Malformed(_))));
        assert!(matches!(delta(r#"{"id": 3}"#), Err(Failure::Malformed(_))));
        assert!(matches!(
            delta(r#"{"error":{"message":"out of memory"}}"#),
            Err(Failure::StreamError(m)) if m == "out of memory"
        ));
    }

    #[test]
    fn statuses_are_the_servers_failures() {
        let body = br#"{"error":{"message":"model \"x\" not found, try pulling it first"}}"#;
        assert_eq!(
            ServerFailure::from_status(404, None, body),
            ServerFailure::ModelNotFound {
                said: "model \"x\" not found, try pulling it first".into()
            }
        );
        let ollama = br#"{"error":"unauthorized"}"#;
        assert!(matches!(
            ServerFailure::from_status(403, None, ollama),
            ServerFailure::Unauthorized { status: 403, said } if said == "unauthorized"
        ));
        assert_eq!(
            ServerFailure::from_status(429, Some(7), b""),
            ServerFailure::RateLimited {
                retry_after: Some(7)
            }
        );
        assert!(matches!(
            ServerFailure::from_status(400, None, b"context too long"),
            ServerFailure::Refused { status: 400, .. }
        ));
        assert!(matches!(
            ServerFailure::from_status(503, None, b"<html>"),
            ServerFailure::Failed { status: 503, .. }
        ));
    }
}
