//! Markdown: headings start passages and stay with their sections.

use super::{check, prose, splitter, Passage};

#[test]
fn markdown_headings_start_passages() {
    let section = |n: usize| {
        format!(
            "## Section {n}\n\nCette section décrit l'étape {n} : préparer la pâte, la laisser \
             reposer, puis la cuire au four bien chaud jusqu'à ce qu'elle soit dorée."
        )
    };
    let text = format!(
        "# Recette\n\n{}",
        (1..=6).map(section).collect::<Vec<_>>().join("\n\n")
    );
    for overlap in [0, 12] {
        let passages = splitter(60, overlap).split(&text, true);
        check(&text, &passages, 60);
        for (i, p) in passages.iter().enumerate() {
            assert!(
                p.text.starts_with('#'),
                "passage {i} starts inside a section: {:?}",
                p.text
            );
            // a passage never holds the end of a section and the next heading
            assert!(
                !p.text.contains("dorée.\n\n#"),
                "passage {i} spans sections: {:?}",
                p.text
            );
        }
        for n in 1..=6 {
            let heading = format!("## Section {n}\n");
            assert!(
                passages.iter().any(|p| p.text.starts_with(&heading)
                    || p.text.starts_with(&format!("# Recette\n\n{heading}"))),
                "{heading:?} starts no passage"
            );
        }
    }
}

#[test]
fn a_long_section_keeps_its_heading_with_its_first_passage() {
    let body = prose(2);
    let text = format!("# Titre\n\n## Longue section\n\n{body}\n\n## Suite\n\nFin.");
    for overlap in [0, 10] {
        let passages = splitter(40, overlap).split(&text, true);
        check(&text, &passages, 40);
        assert!(passages[0]
            .text
            .starts_with("# Titre\n\n## Longue section\n\nLe paragraphe 0"));
        assert_eq!(
            passages.last().map(|p| p.text.as_str()),
            Some("## Suite\n\nFin.")
        );
        let heading_only = |p: &Passage| {
            p.text
                .lines()
                .all(|l| l.is_empty() || crate::split::headings::is_heading(l))
        };
        assert!(!passages.iter().any(heading_only), "{passages:?}");
        if overlap > 0 {
            // within the section, passages overlap; the next section starts afresh
            let section: Vec<&Passage> = passages
                .iter()
                .filter(|p| !p.text.starts_with('#'))
                .collect();
            for pair in passages
                .windows(2)
                .filter(|pair| !pair[1].text.starts_with('#'))
            {
                assert!(pair[1].start < pair[0].end, "no overlap: {pair:?}");
            }
            assert!(section.len() > 3);
        }
    }
}

#[test]
fn headings_are_recognised() {
    use crate::split::headings::is_heading;
    for line in ["# A", "## A", "###### A", "   # A", "#", "## A\n"] {
        assert!(is_heading(line), "{line:?}");
    }
    for line in ["####### A", "    # A", "#A", "A # B", "", "#hashtag"] {
        assert!(!is_heading(line), "{line:?}");
    }
}

#[test]
fn a_hash_in_a_code_fence_is_no_heading() {
    use crate::split::headings::Headings;
    let text = "# Vrai\n\n```bash\n# commentaire\nls\n```\n\n~~~\n## non\n~~~\n## Vrai aussi\n";
    let headings = Headings::find(text);
    let at = |needle: &str| text.find(needle).is_some_and(|i| headings.at(i));
    assert!(at("# Vrai") && at("## Vrai aussi"));
    assert!(!at("# commentaire") && !at("## non"));
}
