//! Query latency at 1k, 10k and 100k passages, excluding answer generation: the English corpus
//! ingested for real (`Knowledge::add`), then filler passages up to the count — random unit
//! vectors (embedding 100k real passages takes hours on 2 cores) with 40 words drawn from the
//! corpus's own vocabulary, so that keyword search has realistic posting lists — all owned by the
//! person asking, in documents of 100 passages. The English questions are asked through
//! `Knowledge::search` (hybrid, the service's defaults, top 10): the time includes embedding the
//! question, both searches, fusion, reading the passages and the floor. The dense and keyword
//! searches are also timed alone, on the store. A PostgreSQL database is kept
//! (`precis_bench_lat_<N>`) and reused when it already holds N passages: filling the HNSW index
//! takes minutes.

use std::time::Instant;

use precis::server::ask::retrieve::Retrieval;
use precis::server::ask::{Knowledge, PassageSize};
use precis_knowledge::store::{Created, NewDocument, NewPassage, Scope, VectorStore};
use serde_json::json;

use super::eval::{self, percentile, Others};
use super::setup::{Bench, StoreKind};
use super::{question_dir, R};

const OWNER: &str = "0000000000000000000000000000aaaa";
const PER_DOCUMENT: usize = 100;
const WARMUP: usize = 30;

/// xorshift64*: reproducible filler without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit_vector(&mut self, dims: usize) -> Vec<f32> {
        let v: Vec<f32> = (0..dims)
            .map(|_| (self.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0)
            .collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        v.into_iter().map(|x| x / norm).collect()
    }
}

/// `queries` questions are timed after 30 to warm up.
pub async fn run(kind: &StoreKind, counts: &[usize], queries: usize) -> R<()> {
    let bench = Bench::load().await?;
    let docs = eval::corpus("en")?;
    let mut vocabulary: Vec<String> = docs
        .iter()
        .flat_map(|d| d.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect();
    vocabulary.sort();
    vocabulary.dedup();
    let questions = eval::questions(&question_dir(), "en")?;
    for &n in counts {
        let store = bench.store(kind, &format!("lat_{n}"), false).await?;
        let k = Knowledge::new(
            store.clone(),
            bench.local.clone(),
            PassageSize::default(),
            Retrieval::default(),
        );
        let have = store.counts().await?.passages as usize;
        let started = Instant::now();
        if have == 0 {
            bench
                .ingest(
                    &k,
                    OWNER,
                    "en",
                    &json!({"store": store.kind(), "for": "latency"}),
                )
                .await?;
            let real = store.counts().await?.passages as usize;
            fill(
                store.as_ref(),
                n.saturating_sub(real),
                bench.embedder.dims,
                &vocabulary,
            )
            .await?;
        } else if have != n {
            return Err(format!(
                "{} holds {have} passages, not {n}: drop precis_bench_lat_{n}",
                store.kind()
            )
            .into());
        }
        let fill_seconds = started.elapsed().as_secs_f64();
        let scope = Scope::person(OWNER);
        let batcher = bench
            .local
            .embedder
            .as_ref()
            .map_err(|p| format!("{p:?}"))?;
        let (mut total, mut embed, mut dense, mut keyword) = (vec![], vec![], vec![], vec![]);
        let others = Others::start();
        for (i, q) in questions.iter().cycle().take(WARMUP + queries).enumerate() {
            let t = Instant::now();
            let found = k
                .search(&scope, &q.text, 10)
                .await
                .map_err(|e| e.to_string())?;
            let search_ms = ms(t);
            let t = Instant::now();
            batcher.embed(vec![q.text.clone()]).await?;
            let embed_ms = ms(t);
            let t = Instant::now();
            store.dense(&scope, &found.vector, 40).await?;
            let dense_ms = ms(t);
            let t = Instant::now();
            store.keyword(&scope, &q.text, 40).await?;
            let keyword_ms = ms(t);
            if i >= WARMUP {
                total.push(search_ms);
                embed.push(embed_ms);
                dense.push(dense_ms);
                keyword.push(keyword_ms);
            }
        }
        for v in [&mut total, &mut embed, &mut dense, &mut keyword] {
            v.sort_by(f64::total_cmp);
        }
        let passages = store.counts().await?.passages;
        println!(
            "{}",
            json!({"what": "latency", "store": store.kind(), "passages": passages, "queries": queries,
                "p50_ms": percentile(&total, 0.5), "p99_ms": percentile(&total, 0.99),
                "embed_p50_ms": percentile(&embed, 0.5),
                "dense_p50_ms": percentile(&dense, 0.5), "dense_p99_ms": percentile(&dense, 0.99),
                "keyword_p50_ms": percentile(&keyword, 0.5), "keyword_p99_ms": percentile(&keyword, 0.99),
                "setup_seconds": fill_seconds, "reused": have != 0, "others_cores": others.cores(),
                "filler": "random unit vectors, corpus words", "peak_rss_mb": eval::peak_rss_mb()})
        );
    }
    Ok(())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

async fn fill(store: &dyn VectorStore, passages: usize, dims: usize, words: &[String]) -> R<()> {
    let mut rng = Rng(0x5eed_0000 + passages as u64);
    for d in 0..passages.div_ceil(PER_DOCUMENT) {
        let n = PER_DOCUMENT.min(passages - d * PER_DOCUMENT);
        let texts: Vec<String> = (0..n)
            .map(|_| {
                (0..40)
                    .map(|_| words[(rng.next() % words.len().max(1) as u64) as usize].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let text = texts.join("\n\n");
        let doc = NewDocument {
            id: format!("{:032x}", 0xf111_0000_0000u64 + d as u64),
            owner: OWNER.into(),
            title: format!("filler {d}"),
            format: "text".into(),
            content_hash: precis_knowledge::content_hash(&text),
            text,
            bytes: 0,
            passages_total: n as u32,
            created_at: d as i64,
        };
        let Created::New(doc) = store.create_document(doc).await? else {
            return Err("filler document exists".into());
        };
        let batch = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| NewPassage {
                ordinal: i as u32,
                start: 0,
                end: text.chars().count() as u32,
                text,
                embedding: rng.unit_vector(dims),
            })
            .collect();
        store.add_passages(&doc.id, batch, true).await?;
    }
    Ok(())
}
