//! Text that people (and scripts) may send, for property tests of the rules: characters a
//! parser or SQL engine could read as syntax, spaces of every kind, combining marks, wide
//! scripts, and any character at all.

use proptest::prelude::*;

/// One character, weighted towards those that break naive code.
pub fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '\0', '"', '\'', '*', '(', ')', ':', '^', '-', '+', '{', '}', '[', ']', ',', '\\',
            '\n', '\t', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}', '\u{202f}', '\u{2028}', '\u{feff}',
            '\u{fffd}', '\u{200b}', '\u{301}', ' ', 'a', 'é', '東', '🙂', '1', '9',
        ]),
        any::<char>(),
    ]
}

/// A string of up to `max` tricky characters.
pub fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..=max).prop_map(|c| c.into_iter().collect())
}
