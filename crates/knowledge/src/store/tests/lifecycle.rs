//! A document's life: created (once), written in batches, ready, failed, deleted, resumed after
//! a crash, given to another owner.

use super::harness::{Harness, Rows};
use super::{new_doc, only_owner, passage, ready_doc, texts, ALICE, BOB};
use crate::store::{Created, Scope, Status, StoreError};

const NONE: Rows = Rows {
    passages: 0,
    vectors: 0,
    keywords: 0,
};

pub fn rows(n: i64) -> Rows {
    Rows {
        passages: n,
        vectors: n,
        keywords: n,
    }
}

pub async fn identical_documents_are_one(h: Box<dyn Harness>) {
    let store = h.store();
    let first = new_doc(ALICE, "the same text", 1);
    let Created::New(doc) = store.create_document(first.clone()).await.unwrap() else {
        panic!("first upload is new");
    };
    assert_eq!(
        (doc.status, doc.passages_done, doc.chars),
        (Status::Processing, 0, 13)
    );
    let again = new_doc(ALICE, "the same text", 1);
    assert_eq!(
        store.create_document(again).await.unwrap(),
        Created::Existing(doc.clone())
    );
    // another owner's copy is another document
    let Created::New(bobs) = store
        .create_document(new_doc(BOB, "the same text", 1))
        .await
        .unwrap()
    else {
        panic!("another owner's is new");
    };
    assert_ne!(bobs.id, doc.id);
    // two identical uploads at once make one document
    let (a, b) = (new_doc(ALICE, "at once", 1), new_doc(ALICE, "at once", 1));
    let (a, b) = tokio::join!(store.create_document(a), store.create_document(b));
    let (a, b) = (a.unwrap(), b.unwrap());
    let id = |c: &Created| match c {
        Created::New(d) | Created::Existing(d) => d.id.clone(),
    };
    assert_eq!(id(&a), id(&b));
    assert_eq!(
        [&a, &b]
            .iter()
            .filter(|c| matches!(c, Created::New(_)))
            .count(),
        1,
        "{a:?} {b:?}"
    );
    assert_eq!(store.documents(&only_owner(ALICE)).await.unwrap().len(), 2);
}

pub async fn a_failing_batch_writes_nothing(h: Box<dyn Harness>) {
    let store = h.store();
    let Created::New(doc) = store
        .create_document(new_doc(ALICE, "two", 2))
        .await
        .unwrap()
    else {
        panic!()
    };
    let mut bad = passage(1, "second", [0.0, 1.0, 0.0, 0.0]);
    bad.embedding.pop();
    let batch = vec![passage(0, "first", [1.0, 0.0, 0.0, 0.0]), bad];
    let err = store.add_passages(&doc.id, batch, true).await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Dimensions {
                expected: 4,
                found: 3
            }
        ),
        "{err:?}"
    );
    assert_eq!(h.rows().await, NONE);
    let now = store
        .document(&Scope::person(ALICE), &doc.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((now.status, now.passages_done), (Status::Processing, 0));
    // the same batch, right, goes in whole
    let batch = vec![
        passage(0, "first", [1.0, 0.0, 0.0, 0.0]),
        passage(1, "second", [0.0, 1.0, 0.0, 0.0]),
    ];
    store.add_passages(&doc.id, batch, true).await.unwrap();
    assert_eq!(h.rows().await, rows(2));
}

pub async fn ready_only_after_the_last_batch(h: Box<dyn Harness>) {
    let store = h.store();
    let Created::New(doc) = store
        .create_document(new_doc(ALICE, "abc", 3))
        .await
        .unwrap()
    else {
        panic!()
    };
    let first = vec![
        passage(0, "alpha apple", [1.0, 0.0, 0.0, 0.0]),
        passage(1, "beta banana", [0.0, 1.0, 0.0, 0.0]),
    ];
    store.add_passages(&doc.id, first, false).await.unwrap();
    let scope = Scope::person(ALICE);
    let now = store.document(&scope, &doc.id).await.unwrap().unwrap();
    assert_eq!(
        (now.status, now.passages_done, now.passages_total),
        (Status::Processing, 2, 3)
    );
    // a processing document is listed, but no search sees it
    assert_eq!(store.documents(&scope).await.unwrap().len(), 1);
    let q = super::unit([1.0, 0.0, 0.0, 0.0]);
    assert!(store.dense(&scope, &q, 10).await.unwrap().is_empty());
    assert!(store.keyword(&scope, "apple", 10).await.unwrap().is_empty());
    let last = vec![passage(2, "gamma grape", [0.0, 0.0, 1.0, 0.0])];
    store.add_passages(&doc.id, last, true).await.unwrap();
    let now = store.document(&scope, &doc.id).await.unwrap().unwrap();
    assert_eq!(
        (now.status, now.passages_done, now.error),
        (Status::Ready, 3, None)
    );
    // the first batch's passages are searchable now too
    let hits = store.dense(&scope, &q, 10).await.unwrap();
    assert_eq!(hits.len(), 3);
    assert_eq!(texts(&*store, &hits[..1]).await, ["alpha apple"]);
    let hits = store.keyword(&scope, "apple grape", 10).await.unwrap();
    assert_eq!(hits.len(), 2);
}

