//! ROC curves of every model on one set.

use std::fmt::Write;

use super::square::{Spec, SquareChart};
use super::{spoken, style};
use crate::report::format::xml;
use crate::report::{Labels, SetReport};

/// The ROC curves of the models on `set`, each with its AUC and interval in the legend, the
/// chance diagonal, and a description giving every AUC in words.
pub fn roc(set: &SetReport, labels: &Labels) -> String {
    let name = labels.set(set.kind);
    let title = format!("{} — {}", labels.roc_title, name);
    let c = set.counts;
    let mut desc = format!(
        "{}, {name}: {} {}, {} {}, {} {}.",
        labels.roc_title,
        c.pages,
        labels.pages,
        c.handwritten,
        labels.handwritten,
        c.typed,
        labels.typed
    );
    let mut legend = Vec::new();
    for r in &set.results {
        let auc = r.metrics.roc_auc;
        let _ = write!(
            desc,
            " {}: {} {}.",
            r.model,
            labels.auc,
            spoken(auc, labels)
        );
        legend.push(match auc {
            Some(e) => format!("{} ({} {})", r.model, labels.auc, labels.number(e.value, 3)),
            None => r.model.clone(),
        });
    }
    legend.push(labels.chance.clone());

    let mut chart = SquareChart::open(
        set,
        Spec {
            id: format!("roc-{}", set.kind.slug()),
            title: &title,
            desc: &desc,
            x_title: &labels.false_positive_rate,
            y_title: &labels.true_positive_rate,
            legend,
        },
        labels,
    );
    if set.results.iter().all(|r| r.roc.is_empty()) {
        let _ = writeln!(
            chart.out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            chart.frame.px(0.5),
            chart.frame.py(0.5),
            xml(&labels.no_data)
        );
    }
    for (i, r) in set.results.iter().enumerate() {
        if r.roc.is_empty() {
            continue;
        }
        let (colour, dash) = style(chart.styles[i]);
        let _ = writeln!(
            chart.out,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\" stroke-linejoin=\"round\" points=\"{}\"/>",
            chart.frame.points(r.roc.iter().map(|p| (p.fpr, p.tpr)))
        );
    }
    chart.close(false)
}
