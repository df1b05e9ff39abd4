use std::time::Duration;

use serde_json::{json, Value};
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{expect_error, spawn_app, spawn_app_with, sse_events, ARTICLE};

/// Each HuggingFace failure → our status, code, and (where it applies) field and retry time.
#[tokio::test]
async fn every_upstream_failure_maps_to_its_status_and_code() {
    let cases: Vec<(ResponseTemplate, u16, &str, Option<&str>, &str)> = vec![
        (
            ResponseTemplate::new(400)
                .set_body_json(json!({"error": "`max_length` must be <= 500"})),
            422,
            "upstream_rejected",
            Some("max_length"),
            "max_length must be",
        ),
        (
            ResponseTemplate::new(400).set_body_json(
                json!({"error": ["Input is too short", "Error in `parameters.top_p`"]}),
            ),
            422,
            "upstream_rejected",
            Some("top_p"),
            "Input is too short",
        ),
        (
            ResponseTemplate::new(401).set_body_json(json!({"error": "Invalid token"})),
            502,
            "upstream_unauthorized",
            None,
            "operator",
        ),
        (
            ResponseTemplate::new(403).set_body_json(json!({"error": "Forbidden"})),
            502,
            "upstream_unauthorized",
            None,
            "operator",
        ),
        (
            ResponseTemplate::new(402).set_body_json(json!({"error": "Payment required"})),
            502,
            "upstream_payment_required",
            None,
            "credits",
        ),
        (
            ResponseTemplate::new(404).set_body_json(json!({"error": "Model does not exist"})),
            404,
            "model_not_found",
            Some("model"),
            "not found",
        ),
        (
            ResponseTemplate::new(410).set_body_json(json!({"error": "Gone"})),
            404,
            "model_not_found",
            Some("model"),
            "retired",
        ),
        (
            ResponseTemplate::new(429)
                .insert_header("retry-after", "30")
                .set_body_json(json!({"error": "Rate limit reached"})),
            503,
            "upstream_rate_limited",
            None,
            "30 s",
        ),
        (
            ResponseTemplate::new(500).set_body_json(json!({"error": "boom"})),
            502,
            "upstream_error",
            None,
            "error 500",
        ),
        (
            ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>"),
            502,
            "upstream_error",
            None,
            "error 502",
        ),
        (
            ResponseTemplate::new(200).set_body_string("<html>oops</html>"),
            502,
            "upstream_bad_response",
            None,
            "could not be read",
        ),
        (
            ResponseTemplate::new(200).set_body_json(json!({"generated_text": "x"})),
            502,
            "upstream_bad_response",
            None,
            "could not be read",
        ),
        (
            ResponseTemplate::new(200).set_body_json(json!([])),
            502,
            "upstream_bad_response",
            None,
            "could not be read",
        ),
    ];
    for (response, status, code, field, phrase) in cases {
        let app = spawn_app().await;
        app.hf_fails_with(response).await;
        let res = app.user().summarize(json!({"text": ARTICLE})).await;
        let error = expect_error(res, status, code).await;
        assert_eq!(error["field"].as_str(), field, "{code}");
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(phrase), "{code}: {message}");
    }
}

#[tokio::test]
async fn upstream_rate_limit_passes_on_its_retry_time() {
    let app = spawn_app().await;
    app.hf_fails_with(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "30")
            .set_body_json(json!({"error": "slow down"})),
    )
    .await;
    let res = app.user().summarize(json!({"text": ARTICLE})).await;
    let error = expect_error(res, 503, "upstream_rate_limited").await;
    assert_eq!(error["retry_after"], 30);
}

#[tokio::test]
async fn a_slow_upstream_times_out() {
    let app = spawn_app_with(&[("HF_TIMEOUT_SECS", "1")]).await;
    app.hf_fails_with(
        ResponseTemplate::new(200)
            .set_body_json(json!([{"summary_text": "late"}]))
            .set_delay(Duration::from_secs(3)),
    )
    .await;
    let res = app.user().summarize(json!({"text": ARTICLE})).await;
    expect_error(res, 504, "upstream_timeout").await;
}

