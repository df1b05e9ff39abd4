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

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::sentences::{ends_with_terminal, split_sentences};
use crate::domain::text::{estimate_tokens, word_count};

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

/// Only this many leading sentences are ranked; the rest rank after them in text order.
const MAX_RANKED: usize = 2_000;

const DAMPING: f64 = 0.85;
const TOLERANCE: f64 = 1e-6;
const MAX_ITERATIONS: usize = 100;
/// Scores are compared at this resolution so that float noise cannot reorder equal sentences.
const SCORE_SCALE: f64 = 1e9;
/// Appended to a sentence cut at a word boundary.
const ELLIPSIS: &str = "…";

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

/// A chosen sentence: whole, or cut to its first `n` words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Whole(usize),
    Cut(usize, usize),
}

impl Pick {
    fn index(&self) -> usize {
        match *self {
            Pick::Whole(i) | Pick::Cut(i, _) => i,
        }
    }
}

/// The token limits translated into word counts of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Budget {
    /// Most words whose estimate stays within `max_tokens`.
    max_words: usize,
    /// Fewest words whose estimate reaches `min_tokens`; above `total_words` if none does.
    min_words: usize,
    /// Where selection stops: the fewest words reaching the target, at most `max_words`.
    target_words: usize,
}

impl Budget {
    fn new(total_words: usize, opts: &ExtractOptions) -> Self {
        let scale = TokenScale::new(total_words);
        let max_words = scale.most_words_within(opts.max_tokens);
        let target_tokens = opts
            .min_tokens
            .max(three_fifths_rounded_up(opts.max_tokens));
        Self {
            max_words,
            min_words: scale.fewest_words_reaching(opts.min_tokens),
            target_words: scale.fewest_words_reaching(target_tokens).min(max_words),
        }
    }
}

fn three_fifths_rounded_up(n: usize) -> usize {
    n / 5 * 3 + (n % 5 * 3).div_ceil(5)
}

/// Token estimates for word counts, asked of the shared estimator so this module never
/// re-implements its ratio. It relies only on the estimate being a non-decreasing function of
/// the number of words, which is what `estimate_tokens` computes.
struct TokenScale {
    /// `"w "` once per word of the input: any word count up to the input's is a prefix.
    probe: String,
    total_words: usize,
}

impl TokenScale {
    fn new(total_words: usize) -> Self {
        Self {
            probe: "w ".repeat(total_words),
            total_words,
        }
    }

    fn tokens(&self, words: usize) -> usize {
        let end = words.saturating_mul(2).min(self.probe.len());
        estimate_tokens(self.probe.get(..end).unwrap_or_default())
    }

    /// Largest word count (up to the input's) whose estimate is at most `limit`.
    fn most_words_within(&self, limit: usize) -> usize {
        self.first_words_where(|tokens| tokens > limit)
            .saturating_sub(1)
    }

    /// Smallest word count whose estimate is at least `goal`; `total_words + 1` if none is.
    fn fewest_words_reaching(&self, goal: usize) -> usize {
        self.first_words_where(|tokens| tokens >= goal)
    }

    /// Smallest word count in `0..=total_words` whose estimate satisfies the monotone `test`,
    /// or `total_words + 1`. Gallops from zero, so the cost grows with the answer, not the input.
    fn first_words_where(&self, test: impl Fn(usize) -> bool) -> usize {
        if test(self.tokens(0)) {
            return 0;
        }
        let (mut fails, mut step) = (0, 1);
        while step <= self.total_words && !test(self.tokens(step)) {
            fails = step;
            step = step.saturating_mul(2);
        }
        // `test` fails at `fails` and holds at `passes` (or `passes` is past the input).
        let mut passes = step.min(self.total_words + 1);
        while passes - fails > 1 {
            let mid = fails + (passes - fails) / 2;
            if test(self.tokens(mid)) {
                passes = mid;
            } else {
                fails = mid;
            }
        }
        passes
    }
}

/// Applies the length rule of [`summarize`] to sentences in rank `order` with `words` each.
fn select(order: &[usize], words: &[usize], budget: &Budget) -> Vec<Pick> {
    let size = |i: usize| words.get(i).copied().unwrap_or_default();
    let mut picks = Vec::new();
    let mut used = 0;
    for &i in order {
        if used >= budget.target_words {
            break;
        }
        if size(i) > 0 && used + size(i) <= budget.max_words {
            picks.push(Pick::Whole(i));
            used += size(i);
        }
    }
    let short_of_min = used < budget.min_words && budget.min_words <= budget.max_words;
    let room = budget.max_words.saturating_sub(used);
    if (short_of_min || picks.is_empty()) && room > 0 {
        // Everything left out is longer than `room`, or the loop would have taken it.
        let left_out = order
            .iter()
            .find(|&&i| size(i) > 0 && !picks.iter().any(|p| p.index() == i));
        if let Some(&i) = left_out {
            picks.push(Pick::Cut(i, room));
        }
    }
    picks
}

