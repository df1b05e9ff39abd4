//! The embedded engine over HTTP: local models in the catalog, streaming, cancel, the bounded
//! queue, long documents in parts, and missing or damaged weights.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{
    models_dir, next_event, spawn_app_with, sse_events, ARTICLE, DEFAULT_MODEL_PATH, SMOLLM,
};

fn local_request(model: &str, max_length: u32) -> Value {
    json!({
        "text": ARTICLE,
        "model": model,
        "parameters": { "min_length": 5, "max_length": max_length }
    })
}

async fn catalog(app: &crate::helpers::TestApp) -> Value {
    let user = app.user();
    let res = user
        .send(user.http.post(format!("{}/api/ui/catalog", app.address)))
        .await;
    assert_eq!(res.status(), 200);
    res.json().await.expect("catalog json")
}

fn model<'a>(catalog: &'a Value, id: &str) -> &'a Value {
    catalog["models"]
        .as_array()
        .expect("models")
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("{id} listed in {catalog}"))
}

#[tokio::test]
async fn local_models_are_listed_with_what_they_honour() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let c = catalog(&app).await;
    let semantic = model(&c, "local/semantic");
    assert_eq!(semantic["label"], "Local · semantic extract");
    assert!(semantic.get("unavailable").is_none(), "{semantic}");
    let smol = model(&c, SMOLLM);
    assert_eq!(smol["label"], "Local · SmolLM2-135M");
    assert_eq!(smol["experimental"], true);
    assert_eq!(smol["samples"], true);
    assert_eq!(smol["honours"].as_array().unwrap().len(), 7);
    assert!(smol["input_window"].as_u64().unwrap() > 500);
}

#[tokio::test]
async fn semantic_extract_returns_sentences_of_the_text() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let user = app.user();
    let res = user.summarize(local_request("local/semantic", 40)).await;
    assert_eq!(res.status(), 201);
    let s: Value = res.json().await.unwrap();
    let summary = s["summary"].as_str().unwrap();
    assert!(!summary.is_empty());
    for sentence in summary.split_inclusive(". ") {
        assert!(
            ARTICLE.contains(sentence.trim()),
            "{sentence:?} is verbatim"
        );
    }
    assert_eq!(s["provider"], "local");
}

