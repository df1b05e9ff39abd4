//! Numbers as each language writes them: English `12,345.6`, French `12 345,6` (a narrow
//! no-break space groups thousands), Portuguese `12.345,6`.
//!
//! Hand-written rather than taken from the browser's `Intl`: the server renders the same page
//! first, and hydration needs both sides to print the very same characters.

use crate::domain::settings::Lang;

/// French groups thousands with U+202F NARROW NO-BREAK SPACE (the Imprimerie nationale rule,
/// and what CLDR prints): the number never breaks across lines.
pub const NARROW_NBSP: char = '\u{202F}';

/// (thousands separator, decimal separator)
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::Fr => (NARROW_NBSP, ','),
        Lang::Pt => ('.', ','),
    }
}

/// 12345 → "12,345" / "12 345" / "12.345".
pub fn integer(lang: Lang, n: usize) -> String {
    group(&n.to_string(), separators(lang).0)
}

/// A number with at most `max_fraction` decimals, trailing zeros dropped: 0.95 → "0.95" /
/// "0,95"; 1.0 → "1"; 1234.5 → "1,234.5" / "1 234,5" / "1.234,5".
pub fn decimal(lang: Lang, v: f64, max_fraction: usize) -> String {
    format_number(lang, v, max_fraction, true)
}

/// A number with exactly `fraction` decimals: 2.0 → "2.0" / "2,0".
pub fn fixed(lang: Lang, v: f64, fraction: usize) -> String {
    format_number(lang, v, fraction, false)
}

/// A share from 0 to 1 as a percentage with at most `max_fraction` decimals: 0.97 → "97%" /
/// "97 %" (French puts a narrow no-break space before the sign) / "97%".
pub fn percent(lang: Lang, share: f64, max_fraction: usize) -> String {
    let number = decimal(lang, share * 100.0, max_fraction);
    match lang {
        Lang::Fr => format!("{number}{NARROW_NBSP}%"),
        Lang::En | Lang::Pt => format!("{number}%"),
    }
}

fn format_number(lang: Lang, v: f64, fraction: usize, trim: bool) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let (thousands, point) = separators(lang);
    let rounded = format!("{:.*}", fraction, v.abs());
    let (whole, decimals) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let decimals = if trim {
        decimals.trim_end_matches('0')
    } else {
        decimals
    };
    let mut out = String::with_capacity(rounded.len() + 4);
    // "-0" is not a number anyone writes
    if v < 0.0 && (whole.bytes().any(|b| b != b'0') || decimals.bytes().any(|b| b != b'0')) {
        out.push('-');
    }
    out.push_str(&group(whole, thousands));
    if !decimals.is_empty() {
        out.push(point);
        out.push_str(decimals);
    }
    out
}

/// Inserts `sep` between groups of three digits, from the right.
fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    let len = digits.chars().count();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_grouped_per_language() {
        assert_eq!(integer(Lang::En, 12_345), "12,345");
        assert_eq!(integer(Lang::Fr, 12_345), "12\u{202F}345");
        assert_eq!(integer(Lang::Pt, 12_345), "12.345");
        assert_eq!(integer(Lang::Fr, 100_000), "100\u{202F}000");
        assert_eq!(integer(Lang::Pt, 1_234_567), "1.234.567");
        for lang in Lang::ALL {
            assert_eq!(integer(lang, 0), "0");
            assert_eq!(integer(lang, 999), "999");
        }
    }

    #[test]
    fn english_integers_match_the_servers_thousands() {
        for n in [0, 7, 1_024, 100_000, 12_345_678] {
            assert_eq!(
                integer(Lang::En, n),
                crate::domain::models::thousands(n),
                "{n}"
            );
        }
    }

    #[test]
    fn decimals_use_each_languages_separator() {
        assert_eq!(decimal(Lang::En, 0.95, 2), "0.95");
        assert_eq!(decimal(Lang::Fr, 0.95, 2), "0,95");
        assert_eq!(decimal(Lang::Pt, 0.95, 2), "0,95");
        assert_eq!(decimal(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(decimal(Lang::Fr, 1234.5, 1), "1\u{202F}234,5");
        assert_eq!(decimal(Lang::Pt, 1234.5, 1), "1.234,5");
    }

    #[test]
    fn decimals_drop_trailing_zeros_and_round() {
        assert_eq!(decimal(Lang::En, 1.0, 2), "1");
        assert_eq!(decimal(Lang::Fr, 0.30000000000000004, 2), "0,3");
        assert_eq!(decimal(Lang::En, 2.345, 1), "2.3");
        assert_eq!(decimal(Lang::En, 0.0, 1), "0");
        assert_eq!(decimal(Lang::En, -0.01, 1), "0");
        assert_eq!(decimal(Lang::Pt, -1.5, 1), "-1,5");
        assert_eq!(decimal(Lang::En, f64::NAN, 1), "NaN");
    }

    #[test]
    fn percents_follow_the_language() {
        assert_eq!(percent(Lang::En, 0.97, 0), "97%");
        assert_eq!(percent(Lang::Fr, 0.97, 0), "97\u{202F}%");
        assert_eq!(percent(Lang::Pt, 0.375, 1), "37,5%");
        assert_eq!(percent(Lang::En, 1.0, 1), "100%");
    }

    #[test]
    fn fixed_keeps_its_decimals() {
        assert_eq!(fixed(Lang::En, 2.0, 1), "2.0");
        assert_eq!(fixed(Lang::Fr, 2.04, 1), "2,0");
        assert_eq!(fixed(Lang::Pt, 12.35, 1), "12,3");
        assert_eq!(fixed(Lang::En, -0.04, 1), "0.0");
    }
}
