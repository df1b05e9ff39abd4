//! The confusion matrix of a model at a threshold.

use serde::{Deserialize, Serialize};

use super::Prediction;

/// The confusion matrix, handwritten being the positive class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// Handwritten pages called handwritten.
    pub tp: usize,
    /// Typed pages called handwritten.
    pub fp: usize,
    /// Typed pages called typed.
    pub tn: usize,
    /// Handwritten pages called typed.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Confusion {
    /// Counts the predictions at `threshold` (called handwritten when probability ≥ threshold).
    pub fn count<'a>(
        predictions: impl IntoIterator<Item = &'a Prediction>,
        threshold: f64,
    ) -> Self {
        let mut c = Self::default();
        for p in predictions {
            match (p.truth, p.called(threshold)) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (false, false) => c.tn += 1,
                (true, false) => c.fn_ += 1,
            }
        }
        c
    }

    /// All the pages.
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.tn + self.fn_
    }

    /// The handwritten pages.
    pub fn positives(&self) -> usize {
        self.tp + self.fn_
    }

    /// The typed pages.
    pub fn negatives(&self) -> usize {
        self.tn + self.fp
    }

    /// The pages called handwritten.
    pub fn called_positive(&self) -> usize {
        self.tp + self.fp
    }
}
