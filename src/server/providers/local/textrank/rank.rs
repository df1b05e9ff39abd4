//! Sentence ranking: TF-IDF vectors, their cosine-similarity graph and PageRank with a
//! position prior; complete sentences before fragments, ties to the earlier one.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::terms::terms;
use crate::server::providers::local::sentences::ends_with_terminal;

/// Only this many leading sentences are ranked; the rest rank after them in text order.
pub(super) const MAX_RANKED: usize = 2_000;

const DAMPING: f64 = 0.85;
const TOLERANCE: f64 = 1e-6;
const MAX_ITERATIONS: usize = 100;
/// Scores are compared at this resolution so that float noise cannot reorder equal sentences.
const SCORE_SCALE: f64 = 1e9;

/// Sentence indices, best first: complete sentences before fragments, then by centrality,
/// then by position.
pub(super) fn rank(sentences: &[&str]) -> Vec<usize> {
    let ranked = &sentences[..sentences.len().min(MAX_RANKED)];
    let graph = similarity_graph(&term_vectors(ranked));
    let scores = pagerank(&graph, &position_prior(ranked.len()));
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    order.sort_by_key(|&i| {
        let score = scores
            .get(i)
            .map_or(0, |s| (s * SCORE_SCALE).round() as u64);
        let fragment = sentences.get(i).is_some_and(|s| !ends_with_terminal(s));
        (fragment, Reverse(score), i)
    });
    order
}

/// Unit-length TF-IDF vectors, as `(term id, weight)` pairs sorted by term.
fn term_vectors(sentences: &[&str]) -> Vec<Vec<(usize, f64)>> {
    let mut ids: HashMap<String, usize> = HashMap::new();
    let counts: Vec<Vec<(usize, f64)>> = sentences
        .iter()
        .map(|sentence| {
            let mut terms: Vec<usize> = terms(sentence)
                .map(|term| {
                    let next = ids.len();
                    *ids.entry(term).or_insert(next)
                })
                .collect();
            terms.sort_unstable();
            let mut counted: Vec<(usize, f64)> = Vec::new();
            for term in terms {
                match counted.last_mut() {
                    Some((last, count)) if *last == term => *count += 1.0,
                    _ => counted.push((term, 1.0)),
                }
            }
            counted
        })
        .collect();

    let mut document_frequency = vec![0_usize; ids.len()];
    for &(term, _) in counts.iter().flatten() {
        document_frequency[term] += 1;
    }
    let n = sentences.len() as f64;
    counts
        .into_iter()
        .map(|terms| {
            let mut vector: Vec<(usize, f64)> = terms
                .into_iter()
                .map(|(term, tf)| (term, tf * (n / document_frequency[term] as f64).ln()))
                .filter(|&(_, weight)| weight > 0.0)
                .collect();
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            for (_, weight) in &mut vector {
                *weight /= norm;
            }
            vector
        })
        .collect()
}

/// Row-normalised cosine-similarity graph: for each sentence, `(neighbour, transition
/// probability)` pairs. Self-loops are left out; a sentence sharing no term has no edges.
fn similarity_graph(vectors: &[Vec<(usize, f64)>]) -> Vec<Vec<(usize, f64)>> {
    let terms = vectors.iter().flatten().map(|&(t, _)| t + 1).max();
    let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); terms.unwrap_or_default()];
    for (sentence, vector) in vectors.iter().enumerate() {
        for &(term, weight) in vector {
            postings[term].push((sentence, weight));
        }
    }
    let mut similarity = vec![0.0; vectors.len()];
    let mut touched = Vec::new();
    vectors
        .iter()
        .enumerate()
        .map(|(i, vector)| {
            for &(term, weight) in vector {
                for &(j, other) in &postings[term] {
                    if j != i {
                        if similarity[j] == 0.0 {
                            touched.push(j);
                        }
                        similarity[j] += weight * other;
                    }
                }
            }
            touched.sort_unstable();
            let total: f64 = touched.iter().map(|&j| similarity[j]).sum();
            touched
                .drain(..)
                .map(|j| (j, std::mem::take(&mut similarity[j]) / total))
                .collect()
        })
        .collect()
}

/// Random-jump distribution favouring early sentences: weight `1 + (n - i) / n`, normalised.
pub(super) fn position_prior(n: usize) -> Vec<f64> {
    let weights: Vec<f64> = (0..n).map(|i| 1.0 + (n - i) as f64 / n as f64).collect();
    let total: f64 = weights.iter().sum();
    weights.into_iter().map(|w| w / total).collect()
}

/// Personalised PageRank by power iteration. Sentences without edges hand their score to the
/// random-jump distribution `prior`, so scores always sum to one.
pub(super) fn pagerank(graph: &[Vec<(usize, f64)>], prior: &[f64]) -> Vec<f64> {
    let mut scores = prior.to_vec();
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = graph
            .iter()
            .zip(&scores)
            .filter(|(edges, _)| edges.is_empty())
            .map(|(_, score)| score)
            .sum();
        let jump = (1.0 - DAMPING) + DAMPING * dangling;
        let mut next: Vec<f64> = prior.iter().map(|p| jump * p).collect();
        for (edges, score) in graph.iter().zip(&scores) {
            for &(j, probability) in edges {
                next[j] += DAMPING * score * probability;
            }
        }
        let change: f64 = next.iter().zip(&scores).map(|(a, b)| (a - b).abs()).sum();
        scores = next;
        if change < TOLERANCE {
            break;
        }
    }
    scores
}
