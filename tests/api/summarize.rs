use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{
    expect_error, spawn_app, spawn_app_with, sse_events, ARTICLE, DEFAULT_MODEL_PATH, TOKEN,
};

#[tokio::test]
async fn summarizes_through_huggingface_with_its_request_shape() {
    let app = spawn_app().await;
    Mock::given(method("POST"))
        .and(path(DEFAULT_MODEL_PATH))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(body_partial_json(json!({
            "inputs": ARTICLE,
            "parameters": {"min_length": 10, "max_length": 60, "temperature": 0.7},
            "options": {"use_cache": false, "wait_for_model": false}
        })))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{"summary_text": "Council passes transport budget."}])),
        )
        .expect(1)
        .mount(&app.hf)
        .await;

    let res = app
        .user()
        .summarize(json!({
            "text": ARTICLE,
            "parameters": {"min_length": 10, "max_length": 60, "temperature": 0.7, "use_cache": false}
        }))
        .await;

    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["summary"], "Council passes transport budget.");
    assert_eq!(body["model"], "facebook/bart-large-cnn");
    assert_eq!(body["provider"], "huggingface");
    assert_eq!(body["truncated"], false);
    assert!(body["id"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn any_typed_model_id_goes_to_its_url() {
    let app = spawn_app().await;
    Mock::given(method("POST"))
        .and(path("/models/someone/their-model"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{"summary_text": "ok"}])))
        .expect(1)
        .mount(&app.hf)
        .await;
    let res = app
        .user()
        .summarize(json!({"text": ARTICLE, "model": "someone/their-model"}))
        .await;
    assert_eq!(res.status(), 201);
}

#[tokio::test]
async fn texts_longer_than_the_window_are_summarized_in_parts_not_cut() {
    let app = spawn_app().await;
    Mock::given(method("POST"))
        .and(path(DEFAULT_MODEL_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{"summary_text": "ok."}])))
        .mount(&app.hf)
        .await;
    let long = ARTICLE.repeat(30); // ~2,000 words: over BART's 1,024 tokens
    let res = app.user().summarize(json!({"text": long})).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["truncated"], false);
    let parts = body["parts"].as_u64().unwrap();
    assert!(parts >= 2, "{body}");
    let calls = app.hf.received_requests().await.unwrap();
    assert_eq!(
        calls.len() as u64,
        parts + 1,
        "each part, then the combination"
    );
    for call in calls {
        let sent: Value = serde_json::from_slice(&call.body).unwrap();
        assert!(sent["parameters"].get("truncation").is_none());
    }
}

#[tokio::test]
async fn without_a_token_the_local_engine_summarizes_offline() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let res = app
        .user()
        .summarize(json!({"text": ARTICLE, "parameters": {"min_length": 10, "max_length": 30}}))
        .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["model"], "local/textrank");
    assert_eq!(body["provider"], "local");
    let summary = body["summary"].as_str().unwrap();
    assert!(!summary.is_empty());
    assert!(
        ARTICLE.contains(summary.split(". ").next().unwrap()),
        "extract comes from the text: {summary}"
    );
    let words = precis::domain::text::estimate_tokens(summary);
    assert!((10..=30).contains(&words), "{words} tokens: {summary}");
    // sampling parameters are not sent to a model that ignores them
    assert_eq!(body["parameters"].get("temperature"), None);
}

#[tokio::test]
async fn huggingface_models_need_a_token() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let res = app
        .user()
        .summarize(json!({"text": ARTICLE, "model": "facebook/bart-large-cnn"}))
        .await;
    let error = expect_error(res, 422, "model_unavailable").await;
    assert_eq!(error["field"], "model");
    assert!(error["message"].as_str().unwrap().contains("HF_TOKEN"));
}

#[tokio::test]
async fn the_identity_cookie_is_signed_httponly_and_samesite() {
    let app = spawn_app().await;
    let res = app
        .user()
        .send(reqwest::Client::new().get(format!("{}/api/v1/summaries", app.address)))
        .await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("precis_uid="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    // A forged id (unsigned) is not accepted: the server hands out a new one.
    let forged = reqwest::Client::new()
        .get(format!("{}/api/v1/summaries", app.address))
        .header("cookie", format!("precis_uid={}", "a".repeat(32)))
        .send()
        .await
        .unwrap();
    assert!(forged.headers().get("set-cookie").is_some());
}

#[tokio::test]
async fn the_page_stream_summarizes_too() {
    let app = spawn_app().await;
    app.hf_answers("Via the page.").await;
    let res = app.user().stream(json!({"text": ARTICLE})).await;
    assert_eq!(res.status(), 200);
    let events = sse_events(res).await;
    assert_eq!(
        events.len(),
        1,
        "no parts, no tokens from HuggingFace: {events:?}"
    );
    assert_eq!(events[0]["type"], "done");
    assert_eq!(events[0]["summary"]["summary"], "Via the page.");
}
