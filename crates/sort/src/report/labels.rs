//! The words of the plots, so that the server can draw them in French or Portuguese too.

use serde::{Deserialize, Serialize};

use super::SetKind;

/// Every word the SVG plots show or say (titles, axes, legends, descriptions for screen
/// readers). [`Labels::english`] gives the English ones; the server fills the same struct from
/// its French and Portuguese strings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    /// The decimal mark: `.` in English, `,` in French and Portuguese.
    pub decimal_separator: char,
    /// "pages", after a count.
    pub pages: String,
    /// "handwritten", the positive class.
    pub handwritten: String,
    /// "typed".
    pub typed: String,
    /// "AUC".
    pub auc: String,
    /// "95% CI", before an interval.
    pub ci95: String,
    /// "undefined", for a metric the pages leave undefined.
    pub undefined: String,
    /// Said instead of a plot when the set lacks a class.
    pub no_data: String,
    /// The ROC plot's title.
    pub roc_title: String,
    /// Its horizontal axis.
    pub false_positive_rate: String,
    /// Its vertical axis.
    pub true_positive_rate: String,
    /// The diagonal of a classifier that guesses.
    pub chance: String,
    /// The confusion matrices' title.
    pub confusion_title: String,
    /// Their rows' heading: the page's class.
    pub truth: String,
    /// Their columns' heading: the class the model called.
    pub predicted: String,
    /// The reliability diagram's title.
    pub reliability_title: String,
    /// Its horizontal axis.
    pub mean_predicted: String,
    /// Its vertical axis.
    pub observed: String,
    /// Its diagonal.
    pub perfect_calibration: String,
    /// "ECE", the expected calibration error.
    pub ece: String,
    /// The names of the evaluation sets.
    pub sets: SetNames,
}

/// The names of the evaluation sets in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetNames {
    /// Out-of-fold predictions of the cross-validation.
    pub cross_validation: String,
    /// Held-out rendered pages.
    pub held_out_pages: String,
    /// Rendered pages in unseen fonts.
    pub unseen_fonts: String,
    /// Real scans.
    pub real_scans: String,
}

impl Labels {
    /// The English words.
    pub fn english() -> Self {
        let s = |x: &str| x.to_string();
        Self {
            decimal_separator: '.',
            pages: s("pages"),
            handwritten: s("handwritten"),
            typed: s("typed"),
            auc: s("AUC"),
            ci95: s("95% CI"),
            undefined: s("undefined"),
            no_data: s("Both classes are needed to draw this plot."),
            roc_title: s("ROC curves"),
            false_positive_rate: s("False positive rate (typed pages called handwritten)"),
            true_positive_rate: s("True positive rate (handwritten pages found)"),
            chance: s("Chance"),
            confusion_title: s("Confusion matrices"),
            truth: s("True class"),
            predicted: s("Predicted class"),
            reliability_title: s("Reliability diagram"),
            mean_predicted: s("Mean predicted probability of handwritten"),
            observed: s("Observed share of handwritten pages"),
            perfect_calibration: s("Perfect calibration"),
            ece: s("ECE"),
            sets: SetNames {
                cross_validation: s("cross-validation"),
                held_out_pages: s("held-out pages"),
                unseen_fonts: s("unseen fonts"),
                real_scans: s("real scans"),
            },
        }
    }

    /// The name of the set `kind`.
    pub fn set(&self, kind: SetKind) -> &str {
        match kind {
            SetKind::CrossValidation => &self.sets.cross_validation,
            SetKind::HeldOutPages => &self.sets.held_out_pages,
            SetKind::UnseenFonts => &self.sets.unseen_fonts,
            SetKind::RealScans => &self.sets.real_scans,
        }
    }

    /// `x` with `decimals` decimals and this language's decimal mark.
    pub fn number(&self, x: f64, decimals: usize) -> String {
        super::format::number(x, decimals, self.decimal_separator)
    }
}
