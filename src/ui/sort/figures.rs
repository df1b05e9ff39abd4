//! A set's plots — ROC curves, confusion matrices, reliability diagram — as the server draws
//! them (`GET /api/v1/classifier/report/{file}`, accessible SVG), each in a `<figure>` with its
//! caption and a text alternative that gives the numbers it shows.

use leptos::prelude::*;

use crate::domain::sort::report::{ClassifierModel, Plot, ReportFile, SetName};
use crate::i18n::Texts;
use crate::ui::prefs::use_prefs;

use super::format::value;

/// A set's name in the page's language.
pub fn set_name(t: &Texts, set: SetName) -> &'static str {
    let p = &t.sort_page;
    match set {
        SetName::CrossValidation => p.cross_validation,
        SetName::HeldOutPages => p.held_out_pages,
        SetName::UnseenFonts => p.unseen_fonts,
        SetName::RealScans => p.real_scans,
    }
}

/// What `plot` of `set` shows, in words: each model's numbers.
pub fn alt(t: &Texts, plot: Plot, set: SetName, models: &[ClassifierModel]) -> String {
    let p = &t.sort_page;
    let name = set_name(t, set).to_lowercase();
    let on_set = models
        .iter()
        .filter_map(|m| Some((m.name.as_str(), m.metrics.iter().find(|s| s.set == set)?)));
    match plot {
        Plot::Roc => {
            let aucs: Vec<String> = on_set
                .map(|(m, s)| format!("{m} {}", value(t, s.metrics.roc_auc.as_ref())))
                .collect();
            (p.roc_alt)(&name, &aucs.join(", "))
        }
        Plot::Confusion => {
            let lines: Vec<String> = on_set
                .map(|(m, s)| {
                    let c = s.metrics.confusion;
                    (p.confusion_model)(m, c.tp, c.tp + c.fn_, c.tn, c.tn + c.fp)
                })
                .collect();
            (p.confusion_alt)(&name, &lines.join(" "))
        }
        Plot::Reliability => {
            let eces: Vec<String> = on_set
                .map(|(m, s)| format!("{m} {}", value(t, s.metrics.ece.as_ref())))
                .collect();
            (p.reliability_alt)(&name, &eces.join(", "))
        }
    }
}

fn caption(t: &Texts, plot: Plot, set: SetName) -> String {
    let name = set_name(t, set).to_lowercase();
    let p = &t.sort_page;
    match plot {
        Plot::Roc => (p.roc_caption)(&name),
        Plot::Confusion => (p.confusion_caption)(&name),
        Plot::Reliability => (p.reliability_caption)(&name),
    }
}

/// The three plots of `set`.
#[component]
pub fn SetFigures(set: SetName, models: Vec<ClassifierModel>) -> impl IntoView {
    let prefs = use_prefs();
    let models = StoredValue::new(models);
    view! {
        <div class="sort-figures">
            {Plot::ALL
                .into_iter()
                .map(|plot| {
                    let src = ReportFile::Plot(plot, set).url();
                    view! {
                        <figure class=format!("sort-figure plot-{}", plot.as_str())>
                            <img
                                src=src
                                loading="lazy"
                                alt=move || models.with_value(|m| alt(prefs.t(), plot, set, m))
                            />
                            <figcaption>{move || caption(prefs.t(), plot, set)}</figcaption>
                        </figure>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::Lang;
    use crate::domain::sort::report::{
        Bootstrap, Confusion, Counts, Estimate, IntervalKind, Metrics, SetMetrics,
    };
    use crate::i18n::texts;

    fn model(name: &str, auc: Option<f64>) -> ClassifierModel {
        let e = |v: f64| Estimate {
            value: v,
            low: v - 0.05,
            high: v + 0.01,
            interval: IntervalKind::Wilson,
        };
        ClassifierModel {
            name: name.into(),
            description: String::new(),
            default: false,
            training_seconds: 1.0,
            prediction_ms_per_page: 1.0,
            size_bytes: 1,
            metrics: vec![SetMetrics {
                set: SetName::RealScans,
                counts: Counts::default(),
                metrics: Metrics {
                    n: 29,
                    groups: 6,
                    threshold: 0.5,
                    confusion: Confusion {
                        tp: 14,
                        fp: 2,
                        tn: 9,
                        fn_: 4,
                    },
                    accuracy: None,
                    precision: None,
                    recall: None,
                    f1: None,
                    roc_auc: auc.map(e),
                    brier: None,
                    ece: Some(e(0.041)),
                    bootstrap: Bootstrap {
                        resamples: 10,
                        seed: 1,
                    },
                },
            }],
        }
    }

    #[test]
    fn the_plots_are_told_with_their_numbers() {
        let models = [model("cnn", Some(0.9321)), model("hog-svm", None)];
        let en = texts(Lang::En);
        let roc = alt(en, Plot::Roc, SetName::RealScans, &models);
        assert!(roc.contains("real scans"), "{roc}");
        assert!(roc.contains("cnn 0.932, hog-svm undefined"), "{roc}");
        let confusion = alt(en, Plot::Confusion, SetName::RealScans, &models);
        assert!(
            confusion.contains("cnn: 14 of 18 handwritten pages and 9 of 11 typed pages"),
            "{confusion}"
        );
        let fr = alt(
            texts(Lang::Fr),
            Plot::Reliability,
            SetName::RealScans,
            &models,
        );
        assert!(fr.contains("cnn 0,041"), "{fr}");
        // a set the models were not measured on: no numbers, still a sentence
        let none = alt(en, Plot::Roc, SetName::UnseenFonts, &models);
        assert!(none.contains("unseen fonts"), "{none}");
        assert_eq!(
            caption(en, Plot::Confusion, SetName::HeldOutPages),
            "Confusion matrices, held-out pages"
        );
    }
}
