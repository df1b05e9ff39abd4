//! What `POST /api/v1/classifier/predict` answers: the document's verdict, each page's, each
//! model's, and the tiles each page was judged on.
//!
//! Two probabilities are given everywhere a label is: `probability_handwritten`, the model's
//! calibrated probability that the page is handwritten (the number to compare, sort or
//! threshold), and `probability`, the confidence in the label given — `probability_handwritten`
//! for `handwritten`, one minus it for `typed` (never below 0.5).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Label;

/// One model's verdict.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub label: Label,
    /// The confidence in `label`, from 0.5 to 1.
    pub probability: f64,
    /// The probability that the page is handwritten, from 0 to 1.
    pub probability_handwritten: f64,
}

impl Verdict {
    /// The verdict of a probability of being handwritten (clamped into [0, 1]).
    pub fn of(probability_handwritten: f64) -> Verdict {
        let p = if probability_handwritten.is_nan() {
            0.5
        } else {
            probability_handwritten.clamp(0.0, 1.0)
        };
        let label = Label::of(p);
        Verdict {
            label,
            probability: match label {
                Label::Handwritten => p,
                Label::Typed => 1.0 - p,
            },
            probability_handwritten: p,
        }
    }
}

/// A square of the page with writing in it: where the decision came from.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tile {
    /// Its left edge, top edge and side, in the pixels of the page as classified (`width` ×
    /// `height` of its page).
    pub x: u32,
    pub y: u32,
    pub side: u32,
    /// The answering model's probability that this tile is handwriting.
    pub probability_handwritten: f64,
}

/// One page of the file.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PagePrediction {
    /// Its place among the pages read, from 1 (a PDF's pages with no image, or no writing, are
    /// not read and not numbered).
    pub page: u32,
    /// The page as classified, in pixels (its longest side at most 3,000: larger images are
    /// scaled down first).
    pub width: u32,
    pub height: u32,
    /// The answering model's verdict on the page.
    pub label: Label,
    pub probability: f64,
    pub probability_handwritten: f64,
    /// Every model's verdict on the page, by name.
    pub per_model: BTreeMap<String, Verdict>,
    /// The tiles the page was judged on (at most 16 with the shipped models), with the answering model's probability.
    pub tiles: Vec<Tile>,
}

/// The answer to `POST /api/v1/classifier/predict`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The document's label: from the mean of its pages' probabilities of being handwritten,
    /// under the answering model.
    pub label: Label,
    /// The confidence in `label`, from 0.5 to 1.
    pub probability: f64,
    /// The probability that the document is handwritten (the mean of its pages').
    pub probability_handwritten: f64,
    /// The model that answered: the one asked for, else the server's default.
    pub model: String,
    /// Every model's verdict on the document, by name.
    pub per_model: BTreeMap<String, Verdict>,
    /// Each page read, in order.
    pub pages: Vec<PagePrediction>,
    /// Pages of a PDF left out: over the 20-page limit, without an image, or with no writing.
    pub skipped_pages: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confidence_is_in_the_label_given() {
        let v = Verdict::of(0.2);
        assert_eq!(v.label, Label::Typed);
        assert!((v.probability - 0.8).abs() < 1e-12);
        assert_eq!(v.probability_handwritten, 0.2);
        let v = Verdict::of(0.9);
        assert_eq!((v.label, v.probability), (Label::Handwritten, 0.9));
        assert_eq!(Verdict::of(f64::NAN).probability, 0.5);
        assert_eq!(Verdict::of(7.0).probability_handwritten, 1.0);
    }
}
