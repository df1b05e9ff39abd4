//! How good the models are, as the engine measured it (`precis_sort::report`): the same JSON,
//! typed for the page and documented for the API. A server test reads the engine's report into
//! these types and writes it back unchanged, so the two cannot drift apart.
//!
//! The positive class is *handwritten*. Every metric is an [`Estimate`] with its 95% interval,
//! or `null` where the pages leave it undefined (precision when no page is called handwritten,
//! ROC-AUC with one class only).

use serde::{Deserialize, Serialize};

/// An evaluation set, each answering its own question.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetName {
    /// Out-of-fold predictions of the grouped cross-validation on the training fonts.
    CrossValidation,
    /// Rendered pages in the training fonts, never trained on: new pages.
    HeldOutPages,
    /// Rendered pages in fonts never trained on: new hands and typefaces.
    UnseenFonts,
    /// Real scanned documents: does what was learnt on rendered pages hold on real ones?
    RealScans,
}

impl SetName {
    pub const ALL: [SetName; 4] = [
        SetName::CrossValidation,
        SetName::HeldOutPages,
        SetName::UnseenFonts,
        SetName::RealScans,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SetName::CrossValidation => "cross-validation",
            SetName::HeldOutPages => "held-out-pages",
            SetName::UnseenFonts => "unseen-fonts",
            SetName::RealScans => "real-scans",
        }
    }
}

/// How an interval was obtained.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IntervalKind {
    /// Wilson score interval of a proportion (pages taken as independent).
    Wilson,
    /// Percentile bootstrap drawing groups (fonts, sources), then pages within them.
    ClusterBootstrap,
    /// Percentile bootstrap drawing pages (one group only).
    PageBootstrap,
    /// No resample gave the statistic a value: the interval is its whole range.
    Uninformative,
}

/// A value and its 95% confidence interval `[low, high]`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub interval: IntervalKind,
}

/// The confusion matrix at the threshold (handwritten is positive).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Confusion {
    /// Handwritten pages called handwritten.
    pub tp: u64,
    /// Typed pages called handwritten.
    pub fp: u64,
    /// Typed pages called typed.
    pub tn: u64,
    /// Handwritten pages called typed.
    #[serde(rename = "fn")]
    pub fn_: u64,
}

/// How the bootstrap intervals were drawn.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bootstrap {
    pub resamples: u64,
    pub seed: u64,
}

/// One model's metrics on one set.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Pages.
    pub n: u64,
    /// Distinct groups (font groups, or sources of real scans) among them.
    pub groups: u64,
    /// A page is called handwritten when its probability is at least this.
    pub threshold: f64,
    pub confusion: Confusion,
    pub accuracy: Option<Estimate>,
    pub precision: Option<Estimate>,
    pub recall: Option<Estimate>,
    pub f1: Option<Estimate>,
    /// The chance that a handwritten page gets a higher probability than a typed one.
    pub roc_auc: Option<Estimate>,
    /// Mean squared gap between probability and truth: lower is better.
    pub brier: Option<Estimate>,
    /// Expected calibration error over 10 bins: lower is better.
    pub ece: Option<Estimate>,
    pub bootstrap: Bootstrap,
}

/// A point of the ROC curve.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RocPoint {
    /// Typed pages called handwritten (false positive rate).
    pub fpr: f64,
    /// Handwritten pages called handwritten (true positive rate).
    pub tpr: f64,
}

/// A bin of the reliability diagram: the pages whose probability is in `[low, high)`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityBin {
    pub low: f64,
    pub high: f64,
    pub count: u64,
    /// Their mean probability of being handwritten (`null`: empty bin).
    pub mean_predicted: Option<f64>,
    /// The share of them that are handwritten (`null`: empty bin).
    pub observed: Option<f64>,
}

/// One model's results on one set.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelResult {
    pub model: String,
    pub metrics: Metrics,
    /// Empty when the set lacks one of the classes.
    pub roc: Vec<RocPoint>,
    pub reliability: Vec<ReliabilityBin>,
}

