//! Answers written by a language model behind an OpenAI-compatible chat API: a server of the
//! operator's (Ollama, vLLM, llama.cpp's server…: `PRECIS_ASK_LLM_URL`) or HuggingFace's router
//! with the server's token (`PRECIS_ASK_HF_MODELS`). The answer streams through the citation
//! checker as it arrives; the upstream's failures are told as the studio tells HuggingFace's.

use std::time::Duration;

use futures::StreamExt;
use precis_knowledge::cite::CitationChecker;
use serde_json::{json, Value};

use super::{prompt, Events};
use crate::domain::ask::answer::FoundPassage;
use crate::server::config::Secret;
use crate::server::error::AppError;
use crate::server::providers::huggingface::wire::classify_failure;
use crate::server::providers::ProviderError;

/// Passages given to a remote model, in (estimated) tokens.
const PROMPT_TOKENS: usize = 3_000;
/// Longest answer, in tokens.
const ANSWER_TOKENS: u32 = 400;

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
        }
    }
}

/// Writes the answer with `model`; returns it (citations checked) and the passages it cites.
pub async fn write(
    http: &reqwest::Client,
    model: &RemoteModel,
    timeout: Duration,
    question: &str,
    passages: &[FoundPassage],
    events: &Events,
) -> Result<(String, Vec<usize>), AppError> {
    let fail = |source: ProviderError| AppError::Provider {
        model: model.id.clone(),
        source,
    };
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
    let as_failure = |e: reqwest::Error| {
        if e.is_timeout() {
            ProviderError::Timeout {
                after_secs: timeout.as_secs(),
            }
        } else if e.is_decode() || e.is_body() {
            ProviderError::BadResponse(e.to_string())
        } else {
            ProviderError::Unreachable(e)
        }
    };
    let response = request.send().await.map_err(as_failure).map_err(fail)?;
    let status = response.status();
    if !status.is_success() {
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok());
        let bytes = response.bytes().await.unwrap_or_default();
        return Err(fail(classify_failure(status.as_u16(), retry_after, &bytes)));
    }
    let mut checker = CitationChecker::new(given);
    let mut text = String::new();
    let mut buffer = String::new();
    let mut stream = response.bytes_stream();
    'read: while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(as_failure).map_err(fail)?;
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
        return Err(fail(ProviderError::BadResponse("an empty answer".into())));
    }
    let checked = CitationChecker::check(text.trim(), given);
    Ok((checked.text, checked.cited))
}

/// The text of one streamed chunk (`choices[0].delta.content`), or what is wrong with it.
fn delta(data: &str) -> Result<String, ProviderError> {
    let v: Value = serde_json::from_str(data)
        .map_err(|_| ProviderError::BadResponse(data.chars().take(80).collect()))?;
    if let Some(message) = v.pointer("/error/message").and_then(Value::as_str) {
        return Err(ProviderError::Upstream { status: 500 }).inspect_err(|_| {
            tracing::warn!(message, "the language model's server failed mid-answer")
        });
    }
    Ok(v.pointer("/choices/0/delta/content")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string())
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
    fn chunks_give_their_text_and_errors_fail() {
        let chunk = r#"{"choices":[{"delta":{"content":"Paris [1]"}}]}"#;
        assert_eq!(delta(chunk).unwrap(), "Paris [1]");
        assert_eq!(delta(r#"{"choices":[{"delta":{}}]}"#).unwrap(), "");
        assert!(delta("not json").is_err());
        assert!(delta(r#"{"error":{"message":"out of memory"}}"#).is_err());
    }
}
