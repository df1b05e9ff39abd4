//! `PRECIS_SERVICES=classifier`: an instance running only the classifier (and its probes and
//! API document); the other services' instances do not serve it.

use serde_json::Value;

use super::{png, sort_app, typed_page};
use crate::helpers::expect_error;

#[tokio::test]
async fn a_classifier_instance_serves_only_the_classifier() {
    let app = sort_app(&[("PRECIS_SERVICES", "classifier")]).await;
    let user = app.user();
    user.classifier_models().await;
    user.predicted("page.png", png(&typed_page()), None).await;
    for probe in ["/healthz", "/readyz"] {
        let res = reqwest::get(format!("{}{probe}", app.address))
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{probe}");
    }
    let e = expect_error(
        user.summarize(serde_json::json!({"text": "A text to summarize here."}))
            .await,
        404,
        "not_found",
    )
    .await;
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("/api/v1/classifier"),
        "{e}"
    );
    let res = user
        .send(user.http.get(format!("{}/api/v1/documents", app.address)))
        .await;
    expect_error(res, 404, "not_found").await;
    let page = reqwest::get(format!("{}/", app.address)).await.unwrap();
    assert_eq!(page.status(), 404);

    let doc: Value = reqwest::get(format!("{}/api/openapi.json", app.address))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    assert!(paths
        .iter()
        .any(|p| p.as_str() == "/api/v1/classifier/predict"));
    for p in paths {
        assert!(
            p.starts_with("/api/v1/classifier/")
                || ["/healthz", "/readyz", "/api/openapi.json"].contains(&p.as_str()),
            "{p}"
        );
    }

    // the knowledge base's instances do not run it
    let ingest = sort_app(&[("PRECIS_SERVICES", "ingest")]).await;
    let res = ingest
        .user()
        .send(reqwest::Client::new().get(format!("{}{}", ingest.address, super::MODELS)))
        .await;
    expect_error(res, 404, "not_found").await;
}

/// A classifier-only instance has no sign-up page: its operators get an API key from
/// `precis classifier operator-key EMAIL`, and that key may train.
#[tokio::test]
async fn a_classifier_instance_s_operator_gets_a_key_from_the_command_line() {
    use precis::server::sort::cli::operator_key;

    let app = sort_app(&[
        ("PRECIS_SERVICES", "classifier"),
        ("PRECIS_OPERATORS", "ops@example.org"),
    ])
    .await;
    let settings = app.settings();
    let refused = operator_key(&settings, "someone@example.org", "k")
        .await
        .unwrap_err();
    assert!(refused.contains("PRECIS_OPERATORS"), "{refused}");
    let refused = operator_key(&settings, "not an email", "k")
        .await
        .unwrap_err();
    assert!(refused.contains("not an email address"), "{refused}");

    let key = operator_key(&settings, " Ops@Example.org", "compose")
        .await
        .expect("a key");
    assert!(key.starts_with("prc_"), "{key}");
    // the same account again: another key
    let second = operator_key(&settings, "ops@example.org", "second")
        .await
        .expect("a second key");
    assert_ne!(key, second);

    let job = format!("{}/api/v1/classifier/jobs/{}", app.address, "0".repeat(32));
    let http = reqwest::Client::new();
    for k in [&key, &second] {
        // an operator's key: the job is looked for (and not found), not refused
        let res = http.get(&job).bearer_auth(k).send().await.unwrap();
        expect_error(res, 404, "not_found").await;
    }
    let res = http.get(&job).send().await.unwrap();
    expect_error(res, 403, "operator_only").await;
}
