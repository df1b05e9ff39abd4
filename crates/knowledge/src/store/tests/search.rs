//! Who sees what, and how dense and keyword searches rank.

use super::harness::Harness;
use super::{only_owner, ready_doc, texts, unit, ALICE, BOB};
use crate::store::{Scope, StoreError, SHARED};

const X: [f32; 4] = [1.0, 0.0, 0.0, 0.0];

pub async fn owners_are_isolated(h: Box<dyn Harness>) {
    let store = h.store();
    let alices = ready_doc(&*store, ALICE, &[("alice secret plan", X)]).await;
    let bobs = ready_doc(&*store, BOB, &[("bob secret plan", X)]).await;
    for (me, mine, theirs) in [(ALICE, &alices, &bobs), (BOB, &bobs, &alices)] {
        for scope in [only_owner(me), Scope::person(me)] {
            let listed: Vec<String> = store
                .documents(&scope)
                .await
                .unwrap()
                .into_iter()
                .map(|d| d.id)
                .collect();
            assert_eq!(listed, std::slice::from_ref(&mine.id));
            assert!(store.document(&scope, &theirs.id).await.unwrap().is_none());
            assert!(store.document(&scope, &mine.id).await.unwrap().is_some());
            let hits = store.dense(&scope, &unit(X), 10).await.unwrap();
            assert_eq!(
                texts(&*store, &hits).await,
                [format!("{} secret plan", mine_name(me))]
            );
            let hits = store.keyword(&scope, "secret", 10).await.unwrap();
            assert_eq!(
                texts(&*store, &hits).await,
                [format!("{} secret plan", mine_name(me))]
            );
            // naming another's document does not reach it
            let named = Scope {
                documents: Some(vec![theirs.id.clone()]),
                ..scope.clone()
            };
            assert!(store.dense(&named, &unit(X), 10).await.unwrap().is_empty());
            assert!(store
                .keyword(&named, "secret", 10)
                .await
                .unwrap()
                .is_empty());
            assert!(store.documents(&named).await.unwrap().is_empty());
        }
    }
}

fn mine_name(owner: &str) -> &'static str {
    if owner == ALICE {
        "alice"
    } else {
        "bob"
    }
}

pub async fn the_shared_library_is_seen_when_asked(h: Box<dyn Harness>) {
    let store = h.store();
    ready_doc(&*store, SHARED, &[("shared handbook chapter", X)]).await;
    ready_doc(
        &*store,
        ALICE,
        &[("alice handbook notes", [0.5, 0.5, 0.0, 0.0])],
    )
    .await;
    let with = Scope::person(ALICE);
    assert!(with.shared);
    assert_eq!(store.documents(&with).await.unwrap().len(), 2);
    let hits = store.dense(&with, &unit(X), 10).await.unwrap();
    assert_eq!(
        texts(&*store, &hits).await,
        ["shared handbook chapter", "alice handbook notes"]
    );
    assert_eq!(store.keyword(&with, "handbook", 10).await.unwrap().len(), 2);
    let without = only_owner(ALICE);
    assert_eq!(store.documents(&without).await.unwrap().len(), 1);
    let hits = store.dense(&without, &unit(X), 10).await.unwrap();
    assert_eq!(texts(&*store, &hits).await, ["alice handbook notes"]);
    let hits = store.keyword(&without, "handbook", 10).await.unwrap();
    assert_eq!(texts(&*store, &hits).await, ["alice handbook notes"]);
    // someone without documents of their own still sees the library
    assert_eq!(
        store
            .dense(&Scope::person(BOB), &unit(X), 10)
            .await
            .unwrap()
            .len(),
        1
    );
}

