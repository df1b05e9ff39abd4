//! Citations in an answer, checked against the passages the model was given.
//!
//! The prompt numbers the passages `[1]`…`[n]` and asks the model to cite them that way. What it
//! writes is checked as it streams: `[2]`, `[1, 3]` and `[1][3]` become canonical `[1][3]`
//! markers; a number that was not given (`[0]`, `[7]` of 5) is dropped; anything else in
//! brackets (`[sic]`, `[a]`) is left as text. A marker cut across two pieces of the stream is
//! held back until it is complete, so no piece ever shows half a marker.

/// Longest bracket content still read as a marker (`[12, 13, 14, 15]`).
const MAX_MARKER: usize = 24;

/// Checks a streamed answer piece by piece.
#[derive(Debug, Clone)]
pub struct CitationChecker {
    given: usize,
    /// An opened `[` and what followed it, while it can still become a marker.
    held: String,
    cited: Vec<usize>,
    dropped: Vec<usize>,
}

/// A whole answer, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub text: String,
    /// Passage numbers (from 1) cited, in order of first citation.
    pub cited: Vec<usize>,
    /// Numbers the model cited that were not given, in order.
    pub dropped: Vec<usize>,
}

impl CitationChecker {
    /// For an answer written from passages numbered 1 to `given`.
    pub fn new(given: usize) -> Self {
        Self {
            given,
            held: String::new(),
            cited: Vec::new(),
            dropped: Vec::new(),
        }
    }

    /// The checked text of the next piece (possibly shorter, or longer with what was held
    /// back before).
    pub fn push(&mut self, piece: &str) -> String {
        let mut out = String::with_capacity(piece.len());
        for c in piece.chars() {
            if self.held.is_empty() {
                if c == '[' {
                    self.held.push(c);
                } else {
                    out.push(c);
                }
                continue;
            }
            match c {
                ']' => {
                    self.held.push(c);
                    let held = std::mem::take(&mut self.held);
                    out.push_str(&self.marker(&held));
                }
                '0'..='9' | ',' | ' ' if self.held.len() < MAX_MARKER => self.held.push(c),
                '[' => {
                    // "[[1]": the first bracket was text
                    out.push_str(&std::mem::take(&mut self.held));
                    self.held.push(c);
                }
                _ => {
                    out.push_str(&std::mem::take(&mut self.held));
                    out.push(c);
                }
            }
        }
        out
    }

    /// What is still held back (an unfinished `[`), as text.
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.held)
    }

    /// Passage numbers cited so far, in order of first citation.
    pub fn cited(&self) -> &[usize] {
        &self.cited
    }

    pub fn dropped(&self) -> &[usize] {
        &self.dropped
    }

    /// The number of passages given.
    pub fn given(&self) -> usize {
        self.given
    }

    /// Checks a whole answer at once.
    pub fn check(answer: &str, given: usize) -> Checked {
        let mut checker = Self::new(given);
        let mut text = checker.push(answer);
        text.push_str(&checker.finish());
        Checked {
            text,
            cited: checker.cited,
            dropped: checker.dropped,
        }
    }

    /// `held` is `[…]` with only digits, commas and spaces inside: the canonical markers of its
    /// given numbers, or the text as it was when it holds no number at all.
    fn marker(&mut self, held: &str) -> String {
        let Some(numbers) = numbers_in(&held[1..held.len() - 1]) else {
            return held.to_string();
        };
        let mut out = String::new();
        for n in numbers {
            if (1..=self.given).contains(&n) {
                if !self.cited.contains(&n) {
                    self.cited.push(n);
                }
                out.push_str(&format!("[{n}]"));
            } else {
                self.dropped.push(n);
            }
        }
        out
    }
}

/// "1", "1, 2" or "1,2": numbers separated by commas (spaces only around them).
fn numbers_in(inner: &str) -> Option<Vec<usize>> {
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    if parts.is_empty() || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    parts.iter().map(|p| p.parse().ok()).collect()
}

#[cfg(test)]
mod tests;
