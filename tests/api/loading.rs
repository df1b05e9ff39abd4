use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{expect_error, spawn_app, sse_events, TestApp, ARTICLE, DEFAULT_MODEL_PATH};

fn loading() -> ResponseTemplate {
    ResponseTemplate::new(503).set_body_json(json!({
        "error": "Model facebook/bart-large-cnn is currently loading",
        "estimated_time": 12.4
    }))
}

async fn stub(app: &TestApp, wait_for_model: bool, response: ResponseTemplate, times: u64) {
    Mock::given(method("POST"))
        .and(path(DEFAULT_MODEL_PATH))
        .and(body_partial_json(
            json!({"options": {"wait_for_model": wait_for_model}}),
        ))
        .respond_with(response)
        .expect(times)
        .mount(&app.hf)
        .await;
}

#[tokio::test]
async fn a_loading_model_is_retried_once_with_wait_for_model() {
    let app = spawn_app().await;
    stub(&app, false, loading(), 1).await;
    stub(
        &app,
        true,
        ResponseTemplate::new(200).set_body_json(json!([{"summary_text": "Warm now."}])),
        1,
    )
    .await;
    let res = app.user().summarize(json!({"text": ARTICLE})).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["summary"], "Warm now.");
}

#[tokio::test]
async fn still_loading_after_the_retry_reports_the_wait() {
    let app = spawn_app().await;
    stub(&app, false, loading(), 1).await;
    stub(&app, true, loading(), 1).await;
    let res = app.user().summarize(json!({"text": ARTICLE})).await;
    let error = expect_error(res, 503, "model_loading").await;
    assert_eq!(error["retry_after"], 13);
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("warming up") && message.contains("about 13 s"),
        "{message}"
    );
}

/// The page shows a countdown and retries itself, so its server function reports at once.
#[tokio::test]
async fn the_page_is_told_about_loading_without_a_retry() {
    let app = spawn_app().await;
    stub(&app, false, loading(), 1).await;
    stub(
        &app,
        true,
        ResponseTemplate::new(200).set_body_json(json!([{"summary_text": "x"}])),
        0,
    )
    .await;
    let res = app
        .user()
        .send(
            app.user()
                .http
                .post(format!(
                    "{}/api/v1/summaries/stream?loading=report",
                    app.address
                ))
                .json(&json!({"text": ARTICLE})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let events = sse_events(res).await;
    let error = &events.last().expect("an event")["error"];
    assert_eq!(error["code"], "model_loading");
    assert_eq!(error["retry_after"], 13);
}
