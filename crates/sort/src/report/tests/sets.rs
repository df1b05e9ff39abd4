//! Sets, Markdown, JSON and number formats.

use super::{pages, report, FEW, NASTY};
use crate::eval::{paired::compare, EvalError, Prediction, THRESHOLD};
use crate::report::format::{bytes, number, signed};
use crate::report::markdown::paired_sentence;
use crate::report::*;

#[test]
fn sets_rank_models_and_compare_the_best_two() {
    let r = report();
    for set in &r.sets {
        let aucs: Vec<f64> = set
            .results
            .iter()
            .map(|m| m.metrics.roc_auc.unwrap().value)
            .collect();
        assert!(aucs.windows(2).all(|w| w[0] >= w[1]), "{aucs:?}");
        let c = set.comparison.as_ref().unwrap();
        assert_eq!(
            (&c.best, &c.second),
            (&set.results[0].model, &set.results[1].model)
        );
        assert_eq!(set.counts.pages, set.results[0].metrics.n);
    }
    // the least noisy model comes first on a large set
    assert_eq!(
        r.set(SetKind::CrossValidation).unwrap().results[0].model,
        NASTY
    );
    assert_eq!(r.set(SetKind::RealScans).unwrap().counts.groups, 3);
}

#[test]
fn sets_of_different_pages_are_refused() {
    let a = pages(20, 2, &[0.3], 1).remove(0);
    let b = pages(20, 2, &[0.3], 2).remove(0);
    let models: Vec<(&str, &[Prediction])> = vec![("a", &a), ("b", &b)];
    let err = SetReport::evaluate(SetKind::HeldOutPages, &models, THRESHOLD, &FEW);
    assert!(matches!(err, Err(EvalError::PageMismatch { .. })));
    let none = SetReport::evaluate(SetKind::HeldOutPages, &[], THRESHOLD, &FEW).unwrap();
    assert!(none.results.is_empty() && none.comparison.is_none());
}

#[test]
fn markdown_has_every_table_sentence_and_link() {
    let r = report();
    let md = markdown(&r);
    let names: Vec<String> = files(&r).into_iter().map(|f| f.name).collect();
    for set in &r.sets {
        for plot in Plot::ALL {
            let name = svg_name(plot, set.kind);
            assert!(md.contains(&format!("]({name})")), "no link to {name}");
            assert!(names.contains(&name));
        }
    }
    assert_eq!(md.matches("| model | accuracy [95% CI] |").count(), 4);
    assert_eq!(md.matches("McNemar p ").count(), 4);
    assert!(!md.contains("p = <"));
    assert!(md.contains("Only 26 pages: the intervals are wide"));
    assert!(md.contains("Forest &lt;b&gt;&amp;&quot;&apos;\\|"));
    assert!(!md.contains(NASTY));
    assert!(md.contains("| 2.5 | 1.25 | 146.5 KiB |"));
    assert!(md.contains("## Unseen fonts"));
}

#[test]
fn paired_sentence_of_a_known_split() {
    let truth: Vec<Prediction> = (0..30)
        .map(|i| Prediction::new(i % 2 == 0, 0.0, "g"))
        .collect();
    // A right on all, B wrong on 10 of them; then B right and A wrong on 2 more pages
    let mut a: Vec<Prediction> = truth
        .iter()
        .map(|p| Prediction::new(p.truth, if p.truth { 0.9 } else { 0.1 }, "g"))
        .collect();
    let mut b = a.clone();
    for p in b.iter_mut().take(10) {
        p.probability = 1.0 - p.probability;
    }
    for p in a.iter_mut().skip(10).take(2) {
        p.probability = 1.0 - p.probability;
    }
    let result = compare(&a, &b, THRESHOLD, &FEW).unwrap();
    let c = Comparison {
        best: "A".into(),
        second: "B".into(),
        result,
    };
    let s = paired_sentence(&c, "unseen fonts");
    assert!(s.starts_with("**A** vs **B** on unseen fonts: McNemar p = 0.039 (10 vs 2 disagreements); AUC difference +"), "{s}");
}

#[test]
fn report_round_trips_through_json() {
    let r = report();
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"kind\":\"unseen-fonts\""));
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let labels: Labels =
        serde_json::from_str(&serde_json::to_string(&Labels::english()).unwrap()).unwrap();
    assert_eq!(labels, Labels::english());
}

#[test]
fn numbers_are_written_for_people() {
    assert_eq!(number(-0.0004, 3, '.'), "0.000");
    assert_eq!(number(-0.25, 2, ','), "\u{2212}0,25");
    assert_eq!(signed(0.021, 3, '.'), "+0.021");
    assert_eq!(signed(-0.004, 3, '.'), "\u{2212}0.004");
    assert_eq!(signed(0.0, 3, '.'), "0.000");
    assert_eq!(bytes(812), "812 B");
    assert_eq!(bytes(3 * 1024 * 1024 + 100_000), "3.1 MiB");
}
