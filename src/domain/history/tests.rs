//! Tests of the history's query: parsing, searches, filters' problems, exports.

use super::*;
use crate::domain::date::Date;
use crate::domain::settings::Lang;
use crate::domain::tricky::tricky_char;
use proptest::prelude::*;

fn params(pairs: &[(&str, &str)]) -> HistoryParams {
    let mut p = HistoryParams::default();
    for (k, v) in pairs {
        let v = Some(v.to_string());
        match *k {
            "q" => p.q = v,
            "model" => p.model = v,
            "from" => p.from = v,
            "to" => p.to = v,
            "before" => p.before = v,
            "limit" => p.limit = v,
            _ => panic!("{k}"),
        }
    }
    p
}

fn parse(pairs: &[(&str, &str)]) -> Result<HistoryQuery, Invalid> {
    HistoryQuery::parse(&params(pairs))
}

fn fts(q: &str) -> Option<String> {
    Search::parse(q).unwrap().map(|s| s.fts5())
}

#[test]
fn nothing_given_is_the_first_page_of_everything() {
    assert_eq!(parse(&[]), Ok(HistoryQuery::default()));
    // emptied form fields count as absent
    let blank = parse(&[
        ("q", "  "),
        ("model", ""),
        ("from", ""),
        ("to", " "),
        ("before", ""),
        ("limit", ""),
    ]);
    assert_eq!(blank, Ok(HistoryQuery::default()));
    assert!(!params(&[("q", " "), ("before", "9")]).is_filtered());
    assert!(params(&[("to", "2026-01-01")]).is_filtered());
}

