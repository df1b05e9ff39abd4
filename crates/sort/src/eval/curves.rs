//! The ROC curve and the reliability diagram (with the calibration error drawn from it).

use serde::{Deserialize, Serialize};

use super::Prediction;

/// A point of the ROC curve: calling handwritten every page at or above some probability gives
/// this false positive rate (typed pages called handwritten) and true positive rate (handwritten
/// pages called handwritten, the recall).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RocPoint {
    /// The share of typed pages called handwritten.
    pub fpr: f64,
    /// The share of handwritten pages called handwritten.
    pub tpr: f64,
}

/// The ROC curve: from (0, 0) (nothing called handwritten) to (1, 1) (everything), one point per
/// distinct probability, pages of equal probability taken together (a diagonal step on ties).
/// Empty when there is no handwritten page or no typed page: the rates are then undefined.
pub fn roc_curve(predictions: &[Prediction]) -> Vec<RocPoint> {
    let positives = predictions.iter().filter(|p| p.truth).count();
    let negatives = predictions.len() - positives;
    if positives == 0 || negatives == 0 {
        return Vec::new();
    }
    let mut order: Vec<&Prediction> = predictions.iter().collect();
    order.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    let mut points = vec![RocPoint { fpr: 0.0, tpr: 0.0 }];
    let (mut tp, mut fp) = (0usize, 0usize);
    for (i, p) in order.iter().enumerate() {
        if p.truth {
            tp += 1;
        } else {
            fp += 1;
        }
        let last_of_score = order
            .get(i + 1)
            .is_none_or(|next| next.probability != p.probability);
        if last_of_score {
            points.push(RocPoint {
                fpr: fp as f64 / negatives as f64,
                tpr: tp as f64 / positives as f64,
            });
        }
    }
    points
}

/// One bin of the reliability diagram: the pages whose probability lies in `[low, high)` (the
/// last bin includes 1).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityBin {
    /// The bin's lower edge.
    pub low: f64,
    /// The bin's upper edge.
    pub high: f64,
    /// The pages in the bin.
    pub count: usize,
    /// Their mean probability of being handwritten; `None` for an empty bin.
    pub mean_predicted: Option<f64>,
    /// The share of them that are handwritten; `None` for an empty bin. A calibrated model has
    /// it close to `mean_predicted`.
    pub observed: Option<f64>,
}

/// The reliability diagram in `bins` equal-width bins of probability (at least one).
pub fn reliability(predictions: &[Prediction], bins: usize) -> Vec<ReliabilityBin> {
    reliability_of(predictions.iter().map(|p| (p.truth, p.probability)), bins)
}

/// The reliability bins of (truth, probability) pairs.
pub(crate) fn reliability_of(
    pairs: impl Iterator<Item = (bool, f64)>,
    bins: usize,
) -> Vec<ReliabilityBin> {
    let bins = bins.max(1);
    let mut sums = vec![(0usize, 0.0f64, 0usize); bins];
    for (truth, p) in pairs {
        let b = ((p * bins as f64).floor().max(0.0) as usize).min(bins - 1);
        sums[b].0 += 1;
        sums[b].1 += p;
        sums[b].2 += usize::from(truth);
    }
    sums.into_iter()
        .enumerate()
        .map(|(b, (count, sum, handwritten))| {
            let n = count as f64;
            ReliabilityBin {
                low: b as f64 / bins as f64,
                high: (b + 1) as f64 / bins as f64,
                count,
                mean_predicted: (count > 0).then(|| sum / n),
                observed: (count > 0).then(|| handwritten as f64 / n),
            }
        })
        .collect()
}

/// The expected calibration error: the mean, weighted by the pages in each bin, of the gap
/// between the mean probability and the observed share of handwritten pages. 0 is calibrated.
/// It is biased upwards on few pages (each bin's share is noisy). `None` with no page.
pub(crate) fn calibration_error(bins: &[ReliabilityBin]) -> Option<f64> {
    let total: usize = bins.iter().map(|b| b.count).sum();
    if total == 0 {
        return None;
    }
    let gap: f64 = bins
        .iter()
        .filter_map(|b| Some(b.count as f64 * (b.mean_predicted? - b.observed?).abs()))
        .sum();
    Some(gap / total as f64)
}
