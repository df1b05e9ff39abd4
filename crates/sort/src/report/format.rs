//! Numbers and text as the report writes them.

use crate::eval::Estimate;

/// The sign of a negative number in the report: the typographic minus.
const MINUS: char = '\u{2212}';

/// `x` with `decimals` decimals, `separator` as the decimal mark and a typographic minus.
pub(crate) fn number(x: f64, decimals: usize, separator: char) -> String {
    let text = format!("{x:.decimals$}");
    // "-0.000" is zero
    let text = match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        Some(rest) => format!("{MINUS}{rest}"),
        None => text,
    };
    text.replace('.', separator.encode_utf8(&mut [0; 4]))
}

/// `x` as [`number`] does, with a `+` in front when positive.
pub(crate) fn signed(x: f64, decimals: usize, separator: char) -> String {
    let text = number(x, decimals, separator);
    if text.starts_with(MINUS) || text.chars().all(|c| c == '0' || c == separator) {
        text
    } else {
        format!("+{text}")
    }
}

/// An estimate as `0.953 [0.921, 0.973]`, or `—` when undefined.
pub(crate) fn estimate(e: Option<Estimate>) -> String {
    match e {
        Some(e) => format!(
            "{} [{}, {}]",
            number(e.value, 3, '.'),
            number(e.low, 3, '.'),
            number(e.high, 3, '.')
        ),
        None => "—".to_string(),
    }
}

/// A p-value with its relation: `= 0.039`, or `< 0.001`.
pub(crate) fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".to_string()
    } else {
        format!("= {}", number(p, 3, '.'))
    }
}

/// A size in bytes in binary units: `812 B`, `14.2 KiB`, `3.1 MiB`.
pub(crate) fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut size = n as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < UNITS.len() {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS[unit])
}

/// Text made safe inside XML character data and attribute values.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // characters XML 1.0 forbids
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text made safe inside a Markdown table cell: no HTML, no cell break, one line.
pub(crate) fn cell(text: &str) -> String {
    xml(text).replace('|', "\\|").replace(['\n', '\r'], " ")
}
