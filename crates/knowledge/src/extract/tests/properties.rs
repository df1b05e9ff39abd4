//! Arbitrary input never panics; `clean`'s output always has its properties.

use proptest::prelude::*;

use super::{fixture, Format};
use crate::extract::{clean, extract};

const BOM: char = '\u{feff}';
const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Pdf];

/// Bytes that reach every reader: random, random after a PDF header, random with an HTML
/// start, and the text PDF fixture with some bytes changed.
fn documents() -> impl Strategy<Value = Vec<u8>> {
    let pdf = fixture("text.pdf");
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..1500),
        proptest::collection::vec(any::<u8>(), 0..1500)
            .prop_map(|b| [b"%PDF-1.4\n", &b[..]].concat()),
        ".{0,300}".prop_map(|s| format!("<!doctype html><p>{s}").into_bytes()),
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8).prop_map(
            move |edits| {
                let mut bytes = pdf.clone();
                for (at, byte) in edits {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
                bytes
            }
        ),
    ]
}

proptest! {
    // 256 cases, or PROPTEST_CASES
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn detect_and_extract_never_panic(bytes in documents(), name in prop::option::of("[a-zA-Z]{0,4}\\.[a-zA-Z]{0,4}")) {
        if let Ok(format) = Format::detect(name.as_deref(), None, &bytes) {
            let _ = extract(&bytes, format);
        }
        for format in FORMATS {
            if let Ok(got) = extract(&bytes, format) {
                prop_assert!(!got.text.is_empty());
                prop_assert_eq!(clean(&got.text), got.text);
            }
        }
    }

    #[test]
    fn clean_is_idempotent_and_leaves_no_control_characters(text in "(?s).{0,400}") {
        let once = clean(&text);
        prop_assert_eq!(clean(&once), once.clone());
        prop_assert!(once.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
        prop_assert!(!once.contains(BOM), "a BOM is left");
        prop_assert!(!once.contains("\n\n\n"));
        prop_assert_eq!(once.trim(), once.as_str());
        prop_assert!(once.lines().all(|line| line.trim_end() == line));
    }

    #[test]
    fn clean_keeps_every_word(words in proptest::collection::vec("[\\p{L}\\p{N}]{1,8}", 0..20), seps in proptest::collection::vec("[ \t\r\n][ \t\r\n\u{0}\u{feff}]{0,3}", 20)) {
        let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
        let cleaned = clean(&text);
        let kept: Vec<&str> = cleaned.split_whitespace().collect();
        prop_assert_eq!(kept, words.iter().map(String::as_str).collect::<Vec<_>>());
    }
}