/// McNemar's exact test and the AUC difference of two models on the same pages.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairedComparison {
    pub n: u64,
    /// Pages the best model calls right and the second wrong.
    pub only_a_right: u64,
    /// Pages the second model calls right and the best wrong.
    pub only_b_right: u64,
    /// McNemar's exact two-sided p-value (1 when they never disagree).
    pub p_value: f64,
    /// AUC of the best minus AUC of the second, with its paired bootstrap interval.
    pub auc_difference: Option<Estimate>,
}

/// The best model on a set against the runner-up.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub best: String,
    pub second: String,
    pub result: PairedComparison,
}

/// How many pages, of which class, from how many groups.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    pub pages: u64,
    pub handwritten: u64,
    pub typed: u64,
    pub groups: u64,
}

/// The results on one evaluation set: `POST /api/v1/classifier/evaluate`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetReport {
    pub kind: SetName,
    pub counts: Counts,
    /// Each model's results, best first (ROC-AUC, then accuracy, then name).
    pub results: Vec<ModelResult>,
    /// The paired test of the best two.
    pub comparison: Option<Comparison>,
}

/// The protocol the numbers depend on.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Protocol {
    /// The seed everything (pages, splits, training, bootstrap) derives from.
    pub seed: u64,
    /// Folds of the grouped cross-validation.
    pub folds: u64,
    pub threshold: f64,
    pub bootstrap: Bootstrap,
    /// The training pages.
    pub training: Counts,
}

/// A model as the report presents it, with its costs.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportModel {
    pub name: String,
    pub description: String,
    pub training_seconds: f64,
    pub prediction_ms_per_page: f64,
    pub size_bytes: u64,
}

/// The whole comparison report.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub protocol: Protocol,
    pub models: Vec<ReportModel>,
    pub sets: Vec<SetReport>,
}

impl Report {
    pub fn set(&self, name: SetName) -> Option<&SetReport> {
        self.sets.iter().find(|s| s.kind == name)
    }
}

/// `POST /api/v1/classifier/evaluate`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluateRequest {
    /// The evaluation set.
    pub set: SetName,
}

/// `POST /api/v1/classifier/evaluate` while the set is still being computed (`202`): ask again
/// in `retry_after` seconds (the `Retry-After` header says the same).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationPending {
    pub set: SetName,
    pub retry_after: u64,
}

/// One model's metrics on one set, in the model listing.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetMetrics {
    pub set: SetName,
    /// The set's pages.
    pub counts: Counts,
    pub metrics: Metrics,
}

/// A classifier of `GET /api/v1/classifier/models`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassifierModel {
    /// `hog-svm`, `texture-logistic` or `cnn`: the `model` of a prediction.
    pub name: String,
    /// What it is, in a sentence, in the request's language.
    pub description: String,
    /// It answers predictions that name no model.
    pub default: bool,
    /// Wall-clock seconds it took to train.
    pub training_seconds: f64,
    /// Mean milliseconds to classify a page (features included), one thread.
    pub prediction_ms_per_page: f64,
    /// The size of its saved weights, in bytes.
    pub size_bytes: u64,
    /// Its metrics on each evaluation set, in the report's order.
    pub metrics: Vec<SetMetrics>,
}

/// Where the active models come from.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The models shipped in the binary.
    Builtin,
    /// Models an operator trained (`precis classifier train`, or a job of this server).
    Trained,
}

/// `GET /api/v1/classifier/models`.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassifierModels {
    /// The model answering predictions that name none.
    pub default_model: String,
    pub origin: Origin,
    /// The training job that made them, when it was one of this server's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    /// The training preset they were trained with (`quick` or `standard`).
    pub preset: String,
    pub models: Vec<ClassifierModel>,
    /// How they were trained and measured.
    pub protocol: Protocol,
    /// The caller may train them again (`POST /api/v1/classifier/train`): an account listed in
    /// `PRECIS_OPERATORS`.
    #[serde(default)]
    pub can_train: bool,
    /// The training job running now, told to those who may train (follow it at
    /// `GET /api/v1/classifier/jobs/{id}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_job: Option<String>,
}

