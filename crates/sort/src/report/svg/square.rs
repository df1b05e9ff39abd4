//! The frame the ROC curves and the reliability diagram share: a unit square with its axes and
//! diagonal, the models' lines drawn into it by the caller, and a legend under it with a row per
//! model and a last row for the diagonal.

use super::{diagonal_row, legend_row, open, style_numbers, width_for, Frame, CLOSE};
use crate::report::{Labels, SetReport};

pub(crate) struct SquareChart {
    pub frame: Frame,
    /// The SVG so far: the caller appends the models' lines.
    pub out: String,
    /// Each model's style number (colour and dash), in the set's order.
    pub styles: Vec<usize>,
    legend: Vec<String>,
    legend_top: f64,
    models: usize,
}

/// What the chart shows: its id, title and description, the axis titles, and the legend's
/// rows (one per model of `set`, then the diagonal's).
pub(crate) struct Spec<'a> {
    pub id: String,
    pub title: &'a str,
    pub desc: &'a str,
    pub x_title: &'a str,
    pub y_title: &'a str,
    pub legend: Vec<String>,
}

impl SquareChart {
    pub fn open(set: &SetReport, spec: Spec, labels: &Labels) -> SquareChart {
        let frame = Frame {
            x: 72.0,
            y: 44.0,
            size: 340.0,
        };
        let width = width_for(&spec.legend, 460.0);
        let legend_top = frame.y + frame.size + 66.0;
        let height = legend_top + 22.0 * spec.legend.len() as f64 + 8.0;
        let mut out = open(&spec.id, width, height, spec.title, spec.desc);
        out.push_str(&frame.axes(spec.x_title, spec.y_title, labels));
        out.push_str(&frame.diagonal());
        out.push('\n');
        SquareChart {
            frame,
            out,
            styles: style_numbers(set),
            legend: spec.legend,
            legend_top,
            models: set.results.len(),
        }
    }

    /// The legend (each model's row with a marker when `markers`), and the end of the SVG.
    pub fn close(mut self, markers: bool) -> String {
        for (i, text) in self.legend.iter().enumerate() {
            let y = self.legend_top + 22.0 * i as f64;
            if i == self.models {
                self.out.push_str(&diagonal_row(self.frame.x, y, text));
            } else {
                self.out
                    .push_str(&legend_row(self.frame.x, y, self.styles[i], text, markers));
            }
            self.out.push('\n');
        }
        self.out.push_str(CLOSE);
        self.out
    }
}
