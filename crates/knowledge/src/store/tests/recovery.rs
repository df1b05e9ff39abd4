//! What outlives a store: unfinished documents after a crash, the embedding model it was made
//! for, documents given to another owner; and reading passages back.

use super::harness::Harness;
use super::lifecycle::rows;
use super::{embedder, new_doc, only_owner, passage, ready_doc, texts, ALICE, BOB};
use crate::store::{Created, EmbedderId, Scope, Status, StoreError, SHARED};

pub async fn unfinished_documents_survive_a_crash(mut h: Box<dyn Harness>) {
    let store = h.store();
    let Created::New(first) = store
        .create_document(new_doc(ALICE, "first text", 3))
        .await
        .unwrap()
    else {
        panic!()
    };
    let batch = vec![passage(0, "written before", [1.0, 0.0, 0.0, 0.0])];
    store.add_passages(&first.id, batch, false).await.unwrap();
    let Created::New(second) = store
        .create_document(new_doc(BOB, "second text", 1))
        .await
        .unwrap()
    else {
        panic!()
    };
    ready_doc(&*store, ALICE, &[("finished", [0.0, 1.0, 0.0, 0.0])]).await;
    drop(store);
    h.reopen(embedder()).await.unwrap();
    let store = h.store();
    let unfinished = store.unfinished().await.unwrap();
    let got: Vec<(&str, &str, u32, Status)> = unfinished
        .iter()
        .map(|(d, text)| (d.id.as_str(), text.as_str(), d.passages_done, d.status))
        .collect();
    assert_eq!(
        got,
        [
            (first.id.as_str(), "first text", 1, Status::Processing),
            (second.id.as_str(), "second text", 0, Status::Processing),
        ]
    );
    // and the job goes on where it stopped
    let rest = vec![
        passage(1, "written after", [0.0, 0.0, 1.0, 0.0]),
        passage(2, "and last", [0.0, 0.0, 0.0, 1.0]),
    ];
    store.add_passages(&first.id, rest, true).await.unwrap();
    assert_eq!(store.unfinished().await.unwrap().len(), 1);
    assert_eq!(
        store
            .keyword(&Scope::person(ALICE), "written", 5)
            .await
            .unwrap()
            .len(),
        2
    );
}

pub async fn another_embedder_is_refused(mut h: Box<dyn Harness>) {
    ready_doc(&*h.store(), ALICE, &[("kept", [1.0, 0.0, 0.0, 0.0])]).await;
    let bigger = EmbedderId {
        dims: 8,
        ..embedder()
    };
    let err = h.reopen(bigger).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::EmbedderChanged { expected: 8, found: 4, expected_model, found_model }
            if expected_model == "test-model" && found_model == "test-model"),
        "{err:?}"
    );
    let renamed = EmbedderId {
        model: "other-model".into(),
        dims: 4,
    };
    let err = h.reopen(renamed).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::EmbedderChanged { found_model, .. } if found_model == "test-model")
    );
    h.reopen(embedder()).await.unwrap();
    assert_eq!(h.store().counts().await.unwrap().passages, 1);
    assert_eq!(h.rows().await, rows(1));
}

pub async fn moving_an_owner_gives_everything(h: Box<dyn Harness>) {
    let store = h.store();
    let visitor = "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0";
    let own = ready_doc(&*store, visitor, &[("visitor notes", [1.0, 0.0, 0.0, 0.0])]).await;
    let dup = ready_doc(&*store, visitor, &[("common paper", [0.0, 1.0, 0.0, 0.0])]).await;
    let kept = ready_doc(&*store, ALICE, &[("common paper", [0.0, 1.0, 0.0, 0.0])]).await;
    assert_eq!(dup.content_hash, kept.content_hash);
    assert_eq!(store.move_owner(visitor, ALICE).await.unwrap(), 1);
    assert_eq!(store.move_owner(visitor, ALICE).await.unwrap(), 0);
    assert!(store
        .documents(&only_owner(visitor))
        .await
        .unwrap()
        .is_empty());
    let mut ids: Vec<String> = store
        .documents(&only_owner(ALICE))
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    ids.sort();
    let mut expected = vec![own.id.clone(), kept.id.clone()];
    expected.sort();
    assert_eq!(ids, expected);
    assert_eq!(h.rows().await, rows(2));
    // the moved passages are found in their new owner's searches, and no longer in the old's
    let q = super::unit([1.0, 0.0, 0.0, 0.0]);
    let hits = store.dense(&only_owner(ALICE), &q, 1).await.unwrap();
    assert_eq!(texts(&*store, &hits).await, ["visitor notes"]);
    let hits = store
        .keyword(&only_owner(ALICE), "visitor", 5)
        .await
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert!(store
        .dense(&only_owner(visitor), &q, 5)
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .keyword(&only_owner(visitor), "visitor", 5)
        .await
        .unwrap()
        .is_empty());
    // a person's documents can become the shared library's
    assert_eq!(store.move_owner(ALICE, SHARED).await.unwrap(), 2);
    assert_eq!(
        store.dense(&Scope::person(BOB), &q, 5).await.unwrap().len(),
        2
    );
}

pub async fn passages_come_in_the_order_asked(h: Box<dyn Harness>) {
    let store = h.store();
    let doc = ready_doc(
        &*store,
        ALICE,
        &[
            ("zero", [1.0, 0.0, 0.0, 0.0]),
            ("one", [0.0, 1.0, 0.0, 0.0]),
            ("two", [0.0, 0.0, 1.0, 0.0]),
        ],
    )
    .await;
    let hits = store
        .keyword(&Scope::person(ALICE), "zero one two", 3)
        .await
        .unwrap();
    let mut ids: Vec<i64> = hits.iter().map(|h| h.passage).collect();
    ids.sort();
    let asked = [ids[2], 987_654_321, ids[0], ids[1]];
    let got = store.passages(&asked).await.unwrap();
    let summary: Vec<(i64, &str, u32, u32, u32)> = got
        .iter()
        .map(|p| (p.id, p.text.as_str(), p.ordinal, p.start, p.end))
        .collect();
    assert_eq!(
        summary,
        [
            (ids[2], "two", 2, 200, 203),
            (ids[0], "zero", 0, 0, 4),
            (ids[1], "one", 1, 100, 103)
        ]
    );
    assert!(got
        .iter()
        .all(|p| p.document_id == doc.id && p.title == doc.title));
    assert!(store.passages(&[]).await.unwrap().is_empty());
    let counts = store.counts().await.unwrap();
    assert_eq!((counts.documents, counts.passages), (1, 3));
    store.ping().await.unwrap();
    assert!(["sqlite-vec", "pgvector"].contains(&store.kind()));
}