#[test]
fn every_word_is_quoted_and_the_last_is_a_prefix() {
    assert_eq!(fts("budget"), Some(r#""budget"*"#.into()));
    assert_eq!(fts("  city   budget "), Some(r#""city" "budget"*"#.into()));
    assert_eq!(fts("bud"), Some(r#""bud"*"#.into()));
}

#[test]
fn a_short_last_word_is_looked_for_whole() {
    assert_eq!(fts("c"), Some(r#""c""#.into()));
    assert_eq!(fts("city bu"), Some(r#""city" "bu""#.into()));
    assert_eq!(fts("EU"), Some(r#""EU""#.into()));
    // what counts is the token FTS5 marks: the last one of the word
    assert_eq!(fts("budget-b"), Some(r#""budget-b""#.into()));
    assert_eq!(fts("b-budget"), Some(r#""b-budget"*"#.into()));
    assert_eq!(
        fts("été"),
        Some(r#""été"*"#.into()),
        "characters, not bytes"
    );
    assert_eq!(fts("ét"), Some(r#""ét""#.into()));
}

#[test]
fn fts5_syntax_typed_by_a_person_stays_text() {
    assert_eq!(fts(r#"say "hi"#), Some(r#""say" """hi""#.into()));
    assert_eq!(fts(r#"say "hello"#), Some(r#""say" """hello"*"#.into()));
    assert_eq!(fts(r#"abc"def"#), Some(r#""abc""def"*"#.into()));
    assert_eq!(fts("cats AND dogs"), Some(r#""cats" "AND" "dogs"*"#.into()));
    assert_eq!(fts("NEAR(abc def)"), Some(r#""NEAR(abc" "def)"*"#.into()));
    assert_eq!(fts("-rain"), Some(r#""-rain"*"#.into()));
    assert_eq!(
        fts("col:value ^start"),
        Some(r#""col:value" "^start"*"#.into())
    );
    assert_eq!(fts("wild*"), Some(r#""wild*"*"#.into()));
    // no word escapes its quotes: an odd number of quote characters never ends a string
    for q in [r#"""#, r#"a" OR "b"#, r#"x"*"#, r#""))"#] {
        if let Some(e) = fts(q) {
            assert_eq!(e.matches('"').count() % 2, 0, "{e}");
            for word in e.trim_end_matches('*').split(' ') {
                assert!(word.starts_with('"') && word.ends_with('"'), "{e}");
                let inner = &word[1..word.len() - 1];
                assert!(!inner.replace("\"\"", "").contains('"'), "{e}");
            }
        }
    }
}

#[test]
fn control_characters_separate_words() {
    // what schemathesis sent: a NUL inside a word used to end FTS5's string (500)
    assert_eq!(fts("ab\0c"), Some(r#""ab" "c""#.into()));
    assert_eq!(fts("\0"), None);
    let sent = fts("\u{1b}I»\u{742e3}\u{1b3b7}3\0").unwrap();
    assert!(sent.starts_with("\"I»") && !sent.contains('\0'), "{sent:?}");
    assert_eq!(fts("city\tbudget\r\n"), Some(r#""city" "budget"*"#.into()));
    assert_eq!(
        Search::parse("a\0b").unwrap().map(|s| s.text().to_string()),
        Some("a b".into())
    );
}

proptest! {
    /// Whatever is typed, the FTS5 expression is words in quotes, nothing else: no control
    /// character, every quote inside a word doubled.
    #[test]
    fn any_text_becomes_quoted_words(chars in prop::collection::vec(tricky_char(), 0..40)) {
        let text: String = chars.into_iter().collect();
        if let Ok(Some(search)) = Search::parse(&text) {
            let e = search.fts5();
            prop_assert!(!e.chars().any(char::is_control), "{e:?}");
            prop_assert_eq!(e.matches('"').count() % 2, 0, "{:?}", e);
            for word in e.trim_end_matches('*').split(' ') {
                prop_assert!(word.len() >= 2 && word.starts_with('"') && word.ends_with('"'), "{e:?}");
                let inner = &word[1..word.len() - 1];
                prop_assert!(!inner.replace("\"\"", "").contains('"'), "{e:?}");
            }
        }
    }
}

#[test]
fn punctuation_alone_is_not_a_search() {
    for q in ["*", "\"", "- -", "()", "  ", "…"] {
        assert_eq!(fts(q), None, "{q}");
    }
    assert_eq!(fts("* budget -"), Some(r#""budget"*"#.into()));
    assert_eq!(parse(&[("q", "***")]).map(|q| q.q), Ok(None));
}

#[test]
fn unicode_and_accents_pass_through_for_the_tokenizer() {
    assert_eq!(fts("résumé"), Some(r#""résumé"*"#.into()));
    assert_eq!(fts("São Paulo"), Some(r#""São" "Paulo"*"#.into()));
    assert_eq!(fts("東京都"), Some(r#""東京都"*"#.into()));
    assert_eq!(fts("١٢٣"), Some(r#""١٢٣"*"#.into()));
}

#[test]
fn overlong_searches_are_refused_with_the_figures() {
    let e = parse(&[("q", &"a".repeat(MAX_SEARCH_CHARS + 1))]).unwrap_err();
    assert_eq!((e.code, e.field), (ErrorCode::InvalidQuery, Field::Search));
    assert!(
        e.message().contains("201") && e.message().contains("200"),
        "{}",
        e.message()
    );
    assert!(
        parse(&[("q", &"é".repeat(MAX_SEARCH_CHARS))]).is_ok(),
        "counted in characters"
    );
    let many = vec!["w"; MAX_SEARCH_WORDS + 1].join(" ");
    let e = parse(&[("q", &many)]).unwrap_err();
    assert!(e.message().contains("17 words"), "{}", e.message());
}

#[test]
fn dates_are_days_and_inclusive() {
    let q = parse(&[("from", "2026-11-01"), ("to", "2026-11-01")]).unwrap();
    let (from, to) = q.created_range();
    assert_eq!(to.unwrap() - from.unwrap(), 86_400_000, "one whole day");
    for (field, bad) in [
        ("from", "2026-02-30"),
        ("to", "yesterday"),
        ("from", "2026-1-1"),
    ] {
        let e = parse(&[(field, bad)]).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidQuery);
        assert_eq!(e.field.key(), field);
        assert!(
            e.message().contains(bad) && e.message().contains("YYYY-MM-DD"),
            "{}",
            e.message()
        );
    }
    let e = parse(&[("from", "2026-12-01"), ("to", "2026-11-01")]).unwrap_err();
    assert_eq!(e.field, Field::From);
    assert!(e.message().contains("after the To date"), "{}", e.message());
}

/// The server's sentences, word for word as the API has always written them: they now come
/// from the English catalogue, through the reasons the page translates.
#[test]
fn the_servers_english_filter_sentences_are_unchanged() {
    let message = |pairs: &[(&str, &str)]| parse(pairs).unwrap_err().message();
    assert_eq!(
        message(&[("q", &"a".repeat(201))]),
        "The search is 201 characters long; keep it to 200: a few distinctive words find a \
         summary."
    );
    assert_eq!(
        message(&[("q", &vec!["w"; 17].join(" "))]),
        "The search has 17 words; use at most 16: a few distinctive words find a summary."
    );
    assert_eq!(
        message(&[("to", "yesterday")]),
        "“yesterday” is not a date: write To as YYYY-MM-DD, for example 2026-11-23."
    );
    assert_eq!(
        message(&[("from", "2026-12-01"), ("to", "2026-11-01")]),
        "The From date (2026-12-01) is after the To date (2026-11-01): pick a From date on \
         or before the To date."
    );
}

#[test]
fn the_page_finds_the_problems_of_its_own_filters() {
    assert_eq!(FilterProblem::first_in(&params(&[("q", "budget")])), None);
    // what only a hand-made request gets wrong is left to the server
    assert_eq!(FilterProblem::first_in(&params(&[("limit", "0")])), None);
    assert_eq!(
        FilterProblem::first_in(&params(&[("from", "2026-1-1"), ("q", "x")])),
        Some(FilterProblem::NotADate {
            bound: DateBound::From,
            value: "2026-1-1".into()
        })
    );
    // the search is checked first, as the server does
    let both = params(&[("q", &"a".repeat(201)), ("from", "nope")]);
    let first = FilterProblem::first_in(&both).unwrap();
    assert_eq!(
        first,
        FilterProblem::SearchTooLong {
            chars: 201,
            max: 200
        }
    );
    assert_eq!(Invalid::from(first), parse_invalid(&both));
    let late = FilterProblem::FromAfterTo {
        from: Date::parse("2026-12-01").unwrap(),
        to: Date::parse("2026-11-01").unwrap(),
    };
    assert_eq!(late.field(), Field::From);
    assert_ne!(late.message_in(Lang::Pt), late.message());
    // it crosses the wire (the page's list carries it) with its dates as YYYY-MM-DD
    let json = serde_json::to_string(&late).unwrap();
    assert!(json.contains("\"2026-12-01\""), "{json}");
    assert_eq!(serde_json::from_str::<FilterProblem>(&json).unwrap(), late);
}

fn parse_invalid(p: &HistoryParams) -> Invalid {
    HistoryQuery::parse(p).unwrap_err()
}

#[test]
fn cursor_and_limit_are_checked() {
    let q = parse(&[("before", "42"), ("limit", "200")]).unwrap();
    assert_eq!((q.before, q.limit), (Some(42), 200));
    for bad in ["0", "-3", "abc", "1.5", "99999999999999999999"] {
        let e = parse(&[("before", bad)]).unwrap_err();
        assert_eq!(e.field, Field::Before, "{bad}");
        assert!(e.message().contains("next_before"), "{}", e.message());
    }
    for bad in ["0", "201", "-1", "ten"] {
        let e = parse(&[("limit", bad)]).unwrap_err();
        assert_eq!(e.field, Field::Limit, "{bad}");
        assert!(e.message().contains("1 to 200"), "{}", e.message());
    }
}

#[test]
fn model_filter_is_any_short_id() {
    assert_eq!(
        parse(&[("model", " local/textrank ")])
            .unwrap()
            .model
            .as_deref(),
        Some("local/textrank")
    );
    assert_eq!(
        parse(&[("model", &"m".repeat(201))]).unwrap_err().field,
        Field::Model
    );
    assert_eq!(
        parse(&[("model", "a\u{0}b")]).unwrap_err().field,
        Field::Model
    );
}

#[test]
fn quoted_values_are_shortened() {
    let e = parse(&[("before", &"9".repeat(100))]).unwrap_err();
    assert!(e.message().len() < 250, "{}", e.message());
    assert!(e.message().contains('…'));
}

#[test]
fn export_format_and_url() {
    let p = params(&[("q", "café & co"), ("from", "2026-01-01"), ("before", "7")]);
    let e = p.export(ExportFormat::Markdown);
    assert_eq!(
        e.url(),
        "/api/v1/summaries/export?format=markdown&q=caf%C3%A9%20%26%20co&from=2026-01-01"
    );
    let (format, query) = e.parse().unwrap();
    assert_eq!(format, ExportFormat::Markdown);
    assert_eq!(
        query.before, None,
        "an export reads everything that matches"
    );
    assert_eq!(
        ExportParams::default().parse().unwrap().0,
        ExportFormat::Json
    );
    let bad = ExportParams {
        format: Some("pdf".into()),
        ..Default::default()
    };
    let e = bad.parse().unwrap_err();
    assert_eq!((e.code, e.field), (ErrorCode::InvalidQuery, Field::Format));
    assert!(e.message().contains("format=markdown"), "{}", e.message());
    let today = Date::parse("2026-11-23").unwrap();
    assert_eq!(
        ExportFormat::Json.file_name(today),
        "precis-history-2026-11-23.json"
    );
    assert_eq!(
        ExportFormat::Markdown.file_name(today),
        "precis-history-2026-11-23.md"
    );
}

#[test]
fn describes_what_it_narrows_to() {
    assert_eq!(parse(&[]).unwrap().describe(), None);
    let q = parse(&[("q", "budget"), ("model", "m"), ("to", "2026-01-31")]).unwrap();
    assert_eq!(
        q.describe().as_deref(),
        Some("search “budget”, model m, until 2026-01-31")
    );
}

#[test]
fn page_wire_shape_has_next_before_even_when_null() {
    let page = HistoryPage {
        summaries: vec![],
        next_before: None,
    };
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        serde_json::json!({"summaries": [], "next_before": null})
    );
}
