//! Nothing half-done is marked done: a stop in the middle of indexing leaves the document
//! `processing` (never searchable half-indexed), and the next start finishes it, with every
//! passage exactly once.

use serde_json::{json, Value};

use super::{ask_app, long_text, Store};
use crate::helpers::expect_error;
use crate::on_both_stores;

on_both_stores!(a_stop_mid_document_resumes_at_the_next_start);

async fn a_stop_mid_document_resumes_at_the_next_start(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    let res = user.add_text("River survey", &long_text()).await;
    assert_eq!(res.status(), 202);
    let doc: Value = res.json().await.unwrap();
    let id = doc["id"].as_str().unwrap().to_string();
    let total = doc["passages"].as_u64().unwrap();
    // stop as soon as some batches are written, before the last
    let mut done = 0;
    for _ in 0..600 {
        let now: Value = user.document(&id).await.json().await.unwrap();
        done = now["passages_done"].as_u64().unwrap();
        if done > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(done > 0 && done < total, "{done} of {total}");
    let app = app.restart().await;
    let user = user.on(&app);
    let after: Value = user.document(&id).await.json().await.unwrap();
    // it may already have moved on since the restart; it is never ready half-done
    if after["status"] == "processing" {
        let res = user
            .ask(json!({"question": "How deep was the river at station 3?"}))
            .await;
        expect_error(res, 409, "no_documents").await;
    }
    let finished = user.wait_indexed(&id).await;
    assert_eq!(finished["status"], "ready", "{finished}");
    assert_eq!(finished["passages_done"], total);
    assert_eq!(finished["passages"], total);
    // every passage once: the last paragraph is found, and only once
    let a = user
        .ask(json!({"question": "survey team 419 station 419", "top_k": 20}))
        .await;
    let a: Value = a.json().await.unwrap();
    let hits = a["passages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["text"].as_str().unwrap().contains("Paragraph 419."))
        .count();
    assert!(hits >= 1, "{a}");
    let ordinals: Vec<u64> = a["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["ordinal"].as_u64().unwrap())
        .collect();
    let mut unique = ordinals.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        ordinals.len(),
        "a passage twice: {ordinals:?}"
    );
}
