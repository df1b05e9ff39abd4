//! Platt scaling: a page score s becomes P(handwritten) = σ(a·s + b), with a and b fitted by
//! smartcore's logistic regression on scores of pages the model did not train on (the
//! cross-validation's out-of-fold pages), as scikit-learn's `CalibratedClassifierCV` does.

use serde::{Deserialize, Serialize};
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::linear::logistic_regression::{LogisticRegression, LogisticRegressionParameters};

use super::TrainError;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub a: f32,
    pub b: f32,
}

impl Calibration {
    /// σ(s): the score taken as a logit.
    pub const IDENTITY: Calibration = Calibration { a: 1.0, b: 0.0 };

    /// Fit on held-out page scores and their truths (true: handwritten).
    pub fn fit(scores: &[f32], truths: &[bool]) -> Result<Calibration, TrainError> {
        if scores.len() != truths.len() || scores.is_empty() {
            return Err(TrainError::NoData);
        }
        if !truths.contains(&true) || !truths.contains(&false) {
            return Err(TrainError::OneClass);
        }
        let rows: Vec<Vec<f64>> = scores.iter().map(|s| vec![*s as f64]).collect();
        let x = DenseMatrix::from_2d_vec(&rows).map_err(|e| TrainError::Fit(e.to_string()))?;
        let y: Vec<i32> = truths.iter().map(|&t| t as i32).collect();
        // a whisper of L2 keeps the slope finite when the scores separate the pages perfectly
        let params = LogisticRegressionParameters::default().with_alpha(1e-3);
        let model =
            LogisticRegression::fit(&x, &y, params).map_err(|e| TrainError::Fit(e.to_string()))?;
        let a = model.coefficients().iter().next().copied().unwrap_or(1.0) as f32;
        let b = model.intercept().iter().next().copied().unwrap_or(0.0) as f32;
        Ok(Calibration { a, b })
    }

    /// P(handwritten) for a page score.
    pub fn probability(&self, score: f32) -> f32 {
        1.0 / (1.0 + (-(self.a * score + self.b)).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overconfident_scores_are_tempered_and_order_is_kept() {
        // scores five times too large: s = 5·logit, with the truths drawn to match the logit
        let mut scores = Vec::new();
        let mut truths = Vec::new();
        for i in 0..400 {
            let logit = (i % 40) as f32 / 10.0 - 2.0;
            let p = 1.0 / (1.0 + (-logit).exp());
            // deterministic "draw": the first p·10 of every 10 pages at this logit are positive
            truths.push(((i / 40) as f32) < p * 10.0);
            scores.push(5.0 * logit);
        }
        let c = Calibration::fit(&scores, &truths).unwrap();
        assert!((c.a - 0.2).abs() < 0.05, "{c:?}");
        assert!(c.b.abs() < 0.3, "{c:?}");
        assert!(c.probability(-10.0) < c.probability(0.0));
        assert!(c.probability(0.0) < c.probability(10.0));
        assert!((c.probability(5.0) - 0.73).abs() < 0.08);
        assert_eq!(Calibration::IDENTITY.probability(0.0), 0.5);
    }

    #[test]
    fn one_class_cannot_be_calibrated() {
        assert!(matches!(
            Calibration::fit(&[1.0, 2.0], &[true, true]),
            Err(TrainError::OneClass)
        ));
        assert!(matches!(
            Calibration::fit(&[], &[]),
            Err(TrainError::NoData)
        ));
    }
}
