use std::time::Duration;

use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{spawn_app, ARTICLE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_requests_are_all_answered() {
    let app = spawn_app().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{"summary_text": "ok"}]))
                .set_delay(Duration::from_millis(100)),
        )
        .expect(200)
        .mount(&app.hf)
        .await;
    let users: Vec<_> = (0..20).map(|_| app.user()).collect();
    let requests = (0..200).map(|i| {
        let user = users[i % users.len()].clone();
        async move {
            user.summarize(json!({"text": ARTICLE}))
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures::future::join_all(requests).await;
    assert_eq!(statuses.len(), 200);
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_summaries_run_concurrently_without_blocking_the_server() {
    let app = crate::helpers::spawn_app_with(&[("HF_TOKEN", "")]).await;
    let long = ARTICLE.repeat(40);
    let user = app.user();
    let requests = (0..40).map(|_| {
        let user = user.clone();
        let text = long.clone();
        async move {
            user.summarize(json!({"text": text}))
                .await
                .status()
                .as_u16()
        }
    });
    let health = async {
        tokio::time::sleep(Duration::from_millis(5)).await;
        reqwest::get(format!("{}/healthz", app.address))
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    let (statuses, health) = tokio::join!(futures::future::join_all(requests), health);
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    assert_eq!(health, 200);
}
