//! How long an extract may be: token limits as word counts ([`Budget`]), the choice of
//! sentences under them ([`select`]) and word-boundary cuts ending in "…".

use unicode_segmentation::UnicodeSegmentation;

use super::ExtractOptions;
use crate::domain::text::{estimate_tokens, word_count};

/// Appended to a sentence cut at a word boundary.
pub(super) const ELLIPSIS: &str = "…";

/// A chosen sentence: whole, or cut to its first `n` words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pick {
    Whole(usize),
    Cut(usize, usize),
}

impl Pick {
    pub(super) fn index(&self) -> usize {
        match *self {
            Pick::Whole(i) | Pick::Cut(i, _) => i,
        }
    }
}

/// The token limits translated into word counts of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Budget {
    /// Most words whose estimate stays within `max_tokens`.
    pub(super) max_words: usize,
    /// Fewest words whose estimate reaches `min_tokens`; above `total_words` if none does.
    pub(super) min_words: usize,
    /// Where selection stops: the fewest words reaching the target, at most `max_words`.
    pub(super) target_words: usize,
}

impl Budget {
    pub(super) fn new(total_words: usize, opts: &ExtractOptions) -> Self {
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

/// Applies the length rule of [`super::summarize`] to sentences in rank `order` with `words` each.
pub(super) fn select(order: &[usize], words: &[usize], budget: &Budget) -> Vec<Pick> {
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
pub(super) fn cut_words(sentence: &str, keep: usize) -> String {
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
pub(super) fn fit_within(text: &str, max_tokens: usize) -> String {
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
