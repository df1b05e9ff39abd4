//! Tests of the TextRank extract: ranking, the length rule and the summaries it gives.

use super::length::ELLIPSIS;
use super::rank::{pagerank, position_prior, MAX_RANKED};
use super::*;

/// A real multi-paragraph text of more than 25 sentences, with a heading.
const ARTICLE: &str = "\
Harbor Town votes on its seawall

Harbor Town will vote next month on a plan to rebuild the seawall that protects its old harbor. \
The current wall was built in 1952 and has cracked in several places after decades of storms. \
Engineers say a major storm could now push seawater into the harbor district within hours. \
The council has spent two years studying how to replace the wall before it fails.

The plan would raise the seawall by one and a half meters and extend it along the northern beach. \
It would also add pumps that drain floodwater from the low streets behind the harbor. \
The engineers estimate that the full project will cost about forty million dollars. \
About half of that money would come from a state grant for coastal protection. \
The rest would be paid by a new harbor tax over the next twenty years. \
Supporters argue that the cost of doing nothing would be far higher than the cost of the wall.

Not everyone in Harbor Town supports the plan. \
Several fishermen worry that construction will close the harbor for two summer seasons. \
A closed harbor would mean lost income for the boats that land fish at the old pier. \
Some shop owners fear that a taller wall will block the sea view that draws summer visitors. \
Others simply doubt that the town can afford a tax that lasts twenty years. \
A local group has collected signatures asking the council to consider a smaller wall instead.

The council says it has listened to these concerns. \
It has changed the design so that the harbor stays open during most of the construction. \
Work near the pier would happen in winter, when few boats go out to sea. \
The new wall would include a raised walkway so that visitors can still enjoy the view. \
The council also promised that the harbor tax would end once the grant and loans are repaid.

Scientists who study the coast support a stronger seawall. \
They point out that sea levels near Harbor Town have risen steadily over the past fifty years. \
Storms have also become stronger, and floods that once came every century now come every decade. \
A smaller wall, they warn, might need to be rebuilt again within a generation. \
In their view, the larger plan is the cheaper choice over the long run.

The vote will take place on the first Tuesday of next month. \
Residents can read the full plan at the town library or on the council website. \
Whatever the result, the council has promised to begin repairs on the most damaged parts of the old wall this year.";

fn opts(min_tokens: usize, max_tokens: usize) -> ExtractOptions {
    ExtractOptions {
        min_tokens,
        max_tokens,
    }
}

/// Indices of the input sentences that make up `summary`, checking that each is verbatim
/// (or a word-boundary cut ending in "…"), in original order, joined by single spaces.
fn used_sentences(sentences: &[&str], summary: &str) -> Vec<usize> {
    let mut used = Vec::new();
    let mut rest = summary;
    let mut from = 0;
    while !rest.is_empty() {
        let whole = (from..sentences.len()).find(|&j| {
            rest.strip_prefix(sentences[j])
                .is_some_and(|after| after.is_empty() || after.starts_with(' '))
        });
        let (j, len) = match whole {
            Some(j) => (j, sentences[j].len()),
            None => {
                let cut = rest.find(ELLIPSIS).expect("a verbatim or cut sentence");
                let prefix = &rest[..cut];
                let j = (from..sentences.len())
                    .find(|&j| sentences[j].starts_with(prefix) && sentences[j] != prefix)
                    .expect("the cut sentence is a prefix of an input sentence");
                (j, cut + ELLIPSIS.len())
            }
        };
        used.push(j);
        from = j + 1;
        rest = rest[len..].strip_prefix(' ').unwrap_or(&rest[len..]);
    }
    used
}

/// `tokens[w]` is the estimate for `w` words, to decide whether a length is achievable.
fn token_table(words: usize) -> Vec<usize> {
    (0..=words)
        .map(|w| estimate_tokens(&"w ".repeat(w)))
        .collect()
}

#[test]
fn ranks_the_central_sentence_first() {
    let text = "Farmers planted wheat in early spring. \
                Heavy storms flooded the river valley. \
                Wheat farmers in the flooded valley sold cattle at the autumn market. \
                Cattle prices rose sharply this year. \
                The autumn market drew crowds from distant towns.";
    let sentences = split_sentences(text);
    assert_eq!(rank(&sentences)[0], 2);

    let central = sentences[2];
    let summary = summarize(text, &opts(1, estimate_tokens(central) + 1));
    assert_eq!(summary.text, central);
    assert_eq!(summary.sentences_used, 1);
    assert_eq!(summary.sentences_total, 5);
}

