//! Sentence splitting for the local extractive summarizer (and the long-document chunker).
//!
//! The candidate boundaries come from Unicode's sentence segmentation (UAX #29), which already
//! keeps decimals (`3.14`, `$1,000.50`, `v1.2.3`) and `e.g. the` together. On top of it:
//!
//! * a blank line (two or more line breaks) is always a boundary, so paragraphs never merge;
//! * a single line break is a boundary (a heading without a final period is its own sentence)
//!   unless it is a soft wrap: the line has no final punctuation and the next starts lowercase;
//! * breaks inside a line are undone after common abbreviations (`Mr.`, `Inc.`, `U.S.`, …),
//!   initials (`J. R. R. Tolkien`), list numbers (`1. Preheat the oven.`) and before a
//!   lowercase word (`"Why?" she asked.`).
//!
//! Abbreviations that can also end a sentence (`etc.`, `Inc.`, `a.m.`, initials, …) only join
//! the next piece when it does not start with a common sentence opener such as `The` or `He`.

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that are always followed by more of the same sentence (titles, "for example").
const ALWAYS_CONTINUE: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rev.", "Gen.", "Gov.", "Sen.", "Rep.", "Capt.", "Lt.",
    "Col.", "Sgt.", "Mt.", "Fig.", "Figs.", "vs.", "cf.", "e.g.", "i.e.", "E.g.", "I.e.",
];

/// Abbreviations that usually continue the sentence but may also end it ("… and Sons Ltd.").
const MAY_END: &[&str] = &[
    "St.", "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "No.", "Nos.", "Vol.", "etc.", "al.",
    "approx.", "Dept.", "Ave.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Capitalised words that commonly open an English sentence. After an abbreviation that may end
/// a sentence, one of these on the same line means the sentence really did end.
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "By",
    "Each",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Not",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Sentence spans of `text`, trimmed, in order, never empty strings.
///
/// Every span is a slice of `text`. A span may contain a line break only when a soft-wrapped
/// line was joined to the next one.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut pieces = text
        .split_sentence_bound_indices()
        .filter_map(|(start, piece)| trimmed_span(start, piece));
    let Some(mut current) = pieces.next() else {
        return Vec::new();
    };
    let mut sentences = Vec::new();
    for next in pieces {
        let (left, gap, right) = (
            &text[current.0..current.1],
            &text[current.1..next.0],
            &text[next.0..next.1],
        );
        if continues(left, gap, right) {
            current.1 = next.1;
        } else {
            sentences.push(left);
            current = next;
        }
    }
    sentences.push(&text[current.0..current.1]);
    sentences
}

/// Whether `sentence` ends like a complete sentence (`.`, `!`, `?`, `…`, CJK stops), ignoring
/// closing quotes and brackets. Headings and list fragments usually do not.
pub(crate) fn ends_with_terminal(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || is_closing(c))
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Byte range of `piece` (which starts at `start`) without surrounding whitespace, if any.
fn trimmed_span(start: usize, piece: &str) -> Option<(usize, usize)> {
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lead = piece.len() - piece.trim_start().len();
    Some((start + lead, start + lead + trimmed.len()))
}

/// Whether the boundary between `left` and `right` (separated by whitespace `gap`) is false.
fn continues(left: &str, gap: &str, right: &str) -> bool {
    match line_breaks(gap) {
        0 => false_break(left, right),
        1 => {
            let soft_wrap = !ends_with_terminal(left) && starts_lowercase(right);
            soft_wrap || false_break(left, right)
        }
        _ => false,
    }
}

/// Number of line breaks in a whitespace run (CRLF counts once, U+2029 counts as a blank line).
fn line_breaks(gap: &str) -> usize {
    let crlf = gap.matches("\r\n").count();
    let singles = gap
        .chars()
        .filter(|c| matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}'))
        .count();
    let paragraphs = gap.matches('\u{2029}').count();
    singles - crlf + 2 * paragraphs
}

/// Whether UAX #29 broke after an abbreviation, an initial or a list number, or before a
/// lowercase word.
fn false_break(left: &str, right: &str) -> bool {
    if starts_lowercase(right) {
        return true;
    }
    let last = left
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_start_matches(|c: char| is_opening(c));
    let Some(stem) = last.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() {
        return false;
    }
    if ALWAYS_CONTINUE.contains(&last) {
        return true;
    }
    let is_list_number = last.len() == left.len() && stem.chars().all(|c| c.is_ascii_digit());
    if is_list_number {
        return true;
    }
    let may_end = MAY_END.contains(&last) || is_initialism(stem);
    may_end && !starts_with_opener(right)
}

/// `J`, `U.S`, `a.m`, `U.S.A`: single letters separated by dots (the final dot already removed).
/// A lone letter must be a capital, so "plan a." is not mistaken for an initial.
fn is_initialism(stem: &str) -> bool {
    let mut parts = 0;
    for part in stem.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts > 1 || stem.chars().all(char::is_uppercase)
}

