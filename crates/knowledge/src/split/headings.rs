//! Markdown headings: passages start at them and keep them with what follows.

use super::Splitter;

/// Where a Markdown text's ATX headings start (byte offsets of their lines, in order), code
/// fences excepted.
pub(super) struct Headings {
    starts: Vec<usize>,
}

impl Headings {
    pub(super) fn find(text: &str) -> Self {
        let mut starts = Vec::new();
        let mut fence: Option<&str> = None;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let unindented = line.trim_start_matches(' ');
            let indent = line.len() - unindented.len();
            if let Some(open) = fence {
                if indent <= 3 && unindented.starts_with(open) {
                    fence = None;
                }
            } else if indent <= 3 && unindented.starts_with("```") {
                fence = Some("```");
            } else if indent <= 3 && unindented.starts_with("~~~") {
                fence = Some("~~~");
            } else if is_heading(line) {
                starts.push(offset + indent);
            }
            offset += line.len();
        }
        Self { starts }
    }

    /// A heading starts at `at`.
    pub(super) fn at(&self, at: usize) -> bool {
        self.starts.binary_search(&at).is_ok()
    }

    /// The first heading in `from..to`.
    fn first_in(&self, from: usize, to: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s < from);
        self.starts.get(i).copied().filter(|&s| s < to)
    }

    /// Where the line of the last heading in `from..to` ends (at most `to`).
    pub(super) fn after_last_in(&self, text: &str, from: usize, to: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s < to);
        let last = *self.starts.get(i.checked_sub(1)?).filter(|&&s| s >= from)?;
        let line_end = text.get(last..to)?.find('\n').map_or(to, |n| last + n);
        Some(line_end)
    }
}

/// Cuts adjusted to the headings: a cut that starts inside a section ends before the next
/// heading (one that starts at a heading may hold several whole sections, as text-splitter
/// packs them); a cut made only of headings is joined to the next one when the two fit in
/// `max_tokens` (text-splitter cuts a section too long for a passage between its heading and
/// its body, and a passage holding only a heading is found by nothing but its title).
pub(super) fn adjust(
    splitter: &Splitter,
    text: &str,
    headings: &Headings,
    cuts: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(cuts.len());
    let mut push = |(start, end): (usize, usize)| {
        if let Some(last) = out.last_mut() {
            let fits = || {
                text.get(last.0..end)
                    .is_some_and(|joined| splitter.count_tokens(joined) <= splitter.max_tokens)
            };
            if only_headings(text, headings, *last) && fits() {
                last.1 = end;
                return;
            }
        }
        out.push((start, end));
    };
    for (start, end) in cuts {
        match headings.first_in(start + 1, end) {
            Some(heading) if !headings.at(start) => {
                let before = text.get(start..heading).map_or(0, |s| s.trim_end().len());
                if before > 0 {
                    push((start, start + before));
                }
                push((heading, end));
            }
            _ => push((start, end)),
        }
    }
    out
}

/// Every non-blank line of the cut is a heading.
fn only_headings(text: &str, headings: &Headings, (start, end): (usize, usize)) -> bool {
    let Some(cut) = text.get(start..end) else {
        return false;
    };
    let mut offset = start;
    cut.split_inclusive('\n').all(|line| {
        let at = offset + (line.len() - line.trim_start().len());
        offset += line.len();
        line.trim().is_empty() || headings.at(at)
    })
}

/// An ATX heading line: up to three spaces, one to six `#`, then a space or the line's end.
pub(super) fn is_heading(line: &str) -> bool {
    let line = line.trim_end();
    let unindented = line.trim_start_matches(' ');
    if line.len() - unindented.len() > 3 {
        return false;
    }
    let hashes = unindented.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && unindented[hashes..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}
