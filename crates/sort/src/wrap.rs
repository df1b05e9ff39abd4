//! Words into rows: the word wrap of a block of text, and where a sentence ends (a page that
//! has reached its target line ends with the sentence it is in, never in the middle of one).

/// A word in a row: its text, its advance width, and the space before it (0 for the first).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub width: f32,
    pub gap: f32,
}

/// The words of `text` in rows no wider than `wrap`, the first row starting `indent` in;
/// `width` measures a word and `gap()` draws the space before it (uneven in handwriting, drawn
/// here so that the wrap knows it). Never empty; a word wider than `wrap` gets a row alone.
pub fn wrap<'a>(
    text: &'a str,
    wrap: f32,
    indent: f32,
    width: impl Fn(&str) -> f32,
    mut gap: impl FnMut() -> f32,
) -> Vec<Vec<Word<'a>>> {
    let mut rows: Vec<Vec<Word>> = vec![vec![]];
    let mut used = indent;
    for w in text.split_whitespace() {
        let ww = width(w);
        let g = gap();
        let row = rows.last_mut().expect("never empty");
        if !row.is_empty() && used + g + ww > wrap {
            rows.push(vec![Word {
                text: w,
                width: ww,
                gap: 0.0,
            }]);
            used = ww;
        } else {
            let g = if row.is_empty() { 0.0 } else { g };
            used += g + ww;
            row.push(Word {
                text: w,
                width: ww,
                gap: g,
            });
        }
    }
    rows
}

/// The width of a row, spaces included.
pub fn row_width(row: &[Word]) -> f32 {
    row.iter().map(|w| w.width + w.gap).sum()
}

/// Whether `word` ends a sentence (., ! or ?, perhaps before a closing quote or bracket).
pub fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches(['"', '\'', '’', '”', '»', ')'])
        .ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fit_the_width_and_keep_every_word() {
        let text = "one two three four five six seven eight nine ten";
        let rows = wrap(text, 20.0, 4.0, |w| w.len() as f32, || 1.0);
        for (i, row) in rows.iter().enumerate() {
            let indent = if i == 0 { 4.0 } else { 0.0 };
            assert!(indent + row_width(row) <= 20.0, "{row:?}");
            assert_eq!(row[0].gap, 0.0);
        }
        let words: Vec<&str> = rows.iter().flatten().map(|w| w.text).collect();
        assert_eq!(words.join(" "), text);
        assert_eq!(wrap("", 20.0, 0.0, |_| 1.0, || 1.0), vec![vec![]]);
    }

    #[test]
    fn sentences_end_with_a_stop() {
        assert!(ends_sentence("time."));
        assert!(ends_sentence("equipment?"));
        assert!(ends_sentence("«fin.»"));
        assert!(!ends_sentence("noon,"));
        assert!(!ends_sentence("least"));
    }
}
