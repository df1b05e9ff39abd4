//! Retrieval benchmark of Ask (issue 9): the real pipeline — `Knowledge::add` (extract, split in
//! MiniLM tokens, embed with candle, store) and `Knowledge::search` (dense, keyword or hybrid,
//! fused, with the relevance floor) — on the Debian FAQ in English, French and Portuguese with
//! hand-written questions (`bench/retrieval/`). Run through `scripts/bench_retrieval.sh`, which
//! also runs the Python reference (`bench/retrieval_reference.py`) on the same passages.
//!
//! ```text
//! retrieval quality [--store sqlite | --store postgres URL] [--langs en,fr,pt]
//!                   [--sizes 128:0,128:32,192:0,192:32,256:0,256:32] [--passages-out DIR]
//!                   [--floors-on "hybrid 1:1"]
//! retrieval latency [--store sqlite | --store postgres URL] [--counts 1000,10000,100000]
//!                   [--queries 300]
//! retrieval vectors
//! ```
//!
//! `quality`: for each passage size (tokens:overlap) a new store holds the three languages (one
//! owner each); every question is asked in each mode — dense, keyword, hybrid with fusion weights
//! dense:keyword 1:1, 1:2, 2:1 and 1:3 — and scored: recall@1/@5, MRR@10 (a passage answers when it
//! is from the gold chapter and holds the gold span), how often `grounded` is true for answerable
//! questions and false for unanswerable ones; then a grid of relevance floors (min cosine × min
//! coverage) is scored on the results of one variant (`--floors-on`, hybrid 1:1 by default).
//! `--passages-out` writes the passages of the first size, for the Python reference. `latency`:
//! see `retrieval/latency.rs`; `vectors` (real embeddings for the SQLite store's dense recall
//! check): see `retrieval/vectors.rs`.
//!
//! Prints one JSON line per measurement.

#[path = "retrieval/eval.rs"]
mod eval;
#[path = "retrieval/latency.rs"]
mod latency;
#[path = "retrieval/setup.rs"]
mod setup;
#[path = "retrieval/vectors.rs"]
mod vectors;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use precis::server::ask::retrieve::{Floor, Mode, Retrieval};
use precis::server::ask::{Knowledge, PassageSize};
use precis_knowledge::fusion::Fusion;
use precis_knowledge::store::Scope;
use serde_json::{json, Value};

use eval::{Question, Tally};
use setup::{Bench, StoreKind};

pub type R<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Passages returned for each question (the service's default).
const TOP_K: usize = 10;
const MIN_COSINES: [f32; 11] = [
    0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80,
];
/// 1.01: coverage never decides (the cosine alone does).
const MIN_COVERAGES: [f32; 6] = [0.4, 0.5, 0.6, 0.75, 0.9, 1.01];

struct Args {
    command: String,
    store: StoreKind,
    langs: Vec<String>,
    sizes: Vec<PassageSize>,
    counts: Vec<usize>,
    queries: usize,
    passages_out: Option<PathBuf>,
    /// The variant whose results the floor grid is scored on.
    floors_on: String,
}

fn parse_args() -> R<Args> {
    let raw: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut args = Args {
        command: raw.first().cloned().unwrap_or_default(),
        store: StoreKind::Sqlite,
        langs: vec!["en".into(), "fr".into(), "pt".into()],
        sizes: parse_sizes("128:0,128:32,192:0,192:32,256:0,256:32")?,
        counts: vec![1_000, 10_000, 100_000],
        queries: 300,
        passages_out: None,
        floors_on: "hybrid 1:1".into(),
    };
    let mut it = raw.iter().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--store" => {
                args.store = match value()?.as_str() {
                    "sqlite" => StoreKind::Sqlite,
                    "postgres" => StoreKind::Postgres(value()?),
                    other => return Err(format!("unknown store {other}").into()),
                }
            }
            "--langs" => args.langs = value()?.split(',').map(str::to_string).collect(),
            "--sizes" => args.sizes = parse_sizes(&value()?)?,
            "--counts" => {
                args.counts = value()?
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()?
            }
            "--queries" => args.queries = value()?.parse()?,
            "--passages-out" => args.passages_out = Some(PathBuf::from(value()?)),
            "--floors-on" => args.floors_on = value()?,
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    Ok(args)
}

