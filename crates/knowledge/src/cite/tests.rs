use super::*;

#[test]
fn given_citations_are_kept_and_listed_in_order() {
    let c = CitationChecker::check("Paris is the capital [2]. It is large [1][2].", 3);
    assert_eq!(c.text, "Paris is the capital [2]. It is large [1][2].");
    assert_eq!(c.cited, vec![2, 1]);
    assert!(c.dropped.is_empty());
}

#[test]
fn citations_to_passages_not_given_are_dropped() {
    let c = CitationChecker::check("A [7]. B [0]. C [1, 9].", 5);
    assert_eq!(c.text, "A . B . C [1].");
    assert_eq!(c.cited, vec![1]);
    assert_eq!(c.dropped, vec![7, 0, 9]);
}

#[test]
fn lists_become_canonical_markers() {
    let c = CitationChecker::check("X [1, 3] and [2,3].", 3);
    assert_eq!(c.text, "X [1][3] and [2][3].");
    assert_eq!(c.cited, vec![1, 3, 2]);
}

#[test]
fn other_brackets_stay_text() {
    for text in [
        "[sic]",
        "[a]",
        "[]",
        "[ ]",
        "[1 2]",
        "[1,,2]",
        "x[",
        "[[1]",
        "a [12345678901234567890123456] b",
    ] {
        let c = CitationChecker::check(text, 3);
        let expected = if text == "[[1]" { "[[1]" } else { text };
        assert_eq!(c.text, expected, "{text:?}");
    }
    assert_eq!(CitationChecker::check("[[1]", 3).cited, vec![1]);
}

#[test]
fn a_marker_split_across_pieces_is_held_back_until_complete() {
    let mut checker = CitationChecker::new(2);
    let pieces = ["It rains [", "1", ", ", "2] and [", "9] then [", "x] end ["];
    let out: Vec<String> = pieces.iter().map(|p| checker.push(p)).collect();
    assert_eq!(
        out,
        vec!["It rains ", "", "", "[1][2] and ", " then ", "[x] end "]
    );
    assert_eq!(checker.finish(), "[");
    assert_eq!(checker.cited(), &[1, 2]);
    assert_eq!(checker.dropped(), &[9]);
}

#[test]
fn streaming_and_whole_checks_agree() {
    let answer = "Le siège [1] est à Lisboa [2, 4]; voir [3][1] ou [note] [";
    let whole = CitationChecker::check(answer, 3);
    for size in 1..6 {
        let mut checker = CitationChecker::new(3);
        let chars: Vec<char> = answer.chars().collect();
        let mut text = String::new();
        for piece in chars.chunks(size) {
            text.push_str(&checker.push(&piece.iter().collect::<String>()));
        }
        text.push_str(&checker.finish());
        assert_eq!(text, whole.text, "pieces of {size}");
        assert_eq!(checker.cited(), whole.cited.as_slice());
    }
}
