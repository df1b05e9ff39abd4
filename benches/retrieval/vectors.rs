//! Real MiniLM embeddings for the dense-search recall check of the SQLite store
//! (`crates/knowledge/examples/dense_recall.rs`): the benchmark's filler vectors are random,
//! and a quantized first pass behaves differently on random vectors than on real ones.
//!
//! Texts: every paragraph, every sentence of five words or more, and every pair of consecutive
//! sentences of the corpus in English, French and Portuguese (repeats dropped); queries: every
//! question of the three languages. Written as little-endian f32 rows, `dims` per row, to
//! `<cache>/retrieval/vectors/texts.f32` and `queries.f32` (reused when present: embedding the
//! texts takes a few minutes).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::eval;
use super::setup::Bench;
use super::{question_dir, R};

const LANGS: [&str; 3] = ["en", "fr", "pt"];
const BATCH: usize = 32;

pub fn dir() -> PathBuf {
    eval::cache_dir().join("retrieval").join("vectors")
}

/// The texts to embed: paragraphs, sentences and pairs of sentences, in corpus order.
fn texts() -> R<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |s: String| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.split(' ').count() >= 5 && seen.insert(s.clone()) {
            out.push(s);
        }
    };
    for lang in LANGS {
        for doc in eval::corpus(lang)? {
            for paragraph in doc.text.split("\n\n") {
                push(paragraph.to_string());
                let sentences: Vec<&str> = paragraph
                    .split_inclusive(['.', '?', '!'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                for (i, s) in sentences.iter().enumerate() {
                    push(s.to_string());
                    if let Some(next) = sentences.get(i + 1) {
                        push(format!("{s} {next}"));
                    }
                }
            }
        }
    }
    Ok(out)
}

fn write(path: &Path, vectors: &[Vec<f32>]) -> R<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    for v in vectors {
        for x in v {
            f.write_all(&x.to_le_bytes())?;
        }
    }
    f.flush()?;
    Ok(())
}

pub async fn run() -> R<()> {
    let dir = dir();
    std::fs::create_dir_all(&dir)?;
    let bench = Bench::load().await?;
    let batcher = bench
        .local
        .embedder
        .as_ref()
        .map_err(|p| format!("{p:?}"))?;
    let queries: Vec<String> = LANGS
        .iter()
        .map(|l| eval::questions(&question_dir(), l))
        .collect::<R<Vec<_>>>()?
        .into_iter()
        .flatten()
        .map(|q| q.text)
        .collect();
    let qv = batcher.embed(queries).await?;
    write(&dir.join("queries.f32"), &qv)?;
    let path = dir.join("texts.f32");
    if path.exists() {
        println!("{}: kept", path.display());
        return Ok(());
    }
    let texts = texts()?;
    let started = std::time::Instant::now();
    let mut vectors = Vec::with_capacity(texts.len());
    for (i, chunk) in texts.chunks(BATCH).enumerate() {
        vectors.extend(batcher.embed(chunk.to_vec()).await?);
        if i % 20 == 0 {
            eprintln!(
                "{} / {} texts, {:.0?}",
                vectors.len(),
                texts.len(),
                started.elapsed()
            );
        }
    }
    write(&path, &vectors)?;
    println!(
        "{} texts, {} queries, {} dimensions: {}",
        vectors.len(),
        qv.len(),
        bench.embedder.dims,
        dir.display()
    );
    Ok(())
}
