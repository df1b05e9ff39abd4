//! Português: os gráficos do relatório.

use crate::i18n::PlotTexts;

pub(in crate::i18n) const PLOTS: PlotTexts = PlotTexts {
    pages: "páginas",
    handwritten: "manuscritas",
    typed: "datilografadas",
    auc: "AUC",
    ci95: "IC a 95%",
    no_data: "São precisas as duas classes para traçar este gráfico.",
    roc_title: "Curvas ROC",
    false_positive_rate: "Taxa de falsos positivos (páginas datilografadas ditas manuscritas)",
    true_positive_rate: "Taxa de verdadeiros positivos (páginas manuscritas encontradas)",
    chance: "Acaso",
    confusion_title: "Matrizes de confusão",
    truth: "Classe real",
    predicted: "Classe prevista",
    reliability_title: "Diagrama de fiabilidade",
    mean_predicted: "Probabilidade média prevista de manuscrito",
    observed: "Proporção observada de páginas manuscritas",
    perfect_calibration: "Calibração perfeita",
    ece: "ECE",
};
