//! The ingestion service: adding documents (text, files, bad files), the same text twice, long
//! documents in the background, listing, reading and removing, isolation between people.

use serde_json::{json, Value};

use super::{ask_app, long_text, Store, GARDENING, HANDBOOK};
use crate::helpers::{expect_error, sse_events};
use crate::on_both_stores;

on_both_stores!(
    a_pasted_text_is_indexed_within_the_request,
    the_same_text_twice_is_one_document,
    a_long_document_is_indexed_in_the_background,
    removing_a_document_removes_its_passages,
    people_never_see_each_others_documents,
);

async fn a_pasted_text_is_indexed_within_the_request(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    let res = user.add_text("Staff handbook", HANDBOOK).await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["status"], "ready");
    assert_eq!(doc["title"], "Staff handbook");
    assert_eq!(doc["format"], "markdown");
    assert!(doc["passages"].as_u64().unwrap() >= 1);
    assert_eq!(doc["passages"], doc["passages_done"]);
    assert_eq!(doc["shared"], false);
    let id = doc["id"].as_str().unwrap();
    assert_eq!(location, format!("/api/v1/documents/{id}"));
    let list = user.documents().await;
    assert_eq!(list["documents"].as_array().unwrap().len(), 1);
    let one: Value = user.document(id).await.json().await.unwrap();
    assert_eq!(one, doc);
}

