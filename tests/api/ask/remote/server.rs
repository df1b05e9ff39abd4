//! The operator's OpenAI-compatible answer server, a wiremock server: its answers, its
//! refusals and failures told as its own, its absence, its slowness, its unreadable answers.

use std::time::Duration;

use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{
    ask_stream, assert_told_as_the_servers, chunk, event_stream, expect_server_error, question,
    server_app, server_app_at, streamed, KEY, MODEL,
};
use crate::ask::HANDBOOK;
use crate::helpers::sse_events;

#[tokio::test]
async fn a_servers_model_answers_and_its_stray_citations_are_dropped() {
    let llm = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
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
    // the models' list offers it, as the Ask page's picker shows it
    let models: Value = user.models().await;
    let listed = models["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == MODEL)
        .unwrap_or_else(|| panic!("{MODEL} listed: {models}"));
    assert_eq!(listed["generative"], true);
    assert!(listed.get("unavailable").is_none_or(Value::is_null));
    assert_eq!(models["default"], "extractive");
    let events = sse_events(ask_stream(&user).await).await;
    let streamed: String = events
        .iter()
        .filter(|e| e["type"] == "token")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    let done = &events.last().unwrap()["answer"];
    // [7]: no seventh passage was given, so the citation goes, as it streams and at the end
    assert_eq!(
        done["answer"],
        "You get 25 days of paid holiday [1] a year ."
    );
    assert_eq!(streamed, "You get 25 days of paid holiday [1] a year .");
    assert_eq!(done["model"], MODEL);
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
async fn the_servers_refusals_and_failures_are_told_as_its_own() {
    let llm = MockServer::start().await;
    let app = server_app(&llm).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let cases = [
        (401, 502, "upstream_unauthorized"),
        (403, 502, "upstream_unauthorized"),
        (404, 404, "model_not_found"),
        (429, 503, "upstream_rate_limited"),
        (400, 502, "upstream_error"),
        (500, 502, "upstream_error"),
        (503, 502, "upstream_error"),
    ];
    for (upstream, status, code) in cases {
        llm.reset().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(upstream)
                    .insert_header("retry-after", "7")
                    .set_body_json(json!({"error": {"message": "nope: model llama3.2:3b"}})),
            )
            .mount(&llm)
            .await;
        let error = expect_server_error(user.ask(question()).await, status, code).await;
        let message = error["message"].as_str().unwrap();
        match upstream {
            401 | 403 => assert!(message.contains("PRECIS_ASK_LLM_KEY"), "{message}"),
            404 => assert_eq!(error["field"], "model"),
            429 => assert_eq!(error["retry_after"], 7),
            _ => assert!(message.contains(&format!("error {upstream}")), "{message}"),
        }
    }
    // in French, and on the stream as its last event
    llm.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(404).set_body_string("404 page not found"))
        .mount(&llm)
        .await;
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/questions/stream", app.address))
                .header("accept-language", "fr")
                .json(&question()),
        )
        .await;
    assert_eq!(res.status(), 200);
    let events = sse_events(res).await;
    let last = events.last().unwrap();
    assert_eq!(last["type"], "error", "{events:?}");
    assert_eq!(last["error"]["code"], "model_not_found");
    let message = last["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("Le serveur de réponses n’a pas de modèle"),
        "{message}"
    );
    assert!(!message.contains("HuggingFace"), "{message}");
}

/// The answer server's own page, as the OpenAPI document shows it, word for word.
#[tokio::test]
async fn the_documented_example_is_what_the_server_answers() {
    let llm = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&llm)
        .await;
    let app = server_app(&llm).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let res = user.ask(question()).await;
    assert_eq!(res.status(), 404);
    let got: Value = res.json().await.unwrap();
    let pointer = "/paths/~1api~1v1~1questions/post/responses/404/content/application~1json\
                   /examples/server_model_not_found/value";
    let documented = precis::server::openapi::document()
        .pointer(pointer)
        .cloned()
        .expect("the example is documented");
    assert_eq!(got, documented);
}

#[tokio::test]
async fn a_server_that_is_not_there_is_told_so() {
    // nothing listens on port 9 (discard): the connection is refused at once
    let app = server_app_at("http://127.0.0.1:9/v1", &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let error = expect_server_error(user.ask(question()).await, 502, "upstream_unreachable").await;
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("did not respond"), "{message}");
}

#[tokio::test]
async fn a_server_too_slow_is_given_up_on() {
    let llm = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(streamed(&["Too late."]).set_delay(Duration::from_secs(5)))
        .mount(&llm)
        .await;
    let url = format!("{}/v1", llm.uri());
    let app = server_app_at(&url, &[("PRECIS_ASK_LLM_TIMEOUT_SECS", "1")]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let started = std::time::Instant::now();
    let error = expect_server_error(user.ask(question()).await, 504, "upstream_timeout").await;
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "gave up after 1 s"
    );
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("within 1 s"), "{message}");
}

#[tokio::test]
async fn what_is_not_a_chat_completion_is_told_unreadable() {
    let llm = MockServer::start().await;
    let app = server_app(&llm).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    for body in [
        // not JSON
        "data: {\"choices\": [\n\n".to_string(),
        // JSON, not a chunk
        "data: {\"id\": 3}\n\n".to_string(),
        // a web page, not an event stream: no answer at all
        "<html><body>Welcome to nginx!</body></html>".to_string(),
        // an empty answer
        format!("{}data: [DONE]\n\n", chunk("  ")),
    ] {
        llm.reset().await;
        Mock::given(method("POST"))
            .respond_with(event_stream(body))
            .mount(&llm)
            .await;
        expect_server_error(user.ask(question()).await, 502, "upstream_bad_response").await;
    }
}

#[tokio::test]
async fn an_error_in_the_middle_of_the_stream_ends_the_answer() {
    let llm = MockServer::start().await;
    let body = format!(
        "{}data: {}\n\n",
        chunk("You get 25 days"),
        json!({"error": {"message": "nope: CUDA out of memory", "type": "server_error"}})
    );
    Mock::given(method("POST"))
        .respond_with(event_stream(body))
        .mount(&llm)
        .await;
    let app = server_app(&llm).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let error = expect_server_error(user.ask(question()).await, 502, "upstream_error").await;
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("stopped in the middle of the answer"),
        "{error}"
    );
    // streamed: what was written, then the error
    let events = sse_events(ask_stream(&user).await).await;
    let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"passages"), "{events:?}");
    assert!(kinds.contains(&"token"), "{events:?}");
    assert_eq!(kinds.last(), Some(&"error"), "{events:?}");
    let message = events.last().unwrap()["error"]["message"].as_str().unwrap();
    assert_told_as_the_servers(message);
}
