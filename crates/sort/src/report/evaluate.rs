//! An evaluation set's report from the models' predictions on it.

use std::cmp::Ordering;

use super::{Comparison, Counts, ModelResult, SetKind, SetReport};
use crate::eval::paired::{compare, same_pages};
use crate::eval::{
    reliability, roc_curve, Bootstrap, EvalError, Metrics, Prediction, RELIABILITY_BINS,
};

impl SetReport {
    /// Evaluates each model (name, predictions) on the set `kind`: metrics at `threshold` with
    /// intervals from `bootstrap`, ROC curve, reliability bins. Ranks them by ROC-AUC (undefined
    /// last), then accuracy, then name, and runs the paired test of the first against the second.
    ///
    /// Every model must have predicted the same pages in the same order (same truths and groups),
    /// or this fails; so does a probability or threshold outside [0, 1].
    pub fn evaluate(
        kind: SetKind,
        models: &[(&str, &[Prediction])],
        threshold: f64,
        bootstrap: &Bootstrap,
    ) -> Result<Self, EvalError> {
        let first = models.first().map_or(&[][..], |m| m.1);
        for (_, predictions) in models {
            same_pages(first, predictions)?;
        }
        let mut results = Vec::with_capacity(models.len());
        for (name, predictions) in models {
            results.push(ModelResult {
                model: name.to_string(),
                metrics: Metrics::compute(predictions, threshold, bootstrap)?,
                roc: roc_curve(predictions),
                reliability: reliability(predictions, RELIABILITY_BINS),
            });
        }
        let mut order: Vec<usize> = (0..results.len()).collect();
        order.sort_by(|&a, &b| ranking(&results[a], &results[b]));

        let comparison = match order[..] {
            [best, second, ..] => Some(Comparison {
                best: results[best].model.clone(),
                second: results[second].model.clone(),
                result: compare(models[best].1, models[second].1, threshold, bootstrap)?,
            }),
            _ => None,
        };
        let mut slots: Vec<Option<ModelResult>> = results.into_iter().map(Some).collect();
        let results = order.iter().filter_map(|&i| slots[i].take()).collect();
        Ok(Self {
            kind,
            counts: Counts::of(first),
            results,
            comparison,
        })
    }
}

/// Best first: higher ROC-AUC (an undefined one last), then higher accuracy, then name.
fn ranking(a: &ModelResult, b: &ModelResult) -> Ordering {
    let key = |r: &ModelResult| {
        (
            r.metrics.roc_auc.map_or(f64::NEG_INFINITY, |e| e.value),
            r.metrics.accuracy.map_or(f64::NEG_INFINITY, |e| e.value),
        )
    };
    let ((auc_a, acc_a), (auc_b, acc_b)) = (key(a), key(b));
    auc_b
        .total_cmp(&auc_a)
        .then(acc_b.total_cmp(&acc_a))
        .then_with(|| a.model.cmp(&b.model))
}
