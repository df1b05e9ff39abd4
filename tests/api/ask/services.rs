//! One binary, three ways to run: the ingestion service alone, the question service alone, both
//! over one store (SQLite file or PostgreSQL), each with its own API document and probes.

use serde_json::Value;

use super::{ask_app, Store, HANDBOOK};
use crate::helpers::{expect_error, TestApp};
use crate::on_both_stores;

on_both_stores!(an_ingestion_and_a_question_service_share_one_store);

/// The question service, next to `ingest` (same data folder, so the same cookie key).
async fn beside(ingest: &TestApp, store: &Store) -> TestApp {
    let dir = ingest.data_dir.path().display().to_string();
    ask_app(
        store,
        &[("PRECIS_SERVICES", "ask"), ("PRECIS_DATA_DIR", &dir)],
    )
    .await
}

async fn openapi_paths(app: &TestApp) -> Value {
    let doc: Value = reqwest::get(format!("{}/api/openapi.json", app.address))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    doc["paths"].clone()
}

async fn an_ingestion_and_a_question_service_share_one_store(store: Store) {
    let ingest = ask_app(&store, &[("PRECIS_SERVICES", "ingest")]).await;
    let ask = beside(&ingest, &store).await;
    let user = ingest.user();
    let doc = user.add_ready("Staff handbook", HANDBOOK).await;
    assert_eq!(doc["status"], "ready");
    // the same person (the same cookie) asks the question service
    let asker = user.on(&ask);
    let a = asker
        .answer("How many days of paid holiday do we get?")
        .await;
    assert_eq!(a["grounded"], true);
    assert_eq!(a["passages"][0]["document_id"], doc["id"]);
    assert_eq!(asker.documents().await["documents"][0]["id"], doc["id"]);

    // each serves only its own routes, and says where the others are
    let e = expect_error(
        user.ask(serde_json::json!({"question": "Holidays?"})).await,
        404,
        "not_found",
    )
    .await;
    assert!(
        e["message"].as_str().unwrap().contains("ingestion service"),
        "{e}"
    );
    let e = expect_error(
        asker.add_text("New", "Some new text here.").await,
        404,
        "not_found",
    )
    .await;
    assert!(
        e["message"].as_str().unwrap().contains("question service"),
        "{e}"
    );
    let page = reqwest::get(format!("{}/", ingest.address)).await.unwrap();
    assert_eq!(page.status(), 404);
    for app in [&ingest, &ask] {
        for probe in ["/healthz", "/readyz"] {
            let res = reqwest::get(format!("{}{probe}", app.address))
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{probe}");
        }
    }

    // and documents only what it serves
    let paths = openapi_paths(&ingest).await;
    assert!(paths["/api/v1/documents"]["post"].is_object());
    assert!(paths["/api/v1/documents/{id}"]["delete"].is_object());
    assert!(paths.get("/api/v1/questions").is_none());
    assert!(paths.get("/api/v1/summaries").is_none());
    let paths = openapi_paths(&ask).await;
    assert!(paths["/api/v1/questions"]["post"].is_object());
    assert!(paths["/api/v1/documents"]["get"].is_object());
    assert!(paths["/api/v1/documents"].get("post").is_none());
    assert!(paths["/api/v1/documents/{id}"].get("delete").is_none());
    assert!(paths.get("/api/v1/history").is_none());
}
