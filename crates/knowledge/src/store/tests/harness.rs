//! A fresh store of each kind for one test: a SQLite file in a temporary folder (opened as the
//! server opens it), or a PostgreSQL database of its own (created, then dropped).

use std::future::Future;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;

use futures::future::BoxFuture;
use futures::FutureExt;
use sqlx::postgres::PgConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, PgConnection};

use super::{embedder, random_hex};
use crate::store::postgres::PgStore;
use crate::store::sqlite::{Pools, SqliteStore};
use crate::store::{EmbedderId, StoreError, VectorStore};

/// Rows in the tables under a store: what a deletion must leave nothing of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rows {
    pub passages: i64,
    pub vectors: i64,
    pub keywords: i64,
}

/// One test's store, and what only a test does with it.
pub trait Harness: Send {
    fn store(&self) -> Arc<dyn VectorStore>;
    /// Drops the store, as a crash would, and opens the same database again.
    fn reopen(&mut self, embedder: EmbedderId) -> BoxFuture<'_, Result<(), StoreError>>;
    /// Rows in the underlying tables.
    fn rows(&self) -> BoxFuture<'_, Rows>;
}

// ---- SQLite ------------------------------------------------------------------------------

struct Sqlite {
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Arc<SqliteStore>,
}

/// The store on the pools as the server opens them ([`Pools`]).
pub async fn open_sqlite(path: &PathBuf, embedder: EmbedderId) -> Result<SqliteStore, StoreError> {
    let Pools { write, read } = Pools::open(SqliteConnectOptions::new().filename(path)).await?;
    SqliteStore::open(write, read, embedder).await
}

impl Harness for Sqlite {
    fn store(&self) -> Arc<dyn VectorStore> {
        self.store.clone()
    }

    fn reopen(&mut self, embedder: EmbedderId) -> BoxFuture<'_, Result<(), StoreError>> {
        async move {
            self.store = Arc::new(open_sqlite(&self.path, embedder).await?);
            Ok(())
        }
        .boxed()
    }

    fn rows(&self) -> BoxFuture<'_, Rows> {
        async move {
            let pool = sqlx::SqlitePool::connect_with(
                SqliteConnectOptions::new()
                    .filename(&self.path)
                    .read_only(true),
            )
            .await
            .expect("open");
            let count = |sql: &'static str| {
                let pool = pool.clone();
                async move {
                    sqlx::query_scalar::<_, i64>(sql)
                        .fetch_one(&pool)
                        .await
                        .expect(sql)
                }
            };
            let vectors = count("SELECT count(*) FROM knowledge_vectors_rowids").await;
            let scanned = count("SELECT count(*) FROM knowledge_vectors").await;
            assert_eq!(vectors, scanned, "vec0's rowids and its rows disagree");
            let rows = Rows {
                passages: count("SELECT count(*) FROM knowledge_passages").await,
                vectors,
                keywords: count("SELECT count(*) FROM knowledge_fts_docsize").await,
            };
            pool.close().await;
            rows
        }
        .boxed()
    }
}

/// Runs `test` on a fresh SQLite store.
pub async fn sqlite<F, Fut>(test: F)
where
    F: FnOnce(Box<dyn Harness>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("precis.db");
    let store = Arc::new(open_sqlite(&path, embedder()).await.expect("open store"));
    test(Box::new(Sqlite {
        _dir: dir,
        path,
        store,
    }))
    .await;
}

// ---- PostgreSQL --------------------------------------------------------------------------

struct Postgres {
    options: PgConnectOptions,
    url: String,
    store: Arc<PgStore>,
}

impl Harness for Postgres {
    fn store(&self) -> Arc<dyn VectorStore> {
        self.store.clone()
    }

    fn reopen(&mut self, embedder: EmbedderId) -> BoxFuture<'_, Result<(), StoreError>> {
        async move {
            self.store.close().await;
            self.store = Arc::new(PgStore::connect(&self.url, embedder).await?);
            Ok(())
        }
        .boxed()
    }

    fn rows(&self) -> BoxFuture<'_, Rows> {
        async move {
            let mut conn = PgConnection::connect_with(&self.options)
                .await
                .expect("connect");
            let (passages, vectors, keywords): (i64, i64, i64) = sqlx::query_as(
                "SELECT count(*), count(embedding), count(keywords) FROM knowledge_passages",
            )
            .fetch_one(&mut conn)
            .await
            .expect("count");
            let orphans: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM knowledge_passages p
                 WHERE NOT EXISTS (SELECT 1 FROM knowledge_documents d WHERE d.key = p.document)",
            )
            .fetch_one(&mut conn)
            .await
            .expect("count");
            assert_eq!(orphans, 0, "passages without a document");
            let _ = conn.close().await;
            Rows {
                passages,
                vectors,
                keywords,
            }
        }
        .boxed()
    }
}

const HOW: &str =
    "run: eval \"export PRECIS_TEST_POSTGRES_URL=$(bash scripts/postgres.sh start)\" \
     (or set PRECIS_SKIP_POSTGRES=1 to skip the PostgreSQL tests)";

/// The server the tests use, `None` when told to skip them; fails when it is not configured.
fn admin_url() -> Option<String> {
    if std::env::var("PRECIS_SKIP_POSTGRES").is_ok_and(|v| v == "1") {
        eprintln!("PostgreSQL tests skipped (PRECIS_SKIP_POSTGRES=1)");
        return None;
    }
    match std::env::var("PRECIS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => panic!("PRECIS_TEST_POSTGRES_URL is not set: {HOW}"),
    }
}

/// Runs `test` on a fresh PostgreSQL store in a database of its own, dropped afterwards (also
/// when the test fails).
pub async fn postgres<F, Fut>(test: F)
where
    F: FnOnce(Box<dyn Harness>) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    postgres_database(|url| async move {
        let options = PgConnectOptions::from_str(&url).expect("url");
        let store = Arc::new(
            PgStore::connect(&url, embedder())
                .await
                .expect("open store"),
        );
        test(Box::new(Postgres {
            options,
            url,
            store,
        }))
        .await
    })
    .await
}

/// Runs `test` with the URL of a new, empty PostgreSQL database of its own, dropped afterwards
/// (also when the test fails). Nothing happens when the PostgreSQL tests are skipped.
pub async fn postgres_database<F, Fut>(test: F)
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(admin) = admin_url() else { return };
    let name = format!("t_{}", &random_hex()[..16]);
    let mut conn = PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to {admin}: {e}; {HOW}"));
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create database");
    // The tables are tiny: without this the planner would sort them whole (exact), and the
    // HNSW path of big tables (approximate, filtered afterwards) would go untested.
    sqlx::query(&format!("ALTER DATABASE {name} SET enable_seqscan = off"))
        .execute(&mut conn)
        .await
        .expect("alter database");
    let sep = if admin.contains('?') { '&' } else { '?' };
    let url = format!("{admin}{sep}dbname={name}");
    let outcome = tokio::spawn(test(url)).await;
    // best effort: a database left behind is only disk space
    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await;
    let _ = conn.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