fn starts_with_opener(text: &str) -> bool {
    text.unicode_words()
        .next()
        .is_some_and(|word| SENTENCE_OPENERS.contains(&word))
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«')
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split_sentences("The cat sat. The dog ran! Did the bird fly?"),
            ["The cat sat.", "The dog ran!", "Did the bird fly?"]
        );
    }

    #[test]
    fn empty_and_blank_input_have_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\t\r\n ").is_empty());
    }

    #[test]
    fn spans_are_trimmed_and_never_empty() {
        let text = "  First one.   \n\n\n   Second one.  \r\n ";
        assert_eq!(split_sentences(text), ["First one.", "Second one."]);
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            split_sentences("Mr. Smith met Dr. Jones and Prof. Lee. They talked."),
            ["Mr. Smith met Dr. Jones and Prof. Lee.", "They talked."]
        );
        assert_eq!(
            split_sentences("Mrs. Brown and Ms. Green came. Rates rose (e.g. Fig. 3 Shows it)."),
            [
                "Mrs. Brown and Ms. Green came.",
                "Rates rose (e.g. Fig. 3 Shows it)."
            ]
        );
    }

    #[test]
    fn abbreviations_continue_unless_a_sentence_opener_follows() {
        assert_eq!(
            split_sentences("Sales in the U.S. Midwest rose. Apple Inc. The company grew."),
            [
                "Sales in the U.S. Midwest rose.",
                "Apple Inc.",
                "The company grew."
            ]
        );
        assert_eq!(
            split_sentences("We met at 9 a.m. Eastern time. Bring pens, paper, etc. We start."),
            [
                "We met at 9 a.m. Eastern time.",
                "Bring pens, paper, etc.",
                "We start."
            ]
        );
        assert_eq!(
            split_sentences("Visit the U.K. Office of No. 10 Downing St. Sunday."),
            ["Visit the U.K. Office of No. 10 Downing St. Sunday."]
        );
    }

    #[test]
    fn initials_stay_with_the_name() {
        assert_eq!(
            split_sentences("J. R. R. Tolkien wrote it. John F. Kennedy spoke."),
            ["J. R. R. Tolkien wrote it.", "John F. Kennedy spoke."]
        );
        assert_eq!(
            split_sentences("Take vitamin C. The rest is noise."),
            ["Take vitamin C.", "The rest is noise."]
        );
    }

    #[test]
    fn decimals_and_versions_do_not_break() {
        assert_eq!(
            split_sentences("Pi is 3.14 and it cost $1,000.50 or .5% in v1.2.3 today. Done."),
            [
                "Pi is 3.14 and it cost $1,000.50 or .5% in v1.2.3 today.",
                "Done."
            ]
        );
        assert_eq!(
            split_sentences("Growth was 2.5 percent in 2023. In 2024 it was 3.1 percent."),
            [
                "Growth was 2.5 percent in 2023.",
                "In 2024 it was 3.1 percent."
            ]
        );
    }

    #[test]
    fn lowercase_after_a_quoted_question_continues() {
        assert_eq!(
            split_sentences("\"Why?\" she asked. Nobody knew."),
            ["\"Why?\" she asked.", "Nobody knew."]
        );
    }

    #[test]
    fn headings_and_paragraphs_are_hard_boundaries() {
        let text = "Market outlook\nThe market grew. Prices rose\n\nrisks remain high\n\nSummary";
        assert_eq!(
            split_sentences(text),
            [
                "Market outlook",
                "The market grew.",
                "Prices rose",
                "risks remain high",
                "Summary"
            ]
        );
    }

    #[test]
    fn soft_wrapped_lines_are_joined() {
        let text =
            "The committee met on\nthe first Tuesday and agreed to\nraise rates.\nIt was close.";
        assert_eq!(
            split_sentences(text),
            [
                "The committee met on\nthe first Tuesday and agreed to\nraise rates.",
                "It was close."
            ]
        );
    }

    #[test]
    fn list_items_stay_separate_and_keep_their_numbers() {
        let text = "Steps\n1. Preheat the oven.\n2. Bake it.\n- buy flour\n- buy eggs";
        assert_eq!(
            split_sentences(text),
            [
                "Steps",
                "1. Preheat the oven.",
                "2. Bake it.",
                "- buy flour",
                "- buy eggs"
            ]
        );
    }

    #[test]
    fn windows_and_unicode_line_breaks() {
        assert_eq!(
            split_sentences("Title\r\nBody text.\r\n\r\nNext\u{2029}Last"),
            ["Title", "Body text.", "Next", "Last"]
        );
    }

    #[test]
    fn text_without_punctuation_is_one_sentence() {
        assert_eq!(
            split_sentences("just some words without an end"),
            ["just some words without an end"]
        );
    }

    #[test]
    fn spans_are_slices_of_the_input_in_order() {
        let text = "Dr. Who arrived. Then he left!\n\nHeading\nMore text here... And more.";
        let mut from = 0;
        for sentence in split_sentences(text) {
            let at = text[from..].find(sentence).expect("span in order") + from;
            from = at + sentence.len();
            assert_eq!(sentence, sentence.trim());
            assert!(!sentence.is_empty());
        }
    }

    #[test]
    fn terminal_punctuation_ignores_closing_quotes() {
        assert!(ends_with_terminal("He said \"stop.\""));
        assert!(ends_with_terminal("(See above.)"));
        assert!(ends_with_terminal("終わり。"));
        assert!(!ends_with_terminal("Market outlook"));
        assert!(!ends_with_terminal("as follows:"));
    }
}