#[tokio::test]
async fn smollm_streams_tokens_then_the_finished_summary() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let user = app.user();
    let res = user.stream(local_request(SMOLLM, 40)).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let events = sse_events(res).await;
    let tokens: Vec<&str> = events
        .iter()
        .filter(|e| e["type"] == "token")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(tokens.len() >= 3, "several token events: {events:?}");
    let done = events.last().expect("events");
    assert_eq!(done["type"], "done", "{events:?}");
    let summary = done["summary"]["summary"].as_str().unwrap();
    assert_eq!(summary, tokens.concat().trim());
    assert_eq!(done["summary"]["model"], SMOLLM);
    assert_eq!(done["summary"]["parts"], 1);
    // Recorded in the history like any other summary.
    let list = user.list().await;
    assert_eq!(list["summaries"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_sampled_summary() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let user = app.user();
    let body = json!({
        "text": ARTICLE, "model": SMOLLM,
        "parameters": { "max_length": 24, "do_sample": true, "temperature": 1.2, "seed": 7 }
    });
    let a: Value = user.summarize(body.clone()).await.json().await.unwrap();
    let b: Value = user.summarize(body).await.json().await.unwrap();
    assert_eq!(a["summary"], b["summary"]);
    assert!(!a["summary"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn max_time_returns_a_partial_summary_marked_as_such() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let body = json!({
        "text": ARTICLE, "model": SMOLLM,
        "parameters": { "min_length": 500, "max_length": 500, "max_time": 1 }
    });
    let started = Instant::now();
    let res = app.user().summarize(body).await;
    assert_eq!(res.status(), 201);
    let s: Value = res.json().await.unwrap();
    assert_eq!(s["partial"], true, "{s}");
    assert!(started.elapsed() < Duration::from_secs(20));
}

/// The engine with one inference worker and one seat in its queue, no HuggingFace.
async fn one_worker_app() -> crate::helpers::TestApp {
    spawn_app_with(&[
        ("HF_TOKEN", ""),
        ("PRECIS_LOCAL_WORKERS", "1"),
        ("PRECIS_INFERENCE_QUEUE", "1"),
    ])
    .await
}

/// A SmolLM2 stream forced to write `tokens` tokens, returned once its first token arrived
/// (so it holds a worker).
async fn generating(user: &crate::helpers::User, tokens: u32) -> reqwest::Response {
    let body = json!({
        "text": ARTICLE, "model": SMOLLM,
        "parameters": { "min_length": tokens, "max_length": tokens, "max_time": 120 }
    });
    let mut res = user.stream(body).await;
    let mut buffer = String::new();
    while next_event(&mut res, &mut buffer).await.expect("an event")["type"] != "token" {}
    res
}

#[tokio::test]
async fn cancelling_a_stream_stops_generation_on_the_server() {
    // One worker, one seat in the queue.
    let app = one_worker_app().await;
    let user = app.user();
    let res = generating(&user, 500).await;
    drop(res); // the person pressed Cancel

    // Were the generation still running (500 tokens take far longer than this), the worker
    // would stay busy and a short job would wait behind it; instead it gets through promptly.
    let quick = local_request("local/textrank", 30);
    let through = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if user.summarize(quick.clone()).await.status() == 201 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(
        through.is_ok(),
        "the worker never came free: the cancelled generation kept running"
    );
    // The cancelled request is not in the history; the quick one is.
    let list = user.list().await;
    let items = list["summaries"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{list}");
    assert_eq!(items[0]["model"], "local/textrank");
}

#[tokio::test]
async fn a_full_inference_queue_answers_503_with_retry_after() {
    let app = one_worker_app().await;
    let user = app.user();
    let long = json!({
        "text": ARTICLE, "model": SMOLLM,
        "parameters": { "min_length": 300, "max_length": 300 }
    });
    // 1: running (we see its tokens).
    let running = generating(&user, 300).await;
    // 2: waiting in the queue's only seat.
    let waiting = tokio::spawn({
        let user = user.clone();
        let long = long.clone();
        async move { user.summarize(long).await.status() }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    // 3: no room.
    let res = user.summarize(local_request("local/textrank", 30)).await;
    assert_eq!(res.status(), 503);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=120).contains(&retry));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "busy");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("busy") && message.contains(&format!("{retry} s")),
        "{message}"
    );
    drop(running);
    waiting.abort();
}

#[tokio::test]
async fn long_texts_are_summarized_in_parts_with_progress_events() {
    let app = spawn_app_with(&[]).await;
    Mock::given(method("POST"))
        .and(path(DEFAULT_MODEL_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{ "summary_text": "A part summary." }])),
        )
        .mount(&app.hf)
        .await;
    // ~3,000 words: more than BART's 1,024-token window.
    let text = (0..300)
        .map(|i| format!("Paragraph {i} reports that the committee met and voted on item {i}."))
        .collect::<Vec<_>>()
        .join(" ");
    let res = app
        .user()
        .stream(json!({ "text": text, "parameters": { "max_length": 60 } }))
        .await;
    assert_eq!(res.status(), 200);
    let events = sse_events(res).await;
    let parts: Vec<(u64, u64)> = events
        .iter()
        .filter(|e| e["type"] == "progress" && e["stage"] == "part")
        .map(|e| (e["part"].as_u64().unwrap(), e["of"].as_u64().unwrap()))
        .collect();
    let n = parts.len() as u64;
    assert!(n >= 4, "{events:?}");
    assert_eq!(parts, (1..=n).map(|i| (i, n)).collect::<Vec<_>>());
    assert!(events
        .iter()
        .any(|e| e["type"] == "progress" && e["stage"] == "combining" && e["parts"] == n));
    let done = events.last().unwrap();
    assert_eq!(done["type"], "done");
    assert_eq!(done["summary"]["parts"], n);
    assert_eq!(done["summary"]["truncated"], false);
    // Every part was sent upstream within the window, then their summaries combined.
    let calls = app.hf.received_requests().await.unwrap();
    assert_eq!(calls.len() as u64, n + 1);
    for call in &calls {
        let body: Value = serde_json::from_slice(&call.body).unwrap();
        let words = body["inputs"].as_str().unwrap().split_whitespace().count();
        assert!(words * 4 / 3 <= 1024, "{words} words sent");
        assert!(body["parameters"].get("truncation").is_none());
    }
    let last: Value = serde_json::from_slice(&calls.last().unwrap().body).unwrap();
    assert!(last["inputs"]
        .as_str()
        .unwrap()
        .starts_with("A part summary."));

    // The REST call (no stream) gives the same result in one answer.
    let res = app
        .user()
        .summarize(json!({ "text": text, "parameters": { "max_length": 60 } }))
        .await;
    assert_eq!(res.status(), 201);
    let s: Value = res.json().await.unwrap();
    assert_eq!(s["parts"], n);
}

