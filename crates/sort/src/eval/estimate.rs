//! An estimate with its 95% interval, and the Wilson score interval of a proportion.

use serde::{Deserialize, Serialize};

/// The standard normal quantile for a two-sided 95% interval (Φ⁻¹(0.975)).
pub const Z95: f64 = 1.959_963_984_540_054;

/// How an interval was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Interval {
    /// Wilson score interval of a proportion (successes out of trials, taken as independent).
    Wilson,
    /// Percentile bootstrap resampling groups (fonts, sources), then pages within each drawn
    /// group, with replacement (see [`crate::eval::Bootstrap`]).
    ClusterBootstrap,
    /// Percentile bootstrap resampling single pages (when there is one group only).
    PageBootstrap,
    /// No resample gave the statistic a value: the interval is its whole range ([0, 1] for a
    /// metric, [−1, 1] for a difference): the data say nothing about it.
    Uninformative,
}

/// A point estimate and its 95% confidence interval `[low, high]`.
///
/// Every metric here lies in [0, 1] (a difference of two, in [−1, 1]) and so does its interval. A
/// metric that is undefined on the data (precision when nothing was called handwritten, AUC with
/// one class only) is not an `Estimate` but `None` where it is used.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// The value on the data as they are.
    pub value: f64,
    /// The interval's lower bound.
    pub low: f64,
    /// The interval's upper bound.
    pub high: f64,
    /// How the interval was obtained.
    pub interval: Interval,
}

impl Estimate {
    /// Whether `x` lies in the interval (bounds included).
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }
}

/// The Wilson score interval of `successes` out of `trials` at the normal quantile `z`
/// (use [`Z95`] for 95%), or `None` with no trial.
///
/// Unlike the normal ("Wald") interval it stays inside [0, 1] and keeps its coverage for small
/// counts and proportions near 0 or 1, which is the case of the real scans.
pub fn wilson(successes: usize, trials: usize, z: f64) -> Option<Estimate> {
    if trials == 0 {
        return None;
    }
    let n = trials as f64;
    let p = successes.min(trials) as f64 / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Estimate {
        value: p,
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
        interval: Interval::Wilson,
    })
}

/// The `q`-quantile (0 ≤ q ≤ 1) of sorted values, interpolating linearly between order
/// statistics (the usual "type 7" definition), or `None` when there is no value.
pub(crate) fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = q.clamp(0.0, 1.0) * last as f64;
    let below = h.floor() as usize;
    let above = (below + 1).min(last);
    Some(sorted[below] + (h - below as f64) * (sorted[above] - sorted[below]))
}

/// The percentile 95% interval around `value` from the bootstrap replicates (undefined ones
/// already dropped); the statistic's whole `range` when there is none. `clustered` says whether
/// groups or single pages were resampled.
pub(crate) fn percentile(
    value: f64,
    mut replicates: Vec<f64>,
    clustered: bool,
    range: (f64, f64),
) -> Estimate {
    replicates.sort_by(f64::total_cmp);
    match (quantile(&replicates, 0.025), quantile(&replicates, 0.975)) {
        (Some(low), Some(high)) => Estimate {
            value,
            low,
            high,
            interval: if clustered {
                Interval::ClusterBootstrap
            } else {
                Interval::PageBootstrap
            },
        },
        _ => Estimate {
            value,
            low: range.0,
            high: range.1,
            interval: Interval::Uninformative,
        },
    }
}
