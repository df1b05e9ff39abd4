use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tokenizers::Tokenizer;

use super::{Passage, SplitError, Splitter};

mod markdown;

/// The embedding model's tokenizer, as fetched by `scripts/models.sh`.
fn tokenizer_path() -> PathBuf {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/all-MiniLM-L6-v2/tokenizer.json");
    assert!(
        path.is_file(),
        "the embedding model's tokenizer is missing ({}): run `bash scripts/models.sh` at the \
         repository's root",
        path.display()
    );
    path
}

/// The tokenizer as its file sets it up (padding and truncation on), read once.
fn tokenizer() -> Tokenizer {
    static TOKENIZER: OnceLock<Tokenizer> = OnceLock::new();
    TOKENIZER
        .get_or_init(|| {
            Tokenizer::from_file(tokenizer_path()).unwrap_or_else(|e| panic!("tokenizer.json: {e}"))
        })
        .clone()
}

fn splitter(max_tokens: usize, overlap: usize) -> Splitter {
    Splitter::new(tokenizer(), max_tokens, overlap).unwrap_or_else(|e| panic!("{e}"))
}

/// Tokens as the model sees them (special tokens aside), counted by a tokenizer of its own.
fn tokens(counter: &Tokenizer, text: &str) -> usize {
    counter
        .encode(text, false)
        .map(|e| e.len())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// What every split must hold: offsets give back each passage's text, passages are trimmed,
/// not empty, within `max_tokens`, in order, and together hold every non-blank character.
fn check(text: &str, passages: &[Passage], max_tokens: usize) {
    let mut counter = tokenizer();
    counter.with_padding(None);
    counter
        .with_truncation(None)
        .unwrap_or_else(|e| panic!("{e}"));
    let chars: Vec<char> = text.chars().collect();
    let mut covered = 0usize;
    for (i, p) in passages.iter().enumerate() {
        let (start, end) = (p.start as usize, p.end as usize);
        assert!(
            start < end && end <= chars.len(),
            "passage {i}: {start}..{end}"
        );
        let span: String = chars[start..end].iter().collect();
        assert_eq!(span, p.text, "passage {i}: offsets {start}..{end}");
        assert_eq!(p.text.trim(), p.text, "passage {i} is not trimmed");
        let n = tokens(&counter, &p.text);
        assert!(
            n <= max_tokens,
            "passage {i} has {n} tokens > {max_tokens}: {:?}",
            p.text
        );
        if let Some(before) = i.checked_sub(1).map(|j| &passages[j]) {
            assert!(
                before.start < p.start && before.end < p.end,
                "passage {i} out of order"
            );
        }
        if start > covered {
            let gap: String = chars[covered..start].iter().collect();
            assert!(gap.trim().is_empty(), "lost before passage {i}: {gap:?}");
        }
        covered = covered.max(end);
    }
    let rest: String = chars[covered.min(chars.len())..].iter().collect();
    assert!(rest.trim().is_empty(), "lost at the end: {rest:?}");
}

/// French prose, `paragraphs` paragraphs of five sentences.
fn prose(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|p| {
            (0..5)
                .map(|s| {
                    format!(
                        "Le paragraphe {p} explique, à la phrase {s}, comment l'élève français \
                         révise sa leçon près du château où São João a mangé une crêpe."
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn a_splitter_is_shared_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Splitter>();
    send_sync::<Passage>();
}

#[test]
fn nothing_to_split() {
    let s = splitter(32, 4);
    for text in ["", " ", "\n\n\t \n"] {
        assert!(s.split(text, false).is_empty(), "{text:?}");
        assert!(s.split(text, true).is_empty(), "{text:?}");
    }
}

#[test]
fn a_short_text_is_one_passage() {
    let text = "  Bonjour à tous 🎉 !\n";
    let passages = splitter(32, 4).split(text, false);
    assert_eq!(
        passages,
        [Passage {
            start: 2,
            end: 20,
            text: "Bonjour à tous 🎉 !".into()
        }]
    );
}

#[test]
fn long_text_without_overlap() {
    let text = prose(12);
    let passages = splitter(64, 0).split(&text, false);
    check(&text, &passages, 64);
    assert!(passages.len() >= 12, "{} passages", passages.len());
    for pair in passages.windows(2) {
        assert!(
            pair[1].start >= pair[0].end,
            "passages overlap without overlap"
        );
    }
}

#[test]
fn consecutive_passages_overlap() {
    let text = prose(8);
    let passages = splitter(48, 16).split(&text, false);
    check(&text, &passages, 48);
    assert!(passages.len() > 5);
    for pair in passages.windows(2) {
        assert!(
            pair[1].start < pair[0].end,
            "no overlap: {:?} then {:?}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn character_offsets_with_accents_emoji_and_combining_marks() {
    let text = "Ação, coração e informação. 🎉🇫🇷 Été à Noël : e\u{301}le\u{300}ve. \
                日本語のテキストも。\n\nÇa marche ? Oui ! 👩‍👩‍👧 Très bien.\n\n"
        .repeat(6);
    for markdown in [false, true] {
        for (max, overlap) in [(8, 0), (8, 3), (24, 6)] {
            let passages = splitter(max, overlap).split(&text, markdown);
            check(&text, &passages, max);
            assert!(passages.len() > 2);
        }
    }
}

#[test]
fn a_word_longer_than_a_passage_is_cut() {
    // (WordPiece reads a word of more than 100 characters as one [UNK]: this one is cut into
    // many tokens by its punctuation)
    let text = format!("début https://exemple.fr/{}fin", "chemin/".repeat(60));
    let passages = splitter(16, 0).split(&text, false);
    check(&text, &passages, 16);
    assert!(passages.len() > 3);
}

#[test]
fn the_tokenizers_padding_and_truncation_are_off() {
    // tokenizer.json pads and truncates to 128 tokens
    let file = tokenizer();
    assert!(file.get_padding().is_some() && file.get_truncation().is_some());
    let s = splitter(300, 0);
    assert_eq!(tokens(&file, "bonjour"), 128, "the file's tokenizer pads");
    assert!(s.count_tokens("bonjour") < 4);
    let text = prose(1);
    assert!(
        s.count_tokens(&text) > 128,
        "{} tokens",
        s.count_tokens(&text)
    );
    assert!(s.count_tokens(&text) <= 300);
    assert_eq!(s.split(&text, false).len(), 1);
    assert_eq!((s.max_tokens(), s.overlap()), (300, 0));
}

#[test]
fn from_file_and_its_errors() {
    let s = Splitter::from_file(&tokenizer_path(), 64, 8).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.split("Un texte.", false).len(), 1);
    match Splitter::from_file(Path::new("/nonexistent/tokenizer.json"), 64, 8) {
        Err(SplitError::Tokenizer { path, .. }) => assert!(path.contains("nonexistent")),
        other => panic!("{:?}", other.err()),
    }
    assert!(matches!(
        Splitter::new(tokenizer(), 64, 64),
        Err(SplitError::Overlap {
            overlap: 64,
            max_tokens: 64
        })
    ));
    assert!(matches!(
        Splitter::new(tokenizer(), 0, 0),
        Err(SplitError::NoTokens)
    ));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, failure_persistence: None, ..Default::default() })]

    /// Any text, any sizes: every split holds its invariants.
    #[test]
    fn any_text_splits_soundly(
        pieces in proptest::collection::vec("(#{1,3} )?[\\p{L}\\p{N}é🎉 ,.!?'-]{0,40}(\n|\n\n| )", 0..40),
        max_tokens in 4usize..40,
        overlap_percent in 0usize..60,
        markdown in proptest::bool::ANY,
    ) {
        let text: String = pieces.concat();
        let overlap = max_tokens * overlap_percent / 100;
        let passages = splitter(max_tokens, overlap).split(&text, markdown);
        check(&text, &passages, max_tokens);
    }
}
