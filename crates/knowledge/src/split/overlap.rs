//! Consecutive passages made to share about `overlap` tokens.

use super::headings::Headings;
use super::Splitter;

/// Extends each cut (a byte range, text-splitter's, at most `max_tokens - overlap` tokens)
/// back over the end of the one before, from the earliest word start that keeps the shared
/// part within `overlap` tokens and the passage within `max_tokens`. Never back to where the
/// previous passage starts; in Markdown, never before a heading (a new section needs no tail
/// of the last one) nor over one.
pub(super) fn extend(
    splitter: &Splitter,
    text: &str,
    cuts: Vec<(usize, usize)>,
    headings: Option<&Headings>,
) -> Vec<(usize, usize)> {
    if splitter.overlap == 0 {
        return cuts;
    }
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &(start, end)) in cuts.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|j| cuts.get(j));
        let extended = match previous {
            Some(&(previous, _)) if !headings.is_some_and(|h| h.at(start)) => {
                let floor = headings
                    .and_then(|h| h.after_last_in(text, previous, start))
                    .unwrap_or(previous);
                shared_start(splitter, text, floor, start, end).unwrap_or(start)
            }
            _ => start,
        };
        out.push((extended, end));
    }
    out
}

/// The earliest word start in `floor..start` (after `floor`) from which the shared part
/// holds at most `overlap` tokens and the passage `..end` at most `max_tokens`.
fn shared_start(
    splitter: &Splitter,
    text: &str,
    floor: usize,
    start: usize,
    end: usize,
) -> Option<usize> {
    let words = word_starts(text.get(floor..start)?, floor);
    // a word is at least one token: the shared part starts among the last `overlap` words
    let words = &words[words.len().saturating_sub(splitter.overlap)..];
    // the shared part shrinks as it starts later: the first start that fits, by bisection
    let fits = |at: usize| {
        text.get(at..start)
            .is_some_and(|shared| splitter.count_tokens(shared) <= splitter.overlap)
    };
    let first = words.partition_point(|&at| !fits(at));
    // tokens are counted in words, so the two parts add up; check, in case a tokenizer's don't
    words[first..].iter().copied().find(|&at| {
        text.get(at..end)
            .is_some_and(|passage| splitter.count_tokens(passage) <= splitter.max_tokens)
    })
}

/// Byte offsets (from `base`) where a word starts in `span`, its first character excluded.
fn word_starts(span: &str, base: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut after_space = false;
    for (i, c) in span.char_indices() {
        if c.is_whitespace() {
            after_space = true;
        } else {
            if after_space && i > 0 {
                starts.push(base + i);
            }
            after_space = false;
        }
    }
    starts
}
