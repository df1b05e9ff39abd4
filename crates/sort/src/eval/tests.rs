//! Hand-computed cases for the metrics, intervals, curves and the paired test.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::paired::{compare, mcnemar_exact};
use super::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// Pages of one group from (truth, probability) pairs.
fn pages(pairs: &[(bool, f64)]) -> Vec<Prediction> {
    pairs
        .iter()
        .map(|&(t, p)| Prediction::new(t, p, "g"))
        .collect()
}

/// `n` pages over `groups` groups, a noisy but informative model, from `seed`.
fn noisy(n: usize, groups: usize, seed: u64) -> Vec<Prediction> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|i| {
            let truth = rng.random_bool(0.5);
            let shift: f64 = if truth { 0.2 } else { -0.2 };
            let p: f64 = (0.5 + shift + rng.random_range(-0.45f64..0.45)).clamp(0.0, 1.0);
            // probabilities on a grid of 0.05, so that ties occur
            Prediction::new(
                truth,
                (p * 20.0).round() / 20.0,
                format!("font{}", i % groups),
            )
        })
        .collect()
}

const FEW: Bootstrap = Bootstrap {
    resamples: 300,
    seed: 7,
};

#[test]
fn confusion_and_point_metrics_of_a_known_case() {
    // tp 3, fn 2, fp 1, tn 4
    let p = pages(&[
        (true, 0.9),
        (true, 0.8),
        (true, 0.6),
        (true, 0.4),
        (true, 0.1),
        (false, 0.7),
        (false, 0.3),
        (false, 0.2),
        (false, 0.2),
        (false, 0.0),
    ]);
    let m = Metrics::compute(&p, THRESHOLD, &FEW).unwrap();
    let c = m.confusion;
    assert_eq!((c.tp, c.fp, c.tn, c.fn_), (3, 1, 4, 2));
    assert_eq!(m.n, 10);
    assert!(close(m.accuracy.unwrap().value, 0.7, 1e-12));
    assert!(close(m.precision.unwrap().value, 0.75, 1e-12));
    assert!(close(m.recall.unwrap().value, 0.6, 1e-12));
    assert!(close(m.f1.unwrap().value, 2.0 / 3.0, 1e-12));
    // positives ranked above negatives: 19 of 25 pairs, the tie 0.2/0.2 is between negatives
    assert!(close(m.roc_auc.unwrap().value, 19.0 / 25.0, 1e-12));
    let brier = (0.01 + 0.04 + 0.16 + 0.36 + 0.81 + 0.49 + 0.09 + 0.04 + 0.04 + 0.0) / 10.0;
    assert!(close(m.brier.unwrap().value, brier, 1e-12));
    assert_eq!(m.accuracy.unwrap().interval, Interval::Wilson);
}

#[test]
fn wilson_interval_of_8_out_of_10() {
    let w = wilson(8, 10, Z95).unwrap();
    assert!(close(w.value, 0.8, 1e-12));
    assert!(close(w.low, 0.4902, 5e-4), "{}", w.low);
    assert!(close(w.high, 0.9433, 5e-4), "{}", w.high);
    assert!(wilson(0, 0, Z95).is_none());
    let none = wilson(0, 26, Z95).unwrap();
    assert_eq!(none.low, 0.0);
    assert!(none.high > 0.1 && none.high < 0.15, "{}", none.high);
}

#[test]
fn auc_of_a_known_ranking_and_its_roc_curve() {
    let p = pages(&[(false, 0.1), (false, 0.4), (true, 0.35), (true, 0.8)]);
    let m = Metrics::compute(&p, THRESHOLD, &FEW).unwrap();
    assert!(close(m.roc_auc.unwrap().value, 0.75, 1e-12));
    let roc: Vec<(f64, f64)> = roc_curve(&p).iter().map(|r| (r.fpr, r.tpr)).collect();
    assert_eq!(
        roc,
        vec![(0.0, 0.0), (0.0, 0.5), (0.5, 0.5), (0.5, 1.0), (1.0, 1.0)]
    );
}

fn trapezoid(roc: &[RocPoint]) -> f64 {
    roc.windows(2)
        .map(|w| (w[1].fpr - w[0].fpr) * (w[1].tpr + w[0].tpr) / 2.0)
        .sum()
}

#[test]
fn roc_curve_runs_from_origin_to_corner_and_its_area_is_the_auc() {
    for seed in 0..5 {
        let p = noisy(200, 8, seed);
        let roc = roc_curve(&p);
        assert_eq!(roc.first(), Some(&RocPoint { fpr: 0.0, tpr: 0.0 }));
        assert_eq!(roc.last(), Some(&RocPoint { fpr: 1.0, tpr: 1.0 }));
        assert!(roc
            .windows(2)
            .all(|w| w[0].fpr <= w[1].fpr && w[0].tpr <= w[1].tpr));
        let auc = Metrics::compute(&p, THRESHOLD, &FEW)
            .unwrap()
            .roc_auc
            .unwrap();
        assert!(close(trapezoid(&roc), auc.value, 1e-9), "seed {seed}");
    }
    assert!(roc_curve(&pages(&[(true, 0.3), (true, 0.9)])).is_empty());
    assert!(roc_curve(&[]).is_empty());
}

