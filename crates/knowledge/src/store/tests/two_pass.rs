//! SQLite only: big dense searches in two passes (1-bit copies first, then exact cosine on the
//! candidates), forced on a small store.

use super::harness::open_sqlite;
use super::{ALICE, BOB};
use crate::store::{Created, EmbedderId, NewDocument, NewPassage, Scope, VectorStore, SHARED};

const DIMS: usize = 16;

/// A reproducible unit vector.
fn vector(seed: u64) -> Vec<f32> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let v: Vec<f32> = (0..DIMS)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 40) as f32 / (1u64 << 23) as f32 - 1.0
        })
        .collect();
    let norm = v.iter().map(|a| a * a).sum::<f32>().sqrt();
    v.into_iter().map(|a| a / norm).collect()
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// A document of `n` passages whose vectors are `vector(first + i)`.
async fn add(
    store: &dyn VectorStore,
    owner: &str,
    name: &str,
    first: u64,
    n: u64,
    last: bool,
) -> String {
    let doc = NewDocument {
        id: super::random_hex(),
        owner: owner.into(),
        title: name.into(),
        format: "text".into(),
        content_hash: crate::content_hash(name),
        text: name.into(),
        bytes: 1,
        passages_total: n as u32,
        created_at: 1,
    };
    let Created::New(doc) = store.create_document(doc).await.unwrap() else {
        panic!()
    };
    let batch = (0..n)
        .map(|i| NewPassage {
            ordinal: i as u32,
            start: 0,
            end: 1,
            text: format!("{name} {}", first + i),
            embedding: vector(first + i),
        })
        .collect();
    store.add_passages(&doc.id, batch, last).await.unwrap();
    doc.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn big_searches_take_two_passes_and_keep_their_scope() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("precis.db");
    let embedder = EmbedderId {
        model: "sixteen".into(),
        dims: DIMS,
    };
    let store = open_sqlite(&path, embedder)
        .await
        .unwrap()
        .with_exact_max(0);
    let a = add(&store, ALICE, "a", 0, 300, true).await;
    let b = add(&store, ALICE, "b", 300, 300, true).await;
    add(&store, ALICE, "unready", 600, 300, false).await;
    add(&store, BOB, "bobs", 900, 300, true).await;
    add(&store, SHARED, "shared", 1200, 300, true).await;
    let scope = Scope::person(ALICE);
    for seed in [5u64, 450, 1250] {
        // a query next to a stored vector finds it first, with its exact cosine
        let q: Vec<f32> = vector(seed).iter().map(|x| x * 0.999 + 0.001).collect();
        let hits = store.dense(&scope, &q, 5).await.unwrap();
        assert_eq!(hits.len(), 5);
        let texts: Vec<String> = store
            .passages(&hits.iter().map(|h| h.passage).collect::<Vec<_>>())
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert!(texts[0].ends_with(&format!(" {seed}")), "{seed}: {texts:?}");
        for (hit, text) in hits.iter().zip(&texts) {
            let n: u64 = text.rsplit(' ').next().unwrap().parse().unwrap();
            assert!(!(600..1200).contains(&n), "outside the scope: {text}");
            let exact = cosine(&q, &vector(n)) / cosine(&q, &q).sqrt();
            assert!(
                (hit.score - exact).abs() < 1e-4,
                "{text}: {} vs {exact}",
                hit.score
            );
        }
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
    // a scope naming a document stays within it
    let named = Scope {
        documents: Some(vec![b.clone()]),
        ..scope.clone()
    };
    for hit in store.dense(&named, &vector(5), 5).await.unwrap() {
        let p = store.passages(&[hit.passage]).await.unwrap();
        assert_eq!(p[0].document_id, b);
    }
    assert!(!a.is_empty());
}
