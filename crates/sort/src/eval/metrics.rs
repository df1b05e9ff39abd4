//! All the metrics of one model on one set of pages, with their 95% intervals.

use serde::{Deserialize, Serialize};

use super::bootstrap::clusters;
use super::estimate::{percentile, wilson, Estimate, Z95};
use super::point::Sample;
use super::{validate, Bootstrap, Confusion, EvalError, Prediction};

/// The metrics of one model on one set of pages. Each metric is `None` where the data leave it
/// undefined (see each field), and otherwise an [`Estimate`] with its 95% interval:
///
/// - accuracy, precision and recall are proportions of pages and get a Wilson interval (which
///   takes the pages as independent, so it is narrower than the truth when pages of one font
///   look alike: the bootstrap intervals of F1 and AUC take that into account);
/// - F1, ROC-AUC, Brier score and calibration error get a percentile bootstrap interval that
///   resamples groups, then pages within them, when there are two groups or more (see [`Bootstrap`]).
///
/// Pages are called handwritten when their probability is at least `threshold`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Pages.
    pub n: usize,
    /// Distinct groups (fonts, sources) among them.
    pub groups: usize,
    /// The threshold at which a page is called handwritten.
    pub threshold: f64,
    /// The confusion matrix at `threshold`.
    pub confusion: Confusion,
    /// Share of pages called right. `None` with no page.
    pub accuracy: Option<Estimate>,
    /// Share of the pages called handwritten that are. `None` when none is called handwritten.
    pub precision: Option<Estimate>,
    /// Share of the handwritten pages called handwritten. `None` with no handwritten page.
    pub recall: Option<Estimate>,
    /// Harmonic mean of precision and recall. `None` with neither a handwritten page nor a page
    /// called handwritten.
    pub f1: Option<Estimate>,
    /// Area under the ROC curve: the chance that a handwritten page gets a higher probability
    /// than a typed one; 0.5 is chance, 1 is a perfect ranking. `None` unless both classes occur.
    pub roc_auc: Option<Estimate>,
    /// Brier score: mean squared gap between probability and truth (0 perfect, lower is better).
    /// `None` with no page.
    pub brier: Option<Estimate>,
    /// Expected calibration error over 10 bins (0 calibrated, lower is better; biased upwards on
    /// few pages). `None` with no page.
    pub ece: Option<Estimate>,
    /// The bootstrap the intervals were drawn with.
    pub bootstrap: Bootstrap,
}

impl Metrics {
    /// The metrics of `predictions` at `threshold`, intervals from `bootstrap`.
    ///
    /// Fails when a probability or the threshold is not a number in [0, 1]. Never fails nor
    /// panics on few pages, one class or none: the undefined metrics are `None`.
    pub fn compute(
        predictions: &[Prediction],
        threshold: f64,
        bootstrap: &Bootstrap,
    ) -> Result<Self, EvalError> {
        if !(0.0..=1.0).contains(&threshold) {
            return Err(EvalError::BadThreshold(threshold));
        }
        validate(predictions)?;
        let all: Vec<usize> = (0..predictions.len()).collect();
        let sample = Sample::new(predictions, &all, threshold);
        let c = sample.confusion;

        // One pass over the resamples for every bootstrapped metric, so they share resamples.
        let (replicates, clustered) = bootstrap.replicate(predictions, |indices| {
            let s = Sample::new(predictions, indices, threshold);
            [s.f1(), s.roc_auc(), s.brier(), s.ece()]
        });
        let booted = |k: usize, value: Option<f64>| {
            let values = replicates.iter().filter_map(|r| r[k]).collect();
            value.map(|v| percentile(v, values, clustered, (0.0, 1.0)))
        };
        // The Wilson bounds around smartcore's point value (the same proportion).
        let proportion = |value: Option<f64>, successes: usize, trials: usize| {
            let v = value?;
            wilson(successes, trials, Z95).map(|w| Estimate { value: v, ..w })
        };

        Ok(Self {
            n: predictions.len(),
            groups: clusters(predictions).len(),
            threshold,
            confusion: c,
            accuracy: proportion(sample.accuracy(), c.tp + c.tn, c.total()),
            precision: proportion(sample.precision(), c.tp, c.called_positive()),
            recall: proportion(sample.recall(), c.tp, c.positives()),
            f1: booted(0, sample.f1()),
            roc_auc: booted(1, sample.roc_auc()),
            brier: booted(2, sample.brier()),
            ece: booted(3, sample.ece()),
            bootstrap: *bootstrap,
        })
    }
}