fn parse_sizes(s: &str) -> R<Vec<PassageSize>> {
    s.split(',')
        .map(|p| {
            let (t, o) = p
                .split_once(':')
                .ok_or(format!("size {p}: tokens:overlap"))?;
            Ok(PassageSize {
                tokens: t.parse()?,
                overlap: o.parse()?,
            })
        })
        .collect()
}

fn main() -> R<()> {
    let args = parse_args()?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match args.command.as_str() {
        "quality" => rt.block_on(quality(&args)),
        "latency" => rt.block_on(latency::run(&args.store, &args.counts, args.queries)),
        "vectors" => rt.block_on(vectors::run()),
        _ => Err("usage: retrieval quality|latency|vectors [--store sqlite|postgres URL] …".into()),
    }
}

fn question_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/retrieval")
}

/// The modes and fusion weights compared.
fn variants() -> Vec<(&'static str, Mode, Fusion)> {
    let f = |dense, keyword| Fusion {
        dense,
        keyword,
        ..Fusion::default()
    };
    vec![
        ("dense", Mode::Dense, Fusion::default()),
        ("keyword", Mode::Keyword, Fusion::default()),
        ("hybrid 1:1", Mode::Hybrid, f(1.0, 1.0)),
        ("hybrid 1:2", Mode::Hybrid, f(1.0, 2.0)),
        ("hybrid 2:1", Mode::Hybrid, f(2.0, 1.0)),
        ("hybrid 1:3", Mode::Hybrid, f(1.0, 3.0)),
    ]
}

async fn quality(args: &Args) -> R<()> {
    let bench = Bench::load().await?;
    let mut best: Vec<Value> = Vec::new();
    for (i, size) in args.sizes.iter().enumerate() {
        let store = bench
            .store(
                &args.store,
                &format!("q_{}_{}", size.tokens, size.overlap),
                true,
            )
            .await?;
        let base = Knowledge::new(
            store.clone(),
            bench.local.clone(),
            *size,
            Retrieval::default(),
        );
        let tag = json!({"store": store.kind(), "tokens": size.tokens, "overlap": size.overlap});
        for (l, lang) in args.langs.iter().enumerate() {
            let owner = format!("{:032x}", l + 1);
            let docs = bench.ingest(&base, &owner, lang, &tag).await?;
            if i == 0 {
                if let Some(dir) = &args.passages_out {
                    setup::dump_passages(
                        store.as_ref(),
                        &docs,
                        &dir.join(format!("passages.{lang}.jsonl")),
                    )
                    .await?;
                }
            }
            let questions = eval::questions(&question_dir(), lang)?;
            let scope = Scope::person(&owner);
            for (name, mode, fusion) in variants() {
                let retrieval = Retrieval {
                    mode,
                    fusion,
                    ..Retrieval::default()
                };
                let k = Knowledge::new(store.clone(), bench.local.clone(), *size, retrieval);
                let floors = name == args.floors_on;
                let (tally, grid) = ask_all(&k, &scope, &questions, &docs, floors).await?;
                let mut row = tally.json();
                merge(&mut row, &tag);
                merge(
                    &mut row,
                    &json!({"what": "quality", "lang": lang, "mode": name}),
                );
                println!("{row}");
                best.push(row);
                for g in grid {
                    let mut g = g;
                    merge(&mut g, &tag);
                    merge(
                        &mut g,
                        &json!({"what": "floor", "lang": lang, "mode": name}),
                    );
                    println!("{g}");
                    best.push(g);
                }
            }
        }
    }
    summarize(&best);
    Ok(())
}

/// An f32 setting as the decimal it was written as (0.6, not 0.6000000238).
fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

fn merge(row: &mut Value, extra: &Value) {
    if let (Some(r), Some(e)) = (row.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            r.insert(k.clone(), v.clone());
        }
    }
}