/// The first `keep` words of `sentence` followed by "…", or all of it if it is that short.
fn cut_words(sentence: &str, keep: usize) -> String {
    if keep == 0 {
        return String::new();
    }
    let mut ends = sentence
        .unicode_word_indices()
        .map(|(start, word)| start + word.len());
    match (ends.nth(keep - 1), ends.next()) {
        (Some(end), Some(_)) => format!("{}{ELLIPSIS}", &sentence[..end]),
        _ => sentence.to_owned(),
    }
}

/// The longest word-boundary cut of `text` whose estimate is within `max_tokens`.
fn fit_within(text: &str, max_tokens: usize) -> String {
    let (mut fits, mut too_long) = (0, word_count(text) + 1);
    while too_long - fits > 1 {
        let mid = fits + (too_long - fits) / 2;
        if estimate_tokens(&cut_words(text, mid)) <= max_tokens {
            fits = mid;
        } else {
            too_long = mid;
        }
    }
    cut_words(text, fits)
}

/// Sentence indices, best first: complete sentences before fragments, then by centrality,
/// then by position.
fn rank(sentences: &[&str]) -> Vec<usize> {
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
fn position_prior(n: usize) -> Vec<f64> {
    let weights: Vec<f64> = (0..n).map(|i| 1.0 + (n - i) as f64 / n as f64).collect();
    let total: f64 = weights.iter().sum();
    weights.into_iter().map(|w| w / total).collect()
}

/// Personalised PageRank by power iteration. Sentences without edges hand their score to the
/// random-jump distribution `prior`, so scores always sum to one.
fn pagerank(graph: &[Vec<(usize, f64)>], prior: &[f64]) -> Vec<f64> {
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

/// Ranking terms of a sentence: lowercase words, stop words dropped, lightly stemmed.
fn terms(sentence: &str) -> impl Iterator<Item = String> + '_ {
    sentence
        .unicode_words()
        .map(str::to_lowercase)
        .filter(|word| STOP_WORDS.binary_search(&word.as_str()).is_err())
        .map(|word| stem(&word))
}

/// Conservative English suffix stripping so inflections share a term: "markets", "market" →
/// "market"; "rising", "rises", "rise" → "ris"; "stopped" → "stop"; "companies" → "company".
/// Short and non-ASCII words are left alone.
fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() {
        return word.to_owned();
    }
    for suffix in ["ies", "ied"] {
        if let Some(base) = word.strip_suffix(suffix).filter(|b| b.len() >= 2) {
            return format!("{base}y");
        }
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = word.strip_suffix(suffix) {
            // "speed", "need": keep "-eed" words whole.
            let eed = suffix == "ed" && base.ends_with('e');
            if base.len() >= 3 && base.contains(is_vowel) && !eed {
                return undouble(base).to_owned();
            }
        }
    }
    let base = singular(word);
    // "make"/"making", "price"/"prices": drop the silent e the suffixes above remove.
    base.strip_suffix('e')
        .filter(|b| b.len() >= 3)
        .unwrap_or(base)
        .to_owned()
}

fn singular(word: &str) -> &str {
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word;
    }
    if let Some(base) = word.strip_suffix("es") {
        let sibilant = ["x", "z", "ch", "sh", "ss"]
            .iter()
            .any(|s| base.ends_with(s));
        if sibilant {
            return base;
        }
    }
    word.strip_suffix('s')
        .filter(|b| b.len() >= 3)
        .unwrap_or(word)
}

