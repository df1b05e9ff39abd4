//! Linear tile scorers: features standardised, then a weight per feature. Two ways to learn the
//! weights, both smartcore's: logistic regression (L-BFGS, L2 penalty) and a linear support vector
//! machine (LaSVM). Either way the result is the same small thing to keep and apply: means,
//! scales, weights and a bias; its score is a logit-like margin, turned into a probability by
//! the page's calibration (`models::page`).

use serde::{Deserialize, Serialize};
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::linear::logistic_regression::{LogisticRegression, LogisticRegressionParameters};
use smartcore::svm::svc::{SVCParameters, SVC};
use smartcore::svm::Kernels;

use super::TrainError;

/// A standardised linear scorer.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Linear {
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub weights: Vec<f32>,
    pub bias: f32,
}

impl Linear {
    /// The score of one feature vector: positive leans handwritten.
    pub fn score(&self, x: &[f32]) -> f32 {
        let dot: f32 = x
            .iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .zip(&self.weights)
            .map(|(((x, m), s), w)| (x - m) / s * w)
            .sum();
        dot + self.bias
    }

    /// The number of features it reads.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// Per-feature means and standard deviations, and the standardised rows.
type Standardised = (Vec<f32>, Vec<f32>, DenseMatrix<f64>);

/// Per-feature mean and standard deviation (1 where a feature is constant).
fn standardise(xs: &[Vec<f32>]) -> Result<Standardised, TrainError> {
    let d = xs.first().map(Vec::len).ok_or(TrainError::NoData)?;
    if xs.iter().any(|x| x.len() != d) {
        return Err(TrainError::Shape);
    }
    let n = xs.len() as f64;
    let mut mean = vec![0f64; d];
    for x in xs {
        for (m, v) in mean.iter_mut().zip(x) {
            *m += *v as f64 / n;
        }
    }
    let mut var = vec![0f64; d];
    for x in xs {
        for ((s, v), m) in var.iter_mut().zip(x).zip(&mean) {
            *s += (*v as f64 - m).powi(2) / n;
        }
    }
    let scale: Vec<f64> = var
        .iter()
        .map(|v| if v.sqrt() > 1e-6 { v.sqrt() } else { 1.0 })
        .collect();
    let rows: Vec<Vec<f64>> = xs
        .iter()
        .map(|x| {
            x.iter()
                .zip(&mean)
                .zip(&scale)
                .map(|((v, m), s)| (*v as f64 - m) / s)
                .collect()
        })
        .collect();
    let matrix = DenseMatrix::from_2d_vec(&rows).map_err(|e| TrainError::Fit(e.to_string()))?;
    let f32s = |v: &[f64]| v.iter().map(|x| *x as f32).collect();
    Ok((f32s(&mean), f32s(&scale), matrix))
}

fn labels(ys: &[bool]) -> Result<Vec<i32>, TrainError> {
    if !ys.contains(&true) || !ys.contains(&false) {
        return Err(TrainError::OneClass);
    }
    Ok(ys.iter().map(|&y| y as i32).collect())
}

/// Logistic regression with L2 penalty `alpha` (on the standardised features).
pub fn fit_logistic(xs: &[Vec<f32>], ys: &[bool], alpha: f64) -> Result<Linear, TrainError> {
    let y = labels(ys)?;
    let (mean, scale, x) = standardise(xs)?;
    let params = LogisticRegressionParameters::default().with_alpha(alpha);
    let model =
        LogisticRegression::fit(&x, &y, params).map_err(|e| TrainError::Fit(e.to_string()))?;
    let weights = model.coefficients().iter().map(|w| *w as f32).collect();
    let bias = model.intercept().iter().next().copied().unwrap_or(0.0) as f32;
    Ok(Linear {
        mean,
        scale,
        weights,
        bias,
    })
}

/// A linear-kernel SVM with penalty `c`. A linear kernel's decision function is w·x + b, so w and b
/// are read back from it (at the origin and at each unit vector) and the support vectors dropped.
pub fn fit_svm(xs: &[Vec<f32>], ys: &[bool], c: f64, seed: u64) -> Result<Linear, TrainError> {
    let y = labels(ys)?;
    let (mean, scale, x) = standardise(xs)?;
    let d = mean.len();
    // smartcore 0.7's SVC keeps support vectors of the wrong length when there are fewer samples
    // than features (found here: its decision function then panics); refuse that case
    if xs.len() <= d {
        return Err(TrainError::Fit(format!(
            "the SVM needs more samples than features ({} samples, {d} features)",
            xs.len()
        )));
    }
    let params = SVCParameters::default()
        .with_c(c)
        .with_kernel(Kernels::linear())
        .with_seed(Some(seed));
    let model = SVC::fit(&x, &y, &params).map_err(|e| TrainError::Fit(e.to_string()))?;
    let probes: Vec<Vec<f64>> = (0..=d)
        .map(|i| (0..d).map(|j| if i == j + 1 { 1.0 } else { 0.0 }).collect())
        .collect();
    let probes = DenseMatrix::from_2d_vec(&probes).map_err(|e| TrainError::Fit(e.to_string()))?;
    let f = model
        .decision_function(&probes)
        .map_err(|e| TrainError::Fit(e.to_string()))?;
    let bias = f[0];
    let mut linear = Linear {
        mean,
        scale,
        weights: f[1..].iter().map(|v| (v - bias) as f32).collect(),
        bias: bias as f32,
    };
    // smartcore's sign convention follows its own class order: make positive mean handwritten
    let side = |want: bool| {
        let (sum, n) = xs
            .iter()
            .zip(ys)
            .filter(|(_, &y)| y == want)
            .fold((0.0, 0.0), |(s, n), (x, _)| (s + linear.score(x), n + 1.0));
        sum / f32::max(n, 1.0)
    };
    if side(true) < side(false) {
        linear.weights.iter_mut().for_each(|w| *w = -*w);
        linear.bias = -linear.bias;
    }
    Ok(linear)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two clouds apart along the first feature, the second feature noise.
    fn clouds() -> (Vec<Vec<f32>>, Vec<bool>) {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..60 {
            let noise = ((i * 37) % 11) as f32 / 11.0 - 0.5;
            let pos = i % 2 == 0;
            xs.push(vec![if pos { 2.0 } else { -2.0 } + noise, noise * 3.0, 5.0]);
            ys.push(pos);
        }
        (xs, ys)
    }

    #[test]
    fn both_learners_separate_two_clouds() {
        let (xs, ys) = clouds();
        for model in [
            fit_logistic(&xs, &ys, 0.1).unwrap(),
            fit_svm(&xs, &ys, 1.0, 7).unwrap(),
        ] {
            assert_eq!(model.len(), 3);
            for (x, y) in xs.iter().zip(&ys) {
                assert_eq!(model.score(x) > 0.0, *y, "{model:?} on {x:?}");
            }
            // the informative feature weighs most; the constant one is harmless
            assert!(model.weights[0].abs() > model.weights[1].abs());
            assert_eq!(model.scale[2], 1.0);
        }
    }

    #[test]
    fn one_class_or_no_data_is_an_error() {
        let (xs, _) = clouds();
        assert!(matches!(
            fit_logistic(&xs, &vec![true; xs.len()], 0.1),
            Err(TrainError::OneClass)
        ));
        assert!(matches!(
            fit_svm(&[], &[], 1.0, 1),
            Err(TrainError::OneClass)
        ));
        let wide: Vec<Vec<f32>> = (0..4).map(|i| vec![i as f32; 8]).collect();
        assert!(matches!(
            fit_svm(&wide, &[true, false, true, false], 1.0, 1),
            Err(TrainError::Fit(_))
        ));
        let ragged = vec![vec![1.0, 2.0], vec![1.0]];
        assert!(matches!(
            fit_logistic(&ragged, &[true, false], 0.1),
            Err(TrainError::Shape)
        ));
    }
}
