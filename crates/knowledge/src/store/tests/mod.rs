//! The stores' behaviour, written once over `dyn VectorStore` and run against both: a real
//! SQLite file with sqlite-vec, and a real PostgreSQL with pgvector (a database per test).
//!
//! PostgreSQL: `eval "export PRECIS_TEST_POSTGRES_URL=$(bash scripts/postgres.sh start)"`;
//! without it those tests fail, unless `PRECIS_SKIP_POSTGRES=1`.

mod harness;
mod idf;
mod lifecycle;
mod pg_keyword;
mod recovery;
mod search;
mod two_pass;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

use super::{Created, Document, EmbedderId, NewDocument, NewPassage, Scope, Status, VectorStore};

/// Vectors of the tests' made-up model.
pub const DIMS: usize = 4;

pub fn embedder() -> EmbedderId {
    EmbedderId {
        model: "test-model".into(),
        dims: DIMS,
    }
}

/// 32 random hex digits (a document id, or a database name's part).
pub fn random_hex() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = String::new();
    for _ in 0..2 {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// Documents made in a test are created one millisecond apart, in order.
fn now() -> i64 {
    static CLOCK: AtomicI64 = AtomicI64::new(1_700_000_000_000);
    CLOCK.fetch_add(1, Ordering::Relaxed)
}

pub fn new_doc(owner: &str, text: &str, passages_total: u32) -> NewDocument {
    NewDocument {
        id: random_hex(),
        owner: owner.into(),
        title: format!("{} …", text.chars().take(12).collect::<String>()),
        format: "text".into(),
        content_hash: crate::content_hash(text),
        text: text.into(),
        bytes: text.len() as u64,
        passages_total,
        created_at: now(),
    }
}

/// `v` scaled to unit length.
pub fn unit(v: [f32; DIMS]) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.iter().map(|x| x / norm).collect()
}

pub fn passage(ordinal: u32, text: &str, v: [f32; DIMS]) -> NewPassage {
    NewPassage {
        ordinal,
        start: ordinal * 100,
        end: ordinal * 100 + text.chars().count() as u32,
        text: text.into(),
        embedding: unit(v),
    }
}

/// A new document, created (it must be new) and written in one batch: ready.
pub async fn ready_doc(
    store: &dyn VectorStore,
    owner: &str,
    passages: &[(&str, [f32; DIMS])],
) -> Document {
    let text: Vec<&str> = passages.iter().map(|(t, _)| *t).collect();
    let doc = new_doc(owner, &text.join("\n"), passages.len() as u32);
    let Created::New(doc) = store.create_document(doc).await.unwrap() else {
        panic!("not new");
    };
    let batch = passages
        .iter()
        .enumerate()
        .map(|(i, (t, v))| passage(i as u32, t, *v))
        .collect();
    store.add_passages(&doc.id, batch, true).await.unwrap();
    let doc = store
        .document(&Scope::person(owner), &doc.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(doc.status, Status::Ready);
    doc
}

pub fn only_owner(owner: &str) -> Scope {
    Scope {
        owner: owner.into(),
        shared: false,
        documents: None,
    }
}

/// The texts of hits, for readable assertions.
pub async fn texts(store: &dyn VectorStore, hits: &[super::Hit]) -> Vec<String> {
    let ids: Vec<i64> = hits.iter().map(|h| h.passage).collect();
    store
        .passages(&ids)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.text)
        .collect()
}

pub const ALICE: &str = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
pub const BOB: &str = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";

/// Each test, once per store: `sqlite::name` and `postgres::name`.
macro_rules! both {
    ($($module:ident :: $name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::harness::sqlite(super::$module::$name).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::harness::postgres(super::$module::$name).await
                }
            )*
        }
    };
}

both!(
    lifecycle::identical_documents_are_one,
    lifecycle::a_failing_batch_writes_nothing,
    lifecycle::ready_only_after_the_last_batch,
    lifecycle::a_repeated_batch_replaces_its_passages,
    lifecycle::a_deleted_document_takes_no_more_passages,
    lifecycle::a_failed_document_keeps_no_passages,
    lifecycle::deleting_leaves_nothing_behind,
    lifecycle::nul_characters_are_no_error,
    recovery::unfinished_documents_survive_a_crash,
    recovery::another_embedder_is_refused,
    recovery::moving_an_owner_gives_everything,
    recovery::passages_come_in_the_order_asked,
    search::owners_are_isolated,
    search::the_shared_library_is_seen_when_asked,
    search::a_scope_can_name_documents,
    search::dense_ranks_by_cosine,
    search::a_crowded_neighbourhood_still_gives_k,
    search::keyword_ranks_and_matches_any_word,
    search::keyword_never_fails_on_what_people_type,
    idf::keyword_weighs_rare_words_more,
    idf::keyword_statistics_forget_deleted_documents,
);
