//! The report's files: the Markdown and its plots, named, for docs/.

use serde::{Deserialize, Serialize};

use super::{markdown, svg, Labels, Report, SetKind};

/// The plots of each evaluation set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Plot {
    /// ROC curves.
    Roc,
    /// Confusion matrices.
    Confusion,
    /// Reliability diagram.
    Reliability,
}

impl Plot {
    /// Every plot, in the report's order.
    pub const ALL: [Plot; 3] = [Plot::Roc, Plot::Confusion, Plot::Reliability];

    fn slug(self) -> &'static str {
        match self {
            Plot::Roc => "roc",
            Plot::Confusion => "confusion",
            Plot::Reliability => "reliability",
        }
    }
}

/// The file name of `plot` for the set `kind`, as the Markdown links it: `roc-unseen-fonts.svg`.
pub fn svg_name(plot: Plot, kind: SetKind) -> String {
    format!("{}-{}.svg", plot.slug(), kind.slug())
}

/// A file of the report: its name (no folder) and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFile {
    /// The file name, e.g. `report.md` or `roc-real-scans.svg`.
    pub name: String,
    /// Its contents.
    pub contents: String,
}

/// The name of the Markdown report among [`files`].
pub const MARKDOWN_NAME: &str = "report.md";

/// The Markdown report ([`MARKDOWN_NAME`]) and, for every set, its three plots in English,
/// named as the Markdown links them: write them all into one folder.
pub fn files(report: &Report) -> Vec<ReportFile> {
    let labels = Labels::english();
    let mut out = vec![ReportFile {
        name: MARKDOWN_NAME.to_string(),
        contents: markdown(report),
    }];
    for set in &report.sets {
        for plot in Plot::ALL {
            let contents = match plot {
                Plot::Roc => svg::roc(set, &labels),
                Plot::Confusion => svg::confusion(set, &labels),
                Plot::Reliability => svg::reliability(set, &labels),
            };
            out.push(ReportFile {
                name: svg_name(plot, set.kind),
                contents,
            });
        }
    }
    out
}
