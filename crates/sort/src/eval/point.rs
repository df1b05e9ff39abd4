//! The point metrics, from `smartcore`, on a sample of pages, each `None` where it is undefined.
//!
//! `smartcore`'s binary precision, recall and F1 are those of the label 1 only when both labels
//! occur in the truth; with a single label they macro-average over that label, and its F1 is
//! 0/0 = NaN when nothing is right. So the cases it does not cover are settled here from the
//! confusion matrix before calling it: with at least one true positive, the positive label is in
//! the truth and `smartcore` gives the positive-class value (macro-averaging over the label 1
//! alone, when it is the only one, is the same number).

use smartcore::metrics;

use super::curves::{calibration_error, reliability_of};
use super::{Confusion, Prediction, RELIABILITY_BINS};

/// Pages in the shapes `smartcore` takes: labels as integers (1 = handwritten) for the metrics
/// of calls, as floats for AUC and the Brier score.
pub(crate) struct Sample {
    truth: Vec<u8>,
    called: Vec<u8>,
    truth_f: Vec<f64>,
    probability: Vec<f64>,
    pub(crate) confusion: Confusion,
}

impl Sample {
    /// The pages at `indices` of `predictions`, called at `threshold`.
    pub(crate) fn new(predictions: &[Prediction], indices: &[usize], threshold: f64) -> Self {
        let pages = || indices.iter().map(|&i| &predictions[i]);
        Self {
            truth: pages().map(|p| u8::from(p.truth)).collect(),
            called: pages().map(|p| u8::from(p.called(threshold))).collect(),
            truth_f: pages().map(|p| f64::from(u8::from(p.truth))).collect(),
            probability: pages().map(|p| p.probability).collect(),
            confusion: Confusion::count(pages(), threshold),
        }
    }

    /// The share of pages called right; undefined with no page.
    pub(crate) fn accuracy(&self) -> Option<f64> {
        (!self.truth.is_empty()).then(|| metrics::accuracy(&self.truth, &self.called))
    }

    /// The share of pages called handwritten that are; undefined when none is called so.
    pub(crate) fn precision(&self) -> Option<f64> {
        let c = &self.confusion;
        match (c.called_positive(), c.tp) {
            (0, _) => None,
            (_, 0) => Some(0.0),
            _ => Some(metrics::precision(&self.truth, &self.called)),
        }
    }

    /// The share of handwritten pages called handwritten; undefined with no handwritten page.
    pub(crate) fn recall(&self) -> Option<f64> {
        let c = &self.confusion;
        match (c.positives(), c.tp) {
            (0, _) => None,
            (_, 0) => Some(0.0),
            _ => Some(metrics::recall(&self.truth, &self.called)),
        }
    }

    /// The harmonic mean of precision and recall, 2·tp / (2·tp + fp + fn); undefined when there
    /// is neither a handwritten page nor a page called handwritten.
    pub(crate) fn f1(&self) -> Option<f64> {
        let c = &self.confusion;
        match (c.tp + c.fp + c.fn_, c.tp) {
            (0, _) => None,
            (_, 0) => Some(0.0),
            _ => Some(metrics::f1(&self.truth, &self.called, 1.0)),
        }
    }

    /// The area under the ROC curve: the probability that a handwritten page gets a higher
    /// probability than a typed one (ties count half); undefined unless both classes occur.
    pub(crate) fn roc_auc(&self) -> Option<f64> {
        let c = &self.confusion;
        (c.positives() > 0 && c.negatives() > 0)
            .then(|| metrics::roc_auc_score(&self.truth_f, &self.probability))
    }

    /// The Brier score: the mean squared difference between the probability and the truth (0 or
    /// 1); 0 is perfect, 0.25 is a constant 0.5. Undefined with no page.
    pub(crate) fn brier(&self) -> Option<f64> {
        (!self.truth.is_empty())
            .then(|| metrics::mean_squared_error(&self.truth_f, &self.probability))
    }

    /// The expected calibration error over [`RELIABILITY_BINS`] bins; undefined with no page.
    pub(crate) fn ece(&self) -> Option<f64> {
        let pairs = self.truth_f.iter().zip(&self.probability);
        calibration_error(&reliability_of(
            pairs.map(|(&t, &p)| (t > 0.5, p)),
            RELIABILITY_BINS,
        ))
    }
}
