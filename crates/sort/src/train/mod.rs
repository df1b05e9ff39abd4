//! The training and evaluation protocol, end to end:
//!
//! 1. Render the three training folds' pages (fonts grouped so that no font group is in two folds),
//!    plus held-out pages of the same fonts, the unseen-font test pages, and read the real pages.
//! 2. **Grouped 3-fold cross-validation**: each model trains on two folds and scores the third;
//!    every training page gets an out-of-fold score.
//! 3. **Calibration**: Platt scaling fitted on those out-of-fold page scores.
//! 4. **Final models** trained on all three folds, with that calibration.
//! 5. **Evaluation** of the final models on the held-out pages, the unseen fonts and the real scans
//!    (never used for any choice), with timings and sizes.
//!
//! Everything is drawn from the config's seed: the same config trains the same models.

pub mod config;
pub mod data;
mod evaluate;
pub mod fit;
mod report;
mod schedule;

pub use evaluate::{at_least_as_good, evaluate};
pub use report::report;

use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use config::TrainConfig;
use data::PageData;

use crate::dataset::{GenerateError, Generator, TRAINING};
use crate::fonts::{Catalogue, FontError, Split};
use crate::models::{Calibration, Kind, Model, TrainError};
use crate::real::RealError;
use crate::report::SetKind;
use crate::text::TextSource;

/// Why training stopped.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Font(#[from] FontError),
    #[error(transparent)]
    Generate(#[from] GenerateError),
    #[error(transparent)]
    Real(#[from] RealError),
    #[error(transparent)]
    Train(#[from] TrainError),
    #[error("training was cancelled")]
    Cancelled,
    #[error("a worker thread stopped")]
    Worker,
    #[error("the model's report holds no such evaluation")]
    NotInReport,
    #[error(transparent)]
    Eval(#[from] crate::eval::EvalError),
}

/// Where the run is, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "stage")]
pub enum Stage {
    /// Rendering and preparing pages.
    Pages,
    /// Cross-validation: fold `fold` (0-based) of 3, model `kind`.
    Fold { fold: usize, kind: Kind },
    /// The final models on all folds.
    Final { kind: Kind },
    /// Scoring the evaluation sets.
    Evaluate,
}

/// One page's calibrated probability under one model.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Scored {
    pub name: String,
    pub truth: bool,
    pub probability: f64,
    pub group: String,
}

/// A model's scores on one evaluation set.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Evaluation {
    pub set: SetKind,
    pub kind: Kind,
    pub pages: Vec<Scored>,
}

/// A model's costs.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Cost {
    pub kind: Kind,
    /// Seconds to train the final model (features excluded: they are shared).
    pub train_seconds: f64,
    /// Milliseconds to decide a page (preparation + its features + scoring), mean over the
    /// unseen-font pages, one thread.
    pub predict_ms: f64,
    pub size_bytes: usize,
}

/// What a run produced.
pub struct Outcome {
    pub config: TrainConfig,
    pub models: Vec<Model>,
    pub evaluations: Vec<Evaluation>,
    pub costs: Vec<Cost>,
    /// Pages per set (after leaving out the ones with no writing found).
    pub counts: Vec<(SetKind, usize)>,
    /// Real pages the preparation found no writing on.
    pub skipped: Vec<String>,
}

/// Progress: stage, and the share of the whole run done (0–1). Returning false cancels.
pub type Progress<'a> = dyn FnMut(Stage, f32) -> bool + 'a;

fn scored<'p>(
    pages: impl IntoIterator<Item = &'p PageData>,
    scores: &[f32],
    calibration: &Calibration,
) -> Vec<Scored> {
    pages
        .into_iter()
        .zip(scores)
        .map(|(p, s)| Scored {
            name: p.name.clone(),
            truth: p.truth,
            probability: calibration.probability(*s) as f64,
            group: p.group.clone(),
        })
        .collect()
}

