//! The reliability diagram of every model on one set.

use std::fmt::Write;

use super::square::{Spec, SquareChart};
use super::{spoken, style};
use crate::report::{Labels, SetReport};

/// The `i`-th model's marker at (x, y): circle, square, diamond, triangle, in turn.
pub(crate) fn marker(i: usize, x: f64, y: f64) -> String {
    let (colour, _) = style(i);
    let paint = format!("fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"2\"");
    match i % 4 {
        0 => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" {paint}/>"),
        1 => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" {paint}/>",
            x - 3.5,
            y - 3.5
        ),
        2 => format!(
            "<polygon points=\"{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}\" {paint}/>",
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0
        ),
        _ => format!(
            "<polygon points=\"{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" {paint}/>",
            y - 5.0,
            x + 4.5,
            y + 4.0,
            x - 4.5,
            y + 4.0
        ),
    }
}

/// The reliability diagram of the models on `set`: for each bin of predicted probability with
/// pages in it, the mean probability (across) against the observed share of handwritten pages
/// (up); a calibrated model follows the diagonal. The description gives each model's ECE and
/// every point with its page count.
pub fn reliability(set: &SetReport, labels: &Labels) -> String {
    let name = labels.set(set.kind);
    let title = format!("{} — {}", labels.reliability_title, name);
    let mut desc = format!(
        "{}, {name}: {} {}.",
        labels.reliability_title, set.counts.pages, labels.pages
    );
    let mut legend = Vec::new();
    for r in &set.results {
        let _ = write!(
            desc,
            " {}: {} {}",
            r.model,
            labels.ece,
            spoken(r.metrics.ece, labels)
        );
        for b in &r.reliability {
            if let (Some(p), Some(o)) = (b.mean_predicted, b.observed) {
                let _ = write!(
                    desc,
                    "; {} → {} ({} {})",
                    labels.number(p, 2),
                    labels.number(o, 2),
                    b.count,
                    labels.pages
                );
            }
        }
        desc.push('.');
        legend.push(match r.metrics.ece {
            Some(e) => format!("{} ({} {})", r.model, labels.ece, labels.number(e.value, 3)),
            None => r.model.clone(),
        });
    }
    legend.push(labels.perfect_calibration.clone());

    let mut chart = SquareChart::open(
        set,
        Spec {
            id: format!("reliability-{}", set.kind.slug()),
            title: &title,
            desc: &desc,
            x_title: &labels.mean_predicted,
            y_title: &labels.observed,
            legend,
        },
        labels,
    );
    for (i, r) in set.results.iter().enumerate() {
        let (colour, dash) = style(chart.styles[i]);
        let points: Vec<(f64, f64)> = r
            .reliability
            .iter()
            .filter_map(|b| Some((b.mean_predicted?, b.observed?)))
            .collect();
        let _ = write!(
            chart.out,
            "<g><polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\" points=\"{}\"/>",
            chart.frame.points(points.iter().copied())
        );
        for &(x, y) in &points {
            chart.out.push_str(&marker(
                chart.styles[i],
                chart.frame.px(x),
                chart.frame.py(y),
            ));
        }
        chart.out.push_str("</g>\n");
    }
    chart.close(true)
}
