//! English: the report's plots (the engine's own words, `Labels::english`).

use crate::i18n::PlotTexts;

pub(in crate::i18n) const PLOTS: PlotTexts = PlotTexts {
    pages: "pages",
    handwritten: "handwritten",
    typed: "typed",
    auc: "AUC",
    ci95: "95% CI",
    no_data: "Both classes are needed to draw this plot.",
    roc_title: "ROC curves",
    false_positive_rate: "False positive rate (typed pages called handwritten)",
    true_positive_rate: "True positive rate (handwritten pages found)",
    chance: "Chance",
    confusion_title: "Confusion matrices",
    truth: "True class",
    predicted: "Predicted class",
    reliability_title: "Reliability diagram",
    mean_predicted: "Mean predicted probability of handwritten",
    observed: "Observed share of handwritten pages",
    perfect_calibration: "Perfect calibration",
    ece: "ECE",
};
