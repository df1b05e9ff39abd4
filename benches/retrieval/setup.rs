//! The benchmark's set-up: the local models (MiniLM on the inference pool, as the server runs
//! it), a store (SQLite file in a temporary folder, or a database on a PostgreSQL server), and
//! ingestion of a corpus through `Knowledge::add`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use precis::server::ask::ingest::{Added, Upload};
use precis::server::ask::Knowledge;
use precis::server::db::Db;
use precis_engine::pool::InferencePool;
use precis_engine::registry::LocalModels;
use precis_knowledge::store::postgres::PgStore;
use precis_knowledge::store::sqlite::SqliteStore;
use precis_knowledge::store::{EmbedderId, Scope, Status, VectorStore};
use serde_json::{json, Value};
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection};

use super::eval::{self, Others};
use super::R;

pub enum StoreKind {
    Sqlite,
    /// The server's URL; the benchmark makes its own databases there (`precis_bench_*`).
    Postgres(String),
}

pub struct Bench {
    pub local: Arc<LocalModels>,
    pub embedder: EmbedderId,
    dir: tempfile::TempDir,
}

pub fn models_dir() -> PathBuf {
    std::env::var_os("PRECIS_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("models"))
}

pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

impl Bench {
    pub async fn load() -> R<Self> {
        let pool = InferencePool::new(threads(), 1024);
        let local = LocalModels::discover(models_dir(), pool, &[], true).await;
        let embedder = Knowledge::embedder_id(&local)
            .ok_or("the embedding model is missing: run bash scripts/models.sh")?;
        Ok(Self {
            local: Arc::new(local),
            embedder,
            dir: tempfile::tempdir()?,
        })
    }

    /// A store named `name`: a new SQLite file, or a PostgreSQL database (emptied first when
    /// `fresh`; otherwise reused as it is).
    pub async fn store(
        &self,
        kind: &StoreKind,
        name: &str,
        fresh: bool,
    ) -> R<Arc<dyn VectorStore>> {
        match kind {
            StoreKind::Sqlite => {
                let path = self.dir.path().join(format!("{name}.db"));
                let db = Db::connect(&format!("sqlite://{}", path.display())).await?;
                Ok(Arc::new(
                    SqliteStore::open(db.write, db.read, self.embedder.clone()).await?,
                ))
            }
            StoreKind::Postgres(url) => {
                let db = format!("precis_bench_{name}");
                let mut admin = PgConnection::connect(url).await?;
                if fresh {
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                        .execute(&mut admin)
                        .await?;
                }
                let exists: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)",
                )
                .bind(&db)
                .fetch_one(&mut admin)
                .await?;
                if !exists {
                    sqlx::query(&format!("CREATE DATABASE {db}"))
                        .execute(&mut admin)
                        .await?;
                }
                let options = PgConnectOptions::from_str(url)?.database(&db);
                Ok(Arc::new(
                    PgStore::connect_with(options, self.embedder.clone()).await?,
                ))
            }
        }
    }

    /// Adds a language's corpus for `owner` through `Knowledge::add` and waits until every
    /// document is ready; prints the ingestion line. Returns chapter id → document id.
    pub async fn ingest(
        &self,
        k: &Knowledge,
        owner: &str,
        lang: &str,
        tag: &Value,
    ) -> R<HashMap<String, String>> {
        let docs = eval::corpus(lang)?;
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let others = Others::start();
        let cpu = eval::own_cpu();
        let started = Instant::now();
        let mut ids = HashMap::new();
        for d in &docs {
            let upload = Upload {
                bytes: d.text.clone().into_bytes(),
                file_name: Some(format!("{}.txt", d.id)),
                content_type: Some("text/plain; charset=utf-8".into()),
                title: Some(d.title.clone()),
            };
            let doc = match k
                .add(owner, upload)
                .await
                .map_err(|e| format!("{}: {e}", d.id))?
            {
                Added::Indexed(doc) | Added::Processing(doc) | Added::Existing(doc) => doc,
            };
            ids.insert(d.id.clone(), doc.id);
        }
        let scope = Scope::person(owner);
        let passages = loop {
            let listed = k.store().documents(&scope).await?;
            if let Some(failed) = listed.iter().find(|d| d.status == Status::Failed) {
                return Err(
                    format!("{}: indexing failed: {:?}", failed.title, failed.error).into(),
                );
            }
            if listed.iter().all(|d| d.status == Status::Ready) {
                break listed
                    .iter()
                    .map(|d| d.passages_total as usize)
                    .sum::<usize>();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let secs = started.elapsed().as_secs_f64();
        let mut row = json!({"what": "ingest", "lang": lang, "documents": docs.len(),
            "passages": passages, "mb": bytes as f64 / 1e6, "seconds": secs,
            "passages_per_s": passages as f64 / secs, "mb_per_min": bytes as f64 / 1e6 / (secs / 60.0),
            "peak_rss_mb": eval::peak_rss_mb(), "threads": threads(), "others_cores": others.cores(),
            "cpu_seconds": eval::own_cpu() - cpu});
        if let (Some(r), Some(t)) = (row.as_object_mut(), tag.as_object()) {
            r.extend(t.clone());
        }
        println!("{row}");
        Ok(ids)
    }
}

/// Writes the passages of the documents in `ids` (chapter id → document id) as JSON lines
/// (`doc`, `ordinal`, `text`), in chapter and passage order, for the Python reference.
pub async fn dump_passages(
    store: &dyn VectorStore,
    ids: &HashMap<String, String>,
    out: &Path,
) -> R<()> {
    let chapter: HashMap<&String, &String> = ids.iter().map(|(c, d)| (d, c)).collect();
    let total = store.counts().await?.passages as i64;
    let mut rows = Vec::new();
    let all: Vec<i64> = (1..=total * 2 + 100).collect();
    for chunk in all.chunks(500) {
        for p in store.passages(chunk).await? {
            if let Some(c) = chapter.get(&p.document_id) {
                rows.push(((*c).clone(), p.ordinal, p.text));
            }
        }
    }
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(out)?);
    for (doc, ordinal, text) in rows {
        writeln!(
            f,
            "{}",
            json!({"doc": doc, "ordinal": ordinal, "text": text})
        )?;
    }
    f.flush()?;
    Ok(())
}
