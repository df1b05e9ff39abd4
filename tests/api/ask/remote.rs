//! Answers written by a language model behind an OpenAI-compatible API (an Ollama-like server
//! of the operator's, or HuggingFace's router with the token), here a wiremock server or, to
//! break a connection mid-answer, a few lines of TCP.
//!
//! The operator's server fails in its own words (never HuggingFace's, never its address, key or
//! raw answer); HuggingFace's models fail as the studio tells HuggingFace's failures.
//!
//! By subject: `server` (the operator's server over HTTP: answers, refusals, failures),
//! `connection` (a bare socket that breaks or hangs mid-answer) and `huggingface` (the
//! router with the token).

use serde_json::{json, Value};
use wiremock::{MockServer, ResponseTemplate};

use super::{ask_app, Store};
use crate::helpers::{expect_error, TestApp, User};

mod connection;
mod huggingface;
mod server;

const MODEL: &str = "server/llama3.2-3b";
const KEY: &str = "sk-local-secret";
const QUESTION: &str = "How many days of holiday?";

/// One streamed chunk of a chat completion.
fn chunk(piece: &str) -> String {
    let chunk = json!({"choices": [{"index": 0, "delta": {"content": piece}}]});
    format!("data: {chunk}\n\n")
}

/// A chat completion streamed as OpenAI-compatible servers do.
fn streamed(pieces: &[&str]) -> ResponseTemplate {
    let mut body: String = pieces.iter().map(|p| chunk(p)).collect();
    body.push_str("data: [DONE]\n\n");
    event_stream(body)
}

fn event_stream(body: String) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("content-type", "text/event-stream")
        .set_body_string(body)
}

/// The app with one model, `llama3.2:3b`, on the answer server at `url` (`…/v1`).
async fn server_app_at(url: &str, extra: &[(&str, &str)]) -> TestApp {
    let mut vars = vec![
        ("PRECIS_ASK_LLM_URL", url),
        ("PRECIS_ASK_LLM_MODELS", "llama3.2:3b"),
        ("PRECIS_ASK_LLM_KEY", KEY),
    ];
    vars.extend_from_slice(extra);
    ask_app(&Store::Sqlite, &vars).await
}

async fn server_app(llm: &MockServer) -> TestApp {
    server_app_at(&format!("{}/v1", llm.uri()), &[]).await
}

fn question() -> Value {
    json!({"question": QUESTION, "model": MODEL})
}

async fn ask_stream(user: &User) -> reqwest::Response {
    user.send(
        user.http
            .post(format!("{}/api/v1/questions/stream", user.base))
            .json(&question()),
    )
    .await
}

/// The answer server's failure, told as the answer server's: its status and code, a sentence
/// naming the model and nothing of the server's own (its address, key or words).
async fn expect_server_error(res: reqwest::Response, status: u16, code: &str) -> Value {
    let error = expect_error(res, status, code).await;
    let message = error["message"].as_str().unwrap().to_string();
    assert_told_as_the_servers(&message);
    error
}

fn assert_told_as_the_servers(message: &str) {
    assert!(message.contains("answer server"), "{message}");
    assert!(message.contains(MODEL), "{message}");
    for inside in ["HuggingFace", KEY, "127.0.0.1", "nope", "llama3.2:3b"] {
        assert!(!message.contains(inside), "{inside} in: {message}");
    }
}