#[test]
fn keeps_sentences_verbatim_and_in_original_order() {
    let summary = summarize(ARTICLE, &opts(100, 200));
    let sentences = split_sentences(ARTICLE);
    let used = used_sentences(&sentences, &summary.text);
    assert!(used.len() > 1);
    assert!(used.windows(2).all(|pair| pair[0] < pair[1]));
    assert_eq!(used.len(), summary.sentences_used);
    assert!(!summary.text.contains('…'));
}

#[test]
fn respects_max_tokens_for_realistic_budgets() {
    for (min, max) in [
        (10, 30),
        (30, 80),
        (50, 150),
        (150, 300),
        (300, 600),
        (40, 40),
    ] {
        let summary = summarize(ARTICLE, &opts(min, max));
        let tokens = estimate_tokens(&summary.text);
        assert!(tokens <= max, "{tokens} tokens for ({min}, {max})");
        assert!(tokens >= min, "{tokens} tokens for ({min}, {max})");
    }
}

#[test]
fn reaches_min_tokens_with_whole_sentences_when_they_allow_it() {
    let summary = summarize(ARTICLE, &opts(120, 400));
    assert!(
        estimate_tokens(&summary.text) >= 240,
        "60% of max is the target"
    );
    assert!(!summary.text.contains('…'));
    assert!(summary.sentences_used < summary.sentences_total);
}

#[test]
fn stops_at_the_target_instead_of_filling_max() {
    let summary = summarize(ARTICLE, &opts(20, 100));
    let tokens = estimate_tokens(&summary.text);
    let longest = split_sentences(ARTICLE)
        .into_iter()
        .map(estimate_tokens)
        .max()
        .unwrap_or_default();
    // The target is 60% of 100: selection stops at the first sentence that crosses it.
    assert!(
        tokens >= 60 && tokens < 60 + longest,
        "{tokens} (longest {longest})"
    );
    assert!(longest < 40);
}

#[test]
fn short_input_returns_the_whole_text() {
    let text = "  First point.\n\nSecond   point here!\nA heading\n";
    let summary = summarize(text, &opts(50, 100));
    assert_eq!(summary.text, "First point. Second   point here! A heading");
    assert_eq!(summary.sentences_used, 3);
    assert_eq!(summary.sentences_total, 3);

    let all = summarize(ARTICLE, &opts(2_000, 4_000));
    assert_eq!(all.text, split_sentences(ARTICLE).join(" "));
}

#[test]
fn cuts_a_single_over_long_sentence_with_an_ellipsis() {
    let text = "The committee reviewed every proposal submitted during the spring session \
                and concluded after long debate that none of them met the standards that \
                residents had asked for in the public consultation held last autumn.";
    for max in 2..=30 {
        let summary = summarize(text, &opts(1, max));
        assert!(summary.text.ends_with('…'), "{max}: {}", summary.text);
        let prefix = summary.text.trim_end_matches('…');
        assert!(text.starts_with(prefix));
        assert!(!prefix.ends_with(' '));
        let tokens = estimate_tokens(&summary.text);
        assert!(
            tokens <= max && tokens + 2 >= max,
            "{tokens} tokens for max {max}"
        );
        assert_eq!(summary.sentences_used, 1);
    }
}

#[test]
fn budget_too_small_for_one_word_gives_empty_text() {
    let summary = summarize("Hello there. General Kenobi.", &opts(0, 1));
    assert_eq!(summary.text, "");
    assert_eq!(summary.sentences_used, 0);
    assert_eq!(summary.sentences_total, 2);
}

#[test]
fn empty_input_gives_empty_text() {
    let empty = Extract {
        text: String::new(),
        sentences_used: 0,
        sentences_total: 0,
    };
    assert_eq!(summarize("", &opts(10, 50)), empty);
    assert_eq!(summarize(" \n\t \r\n", &opts(10, 50)), empty);
}

#[test]
fn odd_inputs_never_break_the_limits() {
    let odd = [
        "…",
        "!!! ??? ...",
        "漢字の文章です。二つ目の文です。",
        "👍🏽 great\u{200d}\u{301} work.\r\n\u{2029}e\u{301}té!",
        "Mr. Dr. U.S. e.g. 3.14 1. J.",
        "\n\n\n.\n\n\n",
        "word ",
    ];
    for text in odd {
        for (min, max) in [(0, 0), (0, 1), (1, 2), (2, 3), (5, 9), (1, 100)] {
            let summary = summarize(text, &opts(min, max));
            assert!(
                estimate_tokens(&summary.text) <= max,
                "{text:?} ({min}, {max})"
            );
            assert!(summary.sentences_used <= summary.sentences_total);
        }
    }
}