pub async fn a_repeated_batch_replaces_its_passages(h: Box<dyn Harness>) {
    let store = h.store();
    let Created::New(doc) = store.create_document(new_doc(ALICE, "r", 3)).await.unwrap() else {
        panic!()
    };
    let batch = |word: &str| {
        vec![
            passage(0, &format!("{word} zero"), [1.0, 0.0, 0.0, 0.0]),
            passage(1, &format!("{word} one"), [0.0, 1.0, 0.0, 0.0]),
        ]
    };
    store
        .add_passages(&doc.id, batch("old"), false)
        .await
        .unwrap();
    // resumed after a crash: the job repeats its last batch, then goes on
    store
        .add_passages(&doc.id, batch("new"), false)
        .await
        .unwrap();
    let last = vec![passage(2, "new two", [0.0, 0.0, 1.0, 0.0])];
    store.add_passages(&doc.id, last, true).await.unwrap();
    let scope = Scope::person(ALICE);
    let now = store.document(&scope, &doc.id).await.unwrap().unwrap();
    assert_eq!((now.status, now.passages_done), (Status::Ready, 3));
    assert_eq!(h.rows().await, rows(3));
    assert!(store.keyword(&scope, "old", 10).await.unwrap().is_empty());
    assert_eq!(store.keyword(&scope, "new", 10).await.unwrap().len(), 3);
    assert_eq!(
        store
            .dense(&scope, &super::unit([1.0; 4]), 10)
            .await
            .unwrap()
            .len(),
        3
    );
}

pub async fn a_deleted_document_takes_no_more_passages(h: Box<dyn Harness>) {
    let store = h.store();
    let Created::New(doc) = store.create_document(new_doc(ALICE, "d", 2)).await.unwrap() else {
        panic!()
    };
    assert!(store.delete_document(ALICE, &doc.id).await.unwrap());
    let batch = vec![passage(0, "late", [1.0, 0.0, 0.0, 0.0])];
    let err = store.add_passages(&doc.id, batch, false).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::NoDocument(id) if *id == doc.id),
        "{err:?}"
    );
    let err = store.fail_document(&doc.id, "too_big").await.unwrap_err();
    assert!(matches!(err, StoreError::NoDocument(_)), "{err:?}");
    assert_eq!(h.rows().await, NONE);
}

pub async fn a_failed_document_keeps_no_passages(h: Box<dyn Harness>) {
    let store = h.store();
    let Created::New(doc) = store.create_document(new_doc(ALICE, "f", 3)).await.unwrap() else {
        panic!()
    };
    let batch = vec![passage(0, "written", [1.0, 0.0, 0.0, 0.0])];
    store.add_passages(&doc.id, batch, false).await.unwrap();
    store
        .fail_document(&doc.id, "embedding_failed")
        .await
        .unwrap();
    let scope = Scope::person(ALICE);
    let now = store.document(&scope, &doc.id).await.unwrap().unwrap();
    assert_eq!(now.status, Status::Failed);
    assert_eq!(now.error.as_deref(), Some("embedding_failed"));
    assert_eq!(now.passages_done, 0);
    assert_eq!(h.rows().await, NONE);
    assert!(store
        .keyword(&scope, "written", 5)
        .await
        .unwrap()
        .is_empty());
    assert!(store.unfinished().await.unwrap().is_empty());
}

pub async fn deleting_leaves_nothing_behind(h: Box<dyn Harness>) {
    let store = h.store();
    let kept = ready_doc(&*store, ALICE, &[("kept words", [1.0, 0.0, 0.0, 0.0])]).await;
    let gone = ready_doc(
        &*store,
        ALICE,
        &[
            ("gone words", [0.0, 1.0, 0.0, 0.0]),
            ("gone too", [0.0, 0.0, 1.0, 0.0]),
        ],
    )
    .await;
    assert_eq!(h.rows().await, rows(3));
    // only the owner deletes
    assert!(!store.delete_document(BOB, &gone.id).await.unwrap());
    assert!(store.delete_document(ALICE, &gone.id).await.unwrap());
    assert!(!store.delete_document(ALICE, &gone.id).await.unwrap());
    assert_eq!(h.rows().await, rows(1));
    let counts = store.counts().await.unwrap();
    assert_eq!((counts.documents, counts.passages), (1, 1));
    let scope = Scope::person(ALICE);
    assert!(store.document(&scope, &gone.id).await.unwrap().is_none());
    let hits = store.keyword(&scope, "words gone", 10).await.unwrap();
    assert_eq!(texts(&*store, &hits).await, ["kept words"]);
    let hits = store
        .dense(&scope, &super::unit([0.0, 1.0, 0.0, 0.0]), 10)
        .await
        .unwrap();
    assert_eq!(texts(&*store, &hits).await, ["kept words"]);
    assert!(store.delete_document(ALICE, &kept.id).await.unwrap());
    assert_eq!(h.rows().await, NONE);
}
