//! How much to train on and how: two presets, `quick` (CI's small run, minutes) and `standard`
//! (the shipped model).

use serde::{Deserialize, Serialize};

use crate::models::cnn::CnnConfig;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TrainConfig {
    /// The preset's name.
    pub name: String,
    /// Rendered pages per training fold (three folds, grouped by font).
    pub pages_per_fold: u64,
    /// Held-out pages per training fold: the training fonts, pages never trained on.
    pub heldout_per_fold: u64,
    /// Pages of the unseen-font test split.
    pub test_pages: u64,
    /// Rendered page width in pixels (1,024 ≈ 124 dpi on A4).
    pub width: u32,
    /// Tiles taken from a page at most.
    pub max_tiles: usize,
    /// Tiles the SVM trains on at most (a random, seeded subset: LaSVM grows with the square).
    pub svm_tiles: usize,
    pub svm_c: f64,
    /// Tiles the CNN trains on at most per fit (a random, seeded subset: its time grows with them).
    pub cnn_tiles: usize,
    pub logistic_alpha: f64,
    pub cnn: CnnConfig,
    /// Bootstrap resamples for the confidence intervals.
    pub resamples: usize,
    pub seed: u64,
    /// Worker threads for rendering and features.
    pub threads: usize,
}

impl TrainConfig {
    /// The small run CI does: every step, little data.
    pub fn quick() -> TrainConfig {
        TrainConfig {
            name: "quick".into(),
            pages_per_fold: 24,
            heldout_per_fold: 8,
            test_pages: 32,
            // the SVM needs more tiles than HOG has numbers (576): 2 folds × 24 pages × 16 tiles
            svm_tiles: 700,
            cnn_tiles: 800,
            cnn: CnnConfig {
                epochs: 2,
                ..CnnConfig::default()
            },
            resamples: 500,
            ..TrainConfig::standard()
        }
    }

    /// The shipped model.
    pub fn standard() -> TrainConfig {
        TrainConfig {
            name: "standard".into(),
            pages_per_fold: 80,
            heldout_per_fold: 40,
            test_pages: 300,
            width: 1024,
            max_tiles: 16,
            svm_tiles: 1000,
            svm_c: 0.05,
            cnn_tiles: 2500,
            logistic_alpha: 1.0,
            cnn: CnnConfig {
                epochs: 4,
                ..CnnConfig::default()
            },
            resamples: 2000,
            seed: 2025,
            threads: std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .min(8),
        }
    }

    pub fn preset(name: &str) -> Option<TrainConfig> {
        match name {
            "quick" => Some(TrainConfig::quick()),
            "standard" => Some(TrainConfig::standard()),
            _ => None,
        }
    }
}