#[test]
fn output_is_deterministic() {
    let first = summarize(ARTICLE, &opts(60, 150));
    for _ in 0..5 {
        assert_eq!(summarize(ARTICLE, &opts(60, 150)), first);
    }
}

#[test]
fn invariants_hold_for_all_budgets() {
    let total_tokens = estimate_tokens(ARTICLE);
    let tokens = token_table(word_count(ARTICLE));
    let sentences = split_sentences(ARTICLE);
    assert!(sentences.len() >= 25);
    for min in (1..=500).step_by(7) {
        for max in (min..=500).step_by(7) {
            let summary = summarize(ARTICLE, &opts(min, max));
            let got = estimate_tokens(&summary.text);
            assert!(got <= max, "{got} > max for ({min}, {max})");
            let achievable = tokens.iter().any(|t| (min..=max).contains(t));
            if total_tokens >= min && achievable {
                assert!(got >= min, "{got} < min for ({min}, {max})");
            }
            let used = used_sentences(&sentences, &summary.text);
            assert_eq!(used.len(), summary.sentences_used);
            assert!(used.windows(2).all(|pair| pair[0] < pair[1]));
        }
    }
}

#[test]
fn selection_takes_ranked_sentences_until_the_target() {
    let budget = Budget {
        max_words: 40,
        min_words: 5,
        target_words: 15,
    };
    let picks = select(&[3, 0, 1, 2], &[10, 10, 10, 10], &budget);
    assert_eq!(picks, [Pick::Whole(3), Pick::Whole(0)]);
}

#[test]
fn selection_skips_what_does_not_fit_and_cuts_to_reach_min() {
    let budget = Budget {
        max_words: 12,
        min_words: 11,
        target_words: 12,
    };
    let picks = select(&[0, 1, 2], &[20, 8, 9], &budget);
    assert_eq!(picks, [Pick::Whole(1), Pick::Cut(0, 4)]);
}

#[test]
fn budget_converts_tokens_to_words_with_the_shared_estimator() {
    let budget = Budget::new(1_000, &opts(5, 10));
    assert_eq!(budget.max_words, 7); // 7 words are 10 tokens, 8 are 11.
    assert_eq!(budget.min_words, 4); // 3 words are 4 tokens, 4 are 6.
    assert_eq!(budget.target_words, 4); // 60% of 10 is 6 tokens.
    let short = Budget::new(3, &opts(50, 100));
    assert_eq!(
        short.min_words, 4,
        "unreachable minimum lies past the input"
    );
    assert_eq!(short.max_words, 3);
}

#[test]
fn cut_words_ends_at_a_word_boundary() {
    assert_eq!(cut_words("One, two, three.", 2), "One, two…");
    assert_eq!(cut_words("One, two, three.", 3), "One, two, three.");
    assert_eq!(cut_words("One, two, three.", 0), "");
    assert_eq!(fit_within("One two three four five.", 4), "One two three…");
    assert_eq!(fit_within("One two three four five.", 1), "");
}

#[test]
fn headings_rank_after_complete_sentences() {
    let text = "Seawall vote\nThe seawall vote is next month. The vote decides the seawall.";
    assert_eq!(rank(&split_sentences(text))[2], 0);
}

#[test]
fn huge_inputs_rank_only_the_first_sentences() {
    let text: String = (0..MAX_RANKED + 500)
        .map(|i| format!("Report {i} covers topic {} in depth. ", i % 7))
        .collect();
    let order = rank(&split_sentences(&text));
    assert_eq!(order.len(), MAX_RANKED + 500);
    assert_eq!(
        order[MAX_RANKED], MAX_RANKED,
        "unranked sentences follow in text order"
    );
    let summary = summarize(&text, &opts(100, 200));
    let tokens = estimate_tokens(&summary.text);
    assert!((100..=200).contains(&tokens));
}

#[test]
fn pagerank_scores_sum_to_one() {
    let graph = vec![
        vec![(1, 1.0)],
        vec![(0, 0.5), (2, 0.5)],
        vec![(1, 1.0)],
        vec![],
    ];
    let scores = pagerank(&graph, &position_prior(4));
    assert!((scores.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(scores[1] > scores[0] && scores[1] > scores[2]);
}