/// Which fits a run makes.
#[derive(Clone, Copy, Debug)]
pub enum Fits<'a> {
    /// The whole protocol: the cross-validation's nine fits, the calibration fitted on their
    /// out-of-fold scores, and the three final models.
    All,
    /// Only the three final models, with the calibrations given (in [`Kind::ALL`]'s order): a
    /// quicker check that a bundle is what its command makes. No cross-validation set is
    /// reported, and the calibrations are taken, not fitted again.
    FinalOnly(&'a [Calibration]),
}

/// Train and evaluate the three models with `config` on the data in `data_dir`: the whole
/// protocol ([`Fits::All`]).
pub fn run(
    data_dir: &std::path::Path,
    config: &TrainConfig,
    progress: &mut Progress,
) -> Result<Outcome, PipelineError> {
    run_fits(data_dir, config, Fits::All, progress)
}

/// [`run`], making only the `fits` asked for.
pub fn run_fits(
    data_dir: &std::path::Path,
    config: &TrainConfig,
    fits: Fits,
    progress: &mut Progress,
) -> Result<Outcome, PipelineError> {
    if let Fits::FinalOnly(given) = fits {
        if given.len() != Kind::ALL.len() {
            return Err(PipelineError::Worker);
        }
    }
    let catalogue = Catalogue::load(data_dir)?;
    let text = TextSource::builtin();
    let generator = Generator {
        catalogue: &catalogue,
        text: &text,
        width: config.width,
    };
    let real_pages = crate::real::load(data_dir)?;
    let (n, h, t) = (
        config.pages_per_fold,
        config.heldout_per_fold,
        config.test_pages,
    );
    let total_pages = (3 * (n + h) + t) as f32 + real_pages.len() as f32;
    let mut made = 0f32;
    // rendering takes the first 40% of the bar
    let mut tick_pages =
        |done: usize, made: f32| progress(Stage::Pages, 0.4 * (made + done as f32) / total_pages);

    let mut folds = Vec::new();
    let mut heldout = Vec::new();
    for split in TRAINING {
        folds.push(data::rendered(
            &generator,
            split,
            0..n,
            config.max_tiles,
            config.threads,
            &mut |d| tick_pages(d, made),
        )?);
        made += n as f32;
        heldout.extend(data::rendered(
            &generator,
            split,
            n..n + h,
            config.max_tiles,
            config.threads,
            &mut |d| tick_pages(d, made),
        )?);
        made += h as f32;
    }
    let unseen = data::rendered(
        &generator,
        Split::Test,
        0..t,
        config.max_tiles,
        config.threads,
        &mut |d| tick_pages(d, made),
    )?;
    made += t as f32;
    let (real, skipped) = data::real(&real_pages, config.max_tiles, config.threads, &mut |d| {
        tick_pages(d, made)
    })?;

    // the twelve fits (3 folds + the final fit, × 3 models) are independent: run them on the
    // worker threads, longest first; 40–97% of the bar
    let all: Vec<&PageData> = folds.iter().flatten().collect();
    let mut jobs: Vec<(Option<usize>, Kind)> = Vec::new();
    let cross_validate = matches!(fits, Fits::All);
    for kind in [Kind::Cnn, Kind::HogSvm, Kind::TextureLogistic] {
        jobs.push((None, kind));
        if cross_validate {
            jobs.extend((0..folds.len()).map(|k| (Some(k), kind)));
        }
    }
    let fitted = schedule::run(
        &jobs,
        config.threads,
        progress,
        0.4,
        0.97,
        |(fold, kind), live| {
            let train: Vec<&PageData> = match fold {
                Some(k) => folds
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i != k)
                    .flat_map(|(_, f)| f)
                    .collect(),
                None => all.clone(),
            };
            fit::fit(*kind, &train, config, &mut |_| live())
        },
    )?;

    // out-of-fold scores, in fold order
    let mut oof: Vec<Vec<f32>> = vec![Vec::new(); Kind::ALL.len()];
    let oof_pages: Vec<&PageData> = folds.iter().flatten().collect();
    let mut finals: Vec<Option<(crate::models::Scorer, f64)>> =
        Kind::ALL.iter().map(|_| None).collect();
    let mut by_fold: Vec<Vec<Option<crate::models::Scorer>>> = (0..folds.len())
        .map(|_| Kind::ALL.iter().map(|_| None).collect())
        .collect();
    for ((fold, kind), fitted) in jobs.into_iter().zip(fitted) {
        let m = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        match fold {
            Some(k) => by_fold[k][m] = Some(fitted.0),
            None => finals[m] = Some(fitted),
        }
    }
    if cross_validate {
        for (k, scorers) in by_fold.iter().enumerate() {
            let held: Vec<&PageData> = folds[k].iter().collect();
            for (m, scorer) in scorers.iter().enumerate() {
                let scorer = scorer.as_ref().ok_or(PipelineError::Worker)?;
                oof[m].extend(fit::page_scores(scorer, Kind::ALL[m], &held)?);
            }
        }
    }
    let truths: Vec<bool> = oof_pages.iter().map(|p| p.truth).collect();

    let mut models = Vec::new();
    let mut evaluations = Vec::new();
    let mut train_seconds = Vec::new();
    for (m, kind) in Kind::ALL.into_iter().enumerate() {
        let calibration = match fits {
            Fits::All => {
                let calibration = Calibration::fit(&oof[m], &truths)?;
                evaluations.push(Evaluation {
                    set: SetKind::CrossValidation,
                    kind,
                    pages: scored(oof_pages.iter().copied(), &oof[m], &calibration),
                });
                calibration
            }
            Fits::FinalOnly(given) => given[m],
        };
        let (scorer, secs) = finals[m].take().ok_or(PipelineError::Worker)?;
        train_seconds.push(secs);
        models.push(Model {
            kind,
            scorer,
            calibration,
        });
    }

    // evaluation: the rest
    if !progress(Stage::Evaluate, 0.97) {
        return Err(PipelineError::Cancelled);
    }
    let sets: [(SetKind, &Vec<PageData>); 3] = [
        (SetKind::HeldOutPages, &heldout),
        (SetKind::UnseenFonts, &unseen),
        (SetKind::RealScans, &real),
    ];
    let mut costs = Vec::new();
    for (m, model) in models.iter().enumerate() {
        for (set, pages) in sets {
            let refs: Vec<&PageData> = pages.iter().collect();
            let started = Instant::now();
            let scores = fit::page_scores(&model.scorer, model.kind, &refs)?;
            let score_s = started.elapsed().as_secs_f64();
            evaluations.push(Evaluation {
                set,
                kind: model.kind,
                pages: scored(pages.iter(), &scores, &model.calibration),
            });
            if set == SetKind::UnseenFonts {
                let features: f64 = pages
                    .iter()
                    .map(|p| {
                        p.prepare_s
                            + match model.kind {
                                Kind::HogSvm => p.hog_s,
                                Kind::TextureLogistic => p.texture_s,
                                Kind::Cnn => 0.0,
                            }
                    })
                    .sum();
                costs.push(Cost {
                    kind: model.kind,
                    train_seconds: train_seconds[m],
                    predict_ms: 1000.0 * (features + score_s) / pages.len().max(1) as f64,
                    size_bytes: model.size()?,
                });
            }
        }
    }
    let counts = vec![
        (SetKind::CrossValidation, oof_pages.len()),
        (SetKind::HeldOutPages, heldout.len()),
        (SetKind::UnseenFonts, unseen.len()),
        (SetKind::RealScans, real.len()),
    ];
    progress(Stage::Evaluate, 1.0);
    Ok(Outcome {
        config: config.clone(),
        models,
        evaluations,
        costs,
        counts,
        skipped,
    })
}