/// The plots of each evaluation set, served as SVG by `GET /api/v1/classifier/report/{file}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plot {
    /// ROC curves.
    Roc,
    /// Confusion matrices.
    Confusion,
    /// Reliability diagram.
    Reliability,
}

impl Plot {
    pub const ALL: [Plot; 3] = [Plot::Roc, Plot::Confusion, Plot::Reliability];

    pub fn as_str(self) -> &'static str {
        match self {
            Plot::Roc => "roc",
            Plot::Confusion => "confusion",
            Plot::Reliability => "reliability",
        }
    }
}

/// Where the report's files are served (`GET`).
pub const REPORT_PATH: &str = "/api/v1/classifier/report/{file}";
/// The report itself, as Markdown.
pub const REPORT_MARKDOWN: &str = "report.md";

/// A file of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFile {
    Markdown,
    Plot(Plot, SetName),
}

impl ReportFile {
    /// Its name: `report.md`, `roc-unseen-fonts.svg`.
    pub fn name(self) -> String {
        match self {
            ReportFile::Markdown => REPORT_MARKDOWN.to_string(),
            ReportFile::Plot(plot, set) => format!("{}-{}.svg", plot.as_str(), set.as_str()),
        }
    }

    /// The file named `name`, if it is one.
    pub fn parse(name: &str) -> Option<ReportFile> {
        if name == REPORT_MARKDOWN {
            return Some(ReportFile::Markdown);
        }
        let stem = name.strip_suffix(".svg")?;
        Plot::ALL.into_iter().find_map(|plot| {
            let set = stem.strip_prefix(plot.as_str())?.strip_prefix('-')?;
            let set = SetName::ALL.into_iter().find(|s| s.as_str() == set)?;
            Some(ReportFile::Plot(plot, set))
        })
    }

    /// Where it is served.
    pub fn url(self) -> String {
        REPORT_PATH.replace("{file}", &self.name())
    }

    /// Its media type.
    pub fn media_type(self) -> &'static str {
        match self {
            ReportFile::Markdown => "text/markdown; charset=utf-8",
            ReportFile::Plot(..) => "image/svg+xml",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_files_are_named_and_read_back() {
        let mut names = vec![ReportFile::Markdown];
        for plot in Plot::ALL {
            for set in SetName::ALL {
                names.push(ReportFile::Plot(plot, set));
            }
        }
        for file in names {
            assert_eq!(
                ReportFile::parse(&file.name()),
                Some(file),
                "{}",
                file.name()
            );
        }
        let url = ReportFile::Plot(Plot::Roc, SetName::UnseenFonts).url();
        assert!(url.ends_with("/report/roc-unseen-fonts.svg"), "{url}");
        for bad in [
            "",
            "roc.svg",
            "roc-unseen-fonts",
            "roc-unseen-fonts.svg.svg",
            "../report.md",
            "pie-real-scans.svg",
            "roc--real-scans.svg",
        ] {
            assert_eq!(ReportFile::parse(bad), None, "{bad}");
        }
        assert!(ReportFile::Markdown
            .media_type()
            .starts_with("text/markdown"));
    }

    #[test]
    fn a_listing_without_can_train_reads_as_not_allowed() {
        let listing = serde_json::json!({
            "default_model": "cnn", "origin": "builtin", "preset": "standard", "models": [],
            "protocol": {"seed": 1, "folds": 3, "threshold": 0.5,
                "bootstrap": {"resamples": 10, "seed": 2},
                "training": {"pages": 1, "handwritten": 1, "typed": 0, "groups": 1}}
        });
        let read: ClassifierModels = serde_json::from_value(listing).unwrap();
        assert!(!read.can_train);
        assert_eq!(read.running_job, None);
    }
}
