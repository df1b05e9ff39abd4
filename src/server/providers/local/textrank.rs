//! Extractive summarization by graph ranking (LexRank / TextRank style): pure Rust, no weights.
//!
//! 1. The text is split into sentences ([`split_sentences`]).
//! 2. Each sentence becomes a TF-IDF vector over lowercase, stop-word-free, lightly stemmed
//!    words ("markets" and "market" are one term; IDF is `ln(N / df)`, so a word found in every
//!    sentence carries no weight).
//! 3. Sentences are linked by the cosine similarity of their vectors, and PageRank (damping
//!    0.85, power iteration until the L1 change is below 1e-6 or 100 rounds) scores how central
//!    each one is.
//! 4. Sentences are picked in rank order under the length rule of [`summarize`] and printed in
//!    their original order.
//!
//! Position prior: PageRank's random jumps land on sentence `i` of `n` with weight
//! `1 + (n - i) / n`, so the first sentence is jumped to about twice as often as the last. This
//! gently favours the lead of news-like text, breaks ties between unconnected sentences towards
//! the start, and is too small to outweigh real centrality.
//!
//! Headings and other fragments without final punctuation are ranked after all complete
//! sentences. Ties in score go to the earlier sentence, so the output is deterministic.
//!
//! Work cap: only the first `MAX_RANKED` (2,000) sentences are ranked; later ones rank after
//! them, in text order. Similarities are accumulated through an inverted index, so only pairs of
//! sentences that share a term cost anything: 100,000 characters of prose summarize in about
//! 15 ms in a release build, and about 100 ms when thousands of sentences all share terms.
//!
//! The parts: `rank` (vectors, graph, PageRank), `terms` (words, stop words, stemming) and
//! `length` (token budget, selection, cuts).

use std::borrow::Cow;

use super::sentences::split_sentences;
use crate::domain::text::{estimate_tokens, word_count};

mod length;
mod rank;
mod terms;

use length::{cut_words, fit_within, select, Budget, Pick};
use rank::rank;

/// Length limits of a summary, in tokens as counted by [`estimate_tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Reach at least this many tokens when the input has them (the caller keeps it ≤ max).
    pub min_tokens: usize,
    /// Never exceed this many tokens.
    pub max_tokens: usize,
}

/// An extractive summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Extract {
    /// The chosen sentences, verbatim and in original order, joined by single spaces. The only
    /// edit ever made is cutting one over-long sentence at a word boundary and ending it in "…".
    pub text: String,
    /// How many input sentences appear (whole or cut) in `text`.
    pub sentences_used: usize,
    /// How many sentences the input was split into.
    pub sentences_total: usize,
}

/// Summarizes `text` by picking its most central sentences.
///
/// Length rule, with all counts made by [`estimate_tokens`]:
/// * The target is `max(min_tokens, 60% of max_tokens)`, rounded up.
/// * If the whole text is within the target (in particular, if it is shorter than
///   `min_tokens`), every sentence is returned.
/// * Otherwise sentences are taken in rank order, skipping any that would push the total over
///   `max_tokens`, until the total reaches the target or the ranking is exhausted. So the
///   summary holds the fewest, highest-ranked sentences that reach the target.
/// * If whole sentences cannot reach `min_tokens` (or none fits at all), the best-ranked
///   sentence left out is cut at a word boundary to fill the remaining room and ends in "…".
///
/// The result never exceeds `max_tokens`, and reaches `min_tokens` whenever the input has that
/// many tokens and a length in `min_tokens..=max_tokens` exists for it.
///
/// Never panics on any input. Empty / whitespace-only input returns an Extract with empty text.
pub fn summarize(text: &str, opts: &ExtractOptions) -> Extract {
    summarize_ranked(text, opts, rank)
}

/// [`summarize`] with another ranking: `rank` gets the sentences (as [`split_sentences`] cuts
/// them) and returns every index, best first. The length rule is the same.
pub fn summarize_ranked(
    text: &str,
    opts: &ExtractOptions,
    rank: impl FnOnce(&[&str]) -> Vec<usize>,
) -> Extract {
    let sentences = split_sentences(text);
    let words: Vec<usize> = sentences.iter().map(|s| word_count(s)).collect();
    let total_words = words.iter().sum();
    let budget = Budget::new(total_words, opts);

    let mut picks = if total_words <= budget.target_words {
        (0..sentences.len()).map(Pick::Whole).collect()
    } else {
        select(&rank(&sentences), &words, &budget)
    };
    picks.sort_by_key(Pick::index);

    let parts: Vec<Cow<str>> = picks
        .iter()
        .filter_map(|pick| match *pick {
            Pick::Whole(i) => sentences.get(i).map(|s| Cow::Borrowed(*s)),
            Pick::Cut(i, keep) => sentences.get(i).map(|s| Cow::Owned(cut_words(s, keep))),
        })
        .collect();
    let mut summary = parts.join(" ");
    // Word counts add up across single spaces, so this only guards against estimator changes.
    if estimate_tokens(&summary) > opts.max_tokens {
        summary = fit_within(&summary, opts.max_tokens);
    }
    Extract {
        text: summary,
        sentences_used: parts.len(),
        sentences_total: sentences.len(),
    }
}

#[cfg(test)]
mod tests;
