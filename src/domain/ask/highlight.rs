//! Which words of a passage match the question, so that the page can mark them.

use unicode_segmentation::UnicodeSegmentation;

/// Words too common to mark, in the three languages of the page.
const STOP_WORDS: &[&str] = &[
    // English
    "the", "and", "are", "was", "were", "for", "with", "what", "when", "where", "which", "who",
    "why", "how", "does", "did", "this", "that", "from", "has", "have", "had", "not", "but", "its",
    "into", "can", "there", "their", "they", "you", "your", "about", "any", "all",
    // French
    "les", "des", "une", "est", "que", "qui", "quoi", "dans", "pour", "par", "sur", "avec", "pas",
    "quel", "quelle", "quels", "quelles", "sont", "ont", "aux", "ces", "son", "sa", "ses",
    "comment", "pourquoi", "quand", "où", // Portuguese
    "uma", "um", "dos", "das", "nos", "nas", "para", "por", "com", "não", "qual", "quais", "quem",
    "quando", "onde", "como", "porque", "são", "foi", "ser", "seu", "sua", "pelo", "pela", "mais",
    "que",
];

/// The question's words worth marking: lower case, at least 3 letters, not a stop word,
/// each once.
pub fn terms(question: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in question.unicode_words() {
        let lower = word.to_lowercase();
        if lower.chars().count() >= 3
            && !STOP_WORDS.contains(&lower.as_str())
            && !out.contains(&lower)
        {
            out.push(lower);
        }
    }
    out
}

/// Character ranges (start, end exclusive) of the words of `text` that match one of `terms`
/// (case-insensitive), in order.
pub fn matches(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut chars_before = 0;
    let mut bytes_seen = 0;
    for (at, word) in text.unicode_word_indices() {
        chars_before += text[bytes_seen..at].chars().count();
        bytes_seen = at;
        let len = word.chars().count();
        if terms.contains(&word.to_lowercase()) {
            out.push((chars_before, chars_before + len));
        }
    }
    out
}

/// `text` cut into pieces, each marked or not, for rendering.
pub fn pieces(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in matches(text, terms) {
        if start > at {
            out.push((chars[at..start].iter().collect(), false));
        }
        out.push((chars[start..end].iter().collect(), true));
        at = end;
    }
    if at < chars.len() {
        out.push((chars[at..].iter().collect(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_short_words_are_not_terms() {
        assert_eq!(
            terms("When was the Eiffel Tower built? Tower!"),
            vec!["eiffel", "tower", "built"]
        );
        assert_eq!(terms("Où est la gare de Lyon ?"), vec!["gare", "lyon"]);
    }

    #[test]
    fn matches_are_character_ranges_of_whole_words() {
        let text = "L'été à Évora: the towers and the Tower.";
        let found = matches(text, &terms("tower évora"));
        let words: Vec<String> = found
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(words, vec!["Évora", "Tower"]);
    }

    #[test]
    fn pieces_rebuild_the_text() {
        let text = "Budget: the budget grew. 🎉 Budget!";
        let p = pieces(text, &terms("budget"));
        assert_eq!(p.iter().map(|(s, _)| s.as_str()).collect::<String>(), text);
        assert_eq!(p.iter().filter(|(_, m)| *m).count(), 3);
        assert_eq!(pieces("", &terms("x")), vec![]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::tricky::tricky_text;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the question and the passage, the pieces give the passage back unchanged,
        /// and every marked piece is one of the question's terms.
        #[test]
        fn marking_never_changes_or_loses_the_text(
            question in tricky_text(30),
            text in tricky_text(120),
            seed in tricky_text(10),
        ) {
            // words that certainly occur in both, whatever the random text
            let text = format!("{text} {seed} {text}");
            let question = format!("{question} {seed}");
            let terms = terms(&question);
            let pieces = pieces(&text, &terms);
            let joined: String = pieces.iter().map(|(p, _)| p.as_str()).collect();
            prop_assert_eq!(&joined, &text);
            for (piece, marked) in &pieces {
                prop_assert!(!piece.is_empty());
                if *marked {
                    prop_assert!(terms.contains(&piece.to_lowercase()), "{piece:?} {terms:?}");
                }
            }
        }
    }
}
