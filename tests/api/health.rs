use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn probes_answer() {
    let app = spawn_app().await;
    let http = reqwest::Client::new();
    let res = http
        .get(format!("{}/healthz", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = http
        .get(format!("{}/readyz", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn the_studio_page_is_rendered_on_the_server() {
    let app = spawn_app().await;
    let res = reqwest::get(format!("{}/", app.address)).await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    for expected in [
        "Text to summarize",
        "Summarize",
        "facebook/bart-large-cnn",
        "Local · TextRank extract",
        "Other HuggingFace model…",
        "Max length",
        "History",
        // the bundle, by its plain or content-hashed names (tests/api/delivery.rs)
        "/pkg/precis.",
        ".wasm\"",
    ] {
        assert!(html.contains(expected), "page lacks {expected}");
    }
}

#[tokio::test]
async fn without_a_token_the_page_offers_only_local_models() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let html = reqwest::get(format!("{}/", app.address))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Local · TextRank extract"));
    assert!(!html.contains("facebook/bart-large-cnn"));
    assert!(html.contains("HF_TOKEN"));
}

#[tokio::test]
async fn unknown_pages_are_404() {
    let app = spawn_app().await;
    let res = reqwest::get(format!("{}/no/such/page", app.address))
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}
