//! pdf-extract's line breaks, repaired.

/// Repairs the line breaks of a PDF's text: form feeds become blank lines; within a paragraph
/// (lines between blank lines) a word hyphenated across a line break is joined (`exam-\nple`
/// → `example`, only between letters and when the next line starts in lower case), another
/// hyphen ending a line is kept and joined (`Jean-\nPierre`, `2019-\n2020`), and other line
/// breaks become spaces, except before a list item.
pub(in crate::extract) fn repair(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n\n");
    let mut out = String::with_capacity(text.len());
    let mut paragraph_open = false;
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if paragraph_open {
                out.push_str("\n\n");
                paragraph_open = false;
            }
            continue;
        }
        if paragraph_open {
            if starts_list_item(line) {
                out.push('\n');
            } else if let Some(hyphen) = line_end_hyphen(&out, line) {
                if hyphen == Hyphen::Soft {
                    out.pop();
                }
            } else {
                out.push(' ');
            }
        }
        out.push_str(line);
        paragraph_open = true;
    }
    out
}

#[derive(PartialEq)]
enum Hyphen {
    /// Cuts a word in two: removed.
    Soft,
    /// Part of the text (a compound, a range): kept.
    Hard,
}

/// The hyphen `before` ends with, if it is one and not a dash standing alone (` -`).
fn line_end_hyphen(before: &str, next: &str) -> Option<Hyphen> {
    let mut end = before.chars().rev();
    if end.next() != Some('-') {
        return None;
    }
    let last = end.next().filter(|c| !c.is_whitespace())?;
    let soft = last.is_alphabetic() && next.chars().next().is_some_and(char::is_lowercase);
    Some(if soft { Hyphen::Soft } else { Hyphen::Hard })
}

/// A bullet (`•`, `–`, `-`, `*`…) or a number (`1.`, `2)`) followed by a space.
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(first, '•' | '◦' | '▪' | '‣' | '·' | '–' | '—' | '-' | '*') {
        return chars.next().is_some_and(char::is_whitespace);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with(char::is_whitespace)
}
