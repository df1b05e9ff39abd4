//! What both stores check and clean in what they are given: vectors' dimensions, batches, and
//! the words of a keyword query.

use super::{NewPassage, StoreError};

/// At most this many distinct words of a keyword query are looked for (a question is a few
/// dozen; a pasted page would make one slow query of thousands of terms).
pub(crate) const MAX_QUERY_WORDS: usize = 64;

/// Characters kept of one word: longer "words" are noise, and no index holds them whole
/// (PostgreSQL drops words over 2047 bytes).
pub(crate) const MAX_WORD_CHARS: usize = 100;

/// [`StoreError::Dimensions`] unless `embedding` has `dims` dimensions.
pub(crate) fn check_dims(embedding: &[f32], dims: usize) -> Result<(), StoreError> {
    if embedding.len() == dims {
        Ok(())
    } else {
        Err(StoreError::Dimensions {
            expected: dims,
            found: embedding.len(),
        })
    }
}

/// A batch checked before anything is written (every vector has the store's dimensions), with
/// one passage per ordinal (the last one given wins, as it would written one after another).
pub(crate) fn check_batch(
    mut batch: Vec<NewPassage>,
    dims: usize,
) -> Result<Vec<NewPassage>, StoreError> {
    for passage in &batch {
        check_dims(&passage.embedding, dims)?;
    }
    // stable: equal ordinals keep their order, so the last one given is the last of its run
    batch.sort_by_key(|p| p.ordinal);
    let mut out: Vec<NewPassage> = Vec::with_capacity(batch.len());
    for passage in batch {
        match out.last_mut() {
            Some(prev) if prev.ordinal == passage.ordinal => *prev = passage,
            _ => out.push(passage),
        }
    }
    Ok(out)
}

/// The words of a keyword query: control characters (NUL, escape, line breaks…) separate words
/// as spaces do, words without a letter or a digit are dropped (no index holds punctuation),
/// each word is cut to [`MAX_WORD_CHARS`], repeats (ignoring case) are dropped, and at most
/// [`MAX_QUERY_WORDS`] are kept. Empty: nothing to look for.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    let cleaned: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut words: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for word in cleaned.split_whitespace() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let word: String = word.chars().take(MAX_WORD_CHARS).collect();
        let folded = word.to_lowercase();
        if seen.contains(&folded) {
            continue;
        }
        seen.push(folded);
        words.push(word);
        if words.len() == MAX_QUERY_WORDS {
            break;
        }
    }
    words
}

/// The runs of letters and digits in `words` (as FTS5's unicode61 tokenizer cuts text: a word
/// with punctuation inside is its parts), repeats (ignoring case) dropped, at most
/// [`MAX_QUERY_WORDS`].
pub(crate) fn word_parts(words: &[String]) -> Vec<&str> {
    let mut parts: Vec<&str> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let runs = words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|part| !part.is_empty());
    for part in runs {
        let folded = part.to_lowercase();
        if !seen.contains(&folded) {
            seen.push(folded);
            parts.push(part);
            if parts.len() == MAX_QUERY_WORDS {
                break;
            }
        }
    }
    parts
}

/// The FTS5 expression for `words`: any of their [parts](word_parts) may match, each a quoted
/// string (`"` doubled, though none is left), joined with `OR`. Inside quotes FTS5 reads
/// nothing as syntax: `AND`, `NEAR`, `NOT` are words. `None` when there is nothing to look for.
pub(crate) fn fts5_any(words: &[String]) -> Option<String> {
    let parts = word_parts(words);
    if parts.is_empty() {
        return None;
    }
    let quoted: Vec<String> = parts
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    Some(quoted.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(ordinal: u32, text: &str) -> NewPassage {
        NewPassage {
            ordinal,
            start: 0,
            end: 1,
            text: text.into(),
            embedding: vec![1.0, 0.0],
        }
    }

    #[test]
    fn words_are_separated_by_spaces_and_control_characters() {
        assert_eq!(query_words("ab\0c  d\u{1b}e"), ["ab", "c", "d", "e"]);
        assert_eq!(query_words("?! -- ..."), Vec::<String>::new());
        assert_eq!(query_words("Rain rain RAIN snow"), ["Rain", "snow"]);
        let many = (0..200)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(query_words(&many).len(), MAX_QUERY_WORDS);
        assert_eq!(query_words(&"x".repeat(500))[0].len(), MAX_WORD_CHARS);
    }

    #[test]
    fn fts5_words_stay_quoted_text() {
        let e = |q: &str| fts5_any(&query_words(q));
        assert_eq!(e(""), None);
        assert_eq!(e("\0"), None);
        assert_eq!(
            e("cats AND dogs"),
            Some(r#""cats" OR "AND" OR "dogs""#.into())
        );
        assert_eq!(e(r#"say "hi"#), Some(r#""say" OR "hi""#.into()));
        assert_eq!(e("NEAR(a b)"), Some(r#""NEAR" OR "a" OR "b""#.into()));
        assert_eq!(
            e("x'; DROP TABLE t"),
            Some(r#""x" OR "DROP" OR "TABLE" OR "t""#.into())
        );
        assert_eq!(
            e("crème-brûlée Crème"),
            Some(r#""crème" OR "brûlée""#.into())
        );
        assert_eq!(e("a*b^c:d"), Some(r#""a" OR "b" OR "c" OR "d""#.into()));
    }

    #[test]
    fn a_batch_is_checked_whole_and_keeps_the_last_of_an_ordinal() {
        let mut bad = passage(3, "c");
        bad.embedding = vec![1.0];
        let err = check_batch(vec![passage(1, "a"), bad], 2).unwrap_err();
        assert!(matches!(
            err,
            StoreError::Dimensions {
                expected: 2,
                found: 1
            }
        ));
        let batch = vec![passage(2, "b"), passage(1, "a"), passage(2, "b2")];
        let out = check_batch(batch, 2).unwrap();
        let got: Vec<(u32, &str)> = out.iter().map(|p| (p.ordinal, p.text.as_str())).collect();
        assert_eq!(got, [(1, "a"), (2, "b2")]);
    }
}
