//! Keyword search's IDF (BM25): rare words weigh more, and the statistics behind it follow the
//! documents.

use super::harness::Harness;
use super::{ready_doc, texts, ALICE};
use crate::store::Scope;

const X: [f32; 4] = [1.0, 0.0, 0.0, 0.0];

/// BM25's IDF: a word found in few passages weighs more than one found in most of them, so a
/// passage with the question's rare word ranks above one holding its common words many times.
pub async fn keyword_weighs_rare_words_more(h: Box<dyn Harness>) {
    let store = h.store();
    ready_doc(
        &*store,
        ALICE,
        &[
            ("the road is long where it bends", X),
            ("where is the the the where is is where", X),
            ("the road is wet where the river is", X),
            ("the road is dark where the trees are", X),
            ("the sky is grey where the clouds are", X),
            ("the sea is calm where the bay is", X),
            ("the zebra is long where it bends", X),
            ("the hill is steep where the path is", X),
        ],
    )
    .await;
    let scope = Scope::person(ALICE);
    let hits = store
        .keyword(&scope, "Where is the zebra?", 10)
        .await
        .unwrap();
    let got = texts(&*store, &hits).await;
    assert_eq!(got[0], "the zebra is long where it bends", "{got:?}");
    // one word each, passages alike but for it: the rarer one's passage first (a tie would put
    // the older one first)
    let hits = store.keyword(&scope, "road zebra", 10).await.unwrap();
    let got = texts(&*store, &hits).await;
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0], "the zebra is long where it bends", "{got:?}");
    assert!(hits[0].score > hits[1].score, "{hits:?}");
}

/// A deleted document's words no longer count: a word that was common because of it is rare
/// again, and weighs as much as any other rare word.
pub async fn keyword_statistics_forget_deleted_documents(h: Box<dyn Harness>) {
    let store = h.store();
    ready_doc(
        &*store,
        ALICE,
        &[
            ("xylo xylo xylo", X),
            ("yak", X),
            ("alpha one", X),
            ("beta two", X),
            ("gamma three", X),
        ],
    )
    .await;
    let crowd: Vec<String> = (0..10).map(|i| format!("xylo filler {i}")).collect();
    let crowd: Vec<(&str, [f32; 4])> = crowd.iter().map(|t| (t.as_str(), X)).collect();
    let gone = ready_doc(&*store, ALICE, &crowd).await;
    let scope = Scope::person(ALICE);
    let first = |hits: Vec<crate::store::Hit>| {
        let store = store.clone();
        async move { texts(&*store, &hits[..1]).await.remove(0) }
    };
    // "xylo" is in 11 of 15 passages: it says almost nothing, "yak" decides
    let hits = store.keyword(&scope, "xylo yak", 10).await.unwrap();
    assert_eq!(first(hits).await, "yak");
    assert!(store.delete_document(ALICE, &gone.id).await.unwrap());
    // now both are in one passage of five: the one with "xylo" three times first
    let hits = store.keyword(&scope, "xylo yak", 10).await.unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(first(hits).await, "xylo xylo xylo");
}
