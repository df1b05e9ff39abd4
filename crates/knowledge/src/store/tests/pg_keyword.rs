//! PostgreSQL only: the keyword statistics behind BM25 count the ready documents of each owner,
//! always equal a recount, and are built when an older database is opened.

use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection};

use super::harness::postgres_database;
use super::{embedder, new_doc, only_owner, passage, ready_doc, texts, ALICE, BOB};
use crate::store::postgres::PgStore;
use crate::store::{Created, Scope, VectorStore, SHARED};

const X: [f32; 4] = [1.0, 0.0, 0.0, 0.0];

/// Five passages where "xylo" (three times) and "yak" are each in one.
const BASE: [&str; 5] = [
    "xylo xylo xylo",
    "yak",
    "alpha one",
    "beta two",
    "gamma three",
];

async fn base(store: &dyn VectorStore, owner: &str) {
    let passages: Vec<(&str, [f32; 4])> = BASE.iter().map(|t| (*t, X)).collect();
    ready_doc(store, owner, &passages).await;
}

/// `n` passages holding "xylo" (which makes it common), for `owner`; ready when `last`.
async fn crowd(store: &dyn VectorStore, owner: &str, n: u32, last: bool) -> String {
    let salt = &super::random_hex()[..8];
    let texts: Vec<String> = (0..n).map(|i| format!("xylo crowd {salt} {i}")).collect();
    let doc = new_doc(owner, &texts.join("\n"), n);
    let Created::New(doc) = store.create_document(doc).await.unwrap() else {
        panic!("not new");
    };
    let batch = texts
        .iter()
        .enumerate()
        .map(|(i, t)| passage(i as u32, t, X))
        .collect();
    store.add_passages(&doc.id, batch, last).await.unwrap();
    doc.id
}

/// The first passage found for "xylo yak": "yak" when "xylo" is common in the scope, the
/// passage with "xylo" three times when both are rare.
async fn first(store: &dyn VectorStore, scope: &Scope) -> String {
    let hits = store.keyword(scope, "xylo yak", 10).await.unwrap();
    texts(store, &hits[..1]).await.remove(0)
}

const RARE: &str = "xylo xylo xylo";
const COMMON: &str = "yak";

type Terms = Vec<(String, String, i64)>;

