//! Answers written by a language model behind an OpenAI-compatible API (an Ollama-like server
//! of the operator's, or HuggingFace's router with the token), here a wiremock server or, to
//! break a connection mid-answer, a few lines of TCP.
//!
//! The operator's server fails in its own words (never HuggingFace's, never its address, key or
//! raw answer); HuggingFace's models fail as the studio tells HuggingFace's failures.

use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{ask_app, Store, HANDBOOK};
use crate::helpers::{expect_error, next_event, sse_events, TestApp, User};

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

/// An answer server on a bare socket: it reads the request, streams `first` as one chunk of a
/// chunked event stream, then, if `hang`, a chunk every 100 ms until its peer goes away
/// (`gone` fires then), else closes the connection mid-answer.
async fn raw_server(hang: bool) -> (String, oneshot::Receiver<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1", listener.local_addr().unwrap());
    let (gone, rx) = oneshot::channel();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        read_request(&mut socket).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
                    transfer-encoding: chunked\r\n\r\n";
        socket.write_all(head.as_bytes()).await.unwrap();
        let send = |text: String| format!("{:x}\r\n{text}\r\n", text.len());
        let first = send(chunk("You get 25 days"));
        socket.write_all(first.as_bytes()).await.unwrap();
        let mut sent = 1;
        if hang {
            // until the app hangs up (or 30 s)
            while sent < 300 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                let more = send(chunk(" and more"));
                if socket.write_all(more.as_bytes()).await.is_err() {
                    break;
                }
                sent += 1;
            }
        }
        drop(socket); // no last chunk: the answer breaks off
        let _ = gone.send(sent);
    });
    (url, rx)
}

/// Reads one request (its head, then its `content-length` of body).
async fn read_request(socket: &mut tokio::net::TcpStream) {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = socket.read(&mut buf).await.unwrap();
        assert!(n > 0, "the app sent a whole request");
        seen.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&seen).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length: usize = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .unwrap_or(0);
            if seen.len() >= end + 4 + length {
                return;
            }
        }
    }
}

#[tokio::test]
async fn a_connection_broken_mid_answer_is_told_so() {
    let (url, _gone) = raw_server(false).await;
    let app = server_app_at(&url, &[]).await;
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
}

#[tokio::test]
async fn closing_the_stream_hangs_up_on_the_answer_server() {
    let (url, gone) = raw_server(true).await;
    let app = server_app_at(&url, &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let mut res = ask_stream(&user).await;
    assert_eq!(res.status(), 200);
    let mut buffer = String::new();
    loop {
        let event = next_event(&mut res, &mut buffer).await.expect("an event");
        if event["type"] == "token" {
            break;
        }
        assert_ne!(event["type"], "error", "{event}");
    }
    drop(res); // the person pressed Cancel
    let sent = tokio::time::timeout(Duration::from_secs(10), gone)
        .await
        .expect("the app hung up on the answer server")
        .unwrap();
    assert!(sent < 100, "{sent} chunks were sent before the app hung up");
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
    let models: Value = user.models().await;
    assert_eq!(models["default"], "meta-llama/Llama-3.1-8B-Instruct");
    let a = user.answer(QUESTION).await;
    assert_eq!(a["model"], "meta-llama/Llama-3.1-8B-Instruct");
    assert_eq!(a["answer"], "25 days [1].");
    // HuggingFace's failures are told as HuggingFace's
    hf.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"error": "bad token"})))
        .mount(&hf)
        .await;
    let res = user.ask(json!({"question": QUESTION})).await;
    let error = expect_error(res, 502, "upstream_unauthorized").await;
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("HuggingFace"), "{message}");
    assert!(!message.contains("hf_test_token"), "{message}");
}
