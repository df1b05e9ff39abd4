//! Français : les graphiques du rapport.

use crate::i18n::PlotTexts;

pub(in crate::i18n) const PLOTS: PlotTexts = PlotTexts {
    pages: "pages",
    handwritten: "manuscrites",
    typed: "dactylographiées",
    auc: "ASC",
    ci95: "IC à 95\u{202f}%",
    no_data: "Il faut les deux classes pour tracer ce graphique.",
    roc_title: "Courbes ROC",
    false_positive_rate: "Taux de faux positifs (pages dactylographiées dites manuscrites)",
    true_positive_rate: "Taux de vrais positifs (pages manuscrites trouvées)",
    chance: "Hasard",
    confusion_title: "Matrices de confusion",
    truth: "Classe réelle",
    predicted: "Classe prédite",
    reliability_title: "Diagramme de fiabilité",
    mean_predicted: "Probabilité moyenne prédite de manuscrit",
    observed: "Part observée de pages manuscrites",
    perfect_calibration: "Calibration parfaite",
    ece: "ECE",
};
