//! Text metrics shared by the browser (live counts) and the server (limits, length rules).

use unicode_segmentation::UnicodeSegmentation;

/// Largest input accepted, in characters. Counted the same way in the page and on the server.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Live figures shown under the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStats {
    pub words: usize,
    pub chars: usize,
    pub tokens: usize,
}

impl TextStats {
    pub fn of(text: &str) -> Self {
        let words = word_count(text);
        Self {
            words,
            chars: char_count(text),
            tokens: tokens_for_words(words),
        }
    }
}

pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Estimated number of model tokens in `text`.
///
/// Summarization models use sub-word vocabularies (BPE / SentencePiece) that average about
/// 4 tokens per 3 English words. The same estimate drives the window warning in the page and
/// the length rules of the local extractive summarizer, so both agree on what "N tokens" means.
pub fn estimate_tokens(text: &str) -> usize {
    tokens_for_words(word_count(text))
}

fn tokens_for_words(words: usize) -> usize {
    (words * 4).div_ceil(3)
}

/// A long text is split into parts of at most this share of the model's window (in percent):
/// the window counts the model's own tokens, which [`estimate_tokens`] only approximates.
pub const PART_FILL_PERCENT: usize = 85;

/// Most estimated tokens in one part of a long text, for a model reading `window` tokens.
pub fn part_budget(window: usize) -> usize {
    (window * PART_FILL_PERCENT / 100).max(8)
}

/// About how many parts a text of `tokens` estimated tokens is split into (the split happens
/// at sentence ends, so the real count can be a little higher).
pub fn estimated_parts(tokens: usize, window: usize) -> usize {
    tokens.div_ceil(part_budget(window)).max(1)
}

/// The first `max_words` words of `text`, for titles ("Quarterly results were…").
pub fn first_words(text: &str, max_words: usize) -> String {
    let mut words = text.unicode_words();
    let taken: Vec<&str> = words.by_ref().take(max_words).collect();
    let mut title = taken.join(" ");
    if words.next().is_some() {
        title.push('…');
    }
    title
}

/// The start of `text` as one line (white space collapsed), cut at a word boundary once it
/// reaches `max_chars`, with "…" when something was left out.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let sep = usize::from(!out.is_empty());
        if chars + sep + len > max_chars {
            if out.is_empty() {
                out.extend(word.chars().take(max_chars));
            }
            out.push('…');
            return out;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
        chars += sep + len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_chars_and_tokens() {
        let s = TextStats::of("The cat sat on the mat.");
        assert_eq!(s.words, 6);
        assert_eq!(s.chars, 23);
        assert_eq!(s.tokens, 8);
    }

    #[test]
    fn excerpts_cut_between_words() {
        assert_eq!(excerpt("  One  two\nthree ", 40), "One two three");
        assert_eq!(excerpt("One two three", 9), "One two…");
        assert_eq!(excerpt("Été à São Paulo", 9), "Été à São…");
        assert_eq!(excerpt("Incomprehensibilities", 5), "Incom…");
        assert_eq!(excerpt("", 5), "");
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(char_count("Précis — été"), 12);
    }

    #[test]
    fn blank_text_has_no_words_or_tokens() {
        let s = TextStats::of("  \n ");
        assert_eq!((s.words, s.tokens, s.chars), (0, 0, 4));
    }

    #[test]
    fn title_is_ellipsised_only_when_cut() {
        assert_eq!(first_words("One two three", 5), "One two three");
        assert_eq!(first_words("One two three four", 2), "One two…");
    }
}
