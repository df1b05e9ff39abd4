//! The confusion matrices of every model on one set, side by side.

use std::fmt::Write;

use super::{open, CLOSE};
use crate::report::format::xml;
use crate::report::{Labels, SetReport};

/// Panels per row.
const PER_ROW: usize = 3;
/// A panel's size.
const PANEL_W: f64 = 270.0;
const PANEL_H: f64 = 250.0;
/// A cell's side.
const CELL: f64 = 80.0;

/// The confusion matrix of each model on `set`, rows the true class, columns the predicted one,
/// each cell with its count and its share of the row, shaded by that share (one blue hue, light
/// to dark). The description gives the four counts of each model in words.
pub fn confusion(set: &SetReport, labels: &Labels) -> String {
    let name = labels.set(set.kind);
    let title = format!("{} — {}", labels.confusion_title, name);
    let (h, t) = (&labels.handwritten, &labels.typed);
    let mut desc = format!(
        "{}, {name}: {} {}.",
        labels.confusion_title, set.counts.pages, labels.pages
    );
    for r in &set.results {
        let c = r.metrics.confusion;
        let (truth, called) = (&labels.truth, &labels.predicted);
        let _ = write!(
            desc,
            " {}: {truth} {h}, {called} {h}: {}; {truth} {h}, {called} {t}: {}; \
             {truth} {t}, {called} {h}: {}; {truth} {t}, {called} {t}: {}.",
            r.model, c.tp, c.fn_, c.fp, c.tn
        );
    }

    let panels = set.results.len().max(1);
    let columns = panels.min(PER_ROW);
    let rows = panels.div_ceil(PER_ROW);
    let width = 20.0 + PANEL_W * columns as f64;
    let height = 40.0 + PANEL_H * rows as f64;
    let id = format!("confusion-{}", set.kind.slug());
    let mut out = open(&id, width, height, &title, &desc);
    for (i, r) in set.results.iter().enumerate() {
        let ox = 10.0 + PANEL_W * (i % PER_ROW) as f64;
        let oy = 40.0 + PANEL_H * (i / PER_ROW) as f64;
        let c = r.metrics.confusion;
        let cells = [[c.tp, c.fn_], [c.fp, c.tn]];
        out.push_str(&panel(ox, oy, &r.model, cells, labels));
    }
    if set.results.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"120\" text-anchor=\"middle\">{}</text>",
            width / 2.0,
            xml(&labels.no_data)
        );
    }
    out.push_str(CLOSE);
    out
}

/// One model's panel at (ox, oy): `cells[truth][called]`, handwritten first.
fn panel(ox: f64, oy: f64, model: &str, cells: [[usize; 2]; 2], labels: &Labels) -> String {
    let classes = [&labels.handwritten, &labels.typed];
    let (gx, gy) = (ox + 100.0, oy + 62.0);
    let mut out = format!(
        "<g><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" transform=\"rotate(-90 {:.1} {:.1})\">{}</text>",
        ox + PANEL_W / 2.0,
        oy + 16.0,
        xml(model),
        gx + CELL,
        oy + 36.0,
        xml(&labels.predicted),
        ox + 12.0,
        gy + CELL,
        ox + 12.0,
        gy + CELL,
        xml(&labels.truth),
    );
    for (k, class) in classes.iter().enumerate() {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            gx + CELL * (k as f64 + 0.5),
            gy - 6.0,
            xml(class),
            gx - 6.0,
            gy + CELL * (k as f64 + 0.5) + 4.0,
            xml(class),
        );
    }
    for (row, counts) in cells.iter().enumerate() {
        let total = counts[0] + counts[1];
        for (col, &count) in counts.iter().enumerate() {
            let share = if total == 0 {
                0.0
            } else {
                count as f64 / total as f64
            };
            let (x, y) = (gx + CELL * col as f64, gy + CELL * row as f64);
            let ink = if share > 0.55 { "#ffffff" } else { "#111111" };
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\" fill=\"{ink}\">{count}</text>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{}%</text>",
                shade(share),
                x + CELL / 2.0,
                y + CELL / 2.0 + 2.0,
                x + CELL / 2.0,
                y + CELL / 2.0 + 20.0,
                labels.number(100.0 * share, 1),
            );
        }
    }
    out.push_str("</g>\n");
    out
}

/// A blue from very light (share 0) to dark (share 1), as `#rrggbb`.
fn shade(share: f64) -> String {
    let (light, dark) = ([0xf2, 0xf7, 0xfc], [0x08, 0x45, 0x94]);
    let mix = |k: usize| {
        let v = f64::from(light[k])
            + share.clamp(0.0, 1.0) * (f64::from(dark[k]) - f64::from(light[k]));
        v.round() as u8
    };
    format!("#{:02x}{:02x}{:02x}", mix(0), mix(1), mix(2))
}
