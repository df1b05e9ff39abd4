//! Ask over HTTP: the ingestion and question services, on both stores (Precis's SQLite file with
//! sqlite-vec, and a real PostgreSQL with pgvector from `scripts/postgres.sh`).

mod crash;
mod documents;
mod questions;
mod remote;
mod services;

use serde_json::{json, Value};

use crate::helpers::{spawn_app_with, TestApp, User};

/// Where the knowledge base lives in a test.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite,
    /// A fresh database on the test server, by URL.
    Postgres(String),
}

impl Store {
    /// A fresh database on the PostgreSQL of `PRECIS_TEST_POSTGRES_URL`, or `None` (with a
    /// note) when `PRECIS_SKIP_POSTGRES=1`. Without either, the test fails: it must not pass
    /// by skipping what it is about.
    pub async fn postgres() -> Option<Store> {
        if std::env::var("PRECIS_SKIP_POSTGRES").as_deref() == Ok("1") {
            eprintln!("PostgreSQL tests skipped (PRECIS_SKIP_POSTGRES=1)");
            return None;
        }
        let base = std::env::var("PRECIS_TEST_POSTGRES_URL").unwrap_or_else(|_| {
            panic!(
                "PRECIS_TEST_POSTGRES_URL is not set: start the test PostgreSQL with \
                 eval \"export PRECIS_TEST_POSTGRES_URL=$(bash scripts/postgres.sh start)\" \
                 (or set PRECIS_SKIP_POSTGRES=1 to skip these tests)"
            )
        });
        use sqlx::Connection;
        let mut admin = sqlx::PgConnection::connect(&base)
            .await
            .expect("the test PostgreSQL answers");
        let name = format!("precis_api_{}", uuid_hex());
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create a test database");
        Some(Store::Postgres(with_database(&base, &name)))
    }
}

fn uuid_hex() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos:x}{:04x}", rand_u16())
}

fn rand_u16() -> u16 {
    static NEXT: std::sync::atomic::AtomicU16 = std::sync::atomic::AtomicU16::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// `postgresql://user@host/db?host=/socket` with another database.
fn with_database(url: &str, name: &str) -> String {
    let (before, query) = url.split_once('?').map_or((url, ""), |(b, q)| (b, q));
    let cut = before.rfind('/').map_or(before.len(), |i| i);
    let base = &before[..cut];
    if query.is_empty() {
        format!("{base}/{name}")
    } else {
        format!("{base}/{name}?{query}")
    }
}

/// Runs each named scenario (`async fn name(store: Store)`) on both stores, as the tests
/// `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name($crate::ask::Store::Sqlite).await
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(store) = $crate::ask::Store::postgres().await {
                        super::$name(store).await
                    }
                }
            }
        )*
    };
}

/// The application with its knowledge base in `store`, no HuggingFace token.
pub async fn ask_app(store: &Store, extra: &[(&str, &str)]) -> TestApp {
    let mut vars: Vec<(&str, &str)> = vec![("HF_TOKEN", "")];
    if let Store::Postgres(url) = store {
        vars.push(("PRECIS_KNOWLEDGE_URL", url.as_str()));
    }
    vars.extend_from_slice(extra);
    spawn_app_with(&vars).await
}

pub const HANDBOOK: &str = "# Staff handbook\n\n\
    ## Holidays\n\n\
    Everyone gets 25 days of paid holiday a year, plus public holidays. Holidays are booked in \
    the staff portal at least two weeks ahead.\n\n\
    ## Expenses\n\n\
    Travel expenses are refunded within 30 days when the receipt is uploaded. Taxis are refunded \
    only after 10 pm.\n\n\
    ## Equipment\n\n\
    Every new employee receives a laptop and a headset on the first day. Lost equipment must be \
    reported to the IT desk within 24 hours.";

pub const GARDENING: &str = "Tomatoes need at least six hours of sun a day. Water them at the \
    base in the morning, never on the leaves. Basil grows well next to tomatoes and keeps some \
    insects away. Pick the fruit when it is fully red and slightly soft.";

/// A text long enough to be indexed in the background (well over 64 passages).
pub fn long_text() -> String {
    (0..640)
        .map(|i| {
            format!(
                "Paragraph {i}. The survey team {i} measured the river depth at station {i} \
                 and found {} centimetres of water after the storm of week {}.\n\n",
                40 + i % 60,
                i % 52
            )
        })
        .collect()
}

impl User {
    /// `POST /api/v1/documents` with JSON.
    pub async fn add_text(&self, title: &str, text: &str) -> reqwest::Response {
        self.send(
            self.http
                .post(format!("{}/api/v1/documents", self.base))
                .json(&json!({ "title": title, "text": text })),
        )
        .await
    }

    /// `POST /api/v1/documents` with a file.
    pub async fn add_file(&self, name: &str, mime: &str, bytes: Vec<u8>) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(mime)
            .expect("mime");
        let form = reqwest::multipart::Form::new().part("file", part);
        self.send(
            self.http
                .post(format!("{}/api/v1/documents", self.base))
                .multipart(form),
        )
        .await
    }

    /// Adds a text and returns the document (ready or processing).
    pub async fn add_ready(&self, title: &str, text: &str) -> Value {
        let res = self.add_text(title, text).await;
        assert!(res.status().is_success(), "{}", res.status());
        res.json().await.expect("document json")
    }

    pub async fn documents(&self) -> Value {
        let res = self
            .send(self.http.get(format!("{}/api/v1/documents", self.base)))
            .await;
        assert_eq!(res.status(), 200);
        res.json().await.expect("list json")
    }

    pub async fn document(&self, id: &str) -> reqwest::Response {
        self.send(
            self.http
                .get(format!("{}/api/v1/documents/{id}", self.base)),
        )
        .await
    }

    pub async fn remove(&self, id: &str) -> reqwest::Response {
        self.send(
            self.http
                .delete(format!("{}/api/v1/documents/{id}", self.base)),
        )
        .await
    }

    pub async fn ask(&self, body: Value) -> reqwest::Response {
        self.send(
            self.http
                .post(format!("{}/api/v1/questions", self.base))
                .json(&body),
        )
        .await
    }

    /// The answer models offered (`GET /api/v1/questions/models`, asserting a 200).
    pub async fn models(&self) -> Value {
        let res = self
            .send(
                self.http
                    .get(format!("{}/api/v1/questions/models", self.base)),
            )
            .await;
        assert_eq!(res.status(), 200);
        res.json().await.expect("models json")
    }

    /// Asks and returns the answer (asserting a 200).
    pub async fn answer(&self, question: &str) -> Value {
        let res = self.ask(json!({ "question": question })).await;
        assert_eq!(res.status(), 200);
        res.json().await.expect("answer json")
    }

    /// Waits (up to three minutes: the tests run side by side on two cores) until the
    /// document is no longer processing; returns it.
    pub async fn wait_indexed(&self, id: &str) -> Value {
        for _ in 0..1800 {
            let doc: Value = self.document(id).await.json().await.expect("doc json");
            if doc["status"] != "processing" {
                return doc;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("document {id} still processing after three minutes");
    }
}
