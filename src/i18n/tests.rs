//! A missing text does not compile (every `Texts` literal names every field); these tests catch
//! what the compiler cannot: empty texts, texts left in English, and messages whose numbers,
//! plurals or typography are wrong.

use std::collections::BTreeMap;

use super::numbers::NARROW_NBSP;
use super::*;

/// The catalogue's plain texts, field by field, read from its `Debug` form (functions print as
/// addresses and are left out): every `&'static str` field, with no list to keep up to date.
fn plain_texts(t: &Texts) -> BTreeMap<String, String> {
    let debug = format!("{t:#?}");
    let mut out = BTreeMap::new();
    let mut parent = String::new();
    for line in debug.lines() {
        let line = line.trim();
        // `min_length: ParamText {` opens a nested struct: name its fields after it
        if let Some(name) = line.strip_suffix(": ParamText {") {
            parent = format!("{name}.");
            continue;
        }
        if line == "}," {
            parent.clear();
            continue;
        }
        let Some((name, value)) = line.split_once(": \"") else {
            continue;
        };
        let Some(value) = value.strip_suffix("\",") else {
            continue;
        };
        out.insert(format!("{parent}{name}"), value.to_string());
    }
    out
}

#[test]
fn the_debug_reader_sees_every_kind_of_field() {
    let en = plain_texts(texts(Lang::En));
    assert_eq!(en["summarize"], "Summarize");
    assert_eq!(en["top_p.label"], "Top-p");
    assert_eq!(
        en["max_time.help"],
        "Stop generating after this many seconds."
    );
    // about 100 plain texts: if Debug's layout changed, this would find none
    assert!(en.len() > 80, "{}", en.len());
    assert!(!en.contains_key("text_stats"));
}

#[test]
fn every_text_is_written_in_every_language() {
    let en = plain_texts(texts(Lang::En));
    for lang in Lang::ALL {
        let t = plain_texts(texts(lang));
        assert_eq!(
            t.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "{lang:?}"
        );
        for (name, value) in &t {
            assert!(!value.trim().is_empty(), "{lang:?}: {name} is empty");
        }
    }
}

/// Words that are the same in French or Portuguese as in English.
const SAME_AS_ENGLISH: &[&str] = &[
    "Ctrl",
    "Top-k",
    "Top-p",
    "Conversation",
    "Style",
    "Long",
    "tokens",
    "Enter",
];

#[test]
fn translations_are_not_left_in_english() {
    let en = plain_texts(texts(Lang::En));
    for lang in [Lang::Fr, Lang::Pt] {
        let t = plain_texts(texts(lang));
        let untranslated: Vec<&String> = t
            .iter()
            .filter(|(name, value)| {
                en.get(*name) == Some(value) && !SAME_AS_ENGLISH.contains(&value.as_str())
            })
            .map(|(name, _)| name)
            .collect();
        assert!(untranslated.is_empty(), "{lang:?}: {untranslated:?}");
    }
}

#[test]
fn every_message_function_says_something_in_every_language() {
    for lang in Lang::ALL {
        let t = texts(lang);
        let messages = [
            (t.text_stats)(1, 2, 3),
            (t.over_limit)(100_001, 100_000),
            (t.window_parts)(5_000, "m", 1_024, 6),
            (t.window_close)(1_000, 1_024, "m"),
            (t.summarizing_with)("m"),
            (t.warming_up)("m", 20),
            (t.stage_part)(3, 7),
            (t.stage_combining)(7),
            (t.your_text)(5),
            (t.turn_meta)(2.25, 12.0),
            (t.parts_note)(3),
            (t.md_parts)(3),
            (t.not_available)("why"),
            (t.model_facts)(true, None, None),
            (t.model_facts)(false, Some(1024), Some("Max length")),
            (t.unavailable_option)("m"),
            (t.experimental_option)("m"),
            (t.never_samples)("m"),
            (t.cannot_run_here)("m", "why"),
            (t.unexplained_status)(502),
            (t.text_too_long)(100_001, 100_000),
            (t.must_be_between)("x", "0", "1", "2"),
            (t.must_be_at_least)("x", "1", "0"),
            (t.min_over_max)(200, 100),
            (t.model_id_bad)("a b", "why"),
        ];
        for m in messages {
            assert!(m.chars().count() > 2, "{lang:?}: {m:?}");
            assert!(!m.contains('{'), "{lang:?}: unformatted {m:?}");
        }
    }
}