#[test]
fn smartcore_agrees_with_the_confusion_matrix() {
    for seed in 0..5 {
        let p = noisy(150, 5, seed);
        let m = Metrics::compute(&p, THRESHOLD, &FEW).unwrap();
        let c = m.confusion;
        let (tp, fp, tn, fn_) = (c.tp as f64, c.fp as f64, c.tn as f64, c.fn_ as f64);
        assert!(close(m.accuracy.unwrap().value, (tp + tn) / 150.0, 1e-12));
        assert!(close(m.precision.unwrap().value, tp / (tp + fp), 1e-12));
        assert!(close(m.recall.unwrap().value, tp / (tp + fn_), 1e-12));
        assert!(close(
            m.f1.unwrap().value,
            2.0 * tp / (2.0 * tp + fp + fn_),
            1e-12
        ));
    }
}

#[test]
fn reliability_bins_count_the_pages() {
    let p = pages(&[
        (false, 0.05),
        (true, 0.15),
        (false, 0.15),
        (true, 0.95),
        (true, 1.0),
        (false, 0.5),
    ]);
    let bins = reliability(&p, 10);
    let counts: Vec<usize> = bins.iter().map(|b| b.count).collect();
    assert_eq!(counts, vec![1, 2, 0, 0, 0, 1, 0, 0, 0, 2]);
    assert_eq!(bins[1].observed, Some(0.5));
    assert!(close(bins[9].mean_predicted.unwrap(), 0.975, 1e-12));
    assert_eq!(bins[2].mean_predicted, None);
    // ECE: (1·0.05 + 2·0.35 + 1·0.5 + 2·0.025) / 6
    let ece = Metrics::compute(&p, THRESHOLD, &FEW).unwrap().ece.unwrap();
    assert!(close(ece.value, (0.05 + 0.7 + 0.5 + 0.05) / 6.0, 1e-12));
}

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
fn degenerate_inputs_do_not_panic() {
    let empty = Metrics::compute(&[], THRESHOLD, &FEW).unwrap();
    assert_eq!(empty.n, 0);
    assert!(empty.accuracy.is_none() && empty.f1.is_none() && empty.roc_auc.is_none());
    assert!(empty.brier.is_none() && empty.ece.is_none());
    assert!(reliability(&[], 10).iter().all(|b| b.count == 0));

    let handwritten_only = pages(&[(true, 0.9), (true, 0.3), (true, 0.7)]);
    let m = Metrics::compute(&handwritten_only, THRESHOLD, &FEW).unwrap();
    assert!(m.roc_auc.is_none());
    assert!(close(m.recall.unwrap().value, 2.0 / 3.0, 1e-12));
    assert!(close(m.precision.unwrap().value, 1.0, 1e-12));
    assert!(close(m.f1.unwrap().value, 0.8, 1e-12));

    let typed_only = pages(&[(false, 0.9), (false, 0.1)]);
    let m = Metrics::compute(&typed_only, THRESHOLD, &FEW).unwrap();
    assert_eq!(m.precision.unwrap().value, 0.0);
    assert!(m.recall.is_none() && m.roc_auc.is_none());
    assert_eq!(m.f1.unwrap().value, 0.0);

    let all_right_typed = pages(&[(false, 0.1), (false, 0.2)]);
    let m = Metrics::compute(&all_right_typed, THRESHOLD, &FEW).unwrap();
    assert!(m.precision.is_none() && m.f1.is_none());
    assert_eq!(m.accuracy.unwrap().value, 1.0);

    let one = pages(&[(true, 0.6)]);
    assert!(Metrics::compute(&one, THRESHOLD, &Bootstrap::new(0, 1)).is_ok());
}

#[test]
fn bad_input_is_an_error() {
    let nan = pages(&[(true, f64::NAN)]);
    assert!(matches!(
        Metrics::compute(&nan, THRESHOLD, &FEW),
        Err(EvalError::BadProbability { index: 0, .. })
    ));
    assert!(Metrics::compute(&pages(&[(true, 1.5)]), THRESHOLD, &FEW).is_err());
    assert!(Metrics::compute(&[], f64::NAN, &FEW).is_err());
    let a = pages(&[(true, 0.9), (false, 0.1)]);
    let b = pages(&[(false, 0.9), (false, 0.1)]);
    assert_eq!(
        compare(&a, &b, THRESHOLD, &FEW),
        Err(EvalError::PageMismatch { index: 0 })
    );
    assert!(matches!(
        compare(&a, &b[..1], THRESHOLD, &FEW),
        Err(EvalError::LengthMismatch { a: 2, b: 1 })
    ));
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
fn metrics_round_trip_through_json() {
    let m = Metrics::compute(&noisy(50, 3, 2), THRESHOLD, &FEW).unwrap();
    let json = serde_json::to_string(&m).unwrap();
    assert!(json.contains("\"fn\":"));
    let back: Metrics = serde_json::from_str(&json).unwrap();
    assert_eq!(back, m);
    let empty = Metrics::compute(&[], THRESHOLD, &FEW).unwrap();
    let back: Metrics = serde_json::from_str(&serde_json::to_string(&empty).unwrap()).unwrap();
    assert_eq!(back, empty);
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
