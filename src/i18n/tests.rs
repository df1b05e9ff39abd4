//! A missing text does not compile (every `Texts` literal names every field); these tests catch
//! what the compiler cannot: empty texts, texts left in English, and messages whose numbers,
//! plurals or typography are wrong.

use std::collections::BTreeMap;

use super::numbers::NARROW_NBSP;
use super::*;
use crate::domain::account::{MAX_EMAIL_CHARS, MAX_KEY_NAME_CHARS, MIN_PASSWORD_CHARS};
use crate::domain::date::Date;
use crate::domain::errors::Field;
use crate::domain::history::{DateBound, FilterProblem};

/// The catalogue's plain texts, field by field, read from its `Debug` form (functions print as
/// addresses and are left out): every `&'static str` field, with no list to keep up to date.
/// Fields of nested structs are named after them: `top_p.label`, `account.sign_in`.
fn plain_texts(t: &Texts) -> BTreeMap<String, String> {
    let debug = format!("{t:#?}");
    let mut out = BTreeMap::new();
    let mut parents: Vec<String> = Vec::new();
    for line in debug.lines().skip(1) {
        let line = line.trim();
        // `account: AccountTexts {` opens a nested struct: name its fields after it
        if let Some(name) = line.strip_suffix(" {").and_then(|l| l.split_once(": ")) {
            parents.push(format!("{}.", name.0));
            continue;
        }
        if line == "}," {
            parents.pop();
            continue;
        }
        let Some((name, value)) = line.split_once(": \"") else {
            continue;
        };
        let Some(value) = value.strip_suffix("\",") else {
            continue;
        };
        out.insert(format!("{}{name}", parents.concat()), value.to_string());
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
    // nested structs: the accounts, keys and history texts
    assert_eq!(en["account.sign_in"], "Sign in");
    assert_eq!(en["keys.yes_revoke"], "Yes, revoke");
    assert_eq!(en["history.title"], "History");
    assert_eq!(en["skip_to_main"], "Skip to the main content");
    // about 200 plain texts: if Debug's layout changed, this would find none
    assert!(en.len() > 180, "{}", en.len());
    assert!(!en.contains_key("text_stats"));
    assert!(!en.contains_key("history.count"));
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
    "API",
    "Actions",
    "Ctrl",
    "Top-k",
    "Top-p",
    "Conversation",
    "Style",
    "Long",
    "tokens",
    "Enter",
    // the report's plots (French "pages"; the abbreviations kept by Portuguese and French)
    "pages",
    "AUC",
    "ECE",
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
            (t.account.password_rules)(10),
            (t.account.email_too_long)(254),
            (t.account.password_too_short)(3, 10),
            (t.account.password_too_long)(300, 256),
            (t.keys.revoked)("k"),
            (t.keys.new_key_title)("k"),
            (t.keys.revoke_label)("k"),
            (t.keys.revoke_question)("k"),
            (t.keys.revoke_group)("k"),
            (t.keys.name_too_long)(61, 60),
            (t.history.none_match_search)("q"),
            (t.history.count)(3, true, true),
            (t.history.delete_label)("t"),
            (t.history.search_too_long)(201, 200),
            (t.history.too_many_words)(17, 16),
            (t.history.not_a_date)("x", "From"),
            (t.history.from_after_to)("2026-12-01", "2026-11-01"),
            (t.ask.accepted)("20"),
            (t.ask.indexing)(40, 112),
            (t.ask.indexing_label)("t"),
            (t.ask.document_size)(12, 4_210),
            (t.ask.remove_label)("t"),
            (t.ask.removed)("t"),
            (t.ask.sending_again_in)(7),
            (t.ask.ask_again_in)(7),
            (t.ask.answer_meta)("m", 1.25),
            (t.ask.cite_label)(1, "t"),
            (t.ask.passage_place)(4, 1_204, 1_680),
            (t.sort.unsupported_format)("GIF"),
            (t.sort.image_too_large)(Some((20_000, 100)), 16_000, 100),
            (t.sort.image_too_large)(None, 16_000, 100),
            (t.sort.file_too_large)(Some("31"), "30"),
            (t.sort.file_too_large)(None, "30"),
            (t.sort.image_too_small)(40, 30),
            (t.sort.unknown_model)("resnet", "“cnn”"),
            (t.sort.activated)("0.99", "0.98"),
            (t.sort.kept)("0.97", "0.98"),
            (t.sort_page.accepted)("30"),
            (t.sort_page.default_model)("cnn"),
            (t.sort_page.sending_label)("scan.png"),
            (t.sort_page.verdict)("Typed", "97%"),
            (t.sort_page.answered_by)("cnn"),
            (t.sort_page.page_verdict)(2, "Typed, 97%"),
            (t.sort_page.skipped_pages)(1),
            (t.sort_page.skipped_pages)(3),
            (t.sort_page.image_alt)("scan.png"),
            (t.sort_page.tiles_summary)(16, 12, 4),
            (t.sort_page.default_is)("cnn"),
            (t.sort_page.origin_builtin)("standard"),
            (t.sort_page.origin_trained)("quick"),
            (t.sort_page.protocol)("1,200", "600", "600", 3, 7),
            (t.sort_page.seconds)("1.5"),
            (t.sort_page.milliseconds)("12"),
            (t.sort_page.kilobytes)("340"),
            (t.sort_page.set_caption)("Real scans", "29", "18", "11", "6"),
            (t.sort_page.interval)("0.93", "0.85", "0.99"),
            (t.sort_page.roc_caption)("real scans"),
            (t.sort_page.confusion_caption)("real scans"),
            (t.sort_page.reliability_caption)("real scans"),
            (t.sort_page.roc_alt)("real scans", "cnn 0.93"),
            (t.sort_page.confusion_alt)("real scans", "cnn: …"),
            (t.sort_page.reliability_alt)("real scans", "cnn 0.04"),
            (t.sort_page.confusion_model)("cnn", 14, 18, 9, 11),
            (t.sort_page.stage_cross_validation)(2, 3, "cnn"),
            (t.sort_page.stage_final)("cnn"),
            (t.sort_page.progress_line)("42%", "Scoring"),
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

#[test]
fn history_counts_take_each_languages_plural() {
    let count = |lang, n, filtered, more| (texts(lang).history.count)(n, filtered, more);
    assert_eq!(count(Lang::En, 1, false, false), "1 summary");
    assert_eq!(count(Lang::En, 0, false, false), "0 summaries");
    assert_eq!(count(Lang::En, 2, true, false), "2 matching summaries");
    assert_eq!(count(Lang::En, 1, true, false), "1 matching summary");
    assert_eq!(
        count(Lang::En, 1_234, false, true),
        "1,234 summaries, more below"
    );
    // French: 0 and 1 singular, the adjective agrees
    assert_eq!(count(Lang::Fr, 0, false, false), "0 résumé");
    assert_eq!(count(Lang::Fr, 1, true, false), "1 résumé correspondant");
    assert_eq!(count(Lang::Fr, 2, true, false), "2 résumés correspondants");
    assert_eq!(
        count(Lang::Fr, 1_234, false, true),
        format!("1{NARROW_NBSP}234 résumés, d’autres plus bas")
    );
    // Portuguese: only 1 singular
    assert_eq!(count(Lang::Pt, 0, false, false), "0 resumos");
    assert_eq!(count(Lang::Pt, 1, true, false), "1 resumo correspondente");
    assert_eq!(
        count(Lang::Pt, 1_234, true, true),
        "1.234 resumos correspondentes, há mais abaixo"
    );
}

/// Every reason a rule of `domain::account` gives, with numbers as the rules make them.
fn every_account_problem() -> Vec<AccountProblem> {
    vec![
        AccountProblem::EmailMissing,
        AccountProblem::EmailTooLong {
            max: MAX_EMAIL_CHARS,
        },
        AccountProblem::EmailMalformed,
        AccountProblem::PasswordTooShort {
            chars: 4,
            min: MIN_PASSWORD_CHARS,
        },
        AccountProblem::PasswordTooLong {
            chars: 2_000,
            max: 256,
        },
        AccountProblem::PasswordRepeated,
        AccountProblem::PasswordIsEmail,
        AccountProblem::KeyNameMissing,
        AccountProblem::KeyNameTooLong {
            chars: 1_500,
            max: MAX_KEY_NAME_CHARS,
        },
        AccountProblem::KeyNameControl,
    ]
}

#[test]
fn account_rules_are_told_in_every_language() {
    for p in every_account_problem() {
        let [en, fr, pt] = Lang::ALL.map(|lang| p.message_in(lang));
        // the server's sentence is the English one, from the same reason
        assert_eq!(crate::domain::params::Invalid::from(p).message(), en);
        assert_ne!(fr, en, "{p:?}");
        assert_ne!(pt, en, "{p:?}");
        assert_ne!(fr, pt, "{p:?}");
        for m in [&en, &fr, &pt] {
            assert!(m.ends_with('.'), "{p:?}: {m}");
        }
    }
}

#[test]
fn account_rules_write_numbers_as_each_language_does() {
    let long = AccountProblem::PasswordTooLong {
        chars: 2_000,
        max: 256,
    };
    // English is also the API's sentence: its numbers stay plain, as they always were
    assert_eq!(
        long.message_in(Lang::En),
        "That password is 2000 characters long; the limit is 256."
    );
    assert_eq!(
        long.message_in(Lang::Fr),
        format!(
            "Ce mot de passe compte 2{NARROW_NBSP}000 caractères\u{202f}; la limite est de 256."
        )
    );
    assert_eq!(
        long.message_in(Lang::Pt),
        "Esta senha tem 2.000 caracteres; o limite é 256."
    );
    let short = AccountProblem::PasswordTooShort { chars: 1, min: 10 };
    assert_eq!(
        short.message_in(Lang::Fr),
        "Choisissez un mot de passe d’au moins 10 caractères (celui-ci en compte 1)."
    );
    assert_eq!(
        short.message_in(Lang::Pt),
        "Escolha uma senha com pelo menos 10 caracteres (esta tem 1)."
    );
    assert_eq!(
        (texts(Lang::Fr).account.password_rules)(MIN_PASSWORD_CHARS),
        "Au moins 10 caractères, pas votre adresse e-mail, pas un seul caractère répété. \
         Quelques mots sans rapport entre eux font un mot de passe solide."
    );
}

#[test]
fn history_filters_are_told_in_every_language() {
    let date = |s| Date::parse(s).unwrap();
    let problems = [
        FilterProblem::SearchTooLong {
            chars: 1_201,
            max: 200,
        },
        FilterProblem::TooManyWords { words: 17, max: 16 },
        FilterProblem::NotADate {
            bound: DateBound::To,
            value: "demain".into(),
        },
        FilterProblem::FromAfterTo {
            from: date("2026-12-01"),
            to: date("2026-11-01"),
        },
    ];
    for p in &problems {
        let [en, fr, pt] = Lang::ALL.map(|lang| p.message_in(lang));
        assert_eq!(
            crate::domain::params::Invalid::from(p.clone()).message(),
            en
        );
        assert_ne!(fr, en, "{p:?}");
        assert_ne!(pt, en, "{p:?}");
    }
    assert!(problems[0]
        .message_in(Lang::Fr)
        .starts_with(&format!("La recherche compte 1{NARROW_NBSP}201 caractères")));
    assert!(problems[0]
        .message()
        .starts_with("The search is 1201 characters long"));
    // a date is named as its filter is labelled
    assert_eq!(
        problems[2].message_in(Lang::Pt),
        "“demain” não é uma data: escreva a data “Até” no formato AAAA-MM-DD, por exemplo \
         2026-11-23."
    );
    assert!(problems[2]
        .message_in(Lang::Fr)
        .contains("«\u{202f}Au\u{202f}»"));
    assert!(problems[3].message_in(Lang::Fr).contains("(2026-12-01)"));
}

#[test]
fn the_english_history_filters_are_named_as_the_server_names_them() {
    let h = &texts(Lang::En).history;
    assert_eq!(h.date_label(DateBound::From), Field::From.label());
    assert_eq!(h.date_label(DateBound::To), Field::To.label());
    assert_eq!(h.search, Field::Search.label());
    for lang in Lang::ALL {
        let t = texts(lang);
        assert_eq!(t.history.date_label(DateBound::From), t.history.from);
        assert_eq!(t.history.date_label(DateBound::To), t.history.to);
    }
}

#[test]
fn sentences_split_around_links_keep_their_spaces() {
    // "New to Precis? " + link, "Signed in as " + email: the space is the text's
    for lang in Lang::ALL {
        let a = &texts(lang).account;
        for (name, text) in [
            ("signed_in_as", a.signed_in_as),
            ("new_here", a.new_here),
            ("have_account", a.have_account),
            ("keys_hint", a.keys_hint),
            ("settings_hint", a.settings_hint),
            ("prompt_or", a.prompt_or),
            ("keys.intro", texts(lang).keys.intro),
            ("keys.store_it", texts(lang).keys.store_it),
        ] {
            assert!(
                text.ends_with(' ') || name == "keys.store_it",
                "{lang:?} {name}: {text:?}"
            );
        }
        assert!(texts(lang).keys.store_it.starts_with(' '), "{lang:?}");
        assert!(texts(lang).keys.intro_after.starts_with(". "), "{lang:?}");
        assert!(a.settings_hint.starts_with(". "), "{lang:?}");
    }
}

#[test]
fn the_ask_pages_numbers_and_plurals_follow_the_language() {
    let place = |lang| (texts(lang).ask.passage_place)(4, 1_204, 1_680);
    assert_eq!(place(Lang::En), "passage 4 · characters 1,204–1,680");
    assert_eq!(
        place(Lang::Fr),
        format!("passage 4 · caractères 1{NARROW_NBSP}204–1{NARROW_NBSP}680")
    );
    assert_eq!(place(Lang::Pt), "passagem 4 · caracteres 1.204–1.680");
    let size = |lang, p, c| (texts(lang).ask.document_size)(p, c);
    assert_eq!(size(Lang::En, 1, 12), "1 passage · 12 characters");
    assert_eq!(size(Lang::Fr, 0, 1), "0 passage · 1 caractère");
    assert_eq!(size(Lang::Pt, 112, 1), "112 passagens · 1 caractere");
    assert_eq!(
        (texts(Lang::En).ask.indexing)(40, 112),
        "Indexing… 40 of 112 passages"
    );
    assert_eq!(
        (texts(Lang::Fr).ask.answer_meta)("m", 1.25),
        "m · 1,2\u{a0}s"
    );
}

#[test]
fn the_sort_pages_counts_follow_the_language() {
    assert_eq!(
        (texts(Lang::En).sort_page.tiles_summary)(1, 1, 0),
        "The verdict came from 1 square of writing: 1 handwritten-looking, 0 typed-looking."
    );
    let fr = (texts(Lang::Fr).sort_page.confusion_model)("cnn", 1_400, 1_500, 2, 3);
    assert!(
        fr.contains(&format!(
            "1{NARROW_NBSP}400 pages manuscrites sur 1{NARROW_NBSP}500"
        )),
        "{fr}"
    );
    let pt = (texts(Lang::Pt).sort_page.skipped_pages)(1);
    assert!(pt.starts_with("1 página "), "{pt}");
}

#[test]
fn the_sort_sentences_write_numbers_as_each_language_does() {
    let large = |lang| (texts(lang).sort.image_too_large)(Some((20_000, 100)), 16_000, 100);
    assert!(large(Lang::En).starts_with("The image is 20,000 × 100 pixels"));
    assert!(large(Lang::Fr).starts_with(&format!(
        "L’image fait 20{NARROW_NBSP}000\u{a0}×\u{a0}100 pixels"
    )));
    assert!(large(Lang::Pt).contains("16.000 píxeis de lado"));
    for lang in Lang::ALL {
        let t = &texts(lang).sort;
        for m in [
            (t.activated)("0.99", "0.98"),
            (t.kept)("0.97", "0.98"),
            (t.file_too_large)(None, "30"),
        ] {
            assert!(m.ends_with('.'), "{lang:?}: {m}");
        }
        assert_ne!(t.handwritten, t.typed);
    }
}