/// "stopp" → "stop", "runn" → "run"; "fall", "pass", "buzz" keep their double letter.
fn undouble(base: &str) -> &str {
    match base.as_bytes() {
        [.., a, b] if a == b && !is_vowel(char::from(*b)) && !b"lsz".contains(b) => {
            &base[..base.len() - 1]
        }
        _ => base,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Common English function words, sorted for binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A real multi-paragraph text of more than 25 sentences, with a heading.
    const ARTICLE: &str = "\
Harbor Town votes on its seawall

Harbor Town will vote next month on a plan to rebuild the seawall that protects its old harbor. \
The current wall was built in 1952 and has cracked in several places after decades of storms. \
Engineers say a major storm could now push seawater into the harbor district within hours. \
The council has spent two years studying how to replace the wall before it fails.

The plan would raise the seawall by one and a half meters and extend it along the northern beach. \
It would also add pumps that drain floodwater from the low streets behind the harbor. \
The engineers estimate that the full project will cost about forty million dollars. \
About half of that money would come from a state grant for coastal protection. \
The rest would be paid by a new harbor tax over the next twenty years. \
Supporters argue that the cost of doing nothing would be far higher than the cost of the wall.

Not everyone in Harbor Town supports the plan. \
Several fishermen worry that construction will close the harbor for two summer seasons. \
A closed harbor would mean lost income for the boats that land fish at the old pier. \
Some shop owners fear that a taller wall will block the sea view that draws summer visitors. \
Others simply doubt that the town can afford a tax that lasts twenty years. \
A local group has collected signatures asking the council to consider a smaller wall instead.

The council says it has listened to these concerns. \
It has changed the design so that the harbor stays open during most of the construction. \
Work near the pier would happen in winter, when few boats go out to sea. \
The new wall would include a raised walkway so that visitors can still enjoy the view. \
The council also promised that the harbor tax would end once the grant and loans are repaid.

Scientists who study the coast support a stronger seawall. \
They point out that sea levels near Harbor Town have risen steadily over the past fifty years. \
Storms have also become stronger, and floods that once came every century now come every decade. \
A smaller wall, they warn, might need to be rebuilt again within a generation. \
In their view, the larger plan is the cheaper choice over the long run.

The vote will take place on the first Tuesday of next month. \
Residents can read the full plan at the town library or on the council website. \
Whatever the result, the council has promised to begin repairs on the most damaged parts of the old wall this year.";

    fn opts(min_tokens: usize, max_tokens: usize) -> ExtractOptions {
        ExtractOptions {
            min_tokens,
            max_tokens,
        }
    }

    /// Indices of the input sentences that make up `summary`, checking that each is verbatim
    /// (or a word-boundary cut ending in "…"), in original order, joined by single spaces.
    fn used_sentences(sentences: &[&str], summary: &str) -> Vec<usize> {
        let mut used = Vec::new();
        let mut rest = summary;
        let mut from = 0;
        while !rest.is_empty() {
            let whole = (from..sentences.len()).find(|&j| {
                rest.strip_prefix(sentences[j])
                    .is_some_and(|after| after.is_empty() || after.starts_with(' '))
            });
            let (j, len) = match whole {
                Some(j) => (j, sentences[j].len()),
                None => {
                    let cut = rest.find(ELLIPSIS).expect("a verbatim or cut sentence");
                    let prefix = &rest[..cut];
                    let j = (from..sentences.len())
                        .find(|&j| sentences[j].starts_with(prefix) && sentences[j] != prefix)
                        .expect("the cut sentence is a prefix of an input sentence");
                    (j, cut + ELLIPSIS.len())
                }
            };
            used.push(j);
            from = j + 1;
            rest = rest[len..].strip_prefix(' ').unwrap_or(&rest[len..]);
        }
        used
    }

    /// `tokens[w]` is the estimate for `w` words, to decide whether a length is achievable.
    fn token_table(words: usize) -> Vec<usize> {
        (0..=words)
            .map(|w| estimate_tokens(&"w ".repeat(w)))
            .collect()
    }

    #[test]
    fn ranks_the_central_sentence_first() {
        let text = "Farmers planted wheat in early spring. \
                    Heavy storms flooded the river valley. \
                    Wheat farmers in the flooded valley sold cattle at the autumn market. \
                    Cattle prices rose sharply this year. \
                    The autumn market drew crowds from distant towns.";
        let sentences = split_sentences(text);
        assert_eq!(rank(&sentences)[0], 2);

        let central = sentences[2];
        let summary = summarize(text, &opts(1, estimate_tokens(central) + 1));
        assert_eq!(summary.text, central);
        assert_eq!(summary.sentences_used, 1);
        assert_eq!(summary.sentences_total, 5);
    }

    #[test]
    fn keeps_sentences_verbatim_and_in_original_order() {
        let summary = summarize(ARTICLE, &opts(100, 200));
        let sentences = split_sentences(ARTICLE);
        let used = used_sentences(&sentences, &summary.text);
        assert!(used.len() > 1);
        assert!(used.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(used.len(), summary.sentences_used);
        assert!(!summary.text.contains('…'));
    }

    #[test]
    fn respects_max_tokens_for_realistic_budgets() {
        for (min, max) in [
            (10, 30),
            (30, 80),
            (50, 150),
            (150, 300),
            (300, 600),
            (40, 40),
        ] {
            let summary = summarize(ARTICLE, &opts(min, max));
            let tokens = estimate_tokens(&summary.text);
            assert!(tokens <= max, "{tokens} tokens for ({min}, {max})");
            assert!(tokens >= min, "{tokens} tokens for ({min}, {max})");
        }
    }

    #[test]
    fn reaches_min_tokens_with_whole_sentences_when_they_allow_it() {
        let summary = summarize(ARTICLE, &opts(120, 400));
        assert!(
            estimate_tokens(&summary.text) >= 240,
            "60% of max is the target"
        );
        assert!(!summary.text.contains('…'));
        assert!(summary.sentences_used < summary.sentences_total);
    }

    #[test]
    fn stops_at_the_target_instead_of_filling_max() {
        let summary = summarize(ARTICLE, &opts(20, 100));
        let tokens = estimate_tokens(&summary.text);
        let longest = split_sentences(ARTICLE)
            .into_iter()
            .map(estimate_tokens)
            .max()
            .unwrap_or_default();
        // The target is 60% of 100: selection stops at the first sentence that crosses it.
        assert!(
            tokens >= 60 && tokens < 60 + longest,
            "{tokens} (longest {longest})"
        );
        assert!(longest < 40);
    }

    #[test]
    fn short_input_returns_the_whole_text() {
        let text = "  First point.\n\nSecond   point here!\nA heading\n";
        let summary = summarize(text, &opts(50, 100));
        assert_eq!(summary.text, "First point. Second   point here! A heading");
        assert_eq!(summary.sentences_used, 3);
        assert_eq!(summary.sentences_total, 3);

        let all = summarize(ARTICLE, &opts(2_000, 4_000));
        assert_eq!(all.text, split_sentences(ARTICLE).join(" "));
    }

    #[test]
    fn cuts_a_single_over_long_sentence_with_an_ellipsis() {
        let text = "The committee reviewed every proposal submitted during the spring session \
                    and concluded after long debate that none of them met the standards that \
                    residents had asked for in the public consultation held last autumn.";
        for max in 2..=30 {
            let summary = summarize(text, &opts(1, max));
            assert!(summary.text.ends_with('…'), "{max}: {}", summary.text);
            let prefix = summary.text.trim_end_matches('…');
            assert!(text.starts_with(prefix));
            assert!(!prefix.ends_with(' '));
            let tokens = estimate_tokens(&summary.text);
            assert!(
                tokens <= max && tokens + 2 >= max,
                "{tokens} tokens for max {max}"
            );
            assert_eq!(summary.sentences_used, 1);
        }
    }

    #[test]
    fn budget_too_small_for_one_word_gives_empty_text() {
        let summary = summarize("Hello there. General Kenobi.", &opts(0, 1));
        assert_eq!(summary.text, "");
        assert_eq!(summary.sentences_used, 0);
        assert_eq!(summary.sentences_total, 2);
    }

    #[test]
    fn empty_input_gives_empty_text() {
        let empty = Extract {
            text: String::new(),
            sentences_used: 0,
            sentences_total: 0,
        };
        assert_eq!(summarize("", &opts(10, 50)), empty);
        assert_eq!(summarize(" \n\t \r\n", &opts(10, 50)), empty);
    }

    #[test]
    fn odd_inputs_never_break_the_limits() {
        let odd = [
            "…",
            "!!! ??? ...",
            "漢字の文章です。二つ目の文です。",
            "👍🏽 great\u{200d}\u{301} work.\r\n\u{2029}e\u{301}té!",
            "Mr. Dr. U.S. e.g. 3.14 1. J.",
            "\n\n\n.\n\n\n",
            "word ",
        ];
        for text in odd {
            for (min, max) in [(0, 0), (0, 1), (1, 2), (2, 3), (5, 9), (1, 100)] {
                let summary = summarize(text, &opts(min, max));
                assert!(
                    estimate_tokens(&summary.text) <= max,
                    "{text:?} ({min}, {max})"
                );
                assert!(summary.sentences_used <= summary.sentences_total);
            }
        }
    }

    #[test]
    fn output_is_deterministic() {
        let first = summarize(ARTICLE, &opts(60, 150));
        for _ in 0..5 {
            assert_eq!(summarize(ARTICLE, &opts(60, 150)), first);
        }
    }

    #[test]
    fn invariants_hold_for_all_budgets() {
        let total_tokens = estimate_tokens(ARTICLE);
        let tokens = token_table(word_count(ARTICLE));
        let sentences = split_sentences(ARTICLE);
        assert!(sentences.len() >= 25);
        for min in (1..=500).step_by(7) {
            for max in (min..=500).step_by(7) {
                let summary = summarize(ARTICLE, &opts(min, max));
                let got = estimate_tokens(&summary.text);
                assert!(got <= max, "{got} > max for ({min}, {max})");
                let achievable = tokens.iter().any(|t| (min..=max).contains(t));
                if total_tokens >= min && achievable {
                    assert!(got >= min, "{got} < min for ({min}, {max})");
                }
                let used = used_sentences(&sentences, &summary.text);
                assert_eq!(used.len(), summary.sentences_used);
                assert!(used.windows(2).all(|pair| pair[0] < pair[1]));
            }
        }
    }

    #[test]
    fn selection_takes_ranked_sentences_until_the_target() {
        let budget = Budget {
            max_words: 40,
            min_words: 5,
            target_words: 15,
        };
        let picks = select(&[3, 0, 1, 2], &[10, 10, 10, 10], &budget);
        assert_eq!(picks, [Pick::Whole(3), Pick::Whole(0)]);
    }

    #[test]
    fn selection_skips_what_does_not_fit_and_cuts_to_reach_min() {
        let budget = Budget {
            max_words: 12,
            min_words: 11,
            target_words: 12,
        };
        let picks = select(&[0, 1, 2], &[20, 8, 9], &budget);
        assert_eq!(picks, [Pick::Whole(1), Pick::Cut(0, 4)]);
    }

    #[test]
    fn budget_converts_tokens_to_words_with_the_shared_estimator() {
        let budget = Budget::new(1_000, &opts(5, 10));
        assert_eq!(budget.max_words, 7); // 7 words are 10 tokens, 8 are 11.
        assert_eq!(budget.min_words, 4); // 3 words are 4 tokens, 4 are 6.
        assert_eq!(budget.target_words, 4); // 60% of 10 is 6 tokens.
        let short = Budget::new(3, &opts(50, 100));
        assert_eq!(
            short.min_words, 4,
            "unreachable minimum lies past the input"
        );
        assert_eq!(short.max_words, 3);
    }

    #[test]
    fn cut_words_ends_at_a_word_boundary() {
        assert_eq!(cut_words("One, two, three.", 2), "One, two…");
        assert_eq!(cut_words("One, two, three.", 3), "One, two, three.");
        assert_eq!(cut_words("One, two, three.", 0), "");
        assert_eq!(fit_within("One two three four five.", 4), "One two three…");
        assert_eq!(fit_within("One two three four five.", 1), "");
    }

    #[test]
    fn headings_rank_after_complete_sentences() {
        let text = "Seawall vote\nThe seawall vote is next month. The vote decides the seawall.";
        assert_eq!(rank(&split_sentences(text))[2], 0);
    }

    #[test]
    fn huge_inputs_rank_only_the_first_sentences() {
        let text: String = (0..MAX_RANKED + 500)
            .map(|i| format!("Report {i} covers topic {} in depth. ", i % 7))
            .collect();
        let order = rank(&split_sentences(&text));
        assert_eq!(order.len(), MAX_RANKED + 500);
        assert_eq!(
            order[MAX_RANKED], MAX_RANKED,
            "unranked sentences follow in text order"
        );
        let summary = summarize(&text, &opts(100, 200));
        let tokens = estimate_tokens(&summary.text);
        assert!((100..=200).contains(&tokens));
    }

    #[test]
    fn stemming_joins_inflections() {
        for (a, b) in [
            ("markets", "market"),
            ("rising", "rise"),
            ("rises", "rise"),
            ("stopped", "stop"),
            ("running", "runs"),
            ("companies", "company"),
            ("studied", "study"),
            ("taxes", "tax"),
            ("prices", "priced"),
            ("speeds", "speed"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("glass"), "glass");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("falling"), "fall");
        assert_eq!(stem("été"), "été");
    }

    #[test]
    fn stop_words_are_sorted_and_dropped() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        let kept: Vec<String> = terms("The Markets and THE markets").collect();
        assert_eq!(kept, ["market", "market"]);
    }

    #[test]
    fn pagerank_scores_sum_to_one() {
        let graph = vec![
            vec![(1, 1.0)],
            vec![(0, 0.5), (2, 0.5)],
            vec![(1, 1.0)],
            vec![],
        ];
        let scores = pagerank(&graph, &position_prior(4));
        assert!((scores.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(scores[1] > scores[0] && scores[1] > scores[2]);
    }
}