pub async fn a_scope_can_name_documents(h: Box<dyn Harness>) {
    let store = h.store();
    let a = ready_doc(&*store, ALICE, &[("topic in a", X), ("more of a", X)]).await;
    let b = ready_doc(&*store, ALICE, &[("topic in b", [0.9, 0.1, 0.0, 0.0])]).await;
    let s = ready_doc(&*store, SHARED, &[("topic in s", [0.8, 0.2, 0.0, 0.0])]).await;
    let c = ready_doc(&*store, BOB, &[("topic in c", X)]).await;
    let named = |ids: &[&str], shared: bool| Scope {
        owner: ALICE.into(),
        shared,
        documents: Some(ids.iter().map(|s| s.to_string()).collect()),
    };
    let scope = named(&[&b.id, &c.id, &s.id, "no-such-document"], true);
    let hits = store.dense(&scope, &unit(X), 10).await.unwrap();
    assert_eq!(texts(&*store, &hits).await, ["topic in b", "topic in s"]);
    let hits = store.keyword(&scope, "topic", 10).await.unwrap();
    let mut got = texts(&*store, &hits).await;
    got.sort();
    assert_eq!(got, ["topic in b", "topic in s"]);
    let mut listed: Vec<String> = store
        .documents(&scope)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    listed.sort();
    let mut expected = vec![b.id.clone(), s.id.clone()];
    expected.sort();
    assert_eq!(listed, expected);
    // the shared document needs the shared library in the scope
    let hits = store
        .dense(&named(&[&b.id, &s.id], false), &unit(X), 10)
        .await
        .unwrap();
    assert_eq!(texts(&*store, &hits).await, ["topic in b"]);
    // k counts within the named documents, not before they are picked
    let hits = store
        .dense(&named(&[&a.id], true), &unit([0.0, 1.0, 0.0, 0.0]), 2)
        .await
        .unwrap();
    assert_eq!(hits.len(), 2);
    // an empty list names nothing
    assert!(store
        .dense(&named(&[], true), &unit(X), 10)
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .keyword(&named(&[], true), "topic", 10)
        .await
        .unwrap()
        .is_empty());
}

pub async fn dense_ranks_by_cosine(h: Box<dyn Harness>) {
    let store = h.store();
    ready_doc(
        &*store,
        ALICE,
        &[
            ("orthogonal", [0.0, 1.0, 0.0, 0.0]),
            ("opposite", [-1.0, 0.0, 0.0, 0.0]),
            ("same", [2.0, 0.0, 0.0, 0.0]),
            ("close", [0.8, 0.6, 0.0, 0.0]),
            ("closer", [0.96, 0.28, 0.0, 0.0]),
        ],
    )
    .await;
    let scope = Scope::person(ALICE);
    let hits = store.dense(&scope, &unit(X), 10).await.unwrap();
    assert_eq!(
        texts(&*store, &hits).await,
        ["same", "closer", "close", "orthogonal", "opposite"]
    );
    let scores: Vec<f32> = hits.iter().map(|h| h.score).collect();
    for (got, want) in scores.iter().zip([1.0, 0.96, 0.8, 0.0, -1.0]) {
        assert!((got - want).abs() < 1e-4, "{scores:?}");
    }
    let top = store.dense(&scope, &unit(X), 2).await.unwrap();
    assert_eq!(top, hits[..2]);
    assert!(store.dense(&scope, &unit(X), 0).await.unwrap().is_empty());
    let err = store.dense(&scope, &[1.0, 0.0], 3).await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Dimensions {
                expected: 4,
                found: 2
            }
        ),
        "{err:?}"
    );
}