#[tokio::test]
async fn stream_errors_before_work_starts_use_http_statuses() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let res = app.user().stream(json!({ "text": "  " })).await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "empty_text");
    let res = app.user().stream(json!({ "text": 5 })).await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn missing_or_damaged_weights_leave_the_server_up_and_say_how_to_fix_them() {
    let dir = tempfile::tempdir().unwrap();
    // A download cut short: the first half of the real file.
    let real = std::fs::read(format!("{}/SmolLM2-135M-Instruct.Q4_1.gguf", models_dir())).unwrap();
    std::fs::write(
        dir.path().join("SmolLM2-135M-Instruct.Q4_1.gguf"),
        &real[..real.len() / 2],
    )
    .unwrap();
    // Something that is not a model at all.
    std::fs::write(dir.path().join("notes.gguf"), b"hello").unwrap();
    let app = spawn_app_with(&[
        ("HF_TOKEN", ""),
        ("PRECIS_MODELS_DIR", dir.path().to_str().unwrap()),
    ])
    .await;
    let c = catalog(&app).await;
    let semantic = model(&c, "local/semantic")["unavailable"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(semantic.contains("not installed") && semantic.contains("bash scripts/models.sh"));
    let smol = model(&c, SMOLLM)["unavailable"]
        .as_str()
        .unwrap()
        .to_string();
    // the parser's own words ("truncated…") are for the log, not the person
    assert!(smol.contains("damaged"), "{smol}");
    assert!(smol.contains("bash scripts/models.sh"));
    assert!(c["models"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["id"] != "local/notes"));

    let res = app.user().summarize(local_request(SMOLLM, 30)).await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "model_unavailable");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("bash scripts/models.sh"));
    // TextRank needs no weights and still works.
    let res = app
        .user()
        .summarize(local_request("local/textrank", 30))
        .await;
    assert_eq!(res.status(), 201);
}

#[tokio::test]
async fn any_llama_gguf_in_the_models_folder_shows_up_in_the_picker() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        format!("{}/SmolLM2-135M-Instruct.Q4_1.gguf", models_dir()),
        dir.path().join("my-notes-model.gguf"),
    )
    .unwrap();
    let app = spawn_app_with(&[
        ("HF_TOKEN", ""),
        ("PRECIS_MODELS_DIR", dir.path().to_str().unwrap()),
    ])
    .await;
    let c = catalog(&app).await;
    let mine = model(&c, "local/my-notes-model");
    assert!(mine.get("unavailable").is_none(), "{mine}");
    assert!(mine["label"].as_str().unwrap().starts_with("Local · "));
    assert_eq!(mine["experimental"], true);
    let res = app
        .user()
        .summarize(local_request("local/my-notes-model", 20))
        .await;
    assert_eq!(res.status(), 201);
}
