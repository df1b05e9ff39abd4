//! The bootstrap: resamples of the pages, by group then page, deterministic from a seed.

use std::collections::BTreeMap;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::Prediction;

/// How the bootstrap intervals are drawn: how many resamples, from which seed.
///
/// When the pages come from two groups or more (fonts, sources), a resample draws as many groups
/// as there are, with replacement, then as many pages of each drawn group as it has, with
/// replacement (a two-stage *cluster* bootstrap). Pages of one font are alike: resampling pages
/// alone would make the intervals too narrow. Resampling groups alone would too when there are
/// few groups (with 3 sources, it has 10 distinct resamples and sees no page-to-page variation);
/// resampling both stages errs the other way, slightly wide, which is the honest side. With a
/// single group it draws pages. The same seed gives the same resamples, hence the same intervals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bootstrap {
    /// The number of resamples (2,000 is usual for a 95% percentile interval).
    pub resamples: usize,
    /// The seed of the resampling.
    pub seed: u64,
}

impl Bootstrap {
    /// The usual number of resamples for a 95% percentile interval.
    pub const DEFAULT_RESAMPLES: usize = 2000;

    /// `resamples` resamples from `seed`.
    pub fn new(resamples: usize, seed: u64) -> Self {
        Self { resamples, seed }
    }

    /// Runs `statistic` on the page indices of each resample of `predictions`, in order. Returns
    /// its values and whether groups were resampled (two stages). No resample of no page.
    pub(crate) fn replicate<T>(
        &self,
        predictions: &[Prediction],
        mut statistic: impl FnMut(&[usize]) -> T,
    ) -> (Vec<T>, bool) {
        let clusters = clusters(predictions);
        let clustered = clusters.len() >= 2;
        let n = predictions.len();
        let mut values = Vec::new();
        if n == 0 {
            return (values, clustered);
        }
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        let mut sample = Vec::with_capacity(n);
        for _ in 0..self.resamples {
            sample.clear();
            if clustered {
                for _ in 0..clusters.len() {
                    let group = &clusters[rng.random_range(0..clusters.len())];
                    sample
                        .extend((0..group.len()).map(|_| group[rng.random_range(0..group.len())]));
                }
            } else {
                sample.extend((0..n).map(|_| rng.random_range(0..n)));
            }
            values.push(statistic(&sample));
        }
        (values, clustered)
    }
}

impl Default for Bootstrap {
    /// [`Bootstrap::DEFAULT_RESAMPLES`] resamples from seed 0.
    fn default() -> Self {
        Self::new(Self::DEFAULT_RESAMPLES, 0)
    }
}

/// The page indices of each group, groups in name order (so resampling does not depend on the
/// order of a hash map).
pub(crate) fn clusters(predictions: &[Prediction]) -> Vec<Vec<usize>> {
    let mut by_group: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in predictions.iter().enumerate() {
        by_group.entry(p.group.as_str()).or_default().push(i);
    }
    by_group.into_values().collect()
}
