//! The comparison report of the Sort models: what was measured, on which pages, with which
//! protocol, as data (serde, for the server and the UI), as Markdown and as SVG plots.
//!
//! - [`Report`]: the models, the evaluation sets and, per set, each model's metrics, ROC curve
//!   and reliability bins, and the paired test of the best two. [`SetReport::evaluate`] makes a
//!   set from the models' predictions.
//! - [`markdown`]: the report as Markdown (English), linking to the plots by [`svg_name`].
//! - [`svg`]: ROC curves, confusion matrices and reliability diagram, with words from [`Labels`].
//! - [`files`]: the Markdown and every plot, named, ready to be written under docs/.

mod evaluate;
mod files;
mod format;
mod labels;
mod markdown;
pub mod svg;

#[cfg(test)]
mod tests;

pub use files::{files, svg_name, Plot, ReportFile, MARKDOWN_NAME};
pub use labels::{Labels, SetNames};
pub use markdown::markdown;

use serde::{Deserialize, Serialize};

use crate::eval::{Bootstrap, Metrics, PairedComparison, Prediction, ReliabilityBin, RocPoint};

/// The evaluation sets, each answering its own question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetKind {
    /// Out-of-fold predictions of the cross-validation on the training fonts.
    CrossValidation,
    /// Rendered pages held out, in the training fonts: does it generalise to new pages?
    HeldOutPages,
    /// Rendered pages in fonts never trained on: does it generalise to new hands and typefaces?
    UnseenFonts,
    /// Real scanned documents: does what was learnt on rendered pages hold on real ones?
    RealScans,
}

impl SetKind {
    /// Every set, in the report's order.
    pub const ALL: [SetKind; 4] = [
        SetKind::CrossValidation,
        SetKind::HeldOutPages,
        SetKind::UnseenFonts,
        SetKind::RealScans,
    ];

    /// The set's name in file names and JSON: `cross-validation`, `held-out-pages`, …
    pub fn slug(self) -> &'static str {
        match self {
            SetKind::CrossValidation => "cross-validation",
            SetKind::HeldOutPages => "held-out-pages",
            SetKind::UnseenFonts => "unseen-fonts",
            SetKind::RealScans => "real-scans",
        }
    }
}

/// A model as the report presents it, with its costs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// Its name, as in the tables and plots (unique in a report).
    pub name: String,
    /// What it is, in a sentence (features, classifier).
    pub description: String,
    /// Wall-clock seconds to train it on the training pages.
    pub training_seconds: f64,
    /// Mean wall-clock milliseconds to classify one page, features included.
    pub prediction_ms_per_page: f64,
    /// The size of the saved model, in bytes.
    pub size_bytes: u64,
}

/// How many pages, of which class, from how many groups.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Pages.
    pub pages: usize,
    /// Handwritten pages.
    pub handwritten: usize,
    /// Typed pages.
    pub typed: usize,
    /// Distinct groups: font groups for rendered pages, sources for real scans.
    pub groups: usize,
}

impl Counts {
    /// The counts of the pages `predictions` are about.
    pub fn of(predictions: &[Prediction]) -> Self {
        let handwritten = predictions.iter().filter(|p| p.truth).count();
        let mut groups: Vec<&str> = predictions.iter().map(|p| p.group.as_str()).collect();
        groups.sort_unstable();
        groups.dedup();
        Self {
            pages: predictions.len(),
            handwritten,
            typed: predictions.len() - handwritten,
            groups: groups.len(),
        }
    }
}

/// The protocol and data facts the numbers depend on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Protocol {
    /// The seed everything (pages, splits, training, bootstrap) derives from.
    pub seed: u64,
    /// Folds of the cross-validation.
    pub folds: usize,
    /// A page is called handwritten when its probability is at least this.
    pub threshold: f64,
    /// The bootstrap of the intervals.
    pub bootstrap: Bootstrap,
    /// The training pages.
    pub training: Counts,
}

/// One model's results on one set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelResult {
    /// The model's name (see [`ModelInfo::name`]).
    pub model: String,
    /// Its metrics with their intervals.
    pub metrics: Metrics,
    /// Its ROC curve (empty when the set lacks one of the classes).
    pub roc: Vec<RocPoint>,
    /// Its reliability bins.
    pub reliability: Vec<ReliabilityBin>,
}

/// The paired test of the best model on a set against the runner-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The model ranked first on the set (A in `result`).
    pub best: String,
    /// The model ranked second (B in `result`).
    pub second: String,
    /// McNemar's test and the AUC difference, best minus second.
    pub result: PairedComparison,
}

/// The results on one evaluation set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetReport {
    /// Which set.
    pub kind: SetKind,
    /// Its pages.
    pub counts: Counts,
    /// Each model's results, best first (by ROC-AUC, then accuracy, then name).
    pub results: Vec<ModelResult>,
    /// The best model against the second, when there are two models or more.
    pub comparison: Option<Comparison>,
}

/// The whole comparison report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The protocol and the training data.
    pub protocol: Protocol,
    /// The models compared.
    pub models: Vec<ModelInfo>,
    /// The evaluation sets, in [`SetKind::ALL`]'s order where present.
    pub sets: Vec<SetReport>,
}

impl Report {
    /// The model called `name`.
    pub fn model(&self, name: &str) -> Option<&ModelInfo> {
        self.models.iter().find(|m| m.name == name)
    }

    /// The set of kind `kind`.
    pub fn set(&self, kind: SetKind) -> Option<&SetReport> {
        self.sets.iter().find(|s| s.kind == kind)
    }
}
