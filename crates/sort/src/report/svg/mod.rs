//! The plots of the report as self-contained SVG: no script, no external font, a `viewBox` to
//! scale, `role="img"` with a `<title>` and a `<desc>` that says the numbers in words, a
//! colour-blind-safe palette (Okabe–Ito) and a distinct dash pattern for each model, so that
//! no line is told from another by colour alone. Every word comes from [`Labels`].

mod confusion;
mod reliability;
mod roc;
mod square;

pub use confusion::confusion;
pub use reliability::reliability;
pub use roc::roc;

use std::fmt::Write;

use super::format::xml;
use super::{Labels, SetReport};
use crate::eval::Estimate;

/// Okabe–Ito colours, the pale yellow left out (too faint on white).
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
];

/// A dash pattern per model (`none`: solid), in step with [`PALETTE`].
pub const DASHES: [&str; 7] = [
    "none",
    "8 4",
    "2 3",
    "10 3 2 3",
    "4 4",
    "12 3 2 3 2 3",
    "1 5",
];

/// The style number of each of `set`'s results: its rank in the models' names in sorted order,
/// so that a model keeps its colour, dash and marker in every plot of every set, whatever its
/// place in the ranking.
pub(crate) fn style_numbers(set: &SetReport) -> Vec<usize> {
    let mut names: Vec<&str> = set.results.iter().map(|r| r.model.as_str()).collect();
    names.sort_unstable();
    set.results
        .iter()
        .map(|r| names.partition_point(|n| *n < r.model.as_str()))
        .collect()
}

/// The colour and dash pattern of style number `i`.
pub(crate) fn style(i: usize) -> (&'static str, &'static str) {
    (PALETTE[i % PALETTE.len()], DASHES[i % DASHES.len()])
}

/// A square plotting area for values in [0, 1] on both axes.
pub(crate) struct Frame {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Side.
    pub size: f64,
}

impl Frame {
    /// The horizontal position of `v`.
    pub fn px(&self, v: f64) -> f64 {
        self.x + v.clamp(0.0, 1.0) * self.size
    }

    /// The vertical position of `v` (up is 1).
    pub fn py(&self, v: f64) -> f64 {
        self.y + (1.0 - v.clamp(0.0, 1.0)) * self.size
    }

    /// A polyline's `points` through (x, y) values.
    pub fn points(&self, values: impl Iterator<Item = (f64, f64)>) -> String {
        let mut out = String::new();
        for (x, y) in values {
            let _ = write!(out, "{:.1},{:.1} ", self.px(x), self.py(y));
        }
        out.trim_end().to_string()
    }

    /// Grid, ticks every 0.2 with their labels, the box, and the axes' titles.
    pub fn axes(&self, x_title: &str, y_title: &str, labels: &Labels) -> String {
        let mut out = String::from("<g class=\"axes\">");
        for k in 0..=5 {
            let v = f64::from(k) / 5.0;
            let tick = labels.number(v, 1);
            let (x, y) = (self.px(v), self.py(v));
            let (left, right, top, bottom) =
                (self.x, self.x + self.size, self.y, self.y + self.size);
            let _ = write!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"#e3e3e3\"/>\
                 <line x1=\"{left:.1}\" y1=\"{y:.1}\" x2=\"{right:.1}\" y2=\"{y:.1}\" stroke=\"#e3e3e3\"/>\
                 <line x1=\"{x:.1}\" y1=\"{bottom:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#333333\"/>\
                 <line x1=\"{left:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#333333\"/>\
                 <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{tick}</text>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{tick}</text>",
                bottom + 5.0,
                left - 5.0,
                bottom + 18.0,
                left - 8.0,
                y + 4.0,
            );
        }
        let (cx, cy) = (self.x + self.size / 2.0, self.y + self.size / 2.0);
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{s:.1}\" height=\"{s:.1}\" fill=\"none\" stroke=\"#333333\"/>\
             <text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"13\">{}</text>\
             <text x=\"{x:.1}\" y=\"{cy:.1}\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 {x:.1} {cy:.1})\">{}</text></g>",
            self.x,
            self.y,
            self.y + self.size + 38.0,
            xml(x_title),
            xml(y_title),
            s = self.size,
            x = self.x - 42.0,
        );
        out
    }

    /// The dotted grey diagonal from (0, 0) to (1, 1).
    pub fn diagonal(&self) -> String {
        format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#777777\" stroke-dasharray=\"1 4\" stroke-linecap=\"round\" stroke-width=\"1.5\"/>",
            self.px(0.0),
            self.py(0.0),
            self.px(1.0),
            self.py(1.0)
        )
    }
}

/// The opening of a plot `width` × `height`, with its title and description; `id` makes the
/// elements' ids unique in a page that shows several plots.
pub(crate) fn open(id: &str, width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" font-size=\"12\" \
         fill=\"#222222\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n\
         <rect width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>\n\
         <text x=\"{:.1}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
        xml(title),
        xml(desc),
        width / 2.0,
        xml(title),
    )
}

/// The end of a plot.
pub(crate) const CLOSE: &str = "</svg>\n";

/// A legend row: a line sample in style number `i` (and its marker), then `text`.
pub(crate) fn legend_row(x: f64, y: f64, i: usize, text: &str, marker: bool) -> String {
    let (colour, dash) = style(i);
    let mut out = format!(
        "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\"/>",
        x + 36.0
    );
    if marker {
        out.push_str(&reliability::marker(i, x + 18.0, y));
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
        x + 44.0,
        y + 4.0,
        xml(text)
    );
    out
}

/// A legend row for the dotted diagonal, then `text`.
pub(crate) fn diagonal_row(x: f64, y: f64, text: &str) -> String {
    format!(
        "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#777777\" stroke-dasharray=\"1 4\" stroke-linecap=\"round\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
        x + 36.0,
        x + 44.0,
        y + 4.0,
        xml(text)
    )
}

/// Plot width for legend rows of `texts`, at least `min` (about 7 px a character).
pub(crate) fn width_for(texts: &[String], min: f64) -> f64 {
    let longest = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    min.max(64.0 + 44.0 + 7.0 * longest as f64 + 16.0)
}

/// An estimate in words for a description: `0.953 (95% CI 0.921–0.973)`, or "undefined".
pub(crate) fn spoken(e: Option<Estimate>, labels: &Labels) -> String {
    match e {
        Some(e) => format!(
            "{} ({} {}–{})",
            labels.number(e.value, 3),
            labels.ci95,
            labels.number(e.low, 3),
            labels.number(e.high, 3)
        ),
        None => labels.undefined.clone(),
    }
}
