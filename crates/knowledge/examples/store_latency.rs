//! Dense (and keyword) search latency of the two stores, and the dense recall@k against an
//! exact search: N passages of 384-dimension unit vectors owned by one person, queried with
//! that person's scope (own documents + the shared library), k = 10.
//!
//! ```text
//! cargo run --release -p precis-knowledge --example store_latency -- [sqlite|postgres|both] [N…]
//! ```
//!
//! Defaults: both stores, 10000 and 100000 passages. The vectors are made-up "topics" (a random
//! centre each, passages and queries scattered around it: cosine ~0.5 within a topic, ~0
//! across), so that neighbours exist as with real embeddings; the latency does not depend on
//! them. PostgreSQL: the server in `PRECIS_TEST_POSTGRES_URL` (`eval "export
//! PRECIS_TEST_POSTGRES_URL=$(bash scripts/postgres.sh start)"`); its database
//! `precis_latency_<N>` is kept and reused when it already holds N passages (filling 100,000
//! takes minutes: the HNSW index grows with them). SQLite: a file in a temporary folder, opened
//! as the server opens it. `SQLITE_EXACT_MAX=n` overrides [`EXACT_MAX`].

use std::collections::HashSet;
use std::str::FromStr;
use std::time::{Duration, Instant};

use precis_knowledge::store::postgres::PgStore;
use precis_knowledge::store::sqlite::{Pools, SqliteStore, EXACT_MAX};
use precis_knowledge::store::{Created, EmbedderId, NewDocument, NewPassage, Scope, VectorStore};
use sqlx::postgres::PgConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, PgConnection};

const DIMS: usize = 384;
const PER_DOCUMENT: usize = 100;
const PER_TOPIC: usize = 200;
const QUERIES: usize = 300;
const WARMUP: usize = 30;
const K: usize = 10;
const OWNER: &str = "0123456789abcdef0123456789abcdef";
const WORDS: &[&str] = &[
    "budget", "city", "river", "school", "energy", "policy", "health", "market", "rain", "law",
    "court", "train", "music", "paper", "garden", "water", "bridge", "tax", "vote", "farm",
];

type Error = Box<dyn std::error::Error>;

/// xorshift64*: reproducible vectors without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn uniform(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
    }

    fn vector(&mut self) -> Vec<f32> {
        normalise((0..DIMS).map(|_| self.uniform()).collect())
    }

    /// Around `centre`: cosine ~0.7 with it.
    fn near(&mut self, centre: &[f32]) -> Vec<f32> {
        let noise = self.vector();
        normalise(centre.iter().zip(noise).map(|(c, n)| c + n).collect())
    }

    fn word(&mut self) -> &'static str {
        WORDS[(self.next() % WORDS.len() as u64) as usize]
    }
}

fn normalise(v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.into_iter().map(|x| x / norm).collect()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The passages' vectors, in order (document d, ordinal i: index d × 100 + i), and the topics.
fn dataset(passages: usize) -> (Vec<Vec<f32>>, Vec<Vec<f32>>) {
    let mut rng = Rng(0x5eed_0000 + passages as u64);
    let topics: Vec<Vec<f32>> = (0..passages.div_ceil(PER_TOPIC))
        .map(|_| rng.vector())
        .collect();
    let vectors = (0..passages)
        .map(|i| rng.near(&topics[(i * 7919) % topics.len()]))
        .collect();
    (vectors, topics)
}

fn embedder() -> EmbedderId {
    EmbedderId {
        model: "latency-topics".into(),
        dims: DIMS,
    }
}

async fn fill(store: &dyn VectorStore, vectors: &[Vec<f32>]) -> Result<(), Error> {
    let have = store.counts().await?.passages as usize;
    if have == vectors.len() {
        println!("  reusing {have} passages");
        return Ok(());
    }
    if have != 0 {
        return Err(format!(
            "the store holds {have} passages, not 0 or {}",
            vectors.len()
        )
        .into());
    }
    let started = Instant::now();
    let mut rng = Rng(7);
    for (d, chunk) in vectors.chunks(PER_DOCUMENT).enumerate() {
        let text = format!("document {d}");
        let doc = NewDocument {
            id: format!("{d:032x}"),
            owner: OWNER.into(),
            title: text.clone(),
            format: "text".into(),
            content_hash: format!("{d:064x}"),
            text,
            bytes: 0,
            passages_total: chunk.len() as u32,
            created_at: d as i64,
        };
        let Created::New(doc) = store.create_document(doc).await? else {
            return Err("document exists".into());
        };
        let batch = chunk
            .iter()
            .enumerate()
            .map(|(i, v)| NewPassage {
                ordinal: i as u32,
                start: 0,
                end: 1,
                text: (0..40).map(|_| rng.word()).collect::<Vec<_>>().join(" "),
                embedding: v.clone(),
            })
            .collect();
        store.add_passages(&doc.id, batch, true).await?;
    }
    println!(
        "  filled {} passages in {:.1?}",
        vectors.len(),
        started.elapsed()
    );
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The indexes (d × 100 + ordinal) of passages.
async fn indexes(store: &dyn VectorStore, ids: &[i64]) -> Result<HashSet<usize>, Error> {
    let mut out = HashSet::new();
    for p in store.passages(ids).await? {
        out.insert(usize::from_str_radix(&p.document_id, 16)? * PER_DOCUMENT + p.ordinal as usize);
    }
    Ok(out)
}

/// CPU time used by this process so far (all its threads: the SQLite ones too), from Linux's
/// scheduler statistics: robust to other processes competing for the CPU, unlike wall time.
fn cpu() -> Duration {
    let mut ns = 0u64;
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            if let Ok(stat) = std::fs::read_to_string(task.path().join("schedstat")) {
                ns += stat
                    .split(' ')
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
            }
        }
    }
    Duration::from_nanos(ns)
}

