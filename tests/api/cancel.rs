use std::time::Duration;

use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{spawn_app, ARTICLE};

/// When the browser drops the request (Cancel), the server drops its work with it: the upstream
/// answer is never waited for, and nothing is recorded as completed.
#[tokio::test]
async fn a_dropped_request_stops_on_the_server() {
    let app = spawn_app().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{"summary_text": "too late"}]))
                .set_delay(Duration::from_secs(2)),
        )
        .mount(&app.hf)
        .await;
    let user = app.user();
    user.list().await; // get an id first
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let res = impatient
        .post(format!("{}/api/v1/summaries", app.address))
        .header("cookie", user.cookie().unwrap())
        .json(&json!({"text": ARTICLE}))
        .send()
        .await;
    assert!(res.is_err(), "the client gave up");

    // Well past the upstream's answer: had the server kept going, the summary would be stored.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let db = app.db().await;
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM summaries")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        rows, 0,
        "the cancelled request was not carried to completion"
    );
}
