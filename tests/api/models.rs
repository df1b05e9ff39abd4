//! `GET /api/v1/models`: the catalog the page's picker shows, for scripts.

use serde_json::Value;

use crate::helpers::{spawn_app, spawn_app_with, TestApp};

async fn models(app: &TestApp) -> Value {
    let res = reqwest::get(format!("{}/api/v1/models", app.address))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The page's `get_catalog` server function, for comparison.
async fn page_catalog(app: &TestApp) -> Value {
    let res = reqwest::Client::new()
        .post(format!("{}/api/ui/catalog", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn ids(catalog: &Value) -> Vec<&str> {
    catalog["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn with_a_token_hugging_face_models_are_listed_and_any_id_allowed() {
    let app = spawn_app().await;
    let catalog = models(&app).await;
    assert_eq!(catalog, page_catalog(&app).await);
    assert_eq!(catalog["default_model"], "facebook/bart-large-cnn");
    assert_eq!(catalog["custom_models"], true);
    let ids = ids(&catalog);
    assert!(ids.contains(&"facebook/bart-large-cnn"), "{ids:?}");
    assert!(ids.contains(&"local/textrank"), "{ids:?}");
}

#[tokio::test]
async fn without_a_token_only_local_models_and_why_some_cannot_run() {
    let empty = tempfile::tempdir().unwrap();
    let app = spawn_app_with(&[
        ("HF_TOKEN", ""),
        ("PRECIS_MODELS_DIR", &empty.path().display().to_string()),
    ])
    .await;
    let catalog = models(&app).await;
    assert_eq!(catalog, page_catalog(&app).await);
    assert_eq!(catalog["default_model"], "local/textrank");
    assert_eq!(catalog["custom_models"], false);
    for m in catalog["models"].as_array().unwrap() {
        assert_eq!(m["provider"], "local", "{m}");
        assert!(m.get("input_window").is_some(), "null, never absent: {m}");
    }
    // no weights: semantic extract is listed, with the reason it cannot run
    let semantic = &catalog["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "local/semantic")
        .expect("listed")["unavailable"];
    assert!(
        semantic.as_str().unwrap().contains("scripts/models.sh"),
        "{semantic}"
    );
}
