//! The question service: grounded answers with citations, "not in your documents", the stream,
//! the rules of a question, the writers.

use serde_json::{json, Value};

use super::{ask_app, Store, GARDENING, HANDBOOK};
use crate::helpers::{expect_error, sse_events, SMOLLM};
use crate::on_both_stores;

on_both_stores!(
    an_answer_quotes_the_passage_that_holds_it,
    a_question_the_documents_cannot_answer_says_so,
    questions_can_be_limited_to_some_documents,
);

async fn an_answer_quotes_the_passage_that_holds_it(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    let handbook = user.add_ready("Staff handbook", HANDBOOK).await;
    user.add_ready("Garden", GARDENING).await;
    let a = user
        .answer("How many days of paid holiday do we get?")
        .await;
    assert_eq!(a["grounded"], true, "{a}");
    assert_eq!(a["model"], "extractive");
    let first = &a["passages"][0];
    assert_eq!(first["document_id"], handbook["id"]);
    assert_eq!(first["number"], 1);
    assert!(
        first["text"].as_str().unwrap().contains("25 days"),
        "{first}"
    );
    let answer = a["answer"].as_str().unwrap();
    assert!(answer.contains("25 days of paid holiday"), "{answer}");
    assert!(answer.contains("[1]"), "{answer}");
    assert_eq!(first["cited"], true);
    // offsets point into the document's text
    let (start, end) = (
        first["start"].as_u64().unwrap(),
        first["end"].as_u64().unwrap(),
    );
    assert!(start < end);
    assert_eq!(
        (end - start) as usize,
        first["text"].as_str().unwrap().chars().count()
    );
    assert!(a["latency_ms"].as_u64().is_some());
}

async fn a_question_the_documents_cannot_answer_says_so(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let a = user
        .answer("Which team won the 1998 football world cup final?")
        .await;
    assert_eq!(a["grounded"], false, "{a}");
    assert!(
        a["answer"]
            .as_str()
            .unwrap()
            .starts_with("Your documents do not seem to answer"),
        "{a}"
    );
    assert!(
        !a["passages"].as_array().unwrap().is_empty(),
        "the closest ones are shown"
    );
    assert!(a["passages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["cited"] == false));
}

async fn questions_can_be_limited_to_some_documents(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let garden = user.add_ready("Garden", GARDENING).await;
    let res = user
        .ask(json!({
            "question": "How many days of paid holiday do we get?",
            "document_ids": [garden["id"]],
            "top_k": 3
        }))
        .await;
    assert_eq!(res.status(), 200);
    let a: Value = res.json().await.unwrap();
    let passages = a["passages"].as_array().unwrap();
    assert!(!passages.is_empty() && passages.len() <= 3);
    assert!(passages.iter().all(|p| p["document_id"] == garden["id"]));
}

#[tokio::test]
async fn the_stream_sends_passages_then_the_answer() {
    let app = ask_app(&Store::Sqlite, &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let body = json!({"question": "When are taxis refunded?"});
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/questions/stream", app.address))
                .json(&body),
        )
        .await;
    assert_eq!(res.status(), 200);
    let events = sse_events(res).await;
    assert_eq!(events[0]["type"], "passages", "{events:?}");
    assert_eq!(events[0]["grounded"], true);
    let last = events.last().unwrap();
    assert_eq!(last["type"], "done", "{last}");
    let streamed: String = events
        .iter()
        .filter(|e| e["type"] == "token")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(streamed, last["answer"]["answer"].as_str().unwrap());
    assert!(streamed.contains("10 pm"), "{streamed}");
}

#[tokio::test]
async fn broken_rules_are_refused_before_any_work() {
    let app = ask_app(&Store::Sqlite, &[]).await;
    let user = app.user();
    expect_error(
        user.ask(json!({"question": "Anything?"})).await,
        409,
        "no_documents",
    )
    .await;
    user.add_ready("Garden", GARDENING).await;
    let e = expect_error(
        user.ask(json!({"question": "  "})).await,
        422,
        "empty_question",
    )
    .await;
    assert_eq!(e["field"], "question");
    let long = "why ".repeat(300);
    expect_error(
        user.ask(json!({"question": long})).await,
        422,
        "question_too_long",
    )
    .await;
    for k in [0, 21] {
        let e = expect_error(
            user.ask(json!({"question": "Sun?", "top_k": k})).await,
            422,
            "invalid_parameter",
        )
        .await;
        assert_eq!(e["field"], "top_k");
    }
    let e = expect_error(
        user.ask(json!({"question": "Sun?", "document_ids": ["nope"]}))
            .await,
        422,
        "invalid_parameter",
    )
    .await;
    assert_eq!(e["field"], "document_ids");
    let e = expect_error(
        user.ask(json!({"question": "Sun?", "document_ids": ["0123456789abcdef0123456789abcdef"]}))
            .await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(e["field"], "document_ids");
    expect_error(
        user.ask(json!({"question": "Sun?", "model": "local/no-such-model"}))
            .await,
        422,
        "model_unavailable",
    )
    .await;
    expect_error(
        user.ask(json!({"question": "Sun?", "colour": "red"})).await,
        400,
        "invalid_request",
    )
    .await;
}

#[tokio::test]
async fn answers_and_errors_are_in_the_persons_language() {
    let app = ask_app(&Store::Sqlite, &[]).await;
    let user = app.user();
    user.add_ready("Garden", GARDENING).await;
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/questions", app.address))
                .header("accept-language", "fr-FR,fr;q=0.9")
                .json(&json!({"question": "Qui a gagné la coupe du monde de football en 1998 ?"})),
        )
        .await;
    let a: Value = res.json().await.unwrap();
    assert_eq!(a["grounded"], false);
    assert!(
        a["answer"]
            .as_str()
            .unwrap()
            .starts_with("Vos documents ne semblent pas"),
        "{a}"
    );
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/questions", app.address))
                .header("accept-language", "pt")
                .json(&json!({"question": " "})),
        )
        .await;
    let e = expect_error(res, 422, "empty_question").await;
    assert_eq!(e["message"], "Escreva primeiro uma pergunta.");
}

#[tokio::test]
async fn a_local_language_model_writes_an_answer_with_checked_citations() {
    let app = ask_app(&Store::Sqlite, &[]).await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    let models: Value = user.models().await;
    assert_eq!(models["default"], "extractive");
    let ids: Vec<&str> = models["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["extractive", SMOLLM]);
    let res = user
        .ask(json!({"question": "How many days of paid holiday do we get?", "model": SMOLLM, "top_k": 2}))
        .await;
    assert_eq!(res.status(), 200);
    let a: Value = res.json().await.unwrap();
    assert_eq!(a["model"], SMOLLM);
    assert_eq!(a["grounded"], true);
    let answer = a["answer"].as_str().unwrap();
    assert!(!answer.trim().is_empty());
    // every citation left in the answer is one of the passages given
    let given = a["passages"].as_array().unwrap().len();
    for (i, _) in answer.match_indices('[') {
        let rest = &answer[i + 1..];
        if let Some(end) = rest.find(']') {
            if let Ok(n) = rest[..end].parse::<usize>() {
                assert!(
                    (1..=given).contains(&n),
                    "citation [{n}] of {given}: {answer}"
                );
            }
        }
    }
}
