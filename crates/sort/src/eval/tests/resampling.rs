//! The bootstrap intervals and the paired test.

use super::{close, noisy, FEW};
use crate::eval::paired::{compare, mcnemar_exact};
use crate::eval::*;

#[test]
fn mcnemar_exact_p_values() {
    assert!(close(mcnemar_exact(10, 2), 2.0 * 79.0 / 4096.0, 1e-12));
    assert!(close(mcnemar_exact(10, 2), 0.0386, 1e-4));
    assert_eq!(mcnemar_exact(2, 10), mcnemar_exact(10, 2));
    assert_eq!(mcnemar_exact(0, 0), 1.0);
    assert_eq!(mcnemar_exact(5, 5), 1.0);
    assert!(close(mcnemar_exact(0, 1), 1.0, 1e-12));
    assert!(close(mcnemar_exact(0, 5), 2.0 / 32.0, 1e-12));
    let big = mcnemar_exact(3000, 2800);
    assert!(big.is_finite() && big > 0.0 && big < 0.05, "{big}");
    assert!(mcnemar_exact(5000, 0) >= 0.0);
}

#[test]
fn bootstrap_is_deterministic_and_its_intervals_hold_the_estimate() {
    let p = noisy(300, 12, 1);
    let a = Metrics::compute(&p, THRESHOLD, &FEW).unwrap();
    let b = Metrics::compute(&p, THRESHOLD, &FEW).unwrap();
    assert_eq!(a, b);
    let other = Metrics::compute(&p, THRESHOLD, &Bootstrap::new(300, 8)).unwrap();
    assert_ne!(a.f1, other.f1);
    for e in [
        a.accuracy,
        a.precision,
        a.recall,
        a.f1,
        a.roc_auc,
        a.brier,
        a.ece,
    ] {
        let e = e.unwrap();
        assert!(e.low < e.high && e.contains(e.value), "{e:?}");
    }
    assert_eq!(a.roc_auc.unwrap().interval, Interval::ClusterBootstrap);
    assert_eq!(a.groups, 12);
}

#[test]
fn cluster_bootstrap_is_wider_when_groups_are_alike() {
    // Whole fonts right or wrong: 20 fonts of 10 pages. Resampling pages one by one would take
    // 200 independent pages; resampling fonts knows there are only 20.
    let p: Vec<Prediction> = (0..200)
        .map(|i| {
            let font = i / 10;
            let truth = i % 2 == 0;
            let right = font % 4 != 0;
            let prob = if truth == right { 0.8 } else { 0.2 };
            Prediction::new(truth, prob, format!("font{font}"))
        })
        .collect();
    let one_group: Vec<Prediction> = p
        .iter()
        .map(|x| Prediction::new(x.truth, x.probability, "all"))
        .collect();
    let clustered = Metrics::compute(&p, THRESHOLD, &FEW).unwrap().f1.unwrap();
    let pagewise = Metrics::compute(&one_group, THRESHOLD, &FEW)
        .unwrap()
        .f1
        .unwrap();
    assert_eq!(clustered.interval, Interval::ClusterBootstrap);
    assert_eq!(pagewise.interval, Interval::PageBootstrap);
    assert_eq!(clustered.value, pagewise.value);
    let width = |e: Estimate| e.high - e.low;
    assert!(
        width(clustered) > 1.5 * width(pagewise),
        "{clustered:?} {pagewise:?}"
    );
}

#[test]
fn paired_comparison_counts_disagreements_and_bounds_the_auc_gap() {
    let weak = noisy(400, 10, 3);
    // A model that is right wherever the weak one is, and sure of it.
    let strong: Vec<Prediction> = weak
        .iter()
        .map(|p| Prediction::new(p.truth, if p.truth { 0.9 } else { 0.1 }, p.group.clone()))
        .collect();
    let c = compare(&strong, &weak, THRESHOLD, &FEW).unwrap();
    let weak_wrong = Metrics::compute(&weak, THRESHOLD, &FEW).unwrap().confusion;
    assert_eq!(c.only_a_right, weak_wrong.fp + weak_wrong.fn_);
    assert_eq!(c.only_b_right, 0);
    assert!(c.p_value < 1e-6);
    let gap = c.auc_difference.unwrap();
    assert!(
        gap.value > 0.0 && gap.low > 0.0 && gap.contains(gap.value),
        "{gap:?}"
    );
    assert_eq!(compare(&strong, &weak, THRESHOLD, &FEW).unwrap(), c);

    let same = compare(&weak, &weak, THRESHOLD, &FEW).unwrap();
    assert_eq!(
        (same.only_a_right, same.only_b_right, same.p_value),
        (0, 0, 1.0)
    );
    assert_eq!(same.auc_difference.unwrap().value, 0.0);
}

#[test]
fn few_groups_do_not_make_intervals_narrow() {
    // Three sources of alike pages: resampling the three groups alone would see almost no
    // variation; the interval must be at least as wide as treating the pages as independent.
    let p = noisy(60, 3, 4);
    let one_group: Vec<Prediction> = p
        .iter()
        .map(|x| Prediction::new(x.truth, x.probability, "all"))
        .collect();
    let width = |e: Estimate| e.high - e.low;
    let grouped = Metrics::compute(&p, THRESHOLD, &FEW).unwrap();
    let pagewise = Metrics::compute(&one_group, THRESHOLD, &FEW).unwrap();
    for (g, w) in [
        (grouped.f1, pagewise.f1),
        (grouped.roc_auc, pagewise.roc_auc),
    ] {
        let (g, w) = (g.unwrap(), w.unwrap());
        assert!(width(g) >= 0.9 * width(w), "{g:?} {w:?}");
    }
}
