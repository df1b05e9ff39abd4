//! Which words of a passage match the question, so that the page can mark them.

use unicode_segmentation::UnicodeSegmentation;

/// Words too common to mark, in the three languages of the page: function words, and the
/// words a question is framed with ("how many", "should I", "combien", "posso") rather than
/// what it is about.
#[rustfmt::skip] // keeps each language's comment on its own line
const STOP_WORDS: &[&str] = &[
    // English
    "the", "and", "are", "was", "were", "for", "with", "what", "when", "where", "which", "who",
    "why", "how", "does", "did", "this", "that", "from", "has", "have", "had", "not", "but", "its",
    "into", "can", "there", "their", "they", "you", "your", "about", "any", "all", "many", "much",
    "often", "should", "could", "would", "will", "shall", "may", "might", "must", "get", "got",
    "our", "some", "been", "being", "than", "then", "them", "these", "those", "also", "just",
    "tell", "whom", "whose", "her", "his", "she", "him", "yes",
    // French
    "les", "des", "une", "est", "que", "qui", "quoi", "dans", "pour", "par", "sur", "avec", "pas",
    "quel", "quelle", "quels", "quelles", "sont", "ont", "aux", "ces", "son", "sa", "ses",
    "comment", "pourquoi", "quand", "où", "combien", "dois", "doit", "peut", "peux", "faut",
    "mon", "mes", "nos", "vos", "votre", "notre", "leur", "leurs", "elle", "elles", "ils",
    "nous", "vous", "lequel", "laquelle", "être", "avoir", "cette", "cet",
    // Portuguese
    "uma", "um", "dos", "das", "nos", "nas", "para", "por", "com", "não", "qual", "quais", "quem",
    "quando", "onde", "como", "porque", "são", "foi", "ser", "seu", "sua", "pelo", "pela", "mais",
    "que", "quantos", "quantas", "quanto", "quanta", "posso", "pode", "devo", "deve", "meu",
    "minha", "meus", "minhas", "nosso", "nossa", "ele", "ela", "eles", "elas", "isso", "isto",
    "esse", "essa", "este", "esta", "tem", "há", "ter",
];

/// The form of a lower-case word that is compared: without a plural's final `s` ("days" is
/// "day", "férias" is "féria"), so that a question's word finds its plural or singular.
fn key(lower: &str) -> String {
    let mut chars = lower.chars();
    if lower.chars().count() >= 4 && lower.ends_with('s') && !lower.ends_with("ss") {
        chars.next_back();
    }
    chars.as_str().to_string()
}

/// The question's words worth marking: lower case, at least 3 letters, not a stop word,
/// each once (a plural and its singular are one word, see [`key`]).
pub fn terms(question: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in question.unicode_words() {
        let lower = word.to_lowercase();
        if lower.chars().count() < 3 || STOP_WORDS.contains(&lower.as_str()) {
            continue;
        }
        let key = key(&lower);
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// How many of `terms` occur in `text`.
pub fn covered(text: &str, terms: &[String]) -> usize {
    let mut seen: Vec<&String> = Vec::new();
    for word in text.unicode_words() {
        let key = key(&word.to_lowercase());
        if let Some(term) = terms.iter().find(|t| **t == key) {
            if !seen.contains(&term) {
                seen.push(term);
            }
        }
    }
    seen.len()
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
        if terms.contains(&key(&word.to_lowercase())) {
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
        assert_eq!(words, vec!["Évora", "towers", "Tower"]);
    }

    #[test]
    fn a_plural_finds_its_singular_and_the_framing_words_do_not_count() {
        let holiday = terms("How many days of holiday do I get?");
        assert_eq!(holiday, vec!["day", "holiday"]);
        let text = "Every employee has 25 days of paid holidays a year; one day at a time.";
        assert_eq!(covered(text, &holiday), 2);
        assert_eq!(covered("Nothing to see here.", &holiday), 0);
        assert_eq!(
            terms("Quantos dias de férias posso tirar?"),
            vec!["dia", "féria", "tirar"]
        );
        assert_eq!(terms("Combien de jours de congés ?"), vec!["jour", "congé"]);
        // short words and double s keep their letters
        assert_eq!(terms("gas class bus"), vec!["gas", "class", "bus"]);
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
            // at most every term of the question, and repeating the text finds no more
            prop_assert!(covered(&text, &terms) <= terms.len());
            prop_assert_eq!(covered(&text, &terms), covered(&format!("{text} {text}"), &terms));
            for (piece, marked) in &pieces {
                prop_assert!(!piece.is_empty());
                if *marked {
                    prop_assert!(terms.contains(&key(&piece.to_lowercase())), "{piece:?} {terms:?}");
                }
            }
        }
    }
}
