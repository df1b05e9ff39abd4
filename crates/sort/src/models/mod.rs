//! The three classifiers, each scoring tiles and deciding pages the same way.
//!
//! | model | sees | learns with |
//! | --- | --- | --- |
//! | [`Kind::HogSvm`] | HOG descriptors (`features::hog`) | linear SVM (smartcore) |
//! | [`Kind::TextureLogistic`] | stroke, orientation, line, blob and LBP measures (`features::texture`) | logistic regression (smartcore) |
//! | [`Kind::Cnn`] | the tile's pixels | a small CNN (candle, [`cnn`]) |
//!
//! A page's score is the mean of its tiles' scores (each clipped to ±[`CLIP`], so one odd tile
//! cannot outvote the page), and its probability comes from a [`Calibration`] fitted on pages the
//! model never trained on (Platt scaling).

pub mod calibration;
pub mod cnn;
pub mod linear;
pub mod model;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use calibration::Calibration;
pub use model::{Model, PageVerdict, Scorer};

use crate::features::{hog, texture};
use crate::prepare::Tile;

/// Tile scores beyond this count as this.
pub const CLIP: f32 = 8.0;

/// Why a model could not be trained or loaded.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("there is nothing to train on")]
    NoData,
    #[error("the training data holds only one class")]
    OneClass,
    #[error("feature vectors differ in length")]
    Shape,
    #[error("training was cancelled")]
    Cancelled,
    #[error("the learner failed: {0}")]
    Fit(String),
}

/// Which classifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    HogSvm,
    TextureLogistic,
    Cnn,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::HogSvm, Kind::TextureLogistic, Kind::Cnn];

    /// The name in the API and the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::HogSvm => "hog-svm",
            Kind::TextureLogistic => "texture-logistic",
            Kind::Cnn => "cnn",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// One line on what it is, in English (the pages translate by [`Kind::as_str`]).
    pub fn description(self) -> &'static str {
        match self {
            Kind::HogSvm => "HOG descriptors of 64-pixel tiles + linear SVM (smartcore)",
            Kind::TextureLogistic => {
                "stroke-width, orientation, line, blob and LBP measures + logistic regression (smartcore)"
            }
            Kind::Cnn => "small convolutional network on tile pixels (candle, 4 conv layers)",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the feature models read from a tile, computed once for all of them.
#[derive(Clone, Debug)]
pub struct TileFeatures {
    pub hog: Vec<f32>,
    pub texture: Vec<f32>,
}

impl TileFeatures {
    pub fn of(tile: &Tile) -> TileFeatures {
        TileFeatures {
            hog: hog::describe(&tile.image),
            texture: texture::describe(&tile.image),
        }
    }
}

/// The score of a page from its tiles' scores.
pub fn page_score(tile_scores: &[f32]) -> f32 {
    if tile_scores.is_empty() {
        return 0.0;
    }
    tile_scores
        .iter()
        .map(|s| s.clamp(-CLIP, CLIP))
        .sum::<f32>()
        / tile_scores.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_by_name_and_pages_average_clipped_tiles() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert_eq!(Kind::parse("svm"), None);
        assert_eq!(page_score(&[]), 0.0);
        assert_eq!(page_score(&[1.0, 3.0]), 2.0);
        assert_eq!(page_score(&[100.0, -2.0]), 3.0);
    }
}
