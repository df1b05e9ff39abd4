//! Scoring a trained bundle again on one evaluation set, from freshly made pages (the same pages
//! the training run evaluated on: same config, same seeds), and deciding whether a newly trained
//! bundle may replace the active one.

use std::path::Path;

use super::data::{self, PageData};
use super::{fit, PipelineError, Scored};
use crate::bundle::Bundle;
use crate::dataset::{Generator, TRAINING};
use crate::eval::{Bootstrap, Prediction, THRESHOLD};
use crate::fonts::{Catalogue, Split};
use crate::report::{SetKind, SetReport};
use crate::text::TextSource;

/// The pages of `set` under `config` (cross-validation has none of its own: it is the training
/// folds' out-of-fold scores, kept in the report).
pub fn pages(
    data_dir: &Path,
    config: &super::TrainConfig,
    set: SetKind,
    tick: &mut dyn FnMut(f32) -> bool,
) -> Result<Vec<PageData>, PipelineError> {
    let (n, h, t) = (
        config.pages_per_fold,
        config.heldout_per_fold,
        config.test_pages,
    );
    if set == SetKind::RealScans {
        let real = crate::real::load(data_dir)?;
        let total = real.len().max(1) as f32;
        return Ok(
            data::real(&real, config.max_tiles, config.threads, &mut |d| {
                tick(d as f32 / total)
            })?
            .0,
        );
    }
    let catalogue = Catalogue::load(data_dir)?;
    let text = TextSource::builtin();
    let generator = Generator {
        catalogue: &catalogue,
        text: &text,
        width: config.width,
    };
    match set {
        SetKind::HeldOutPages => {
            let mut out = Vec::new();
            let total = (3 * h).max(1) as f32;
            for (i, split) in TRAINING.into_iter().enumerate() {
                let done = (i as u64 * h) as f32;
                out.extend(data::rendered(
                    &generator,
                    split,
                    n..n + h,
                    config.max_tiles,
                    config.threads,
                    &mut |d| tick((done + d as f32) / total),
                )?);
            }
            Ok(out)
        }
        SetKind::UnseenFonts => data::rendered(
            &generator,
            Split::Test,
            0..t,
            config.max_tiles,
            config.threads,
            &mut |d| tick(d as f32 / t.max(1) as f32),
        ),
        SetKind::CrossValidation | SetKind::RealScans => Ok(Vec::new()),
    }
}

/// Every model of `bundle` on `set`, with intervals and the paired test; `tick` gets the share
/// of pages made and cancels by returning false. Cross-validation is read from the report.
pub fn evaluate(
    data_dir: &Path,
    bundle: &Bundle,
    set: SetKind,
    tick: &mut dyn FnMut(f32) -> bool,
) -> Result<SetReport, PipelineError> {
    if set == SetKind::CrossValidation {
        return bundle
            .report
            .set(set)
            .cloned()
            .ok_or(PipelineError::NotInReport);
    }
    let pages = pages(data_dir, &bundle.config, set, tick)?;
    let refs: Vec<&PageData> = pages.iter().collect();
    let mut per_model = Vec::new();
    for m in &bundle.models {
        let scores = fit::page_scores(&m.scorer, m.kind, &refs)?;
        let scored: Vec<Scored> = super::scored(pages.iter(), &scores, &m.calibration);
        let predictions: Vec<Prediction> = scored
            .into_iter()
            .map(|s| Prediction {
                truth: s.truth,
                probability: s.probability.clamp(0.0, 1.0),
                group: s.group,
            })
            .collect();
        per_model.push((m.kind.as_str(), predictions));
    }
    let refs: Vec<(&str, &[Prediction])> = per_model.iter().map(|(n, p)| (*n, &p[..])).collect();
    let bootstrap = Bootstrap {
        resamples: bundle.config.resamples,
        seed: bundle.config.seed,
    };
    Ok(SetReport::evaluate(set, &refs, THRESHOLD, &bootstrap)?)
}

/// The unseen-font ROC-AUC of a bundle's default model (0 when the report lacks it).
fn unseen_auc(bundle: &Bundle) -> f64 {
    bundle
        .report
        .set(SetKind::UnseenFonts)
        .and_then(|s| {
            s.results
                .iter()
                .find(|r| r.model == bundle.default_model.as_str())
        })
        .and_then(|r| r.metrics.roc_auc.as_ref())
        .map_or(0.0, |e| e.value)
}

/// Whether `candidate` may replace `active`: its default model ranks unseen-font pages at least
/// as well (ROC-AUC, the measure that does not depend on a threshold).
pub fn at_least_as_good(candidate: &Bundle, active: &Bundle) -> bool {
    unseen_auc(candidate) >= unseen_auc(active)
}
