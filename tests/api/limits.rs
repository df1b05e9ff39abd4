use serde_json::json;

use crate::helpers::{expect_error, spawn_app_with, ARTICLE};

#[tokio::test]
async fn each_person_has_their_own_limit() {
    let app = spawn_app_with(&[
        ("PRECIS_RATE_LIMIT_BURST", "2"),
        ("PRECIS_RATE_LIMIT_PER_MINUTE", "1"),
    ])
    .await;
    app.hf_answers("ok").await;
    let (a, b) = (app.user(), app.user());
    // Get each person their id first (reading history is not limited).
    a.list().await;
    b.list().await;

    for _ in 0..2 {
        assert_eq!(a.summarize(json!({"text": ARTICLE})).await.status(), 201);
    }
    let error = expect_error(
        a.summarize(json!({"text": ARTICLE})).await,
        429,
        "rate_limited",
    )
    .await;
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("going fast") && message.contains("Try again in"),
        "{message}"
    );
    assert!(error["retry_after"].as_u64().unwrap() >= 1);

    // The page's stream shares the same allowance.
    expect_error(
        a.stream(json!({"text": ARTICLE})).await,
        429,
        "rate_limited",
    )
    .await;

    // Another person is unaffected, and A can still read their history.
    assert_eq!(b.summarize(json!({"text": ARTICLE})).await.status(), 201);
    assert_eq!(a.list().await["summaries"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn clients_without_an_id_are_limited_by_address() {
    let app = spawn_app_with(&[
        ("PRECIS_RATE_LIMIT_BURST", "2"),
        ("PRECIS_RATE_LIMIT_PER_MINUTE", "1"),
    ])
    .await;
    app.hf_answers("ok").await;
    let http = reqwest::Client::new();
    let url = format!("{}/api/v1/summaries", app.address);
    let mut statuses = Vec::new();
    for _ in 0..3 {
        // a fresh client each time: never sends the cookie back
        let res = http
            .post(&url)
            .json(&json!({"text": ARTICLE}))
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses, vec![201, 201, 429]);
}

#[tokio::test]
async fn pages_and_probes_are_not_limited() {
    let app = spawn_app_with(&[
        ("PRECIS_RATE_LIMIT_BURST", "1"),
        ("PRECIS_RATE_LIMIT_PER_MINUTE", "1"),
    ])
    .await;
    let http = reqwest::Client::new();
    for _ in 0..5 {
        assert_eq!(
            http.get(format!("{}/healthz", app.address))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        assert_eq!(
            http.get(format!("{}/", app.address))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
}
