//! The metrics, curves and bins on hand-computed cases and degenerate inputs.

use super::{close, noisy, pages, FEW};
use crate::eval::paired::compare;
use crate::eval::*;

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
