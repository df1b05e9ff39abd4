//! A trained classifier: how it scores tiles, and its calibration.

use image::GrayImage;

use super::cnn::Cnn;
use super::linear::Linear;
use super::{page_score, Calibration, Kind, TileFeatures, TrainError};
use crate::prepare::Tile;

/// What turns a tile into a score.
pub enum Scorer {
    Linear(Linear),
    Cnn(Cnn),
}

/// One trained classifier.
pub struct Model {
    pub kind: Kind,
    pub scorer: Scorer,
    pub calibration: Calibration,
}

/// A page's verdict by one model.
#[derive(Clone, Debug, PartialEq)]
pub struct PageVerdict {
    /// P(handwritten), calibrated.
    pub probability: f32,
    /// The page score it came from.
    pub score: f32,
    /// Each tile's own P(handwritten) under the same calibration (where the decision came from).
    pub tiles: Vec<f32>,
}

impl Model {
    /// Raw scores of tiles (features computed once by the caller, for every model).
    pub fn tile_scores(
        &self,
        tiles: &[Tile],
        features: &[TileFeatures],
    ) -> Result<Vec<f32>, TrainError> {
        match &self.scorer {
            Scorer::Linear(l) => Ok(features
                .iter()
                .map(|f| match self.kind {
                    Kind::HogSvm => l.score(&f.hog),
                    _ => l.score(&f.texture),
                })
                .collect()),
            Scorer::Cnn(c) => {
                let images: Vec<&GrayImage> = tiles.iter().map(|t| &t.image).collect();
                c.scores(&images)
            }
        }
    }

    /// The page's verdict from its tiles.
    pub fn verdict(
        &self,
        tiles: &[Tile],
        features: &[TileFeatures],
    ) -> Result<PageVerdict, TrainError> {
        let scores = self.tile_scores(tiles, features)?;
        let score = page_score(&scores);
        Ok(PageVerdict {
            probability: self.calibration.probability(score),
            score,
            tiles: scores
                .iter()
                .map(|s| self.calibration.probability(*s))
                .collect(),
        })
    }

    /// The size of what is kept of it, in bytes (weights as stored).
    pub fn size(&self) -> Result<usize, TrainError> {
        Ok(match &self.scorer {
            Scorer::Linear(l) => serde_json::to_vec(l)
                .map_err(|e| TrainError::Fit(e.to_string()))?
                .len(),
            Scorer::Cnn(c) => c.to_bytes()?.len(),
        })
    }
}
