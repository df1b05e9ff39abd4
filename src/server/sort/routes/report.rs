//! `GET /api/v1/classifier/report/{file}`: the active models' report — its Markdown and its
//! plots (accessible SVG: a title and a description of what each shows) — as the engine writes
//! it (`precis_sort::report`), for the Sort page's figures and for anyone.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use precis_sort::report::{self as engine, Labels};

use super::openapi::ReportErrors;
use crate::domain::sort::report::{Plot, ReportFile};
use crate::server::error::AppError;
use crate::server::openapi::tags;
use crate::server::sort::{mirror, SortError};
use crate::server::state::AppState;

pub const PATH: &str = crate::domain::sort::report::REPORT_PATH;

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(report))
}

/// Read the models' report, or one of its plots.
///
/// `report.md`: the comparison report of the active models as Markdown (the protocol, each
/// set's metrics with their 95% intervals, the paired tests), linking to its plots by their
/// names. `{plot}-{set}.svg`: one plot — `roc` (ROC curves), `confusion` (confusion matrices) or
/// `reliability` (reliability diagram) — of one set: `unseen-fonts`, `real-scans`,
/// `held-out-pages` or `cross-validation`. Each SVG has a `<title>` and a `<desc>` saying what it
/// shows, numbers included. They change when other models become active.
#[utoipa::path(
    get,
    path = PATH,
    tag = tags::CLASSIFIER,
    operation_id = "get_classifier_report",
    params(("file" = String, Path,
        description = "`report.md`, or a plot: `roc`, `confusion` or `reliability`, a dash, the set, `.svg`.",
        example = "roc-unseen-fonts.svg")),
    responses(
        (status = 200, description = "The file.",
            content(
                (String = "image/svg+xml", example = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" …>…</svg>"),
                (String = "text/markdown", example = "# Sort: handwritten or typed …"),
            )),
        ReportErrors,
    )
)]
pub async fn report(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let file = ReportFile::parse(&file).ok_or(SortError::ReportFileNotFound)?;
    let active = state.classifier.active();
    let contents = contents(&active.bundle.report, file)?;
    Ok((
        [
            (header::CONTENT_TYPE, file.media_type()),
            // the active models may change (a training job): ask again each time
            (header::CACHE_CONTROL, "no-cache"),
        ],
        contents,
    )
        .into_response())
}

/// The text of `file` for `report` (the plot of a set the report lacks is not found).
pub fn contents(report: &engine::Report, file: ReportFile) -> Result<String, SortError> {
    let labels = Labels::english();
    match file {
        ReportFile::Markdown => Ok(engine::markdown(report)),
        ReportFile::Plot(plot, set) => {
            let set = report
                .set(mirror::set_kind(set))
                .ok_or(SortError::ReportFileNotFound)?;
            Ok(match plot {
                Plot::Roc => engine::svg::roc(set, &labels),
                Plot::Confusion => engine::svg::confusion(set, &labels),
                Plot::Reliability => engine::svg::reliability(set, &labels),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sort::report::{SetName, REPORT_MARKDOWN};

    #[test]
    fn the_files_are_the_engines_under_the_same_names() {
        let bundle = crate::server::sort::builtin().expect("the built-in models");
        let engine_files = engine::files(&bundle.report);
        for f in &engine_files {
            let file = ReportFile::parse(&f.name).expect("a name the page knows");
            assert_eq!(file.name(), f.name);
            assert_eq!(
                contents(&bundle.report, file).unwrap(),
                f.contents,
                "{}",
                f.name
            );
        }
        // every set the page shows has its three plots
        for set in SetName::ALL {
            for plot in Plot::ALL {
                let kind = mirror::set_kind(set);
                assert_eq!(
                    ReportFile::Plot(plot, set).name(),
                    engine::svg_name(
                        match plot {
                            Plot::Roc => engine::Plot::Roc,
                            Plot::Confusion => engine::Plot::Confusion,
                            Plot::Reliability => engine::Plot::Reliability,
                        },
                        kind
                    )
                );
            }
        }
        assert_eq!(
            PATH.replace("{file}", REPORT_MARKDOWN),
            ReportFile::Markdown.url()
        );
    }
}
