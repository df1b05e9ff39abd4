//! Long documents, for every model: a text longer than the model's window is split on
//! sentence boundaries into parts that fit, each part is summarized, and the part summaries
//! are combined by summarizing them together (map-reduce), level by level if need be.

use crate::domain::text::{estimate_tokens, part_budget};
use crate::server::providers::local::sentences::split_sentences;

/// Combining levels at most; past this the combined text is cut to the window.
pub const MAX_LEVELS: usize = 4;

/// Splits `text` into parts of at most ~85% of `window` estimated tokens each, on sentence
/// boundaries (a single sentence longer than that is cut between words). Parts are
/// contiguous and in order: joined with spaces they hold every word of the text.
pub fn split(text: &str, window: usize) -> Vec<String> {
    let budget = part_budget(window);
    let mut parts = Vec::new();
    let mut current = String::new();
    let push = |current: &mut String, parts: &mut Vec<String>| {
        if !current.trim().is_empty() {
            parts.push(std::mem::take(current));
        }
        current.clear();
    };
    for sentence in split_sentences(text) {
        if estimate_tokens(sentence) > budget {
            push(&mut current, &mut parts);
            for piece in split_words(sentence, budget) {
                parts.push(piece);
            }
            continue;
        }
        let candidate_tokens = estimate_tokens(&current) + estimate_tokens(sentence) + 1;
        if !current.is_empty() && candidate_tokens > budget {
            push(&mut current, &mut parts);
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(sentence);
    }
    push(&mut current, &mut parts);
    parts
}

/// Cuts an over-long sentence into runs of words within `budget` tokens.
fn split_words(sentence: &str, budget: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in sentence.split_whitespace() {
        let grown = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if !current.is_empty() && estimate_tokens(&grown) > budget {
            out.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = grown;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whether `text` needs splitting for a model reading `window` tokens (`None`: any length).
pub fn needs_split(text: &str, window: Option<u32>) -> bool {
    window.is_some_and(|w| estimate_tokens(text) > w as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    fn text(sentences: usize) -> String {
        (0..sentences)
            .map(|i| {
                format!(
                    "Sentence number {i} talks about topic {} at some length.",
                    i % 7
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn parts_fit_the_window_and_keep_every_word_in_order() {
        let t = text(300);
        for window in [50, 128, 1024] {
            let parts = split(&t, window);
            assert!(parts.len() > 1 || window == 1024 && estimate_tokens(&t) <= 870);
            for p in &parts {
                assert!(estimate_tokens(p) <= window * 85 / 100, "{window}: {p}");
            }
            assert_eq!(words(&parts.join(" ")), words(&t));
        }
    }

    #[test]
    fn parts_end_on_sentence_boundaries() {
        let parts = split(&text(100), 100);
        assert!(parts.len() > 3);
        for p in &parts {
            assert!(p.ends_with('.'), "{p}");
            assert!(p.starts_with("Sentence number"), "{p}");
        }
    }

    #[test]
    fn a_sentence_longer_than_the_window_is_cut_between_words() {
        let long = format!("{}.", "word ".repeat(500).trim());
        let t = format!("Short one. {long} Another short one.");
        let parts = split(&t, 100);
        assert!(parts[0].starts_with("Short one. word"));
        assert!(parts.last().unwrap().ends_with("Another short one."));
        assert!(parts.len() >= 500 * 4 / 3 / 85);
        for p in &parts {
            assert!(estimate_tokens(p) <= 85);
        }
        assert_eq!(words(&parts.join(" ")), words(&t));
    }

    #[test]
    fn short_texts_and_blank_texts() {
        assert_eq!(split("One. Two.", 1000), vec!["One. Two.".to_string()]);
        assert!(split("   ", 1000).is_empty());
        assert!(!needs_split("One. Two.", Some(1000)));
        assert!(!needs_split(&text(1000), None));
        assert!(needs_split(&text(1000), Some(1000)));
    }
}
