//! Hand-computed cases for the metrics, intervals, curves and the paired test, and the helpers
//! that make pages for them.

mod metrics;
mod resampling;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;

pub(super) fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// Pages of one group from (truth, probability) pairs.
pub(super) fn pages(pairs: &[(bool, f64)]) -> Vec<Prediction> {
    pairs
        .iter()
        .map(|&(t, p)| Prediction::new(t, p, "g"))
        .collect()
}

/// `n` pages over `groups` groups, a noisy but informative model, from `seed`.
pub(super) fn noisy(n: usize, groups: usize, seed: u64) -> Vec<Prediction> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|i| {
            let truth = rng.random_bool(0.5);
            let shift: f64 = if truth { 0.2 } else { -0.2 };
            let p: f64 = (0.5 + shift + rng.random_range(-0.45f64..0.45)).clamp(0.0, 1.0);
            // probabilities on a grid of 0.05, so that ties occur
            Prediction::new(
                truth,
                (p * 20.0).round() / 20.0,
                format!("font{}", i % groups),
            )
        })
        .collect()
}

pub(super) const FEW: Bootstrap = Bootstrap {
    resamples: 300,
    seed: 7,
};