#[tokio::test]
async fn an_unreachable_upstream_is_reported() {
    // Port 9 on loopback: nothing listens there, the connection is refused at once.
    let app = spawn_app_with(&[("HF_BASE_URL", "http://127.0.0.1:9")]).await;
    let res = app.user().summarize(json!({"text": ARTICLE})).await;
    let error = expect_error(res, 502, "upstream_unreachable").await;
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("could not reach HuggingFace"));
}

/// Bad input is refused before anything is sent upstream.
#[tokio::test]
async fn invalid_requests_never_reach_the_upstream() {
    let app = spawn_app().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{"summary_text": "x"}])))
        .expect(0)
        .mount(&app.hf)
        .await;
    let user = app.user();
    let cases: Vec<(Value, u16, &str, Option<&str>)> = vec![
        (json!({"text": ""}), 422, "empty_text", Some("text")),
        (json!({"text": "   \n "}), 422, "empty_text", Some("text")),
        (
            json!({"text": "a".repeat(100_001)}),
            413,
            "text_too_long",
            Some("text"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"min_length": 200, "max_length": 100}}),
            422,
            "invalid_parameter",
            Some("min_length"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"max_length": 501}}),
            422,
            "invalid_parameter",
            Some("max_length"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"min_length": 0}}),
            422,
            "invalid_parameter",
            Some("min_length"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"top_p": 1.5}}),
            422,
            "invalid_parameter",
            Some("top_p"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"temperature": 101}}),
            422,
            "invalid_parameter",
            Some("temperature"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"repetition_penalty": -1}}),
            422,
            "invalid_parameter",
            Some("repetition_penalty"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"max_time": 121}}),
            422,
            "invalid_parameter",
            Some("max_time"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"top_k": 0}}),
            422,
            "invalid_parameter",
            Some("top_k"),
        ),
        (
            json!({"text": ARTICLE, "model": "not a model"}),
            422,
            "invalid_request",
            Some("model"),
        ),
        (
            json!({"text": ARTICLE, "parameters": {"max_length": 10.5}}),
            400,
            "invalid_request",
            None,
        ),
        (
            json!({"text": ARTICLE, "colour": "blue"}),
            400,
            "invalid_request",
            None,
        ),
        (json!({"txt": ARTICLE}), 400, "invalid_request", None),
    ];
    for (body, status, code, field) in cases {
        let res = user.summarize(body.clone()).await;
        let error = expect_error(res, status, code).await;
        assert_eq!(error["field"].as_str(), field, "{body}");
    }
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/summaries", app.address))
                .header("content-type", "application/json")
                .body("{not json"),
        )
        .await;
    expect_error(res, 400, "invalid_request").await;
}

/// The page's stream: an upstream failure is the last event, with the same public error as
/// REST; invalid input is refused with the same status and body before streaming.
#[tokio::test]
async fn stream_errors_carry_the_same_error_as_rest() {
    let app = spawn_app().await;
    app.hf_fails_with(ResponseTemplate::new(402).set_body_json(json!({"error": "no credits"})))
        .await;
    let rest = expect_error(
        app.user().summarize(json!({"text": ARTICLE})).await,
        502,
        "upstream_payment_required",
    )
    .await;
    let events = sse_events(app.user().stream(json!({"text": ARTICLE})).await).await;
    let last = events.last().expect("an event");
    assert_eq!(last["type"], "error");
    assert_eq!(last["error"], rest);
    let res = app.user().stream(json!({"text": ""})).await;
    expect_error(res, 422, "empty_text").await;
}

#[tokio::test]
async fn an_oversized_body_gets_a_sentence_not_a_bare_status() {
    let app = spawn_app().await;
    let huge = json!({"text": "word ".repeat(300_000)}); // 1.5 MB
    let res = app.user().summarize(huge).await;
    let error = expect_error(res, 413, "text_too_long").await;
    assert!(error["message"].as_str().unwrap().contains("1024 KB"));
}
