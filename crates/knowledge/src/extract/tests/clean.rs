use crate::extract::clean;

#[test]
fn line_endings_bom_and_controls() {
    assert_eq!(clean("a\r\nb\rc\nd"), "a\nb\nc\nd");
    assert_eq!(clean("\u{feff}Titre"), "Titre");
    assert_eq!(
        clean("a\u{0}b\u{7}c\u{1b}[0md\u{7f}e\u{85}f\u{c}g"),
        "abc[0mdefg"
    );
    assert_eq!(clean("\u{feff}\u{feff} x\u{feff}y"), "xy");
}

#[test]
fn tabs_and_inner_spaces_are_kept_trailing_ones_removed() {
    assert_eq!(clean("a\t\tb   c  \t\nd \u{a0}"), "a\t\tb   c\nd");
    assert_eq!(
        clean("  retrait conservé\n    dans le texte"),
        "retrait conservé\n    dans le texte"
    );
}

#[test]
fn blank_lines_collapse_to_one() {
    assert_eq!(clean("a\n\n\n\nb\n \n\t\n c"), "a\n\nb\n\n c");
    assert_eq!(clean("a\r\n\r\n\r\nb"), "a\n\nb");
    assert_eq!(clean("a\n\u{0}\n\u{1}\nb"), "a\n\nb");
}

#[test]
fn trimmed_and_idempotent() {
    for text in [
        "\n\n  x  \n\n",
        " \u{3000}全角\u{3000} ",
        "",
        "   ",
        "\u{feff}\r\n a \r\n",
    ] {
        let once = clean(text);
        assert_eq!(clean(&once), once, "{text:?}");
        assert_eq!(once.trim(), once, "{text:?}");
    }
    assert_eq!(clean("\n\n  x  \n\n"), "x");
    assert_eq!(clean(" \u{3000}全角\u{3000} "), "全角");
}