async fn the_same_text_twice_is_one_document(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    let first = user.add_ready("Garden", GARDENING).await;
    let res = user.add_text("Garden again", GARDENING).await;
    assert_eq!(res.status(), 200, "already there");
    let again: Value = res.json().await.unwrap();
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["title"], "Garden", "the first one, untouched");
    assert_eq!(
        user.documents().await["documents"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // another person adding it gets their own
    let other = app.user().add_ready("Garden", GARDENING).await;
    assert_ne!(other["id"], first["id"]);
}

async fn a_long_document_is_indexed_in_the_background(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    let res = user.add_text("River survey", &long_text()).await;
    assert_eq!(res.status(), 202);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["status"], "processing");
    let total = doc["passages"].as_u64().unwrap();
    assert!(total > 64, "{total} passages");
    let id = doc["id"].as_str().unwrap().to_string();
    // its progress, as a stream, ends with it ready
    let events = user
        .send(
            user.http
                .get(format!("{}/api/v1/documents/{id}/events", app.address)),
        )
        .await;
    assert_eq!(events.status(), 200);
    let events = sse_events(events).await;
    let last = events.last().expect("at least one event");
    assert_eq!(last["status"], "ready", "{events:?}");
    assert_eq!(last["passages_done"], total);
    let done: Vec<u64> = events
        .iter()
        .map(|e| e["passages_done"].as_u64().unwrap())
        .collect();
    assert!(
        done.windows(2).all(|w| w[0] <= w[1]),
        "progress only grows: {done:?}"
    );
    // and it answers
    let answer = user.answer("How deep was the river at station 317?").await;
    assert!(answer["passages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("station 317"));
}

async fn removing_a_document_removes_its_passages(store: Store) {
    let app = ask_app(&store, &[]).await;
    let user = app.user();
    let handbook = user.add_ready("Handbook", HANDBOOK).await;
    user.add_ready("Garden", GARDENING).await;
    let id = handbook["id"].as_str().unwrap();
    assert_eq!(user.remove(id).await.status(), 204);
    expect_error(user.document(id).await, 404, "not_found").await;
    expect_error(user.remove(id).await, 404, "not_found").await;
    let answer = user
        .answer("How many days of paid holiday do we get?")
        .await;
    for p in answer["passages"].as_array().unwrap() {
        assert_ne!(p["document_id"], id, "a removed document's passage: {p}");
    }
}

async fn people_never_see_each_others_documents(store: Store) {
    let app = ask_app(&store, &[]).await;
    let alice = app.user();
    let bob = app.user();
    let doc = alice.add_ready("Handbook", HANDBOOK).await;
    let id = doc["id"].as_str().unwrap();
    assert!(bob.documents().await["documents"]
        .as_array()
        .unwrap()
        .is_empty());
    expect_error(bob.document(id).await, 404, "not_found").await;
    expect_error(bob.remove(id).await, 404, "not_found").await;
    let res = bob
        .ask(json!({"question": "How many days of holiday?"}))
        .await;
    expect_error(res, 409, "no_documents").await;
    let res = bob
        .ask(json!({"question": "Holidays?", "document_ids": [id]}))
        .await;
    let e = expect_error(res, 404, "not_found").await;
    assert_eq!(e["field"], "document_ids");
    // still there for Alice
    assert_eq!(alice.document(id).await.status(), 200);
}

#[tokio::test]
async fn files_of_every_supported_kind_are_read() {
    let app = ask_app(&Store::Sqlite, &[]).await;
    let user = app.user();
    let html = "<html><head><title>Opening hours</title></head><body><nav>Home | Contact</nav>\
        <article><h1>Opening hours</h1><p>The library opens at nine in the morning and closes \
        at six in the evening, every day except Sunday.</p></article><footer>© 2026</footer>\
        </body></html>";
    let res = user.add_file("hours.html", "text/html", html.into()).await;
    assert_eq!(res.status(), 201);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(
        (doc["format"].as_str(), doc["title"].as_str()),
        (Some("html"), Some("Opening hours"))
    );
    // Windows-1252 French, as old files are
    let (latin1, _, _) = encoding_rs::WINDOWS_1252
        .encode("Le théâtre ferme à minuit. Réservez à l'accueil, près de la fenêtre.");
    let res = user
        .add_file("théâtre.txt", "text/plain", latin1.into_owned())
        .await;
    assert_eq!(res.status(), 201);
    let answer = user.answer("À quelle heure ferme le théâtre ?").await;
    assert!(answer["passages"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["text"]
            .as_str()
            .unwrap()
            .contains("théâtre ferme à minuit")));
}

#[tokio::test]
async fn bad_files_get_one_clear_sentence_each() {
    let app = ask_app(&Store::Sqlite, &[]).await;
    let user = app.user();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let e = expect_error(
        user.add_file("photo.png", "image/png", png).await,
        415,
        "unsupported_document",
    )
    .await;
    assert_eq!(e["field"], "file");
    expect_error(
        user.add_file("blank.txt", "text/plain", b" \n\t\n".to_vec())
            .await,
        422,
        "empty_document",
    )
    .await;
    expect_error(user.add_text("Blank", "   ").await, 422, "empty_document").await;
    let broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EO".to_vec();
    expect_error(
        user.add_file("broken.pdf", "application/pdf", broken).await,
        422,
        "unreadable_document",
    )
    .await;
    // a multipart body without its file
    let form = reqwest::multipart::Form::new().text("title", "No file");
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/documents", app.address))
                .multipart(form),
        )
        .await;
    let e = expect_error(res, 422, "invalid_request").await;
    assert_eq!(e["field"], "file");
    // a title over the limit
    let res = user.add_text(&"t".repeat(201), GARDENING).await;
    let e = expect_error(res, 422, "invalid_parameter").await;
    assert_eq!(e["field"], "title");
    // too large, announced
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/documents", app.address))
                .header("content-type", "application/json")
                .body(vec![b' '; 21 * 1024 * 1024]),
        )
        .await;
    expect_error(res, 413, "document_too_large").await;
    // nothing was stored by any of them
    assert!(user.documents().await["documents"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn real_pdfs_are_read_and_scans_are_refused() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/knowledge/tests/data");
    let app = ask_app(&Store::Sqlite, &[]).await;
    let user = app.user();
    let text_pdf = std::fs::read(format!("{data}/text.pdf")).expect("fixture text.pdf");
    let res = user
        .add_file("report.pdf", "application/pdf", text_pdf)
        .await;
    assert_eq!(res.status(), 201);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["format"], "pdf");
    let scan = std::fs::read(format!("{data}/image-only.pdf")).expect("fixture image-only.pdf");
    let e = expect_error(
        user.add_file("scan.pdf", "application/pdf", scan).await,
        422,
        "image_only_pdf",
    )
    .await;
    assert!(e["message"].as_str().unwrap().contains("OCR"));
}
