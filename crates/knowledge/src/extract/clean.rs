//! The normalisation every extracted text goes through before it is indexed.

/// Normalises text for indexing: CRLF and CR to LF; byte-order marks (U+FEFF) removed; NUL and
/// the other control characters removed, except `\n` and `\t`; trailing whitespace of each line
/// removed (tabs and runs of spaces inside a line kept); more than one blank line in a row
/// collapsed to one; leading and trailing whitespace trimmed.
///
/// Idempotent: `clean(&clean(x)) == clean(x)`.
pub fn clean(text: &str) -> String {
    let mut flat = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    flat.push('\n');
                }
            }
            '\n' | '\t' => flat.push(c),
            '\u{feff}' => {}
            c if c.is_control() => {}
            c => flat.push(c),
        }
    }

    let mut out = String::with_capacity(flat.len());
    let mut blank_before = false;
    for line in flat.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        if out.is_empty() {
            out.push_str(line.trim_start());
        } else {
            out.push('\n');
            if blank_before {
                out.push('\n');
            }
            out.push_str(line);
        }
        blank_before = false;
    }
    out
}