/// p50 and p99 of `times`, and the mean CPU time per query.
fn summary(mut times: Vec<Duration>, cpu: Duration) -> String {
    times.sort();
    format!(
        "p50 {:>7.2?} p99 {:>7.2?} cpu {:>7.2?}",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        cpu / times.len() as u32
    )
}

async fn measure(
    store: &dyn VectorStore,
    vectors: &[Vec<f32>],
    topics: &[Vec<f32>],
) -> Result<(), Error> {
    let scope = Scope::person(OWNER);
    let mut rng = Rng(42);
    let queries: Vec<Vec<f32>> = (0..WARMUP + QUERIES)
        .map(|_| {
            let topic = (rng.next() % topics.len() as u64) as usize;
            rng.near(&topics[topic])
        })
        .collect();
    let mut results = Vec::new();
    let (mut dense, mut cpu_dense) = (Vec::new(), Duration::ZERO);
    for (i, q) in queries.iter().enumerate() {
        let (cpu0, started) = (cpu(), Instant::now());
        let hits = store.dense(&scope, q, K).await?;
        let (took, cpu_took) = (started.elapsed(), cpu().saturating_sub(cpu0));
        if hits.len() != K {
            return Err(format!("{} dense hits, not {K}", hits.len()).into());
        }
        if i >= WARMUP {
            dense.push(took);
            cpu_dense += cpu_took;
            results.push((q, hits));
        }
    }
    let (mut keyword, mut cpu_keyword) = (Vec::new(), Duration::ZERO);
    for i in 0..WARMUP + QUERIES {
        let words = format!("{} {}", rng.word(), rng.word());
        let (cpu0, started) = (cpu(), Instant::now());
        store.keyword(&scope, &words, K).await?;
        if i >= WARMUP {
            keyword.push(started.elapsed());
            cpu_keyword += cpu().saturating_sub(cpu0);
        }
    }
    let mut found = 0;
    for (q, hits) in &results {
        let mut exact: Vec<(f32, usize)> = vectors
            .iter()
            .enumerate()
            .map(|(j, v)| (dot(q, v), j))
            .collect();
        exact.sort_by(|a, b| b.0.total_cmp(&a.0));
        let ids: Vec<i64> = hits.iter().map(|h| h.passage).collect();
        let got = indexes(store, &ids).await?;
        found += exact[..K].iter().filter(|(_, j)| got.contains(j)).count();
    }
    println!(
        "  {:>10} {:>7} passages: dense {} recall@{K} {:.3} | keyword {}",
        store.kind(),
        vectors.len(),
        summary(dense, cpu_dense),
        found as f64 / (QUERIES * K) as f64,
        summary(keyword, cpu_keyword),
    );
    Ok(())
}

async fn sqlite(vectors: &[Vec<f32>], topics: &[Vec<f32>]) -> Result<(), Error> {
    let dir = tempfile::tempdir()?;
    let Pools { write, read } =
        Pools::open(SqliteConnectOptions::new().filename(dir.path().join("latency.db"))).await?;
    let exact_max = match std::env::var("SQLITE_EXACT_MAX") {
        Ok(v) => v.parse()?,
        Err(_) => EXACT_MAX,
    };
    let store = SqliteStore::open(write, read, embedder())
        .await?
        .with_exact_max(exact_max);
    fill(&store, vectors).await?;
    measure(&store, vectors, topics).await
}

async fn postgres(vectors: &[Vec<f32>], topics: &[Vec<f32>]) -> Result<(), Error> {
    let admin = std::env::var("PRECIS_TEST_POSTGRES_URL")
        .map_err(|_| "PRECIS_TEST_POSTGRES_URL is not set (bash scripts/postgres.sh start)")?;
    let name = format!("precis_latency_{}", vectors.len());
    let mut conn = PgConnection::connect(&admin).await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&name)
            .fetch_one(&mut conn)
            .await?;
    if !exists {
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await?;
    }
    let options = PgConnectOptions::from_str(&admin)?.database(&name);
    let store = PgStore::connect_with(options, embedder()).await?;
    fill(&store, vectors).await?;
    measure(&store, vectors, topics).await
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1).peekable();
    let which = match args.peek().map(String::as_str) {
        Some("sqlite" | "postgres" | "both") => args.next().unwrap_or_default(),
        _ => "both".to_string(),
    };
    let sizes: Vec<usize> = args.map(|a| a.parse()).collect::<Result<_, _>>()?;
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    println!("{DIMS} dimensions, k = {K}, {QUERIES} queries after {WARMUP} to warm up");
    for passages in sizes {
        let (vectors, topics) = dataset(passages);
        if which != "postgres" {
            sqlite(&vectors, &topics).await?;
        }
        if which != "sqlite" {
            postgres(&vectors, &topics).await?;
        }
    }
    Ok(())
}
