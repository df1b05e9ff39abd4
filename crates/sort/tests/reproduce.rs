//! The shipped model (`crates/sort/model/`) is what its own command makes: train the preset its
//! manifest names, from the same pinned data and seed, and compare with the committed bundle.
//!
//! Bit-for-bit equality is not asked: float sums may round differently on another CPU (SIMD
//! width, thread count), and a CNN trained for thousands of steps carries such differences along.
//! What must hold: the linear models' weights to 1e-3, and for every model on every evaluation set
//! the same confusion matrix but for 2 % of the pages and a ROC-AUC within 0.02. A drift in the
//! data, the generator or the training code fails here.

use precis_sort::bundle::Bundle;
use precis_sort::fonts::default_data_dir;
use precis_sort::models::Scorer;
use precis_sort::train::{report, run};

#[test]
fn the_shipped_model_is_reproduced_by_its_command() {
    let data = default_data_dir();
    if !data.join("index.tsv").exists() {
        // run_tests.sh fetches the data first; without it there is nothing to reproduce from
        eprintln!(
            "skipped: no Sort data at {} (bash scripts/sort_data.sh)",
            data.display()
        );
        return;
    }
    let shipped = Bundle::builtin().expect("the shipped bundle loads");
    let outcome = run(&data, &shipped.config, &mut |_, _| true).expect("training runs");
    let fresh_report = report(&outcome).expect("report");
    let fresh = Bundle::new(outcome, fresh_report);
    assert_eq!(fresh.default_model, shipped.default_model);

    for (a, b) in fresh.models.iter().zip(&shipped.models) {
        assert_eq!(a.kind, b.kind);
        if let (Scorer::Linear(x), Scorer::Linear(y)) = (&a.scorer, &b.scorer) {
            let worst = x
                .weights
                .iter()
                .zip(&y.weights)
                .chain(x.mean.iter().zip(&y.mean))
                .map(|(p, q)| (p - q).abs())
                .fold(0.0f32, f32::max);
            assert!(worst <= 1e-3, "{}: weights differ by {worst}", a.kind);
        }
    }
    for set in &shipped.report.sets {
        let again = fresh.report.set(set.kind).expect("the same sets");
        assert_eq!(again.counts, set.counts, "{:?}: the same pages", set.kind);
        for r in &set.results {
            let f = again
                .results
                .iter()
                .find(|x| x.model == r.model)
                .expect("the same models");
            let (c, d) = (&r.metrics.confusion, &f.metrics.confusion);
            let moved = c.tp.abs_diff(d.tp) + c.fp.abs_diff(d.fp);
            let allowed = (set.counts.pages / 50).max(1);
            assert!(
                moved <= allowed,
                "{:?} {}: {c:?} then {d:?}",
                set.kind,
                r.model
            );
            let auc = |m: &precis_sort::eval::Metrics| m.roc_auc.as_ref().map_or(0.0, |e| e.value);
            let drift = (auc(&r.metrics) - auc(&f.metrics)).abs();
            assert!(
                drift <= 0.02,
                "{:?} {}: ROC-AUC moved by {drift}",
                set.kind,
                r.model
            );
        }
    }
}
