//! ROC curves of every model on one set.

use std::fmt::Write;

use super::{
    diagonal_row, legend_row, open, spoken, style, style_numbers, width_for, Frame, CLOSE,
};
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

    let frame = Frame {
        x: 72.0,
        y: 44.0,
        size: 340.0,
    };
    let width = width_for(&legend, 460.0);
    let legend_top = frame.y + frame.size + 66.0;
    let height = legend_top + 22.0 * legend.len() as f64 + 8.0;
    let styles = style_numbers(set);
    let id = format!("roc-{}", set.kind.slug());
    let mut out = open(&id, width, height, &title, &desc);
    out.push_str(&frame.axes(
        &labels.false_positive_rate,
        &labels.true_positive_rate,
        labels,
    ));
    out.push_str(&frame.diagonal());
    out.push('\n');
    if set.results.iter().all(|r| r.roc.is_empty()) {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            frame.px(0.5),
            frame.py(0.5),
            xml(&labels.no_data)
        );
    }
    for (i, r) in set.results.iter().enumerate() {
        if r.roc.is_empty() {
            continue;
        }
        let (colour, dash) = style(styles[i]);
        let _ = writeln!(
            out,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\" stroke-linejoin=\"round\" points=\"{}\"/>",
            frame.points(r.roc.iter().map(|p| (p.fpr, p.tpr)))
        );
    }
    for (i, text) in legend.iter().enumerate() {
        let y = legend_top + 22.0 * i as f64;
        if i == set.results.len() {
            out.push_str(&diagonal_row(frame.x, y, text));
        } else {
            out.push_str(&legend_row(frame.x, y, styles[i], text, false));
        }
        out.push('\n');
    }
    out.push_str(CLOSE);
    out
}
