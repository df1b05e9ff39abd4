//! Evaluation of a handwritten-vs-typed classifier from its predictions: the point metrics, their
//! 95% confidence intervals, the ROC curve, the reliability diagram, and the paired test of two
//! models on the same pages.
//!
//! The positive class is *handwritten*: a [`Prediction`] carries the truth (is the page
//! handwritten?) and the model's probability that it is. A page is *called* handwritten when that
//! probability is at least the threshold (0.5 unless said otherwise).
//!
//! - [`Metrics::compute`]: confusion matrix, accuracy, precision, recall, F1, ROC-AUC, Brier score
//!   and expected calibration error, each an [`Estimate`] with its 95% interval.
//! - [`roc_curve`], [`reliability`]: the points of the ROC curve and of the reliability diagram.
//! - [`paired::compare`]: McNemar's exact test and the bootstrap interval of the AUC difference.
//!
//! The point metrics come from `smartcore` (the project keeps no second copy of them); what no kept
//! crate does is here: Wilson intervals, the cluster bootstrap, the curves, calibration and the
//! paired test.

mod bootstrap;
mod confusion;
mod curves;
mod estimate;
mod metrics;
pub mod paired;
mod point;

#[cfg(test)]
mod tests;

pub use bootstrap::Bootstrap;
pub use confusion::Confusion;
pub use curves::{reliability, roc_curve, ReliabilityBin, RocPoint};
pub use estimate::{wilson, Estimate, Interval, Z95};
pub use metrics::Metrics;
pub use paired::PairedComparison;

use serde::{Deserialize, Serialize};

/// The threshold at which a page is called handwritten (probability ≥ threshold).
pub const THRESHOLD: f64 = 0.5;

/// The number of equal-width bins of the reliability diagram and of the calibration error.
pub const RELIABILITY_BINS: usize = 10;

/// One page seen by one model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// Whether the page is handwritten (the positive class).
    pub truth: bool,
    /// The model's probability that the page is handwritten, in [0, 1].
    pub probability: f64,
    /// Where the page comes from: its font group for rendered pages, its source for real scans.
    /// Pages of one group are not independent, so the bootstrap resamples groups first.
    pub group: String,
}

impl Prediction {
    /// A prediction of `probability` (that the page is handwritten) for a page of `group`.
    pub fn new(truth: bool, probability: f64, group: impl Into<String>) -> Self {
        Self {
            truth,
            probability,
            group: group.into(),
        }
    }

    /// Whether the page is called handwritten at `threshold`.
    pub fn called(&self, threshold: f64) -> bool {
        self.probability >= threshold
    }
}

/// Why an evaluation could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    /// A probability was NaN or outside [0, 1].
    #[error("prediction {index} has probability {value}, not in [0, 1]")]
    BadProbability { index: usize, value: f64 },
    /// The threshold was NaN or outside [0, 1].
    #[error("threshold {0} is not in [0, 1]")]
    BadThreshold(f64),
    /// Two models were compared on different numbers of pages.
    #[error("the two models saw {a} and {b} pages: a paired comparison needs the same pages")]
    LengthMismatch { a: usize, b: usize },
    /// Two models were compared on pages whose truth or group differ: not the same pages.
    #[error("page {index} differs between the two models (truth or group): not the same pages")]
    PageMismatch { index: usize },
}

/// Checks every probability is a number in [0, 1].
pub(crate) fn validate(predictions: &[Prediction]) -> Result<(), EvalError> {
    match predictions
        .iter()
        .position(|p| !(0.0..=1.0).contains(&p.probability))
    {
        Some(index) => Err(EvalError::BadProbability {
            index,
            value: predictions[index].probability,
        }),
        None => Ok(()),
    }
}
