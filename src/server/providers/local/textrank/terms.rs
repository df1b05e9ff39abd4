//! Ranking terms of a sentence: lowercase words, English stop words dropped, light stemming.

use unicode_segmentation::UnicodeSegmentation;

/// Ranking terms of a sentence: lowercase words, stop words dropped, lightly stemmed.
pub(super) fn terms(sentence: &str) -> impl Iterator<Item = String> + '_ {
    sentence
        .unicode_words()
        .map(str::to_lowercase)
        .filter(|word| STOP_WORDS.binary_search(&word.as_str()).is_err())
        .map(|word| stem(&word))
}

/// Conservative English suffix stripping so inflections share a term: "markets", "market" →
/// "market"; "rising", "rises", "rise" → "ris"; "stopped" → "stop"; "companies" → "company".
/// Short and non-ASCII words are left alone.
fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() {
        return word.to_owned();
    }
    for suffix in ["ies", "ied"] {
        if let Some(base) = word.strip_suffix(suffix).filter(|b| b.len() >= 2) {
            return format!("{base}y");
        }
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = word.strip_suffix(suffix) {
            // "speed", "need": keep "-eed" words whole.
            let eed = suffix == "ed" && base.ends_with('e');
            if base.len() >= 3 && base.contains(is_vowel) && !eed {
                return undouble(base).to_owned();
            }
        }
    }
    let base = singular(word);
    // "make"/"making", "price"/"prices": drop the silent e the suffixes above remove.
    base.strip_suffix('e')
        .filter(|b| b.len() >= 3)
        .unwrap_or(base)
        .to_owned()
}

fn singular(word: &str) -> &str {
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word;
    }
    if let Some(base) = word.strip_suffix("es") {
        let sibilant = ["x", "z", "ch", "sh", "ss"]
            .iter()
            .any(|s| base.ends_with(s));
        if sibilant {
            return base;
        }
    }
    word.strip_suffix('s')
        .filter(|b| b.len() >= 3)
        .unwrap_or(word)
}

/// "stopp" → "stop", "runn" → "run"; "fall", "pass", "buzz" keep their double letter.
fn undouble(base: &str) -> &str {
    match base.as_bytes() {
        [.., a, b] if a == b && !is_vowel(char::from(*b)) && !b"lsz".contains(b) => {
            &base[..base.len() - 1]
        }
        _ => base,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Common English function words, sorted for binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stemming_joins_inflections() {
        for (a, b) in [
            ("markets", "market"),
            ("rising", "rise"),
            ("rises", "rise"),
            ("stopped", "stop"),
            ("running", "runs"),
            ("companies", "company"),
            ("studied", "study"),
            ("taxes", "tax"),
            ("prices", "priced"),
            ("speeds", "speed"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("glass"), "glass");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("falling"), "fall");
        assert_eq!(stem("été"), "été");
    }

    #[test]
    fn stop_words_are_sorted_and_dropped() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        let kept: Vec<String> = terms("The Markets and THE markets").collect();
        assert_eq!(kept, ["market", "market"]);
    }
}
