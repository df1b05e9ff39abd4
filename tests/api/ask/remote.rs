//! Answers written by a language model behind an OpenAI-compatible API (an Ollama-like server
//! of the operator's, or HuggingFace's router with the token), here a wiremock server.

use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{ask_app, Store, HANDBOOK};
use crate::helpers::{expect_error, sse_events};

/// A chat completion streamed as OpenAI-compatible servers do.
fn streamed(pieces: &[&str]) -> ResponseTemplate {
    let mut body: String = pieces
        .iter()
        .map(|p| {
            let chunk = json!({"choices": [{"index": 0, "delta": {"content": p}}]});
            format!("data: {chunk}\n\n")
        })
        .collect();
    body.push_str("data: [DONE]\n\n");
    ResponseTemplate::new(200)
        .insert_header("content-type", "text/event-stream")
        .set_body_string(body)
}

async fn server_app(llm: &MockServer) -> crate::helpers::TestApp {
    let url = format!("{}/v1", llm.uri());
    ask_app(
        &Store::Sqlite,
        &[
            ("PRECIS_ASK_LLM_URL", url.as_str()),
            ("PRECIS_ASK_LLM_MODELS", "llama3.2:3b"),
            ("PRECIS_ASK_LLM_KEY", "sk-local"),
        ],
    )
    .await
}

#[tokio::test]
async fn a_servers_model_answers_and_its_stray_citations_are_dropped() {
    let llm = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", "Bearer sk-local"))
        .and(body_partial_json(
            json!({"model": "llama3.2:3b", "stream": true}),
        ))
        .respond_with(streamed(&[
            "You get 25 days of paid holiday [",
            "1] a year [7].",
        ]))
        .mount(&llm)
        .await;
    let app = server_app(&llm).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let models: Value = user
        .send(
            user.http
                .get(format!("{}/api/v1/questions/models", app.address)),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(models["models"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["id"] == "server/llama3.2-3b" && m["generative"] == true));
    let body = json!({"question": "How many days of holiday?", "model": "server/llama3.2-3b"});
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/questions/stream", app.address))
                .json(&body),
        )
        .await;
    let events = sse_events(res).await;
    let streamed: String = events
        .iter()
        .filter(|e| e["type"] == "token")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    let done = &events.last().unwrap()["answer"];
    assert_eq!(
        done["answer"],
        "You get 25 days of paid holiday [1] a year ."
    );
    assert_eq!(streamed, "You get 25 days of paid holiday [1] a year .");
    assert_eq!(done["model"], "server/llama3.2-3b");
    assert_eq!(done["passages"][0]["cited"], true);
    // the prompt carried the passage, numbered
    let sent = &llm.received_requests().await.unwrap()[0];
    let prompt: Value = serde_json::from_slice(&sent.body).unwrap();
    let content = prompt["messages"][0]["content"].as_str().unwrap();
    assert!(
        content.contains("[1] (Staff handbook)") && content.contains("25 days"),
        "{content}"
    );
}

#[tokio::test]
async fn the_servers_failures_are_told_like_huggingfaces() {
    let llm = MockServer::start().await;
    let app = server_app(&llm).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let ask = || {
        user.ask(json!({"question": "How many days of holiday?", "model": "server/llama3.2-3b"}))
    };
    for (status, code) in [
        (401, "upstream_unauthorized"),
        (404, "model_not_found"),
        (429, "upstream_rate_limited"),
        (500, "upstream_error"),
    ] {
        llm.reset().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(json!({"error": {"message": "nope"}})),
            )
            .mount(&llm)
            .await;
        let expected = app_status(status);
        expect_error(ask().await, expected, code).await;
    }
    // a server that is not there
    drop(llm);
    expect_error(ask().await, 502, "upstream_unreachable").await;
}

/// What Precis answers for an upstream status (as for HuggingFace).
fn app_status(upstream: u16) -> u16 {
    match upstream {
        401 | 500 => 502,
        404 => 404,
        429 => 503,
        other => other,
    }
}

#[tokio::test]
async fn huggingface_chat_models_are_offered_with_a_token() {
    let hf = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", "Bearer hf_test_token"))
        .and(body_partial_json(
            json!({"model": "meta-llama/Llama-3.1-8B-Instruct"}),
        ))
        .respond_with(streamed(&["25 days [1]."]))
        .mount(&hf)
        .await;
    let url = format!("{}/v1", hf.uri());
    let app = ask_app(
        &Store::Sqlite,
        &[
            ("HF_TOKEN", "hf_test_token"),
            ("PRECIS_ASK_HF_URL", url.as_str()),
            ("PRECIS_ASK_HF_MODELS", "meta-llama/Llama-3.1-8B-Instruct"),
            ("PRECIS_ASK_MODEL", "meta-llama/Llama-3.1-8B-Instruct"),
        ],
    )
    .await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    // the operator made it the default
    let a = user.answer("How many days of holiday?").await;
    assert_eq!(a["model"], "meta-llama/Llama-3.1-8B-Instruct");
    assert_eq!(a["answer"], "25 days [1].");
}