pub async fn keyword_ranks_and_matches_any_word(h: Box<dyn Harness>) {
    let store = h.store();
    ready_doc(
        &*store,
        ALICE,
        &[
            ("Rain once, then sun.", X),
            ("Rain falls on the plain; rain, rain and more rain.", X),
            ("The budget of the city grew.", X),
            ("Nothing to see here", X),
        ],
    )
    .await;
    let scope = Scope::person(ALICE);
    // case does not matter, and the passage with more of the word ranks first
    let hits = store.keyword(&scope, "RAIN", 10).await.unwrap();
    assert_eq!(
        texts(&*store, &hits).await,
        [
            "Rain falls on the plain; rain, rain and more rain.",
            "Rain once, then sun."
        ]
    );
    assert!(
        hits[0].score > hits[1].score && hits[1].score > 0.0,
        "{hits:?}"
    );
    // any word may match
    let hits = store.keyword(&scope, "city sun budget", 10).await.unwrap();
    let mut got = texts(&*store, &hits).await;
    got.sort();
    assert_eq!(
        got,
        ["Rain once, then sun.", "The budget of the city grew."]
    );
    assert_eq!(
        store.keyword(&scope, "city sun budget", 1).await.unwrap(),
        hits[..1]
    );
    assert!(store.keyword(&scope, "snow", 10).await.unwrap().is_empty());
    // punctuation around a word is not part of it
    assert_eq!(
        store
            .keyword(&scope, "\"budget\"?!", 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(store.keyword(&scope, "rain", 0).await.unwrap().is_empty());
}

pub async fn keyword_never_fails_on_what_people_type(h: Box<dyn Harness>) {
    let store = h.store();
    ready_doc(
        &*store,
        ALICE,
        &[("l'été à Paris: café, crème brûlée & more", X)],
    )
    .await;
    let scope = Scope::person(ALICE);
    let long = "word ".repeat(2000);
    let huge = "x".repeat(100_000);
    let hostile = [
        "",
        " ",
        "\0",
        "a\0b",
        "\0\0\0",
        "\"",
        "\"\"\"",
        "'",
        "''",
        "\\",
        "\\'",
        "a'b",
        "NEAR(",
        "NEAR(a b)",
        "NEAR(a, 2)",
        "*",
        "a*",
        "**",
        "'; DROP TABLE knowledge_documents; --",
        "\"; DROP TABLE knowledge_passages; --",
        "🦀🔥",
        "!!!???",
        "...",
        "(((",
        ")))",
        "{}[]",
        "AND",
        "OR NOT",
        "a AND b OR NOT c",
        "col:value",
        "text:x",
        "^start",
        "-rain",
        "+x",
        "a & b | c",
        "!a",
        "a <-> b",
        "a:*",
        "$1",
        "%_",
        "NULL",
        "x\u{202e}y",
        "\u{FFFD}",
        "e\u{301}",
        "\u{1b}[31m",
        "a\\b",
        "a'b\\c",
        "'x'",
        "''y''",
        "a''",
        "\\\\",
        "\r\n\t",
        &long,
        &huge,
        "été",
        "CAFÉ crème",
    ];
    for q in hostile {
        let got = store.keyword(&scope, q, 10).await;
        assert!(got.is_ok(), "{q:?}: {got:?}");
    }
    for q in ["", " ", "\0", "!!!???", "...", "🦀🔥", "*", "(((", "{}[]"] {
        assert!(
            store.keyword(&scope, q, 10).await.unwrap().is_empty(),
            "{q:?}"
        );
    }
    // quotes, operators and NULs do not stop the words around them from matching
    for q in [
        "\"café\"",
        "café*",
        "x\0café",
        "'; café --",
        "Paris'",
        "(Paris)",
        "NEAR( café",
    ] {
        assert_eq!(
            store.keyword(&scope, q, 10).await.unwrap().len(),
            1,
            "{q:?}"
        );
    }
    // a word with punctuation inside is looked for as its parts, any of which may match
    for q in ["crème-brûlée", "brûlée-crème", "NEAR(café", "snow/paris"] {
        assert_eq!(
            store.keyword(&scope, q, 10).await.unwrap().len(),
            1,
            "{q:?}"
        );
    }
    assert_eq!(store.counts().await.unwrap().passages, 1);
}

/// Another owner's passages crowd the query's neighbourhood: an approximate index (pgvector's
/// HNSW keeps only its nearest candidates, then filters) must not return fewer than k.
pub async fn a_crowded_neighbourhood_still_gives_k(h: Box<dyn Harness>) {
    let store = h.store();
    let crowd: Vec<(String, [f32; 4])> = (0..300)
        .map(|i| (format!("crowd {i}"), [1.0, i as f32 / 1000.0, 0.0, 0.0]))
        .collect();
    let crowd: Vec<(&str, [f32; 4])> = crowd.iter().map(|(t, v)| (t.as_str(), *v)).collect();
    ready_doc(&*store, BOB, &crowd).await;
    ready_doc(
        &*store,
        ALICE,
        &[
            ("far one", [0.0, 0.0, 1.0, 0.0]),
            ("far two", [0.0, 0.0, 0.0, 1.0]),
            ("far three", [0.0, 1.0, 0.0, 0.0]),
        ],
    )
    .await;
    let hits = store.dense(&only_owner(ALICE), &unit(X), 3).await.unwrap();
    let mut got = texts(&*store, &hits).await;
    got.sort();
    assert_eq!(got, ["far one", "far three", "far two"]);
    assert_eq!(
        store
            .dense(&only_owner(BOB), &unit(X), 20)
            .await
            .unwrap()
            .len(),
        20
    );
}