/// The statistics as stored, and as a recount of the ready documents makes them.
async fn stats(conn: &mut PgConnection) -> ((Terms, Terms), (Terms, Terms)) {
    let q = |sql: &'static str| sqlx::query_as::<_, (String, String, i64)>(sql);
    let stored = q("SELECT owner, lexeme, passages FROM knowledge_terms ORDER BY 1, 2")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    let recount = q("SELECT d.owner, l, count(*) FROM knowledge_documents d
         JOIN knowledge_passages p ON p.document = d.key,
         unnest(tsvector_to_array(p.keywords)) l
         WHERE d.status = 'ready' GROUP BY 1, 2 ORDER BY 1, 2")
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let owners = q("SELECT owner, passages::text, lexemes FROM knowledge_owners ORDER BY 1")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    let owners_recount = q(
        "SELECT d.owner, count(*)::text, sum(length(p.keywords))::bigint
         FROM knowledge_documents d JOIN knowledge_passages p ON p.document = d.key
         WHERE d.status = 'ready' GROUP BY 1 ORDER BY 1",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    ((stored, recount), (owners, owners_recount))
}

async fn assert_recount(conn: &mut PgConnection, when: &str) {
    let ((terms, recount), (owners, owners_recount)) = stats(conn).await;
    assert_eq!(terms, recount, "terms, {when}");
    assert_eq!(owners, owners_recount, "owners, {when}");
}

async fn open(url: &str) -> (PgStore, PgConnection) {
    let store = PgStore::connect(url, embedder()).await.expect("open store");
    let conn = PgConnection::connect_with(&PgConnectOptions::from_str(url).unwrap())
        .await
        .unwrap();
    (store, conn)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statistics_count_ready_documents_and_follow_every_change() {
    postgres_database(|url| async move {
        let (store, mut conn) = open(&url).await;
        let scope = Scope::person(ALICE);
        base(&store, ALICE).await;
        assert_eq!(first(&store, &scope).await, RARE);
        // a document still being indexed does not count, nor can it be found
        let processing = crowd(&store, ALICE, 10, false).await;
        assert_recount(&mut conn, "processing").await;
        assert_eq!(first(&store, &scope).await, RARE);
        // its last batch makes it ready: now it counts
        let batch = vec![passage(10, "xylo last", X)];
        store.add_passages(&processing, batch, true).await.unwrap();
        assert_recount(&mut conn, "ready").await;
        assert_eq!(first(&store, &scope).await, COMMON);
        // passages of a ready document rewritten: the old ones no longer count
        let batch = (0..11).map(|i| passage(i, "other words", X)).collect();
        store.add_passages(&processing, batch, false).await.unwrap();
        assert_recount(&mut conn, "rewritten").await;
        assert_eq!(first(&store, &scope).await, RARE);
        // a ready document failed, and one deleted
        let failed = crowd(&store, ALICE, 10, true).await;
        assert_eq!(first(&store, &scope).await, COMMON);
        store.fail_document(&failed, "test").await.unwrap();
        assert_recount(&mut conn, "failed").await;
        assert_eq!(first(&store, &scope).await, RARE);
        let deleted = crowd(&store, ALICE, 10, true).await;
        assert_eq!(first(&store, &scope).await, COMMON);
        assert!(store.delete_document(ALICE, &deleted).await.unwrap());
        assert_recount(&mut conn, "deleted").await;
        assert_eq!(first(&store, &scope).await, RARE);
        // a visitor's documents given to Alice: one she has already (dropped), one new
        let visitor = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";
        base(&store, visitor).await;
        crowd(&store, visitor, 20, true).await;
        crowd(&store, visitor, 3, false).await;
        assert_eq!(store.move_owner(visitor, ALICE).await.unwrap(), 2);
        assert_recount(&mut conn, "moved").await;
        assert_eq!(first(&store, &scope).await, COMMON);
        let left = store.keyword(&only_owner(visitor), "xylo yak", 10).await;
        assert!(left.unwrap().is_empty());
        // everything gone: nothing left in the statistics
        for doc in store.documents(&scope).await.unwrap() {
            assert!(store.delete_document(ALICE, &doc.id).await.unwrap());
        }
        let ((terms, _), (owners, _)) = stats(&mut conn).await;
        assert!(
            terms.is_empty() && owners.is_empty(),
            "{terms:?} {owners:?}"
        );
        store.close().await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statistics_are_those_of_the_owners_searched() {
    postgres_database(|url| async move {
        let (store, mut conn) = open(&url).await;
        base(&store, ALICE).await;
        // Bob's many "xylo" are none of Alice's business
        crowd(&store, BOB, 20, true).await;
        assert_eq!(first(&store, &Scope::person(ALICE)).await, RARE);
        assert_eq!(first(&store, &only_owner(ALICE)).await, RARE);
        // the shared library's are, when she asks it too
        crowd(&store, SHARED, 20, true).await;
        assert_eq!(first(&store, &Scope::person(ALICE)).await, COMMON);
        assert_eq!(first(&store, &only_owner(ALICE)).await, RARE);
        assert_recount(&mut conn, "three owners").await;
        store.close().await;
    })
    .await;
}

/// The schema before the keyword statistics (as `schema.rs` made it), for 4 dimensions.
const OLD_SCHEMA: &[&str] = &[
    "CREATE EXTENSION IF NOT EXISTS vector",
    "CREATE TABLE IF NOT EXISTS knowledge_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS knowledge_documents (
        key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        owner text NOT NULL,
        title text NOT NULL,
        format text NOT NULL,
        content_hash text NOT NULL,
        text text NOT NULL,
        chars bigint NOT NULL,
        bytes bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('processing', 'ready', 'failed')),
        passages_total bigint NOT NULL,
        passages_done bigint NOT NULL DEFAULT 0,
        error text,
        created_at bigint NOT NULL,
        UNIQUE (owner, content_hash)
    )",
    "CREATE INDEX IF NOT EXISTS knowledge_documents_owner
        ON knowledge_documents (owner, created_at)",
    "CREATE INDEX IF NOT EXISTS knowledge_documents_processing
        ON knowledge_documents (created_at) WHERE status = 'processing'",
    "CREATE TABLE IF NOT EXISTS knowledge_passages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document bigint NOT NULL REFERENCES knowledge_documents (key) ON DELETE CASCADE,
        ordinal bigint NOT NULL,
        start_char bigint NOT NULL,
        end_char bigint NOT NULL,
        text text NOT NULL,
        embedding vector(4) NOT NULL,
        keywords tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
        UNIQUE (document, ordinal)
    )",
    "CREATE INDEX IF NOT EXISTS knowledge_passages_embedding
        ON knowledge_passages USING hnsw (embedding vector_cosine_ops)",
    "CREATE INDEX IF NOT EXISTS knowledge_passages_keywords
        ON knowledge_passages USING gin (keywords)",
    "INSERT INTO knowledge_meta (key, value)
        VALUES ('embedder_model', 'test-model'), ('embedder_dims', '4')",
];

/// A document written the old way: `texts` as its passages.
async fn old_document(conn: &mut PgConnection, owner: &str, status: &str, texts: &[String]) {
    let id = super::random_hex();
    let key: i64 = sqlx::query_scalar(
        "INSERT INTO knowledge_documents (id, owner, title, format, content_hash, text, chars,
             bytes, status, passages_total, passages_done, created_at)
         VALUES ($1, $2, 'old', 'text', $1, '', 0, 0, $3, $4, $4, 1) RETURNING key",
    )
    .bind(&id)
    .bind(owner)
    .bind(status)
    .bind(texts.len() as i64)
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    for (i, text) in texts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO knowledge_passages (document, ordinal, start_char, end_char, text, embedding)
             VALUES ($1, $2, 0, 1, $3, '[1,0,0,0]')",
        )
        .bind(key)
        .bind(i as i64)
        .bind(text)
        .execute(&mut *conn)
        .await
        .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_database_is_upgraded_in_place() {
    postgres_database(|url| async move {
        let mut conn = PgConnection::connect_with(&PgConnectOptions::from_str(&url).unwrap())
            .await
            .unwrap();
        for statement in OLD_SCHEMA {
            sqlx::query(statement).execute(&mut conn).await.unwrap();
        }
        let base: Vec<String> = BASE.iter().map(|t| t.to_string()).collect();
        let crowd: Vec<String> = (0..10).map(|i| format!("xylo {i}")).collect();
        old_document(&mut conn, ALICE, "ready", &base).await;
        old_document(&mut conn, ALICE, "processing", &crowd).await;
        old_document(&mut conn, BOB, "ready", &crowd).await;
        let (store, mut conn) = open(&url).await;
        assert_recount(&mut conn, "upgraded").await;
        let built: String =
            sqlx::query_scalar("SELECT value FROM knowledge_meta WHERE key = 'keyword_stats'")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert_eq!(built, "1");
        // Alice's processing document and Bob's do not count
        let scope = Scope::person(ALICE);
        assert_eq!(first(&store, &scope).await, RARE);
        assert_eq!(first(&store, &only_owner(BOB)).await, "xylo 0");
        // opened again: not rebuilt from nothing, still right; and it keeps them up to date
        store.close().await;
        let (store, mut conn) = open(&url).await;
        let gone = ready_doc(&store, ALICE, &[("yak again", X), ("xylo and yak", X)]).await;
        assert_recount(&mut conn, "reopened").await;
        assert!(store.delete_document(ALICE, &gone.id).await.unwrap());
        assert_recount(&mut conn, "deleted after the upgrade").await;
        assert_eq!(first(&store, &scope).await, RARE);
        store.close().await;
    })
    .await;
}