#[test]
fn counts_take_each_languages_plural() {
    let stats = |lang, w, c, k| (texts(lang).text_stats)(w, c, k);
    assert_eq!(
        stats(Lang::En, 1, 0, 2),
        "1 word · 0 characters · ~2 tokens"
    );
    assert_eq!(
        stats(Lang::En, 12_345, 1, 0),
        "12,345 words · 1 character · ~0 tokens"
    );
    // French: 0 and 1 are singular; thousands grouped by a narrow no-break space
    assert_eq!(stats(Lang::Fr, 0, 1, 2), "0 mot · 1 caractère · ~2 jetons");
    assert_eq!(
        stats(Lang::Fr, 12_345, 2, 1),
        format!("12{NARROW_NBSP}345 mots · 2 caractères · ~1 jeton")
    );
    // Portuguese: only 1 is singular; thousands grouped by a dot
    assert_eq!(
        stats(Lang::Pt, 0, 1, 12_345),
        "0 palavras · 1 caractere · ~12.345 tokens"
    );
    assert_eq!((texts(Lang::Pt).your_text)(1), "O seu texto (1 palavra)");
    assert_eq!((texts(Lang::Fr).your_text)(2), "Votre texte (2 mots)");
}

#[test]
fn decimals_and_percents_follow_the_language() {
    assert_eq!(
        (texts(Lang::En).turn_meta)(2.25, 12.0),
        "2.2 s · 12% of the original length"
    );
    assert_eq!(
        (texts(Lang::Fr).turn_meta)(2.25, 12.0),
        "2,2\u{a0}s · 12\u{202f}% de la longueur d’origine"
    );
    assert_eq!(
        (texts(Lang::Pt).turn_meta)(12.0, 7.0),
        "12,0 s · 7% do tamanho original"
    );
}

#[test]
fn long_texts_are_measured_in_each_language() {
    let fr = (texts(Lang::Fr).over_limit)(123_456, 100_000);
    assert!(
        fr.starts_with(&format!("123{NARROW_NBSP}456 caractères\u{a0}:")),
        "{fr}"
    );
    let pt = (texts(Lang::Pt).window_parts)(5_280, "BART", 1_024, 7);
    assert!(pt.contains("5.280 tokens"), "{pt}");
    assert!(pt.contains("(1.024 tokens)"), "{pt}");
    assert!(pt.contains("7 partes"), "{pt}");
}

#[test]
fn french_punctuation_never_starts_a_line() {
    // a plain space before « : ; ! ? » would let the sign wrap alone onto the next line
    for (name, value) in plain_texts(texts(Lang::Fr)) {
        for sign in [" :", " ;", " !", " ?", " %"] {
            assert!(!value.contains(sign), "fr {name}: {value:?} has {sign:?}");
        }
    }
}

#[test]
fn the_english_catalogue_is_the_servers_english() {
    // the server's messages name inputs with Field::label; the page must use the same words
    for p in Param::ALL {
        assert_eq!(texts(Lang::En).param(p).label, p.field().label(), "{p:?}");
        assert_eq!(p.label_in(Lang::En), p.label());
        assert_eq!(p.help_in(Lang::En), p.help());
    }
    assert_eq!(LengthPreset::Short.label(), "Short");
    assert_eq!(StylePreset::Creative.label_in(Lang::Fr), "Créatif");
    assert_eq!(texts(Lang::Pt).theme_name(Theme::Dark), "Escuro");
}
