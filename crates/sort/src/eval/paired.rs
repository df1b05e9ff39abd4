//! Whether one model really beats another on the same pages: McNemar's exact test on the pages
//! where they disagree, and a paired bootstrap interval of their AUC difference.

use serde::{Deserialize, Serialize};

use super::estimate::{percentile, Estimate};
use super::point::Sample;
use super::{validate, Bootstrap, EvalError, Prediction};

/// Two models compared on the same pages (model A first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairedComparison {
    /// Pages.
    pub n: usize,
    /// Pages A calls right and B wrong (McNemar's *b*).
    pub only_a_right: usize,
    /// Pages B calls right and A wrong (McNemar's *c*).
    pub only_b_right: usize,
    /// McNemar's exact two-sided p-value: the chance, were both models equally often right, of
    /// a split of the disagreements at least this uneven. 1 when they never disagree.
    pub p_value: f64,
    /// AUC of A minus AUC of B, with its paired bootstrap 95% interval (both models on the same
    /// resamples, groups then pages). `None` unless both classes occur.
    pub auc_difference: Option<Estimate>,
}

/// Compares `a` and `b`, the predictions of two models on the same pages in the same order,
/// pages called handwritten at `threshold`.
///
/// Fails when the two lists differ in length, in a page's truth or group (not the same pages),
/// or when a probability or the threshold is not in [0, 1].
pub fn compare(
    a: &[Prediction],
    b: &[Prediction],
    threshold: f64,
    bootstrap: &Bootstrap,
) -> Result<PairedComparison, EvalError> {
    if !(0.0..=1.0).contains(&threshold) {
        return Err(EvalError::BadThreshold(threshold));
    }
    same_pages(a, b)?;
    validate(a)?;
    validate(b)?;

    let right = |p: &Prediction| p.called(threshold) == p.truth;
    let only_a_right = a
        .iter()
        .zip(b)
        .filter(|(x, y)| right(x) && !right(y))
        .count();
    let only_b_right = a
        .iter()
        .zip(b)
        .filter(|(x, y)| !right(x) && right(y))
        .count();

    let auc_gap = |indices: &[usize]| {
        let auc_a = Sample::new(a, indices, threshold).roc_auc()?;
        let auc_b = Sample::new(b, indices, threshold).roc_auc()?;
        Some(auc_a - auc_b)
    };
    let all: Vec<usize> = (0..a.len()).collect();
    let (replicates, clustered) = bootstrap.replicate(a, auc_gap);
    let auc_difference = auc_gap(&all).map(|d| {
        let values = replicates.into_iter().flatten().collect();
        percentile(d, values, clustered, (-1.0, 1.0))
    });

    Ok(PairedComparison {
        n: a.len(),
        only_a_right,
        only_b_right,
        p_value: mcnemar_exact(only_a_right, only_b_right),
        auc_difference,
    })
}

/// Checks `a` and `b` are predictions on the same pages in the same order: same length, and the
/// same truth and group page by page.
pub fn same_pages(a: &[Prediction], b: &[Prediction]) -> Result<(), EvalError> {
    if a.len() != b.len() {
        return Err(EvalError::LengthMismatch {
            a: a.len(),
            b: b.len(),
        });
    }
    match a
        .iter()
        .zip(b)
        .position(|(x, y)| x.truth != y.truth || x.group != y.group)
    {
        Some(index) => Err(EvalError::PageMismatch { index }),
        None => Ok(()),
    }
}

/// McNemar's exact two-sided p-value for `b` and `c` disagreements: twice the chance that a fair
/// coin tossed `b + c` times gives at most `min(b, c)` heads, capped at 1; 1 with no
/// disagreement. The binomial terms are summed in log space, so thousands of disagreements
/// neither overflow nor underflow.
pub fn mcnemar_exact(b: usize, c: usize) -> f64 {
    let n = b + c;
    let k = b.min(c);
    if n == 0 {
        return 1.0;
    }
    // ln P(X = i) for X ~ Binomial(n, 1/2), i = 0..=k: ln C(n, i) − n ln 2, C built by recurrence.
    let ln_half_n = -(n as f64) * std::f64::consts::LN_2;
    let mut ln_terms = Vec::with_capacity(k + 1);
    let mut ln_choose = 0.0f64;
    for i in 0..=k {
        if i > 0 {
            ln_choose += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        ln_terms.push(ln_choose + ln_half_n);
    }
    // The largest term is the last (i ≤ n/2): log-sum-exp around it.
    let top = ln_terms[k];
    let tail = (top + ln_terms.iter().map(|t| (t - top).exp()).sum::<f64>().ln()).exp();
    (2.0 * tail).min(1.0)
}
