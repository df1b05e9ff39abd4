//! The words of the report's plots (ROC curves, confusion matrices, reliability diagram) as the
//! server draws them for `GET /api/v1/classifier/report/{file}` in the request's language: the
//! engine's `precis_sort::report::Labels`, filled from here (the sets' names are the Sort
//! page's). Compiled into the server only.

/// The plots' words, in one language.
#[derive(Debug)]
pub struct PlotTexts {
    /// After a count.
    pub pages: &'static str,
    /// The classes, in running text.
    pub handwritten: &'static str,
    pub typed: &'static str,
    pub auc: &'static str,
    /// Before an interval.
    pub ci95: &'static str,
    /// Said instead of a plot when the set lacks a class.
    pub no_data: &'static str,
    pub roc_title: &'static str,
    pub false_positive_rate: &'static str,
    pub true_positive_rate: &'static str,
    pub chance: &'static str,
    pub confusion_title: &'static str,
    pub truth: &'static str,
    pub predicted: &'static str,
    pub reliability_title: &'static str,
    pub mean_predicted: &'static str,
    pub observed: &'static str,
    pub perfect_calibration: &'static str,
    /// The expected calibration error, abbreviated.
    pub ece: &'static str,
}
