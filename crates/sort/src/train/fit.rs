//! Fitting one model on pages, and scoring pages with it.

use std::time::Instant;

use image::GrayImage;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::data::PageData;
use super::{PipelineError, TrainConfig};
use crate::models::cnn::Cnn;
use crate::models::{linear, page_score, Kind, Scorer, TrainError};

/// At most `cap` of the indices `0..n`, drawn with `seed`, in order (the SVM's and the CNN's
/// tile subsets).
pub fn subset(n: usize, cap: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if n > cap {
        order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
        order.truncate(cap);
        order.sort_unstable();
    }
    order
}

/// Train `kind` on every tile of `pages` (each tile labelled with its page's class); `progress`
/// gets the share done (0–1) and cancels by returning false. Returns the scorer and the seconds
/// it took.
pub fn fit(
    kind: Kind,
    pages: &[&PageData],
    config: &TrainConfig,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(Scorer, f64), PipelineError> {
    let started = Instant::now();
    let ys: Vec<bool> = pages
        .iter()
        .flat_map(|p| p.tiles.iter().map(|_| p.truth))
        .collect();
    let scorer = match kind {
        Kind::HogSvm => {
            let xs: Vec<&Vec<f32>> = pages
                .iter()
                .flat_map(|p| p.features.iter().map(|f| &f.hog))
                .collect();
            // LaSVM's cost grows with the square of the tiles: a seeded subset
            let order = subset(xs.len(), config.svm_tiles, config.seed);
            let sub_x: Vec<Vec<f32>> = order.iter().map(|&i| xs[i].clone()).collect();
            let sub_y: Vec<bool> = order.iter().map(|&i| ys[i]).collect();
            Scorer::Linear(linear::fit_svm(&sub_x, &sub_y, config.svm_c, config.seed)?)
        }
        Kind::TextureLogistic => {
            let xs: Vec<Vec<f32>> = pages
                .iter()
                .flat_map(|p| p.features.iter().map(|f| f.texture.clone()))
                .collect();
            Scorer::Linear(linear::fit_logistic(&xs, &ys, config.logistic_alpha)?)
        }
        Kind::Cnn => {
            let tiles: Vec<&GrayImage> = pages
                .iter()
                .flat_map(|p| p.tiles.iter().map(|t| &t.image))
                .collect();
            let epochs = config.cnn.epochs.max(1) as f32;
            let cnn = Cnn::train(&tiles, &ys, &config.cnn, &mut |epoch, batch, batches| {
                progress((epoch as f32 + batch as f32 / batches.max(1) as f32) / epochs)
            })
            .map_err(|e| match e {
                TrainError::Cancelled => PipelineError::Cancelled,
                e => e.into(),
            })?;
            Scorer::Cnn(cnn)
        }
    };
    if !progress(1.0) {
        return Err(PipelineError::Cancelled);
    }
    Ok((scorer, started.elapsed().as_secs_f64()))
}

/// Each page's score (mean of its clipped tile scores).
pub fn page_scores(
    scorer: &Scorer,
    kind: Kind,
    pages: &[&PageData],
) -> Result<Vec<f32>, PipelineError> {
    pages
        .iter()
        .map(|p| {
            let tiles = match scorer {
                Scorer::Linear(l) => p
                    .features
                    .iter()
                    .map(|f| {
                        l.score(if kind == Kind::HogSvm {
                            &f.hog
                        } else {
                            &f.texture
                        })
                    })
                    .collect(),
                Scorer::Cnn(c) => {
                    c.scores(&p.tiles.iter().map(|t| &t.image).collect::<Vec<_>>())?
                }
            };
            Ok(page_score(&tiles))
        })
        .collect()
}