/// Asks every question; with `floors`, also scores the floor grid on the same results.
async fn ask_all(
    k: &Knowledge,
    scope: &Scope,
    questions: &[Question],
    docs: &HashMap<String, String>,
    floors: bool,
) -> R<(Tally, Vec<Value>)> {
    let mut tally = Tally::default();
    // per floor: (grounded answerable, grounded unanswerable)
    let mut grid: Vec<(f32, f32, usize, usize)> = Vec::new();
    for c in MIN_COSINES {
        for v in MIN_COVERAGES {
            grid.push((c, v, 0, 0));
        }
    }
    let (mut answerable, mut unanswerable) = (0usize, 0usize);
    for q in questions {
        let started = Instant::now();
        let found = k
            .search(scope, &q.text, TOP_K)
            .await
            .map_err(|e| format!("{}: {e}", q.id))?;
        tally.millis.push(started.elapsed().as_secs_f64() * 1000.0);
        match &q.gold {
            Some((doc, span)) => {
                let gold = docs
                    .get(doc)
                    .ok_or(format!("{}: no document {doc}", q.id))?;
                let rank = found
                    .passages
                    .iter()
                    .position(|(p, _)| &p.document_id == gold && eval::answers(&p.text, span));
                tally.ranks.push(rank.map(|r| r + 1));
                tally.grounded_answerable.push(found.grounded);
                answerable += 1;
            }
            None => {
                tally.grounded_unanswerable.push(found.grounded);
                unanswerable += 1;
            }
        }
        if floors {
            let dense = k.store().dense(scope, &found.vector, 1).await?;
            for g in grid.iter_mut() {
                let floor = Floor {
                    min_cosine: g.0,
                    min_coverage: g.1,
                };
                if floor.holds(&q.text, &found.passages, &dense) {
                    if q.gold.is_some() {
                        g.2 += 1;
                    } else {
                        g.3 += 1;
                    }
                }
            }
        }
    }
    let rows = if floors {
        grid.iter()
            .map(|&(c, v, ga, gu)| {
                let a = ga as f64 / answerable.max(1) as f64;
                let u = 1.0 - gu as f64 / unanswerable.max(1) as f64;
                json!({"min_cosine": round2(c), "min_coverage": round2(v), "grounded_answerable": a,
                       "not_found_unanswerable": u, "balanced": (a + u) / 2.0})
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok((tally, rows))
}

/// The best settings by the same set: the passage size and fusion with the highest MRR@10
/// averaged over the languages, and the floor with the best balanced accuracy (mean of grounded
/// answerable and not-found unanswerable) averaged over the languages at that size.
fn summarize(rows: &[Value]) {
    let key = |r: &Value, k: &str| r[k].to_string();
    let mut groups: HashMap<String, (f64, usize, Value)> = HashMap::new();
    for r in rows.iter().filter(|r| r["what"] == "quality") {
        let g = format!(
            "{}|{}|{}",
            key(r, "tokens"),
            key(r, "overlap"),
            key(r, "mode")
        );
        let e = groups.entry(g).or_insert((0.0, 0, r.clone()));
        e.0 += r["mrr_at_10"].as_f64().unwrap_or(0.0);
        e.1 += 1;
    }
    let Some((_, (sum, n, row))) = groups
        .iter()
        .max_by(|a, b| (a.1 .0 / a.1 .1 as f64).total_cmp(&(b.1 .0 / b.1 .1 as f64)))
    else {
        return;
    };
    let mut floors: HashMap<String, (f64, usize, Value)> = HashMap::new();
    for r in rows.iter().filter(|r| {
        r["what"] == "floor" && r["tokens"] == row["tokens"] && r["overlap"] == row["overlap"]
    }) {
        let g = format!("{}|{}", key(r, "min_cosine"), key(r, "min_coverage"));
        let e = floors.entry(g).or_insert((0.0, 0, r.clone()));
        e.0 += r["balanced"].as_f64().unwrap_or(0.0);
        e.1 += 1;
    }
    let floor = floors
        .values()
        .max_by(|a, b| (a.0 / a.1 as f64).total_cmp(&(b.0 / b.1 as f64)));
    println!(
        "{}",
        json!({"what": "best", "tokens": row["tokens"], "overlap": row["overlap"], "mode": row["mode"],
               "mean_mrr_at_10": sum / *n as f64,
               "min_cosine": floor.map(|f| f.2["min_cosine"].clone()),
               "min_coverage": floor.map(|f| f.2["min_coverage"].clone()),
               "mean_balanced_floor_accuracy": floor.map(|f| f.0 / f.1 as f64)})
    );
}
