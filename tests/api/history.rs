use serde_json::{json, Value};
use sqlx::Row;

use crate::helpers::{expect_error, spawn_app, ARTICLE};

#[tokio::test]
async fn history_lists_newest_first_and_reopens_and_deletes() {
    let app = spawn_app().await;
    app.hf_answers("A summary.").await;
    let user = app.user();
    let mut ids = Vec::new();
    for text in ["First text about rivers.", "Second text about mountains."] {
        let res = user
            .summarize(json!({"text": text, "parameters": {"max_length": 77}}))
            .await;
        let body: Value = res.json().await.unwrap();
        ids.push(body["id"].as_i64().unwrap());
    }

    let list = user.list().await;
    let items = list["summaries"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], ids[1], "newest first");
    assert_eq!(items[0]["title"], "Second text about mountains");
    assert_eq!(items[1]["title"], "First text about rivers");

    let res = user.get(ids[0]).await;
    assert_eq!(res.status(), 200);
    let full: Value = res.json().await.unwrap();
    assert_eq!(full["text"], "First text about rivers.");
    assert_eq!(full["summary"], "A summary.");
    assert_eq!(full["parameters"]["max_length"], 77);

    assert_eq!(user.delete(ids[0]).await.status(), 204);
    expect_error(user.get(ids[0]).await, 404, "not_found").await;
    expect_error(user.delete(ids[0]).await, 404, "not_found").await;
    assert_eq!(user.list().await["summaries"].as_array().unwrap().len(), 1);

    let res = user
        .send(
            user.http
                .delete(format!("{}/api/v1/summaries", app.address)),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(user.list().await["summaries"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn two_people_never_see_each_others_history() {
    let app = spawn_app().await;
    app.hf_answers("Private.").await;
    let (a, b) = (app.user(), app.user());
    let id = a.summarize_id(json!({"text": ARTICLE})).await;

    b.list().await; // B gets an id
    assert_eq!(b.list().await["summaries"].as_array().unwrap().len(), 0);
    expect_error(b.get(id).await, 404, "not_found").await;
    expect_error(b.delete(id).await, 404, "not_found").await;
    let res = b
        .send(b.http.delete(format!("{}/api/v1/summaries", app.address)))
        .await;
    assert_eq!(res.status(), 204);

    assert_eq!(
        a.get(id).await.status(),
        200,
        "A's summary survived B's attempts"
    );
    assert_eq!(a.list().await["summaries"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn history_survives_a_restart() {
    let app = spawn_app().await;
    app.hf_answers("Kept.").await;
    let user = app.user();
    let id = user.summarize_id(json!({"text": ARTICLE})).await;

    let app = app.restart().await;
    let same_user = user.on(&app);
    let list = same_user.list().await;
    assert_eq!(list["summaries"][0]["id"], id);
    let full: Value = same_user.get(id).await.json().await.unwrap();
    assert_eq!(full["summary"], "Kept.");
}

#[tokio::test]
async fn every_request_is_recorded_failures_included() {
    let app = spawn_app().await;
    app.hf_answers("Recorded.").await;
    let user = app.user();
    assert_eq!(user.summarize(json!({"text": ARTICLE})).await.status(), 201);
    assert_eq!(user.summarize(json!({"text": ""})).await.status(), 422);
    // failures are recorded but not listed (listing also waits for queued records)
    assert_eq!(user.list().await["summaries"].as_array().unwrap().len(), 1);

    let db = app.db().await;
    let rows = sqlx::query("SELECT outcome, error_code, model, provider, latency_ms, user_id FROM summaries ORDER BY id")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].get::<String, _>("outcome"), "ok");
    assert_eq!(
        rows[0].get::<Option<String>, _>("provider").as_deref(),
        Some("huggingface")
    );
    assert!(rows[0].get::<i64, _>("latency_ms") >= 0);
    assert_eq!(rows[1].get::<String, _>("outcome"), "error");
    assert_eq!(
        rows[1].get::<Option<String>, _>("error_code").as_deref(),
        Some("empty_text")
    );
    assert_eq!(
        rows[0].get::<String, _>("user_id"),
        rows[1].get::<String, _>("user_id")
    );
}

#[tokio::test]
async fn ids_are_never_reused_after_deletion_or_restart() {
    let app = spawn_app().await;
    app.hf_answers("x").await;
    let user = app.user();
    let first = user.summarize_id(json!({"text": ARTICLE})).await;
    assert_eq!(user.delete(first).await.status(), 204);
    let app = app.restart().await;
    let user = user.on(&app);
    app.hf_answers("y").await;
    let second = user.summarize_id(json!({"text": ARTICLE})).await;
    assert!(second > first, "{second} after {first}");
}
