//! `GET /api/v1/classifier/report/{file}`: the active models' report — its Markdown and its
//! plots (accessible SVG: a title and a description of what each shows) — as the engine writes
//! it (`precis_sort::report`), for the Sort page's figures and for anyone.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use precis_sort::report::{self as engine, Labels, SetNames};

use super::openapi::ReportErrors;
use crate::domain::settings::Lang;
use crate::domain::sort::report::{Plot, ReportFile};
use crate::i18n::texts;
use crate::server::error::AppError;
use crate::server::lang::RequestLang;
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
/// names (in English). `{plot}-{set}.svg`: one plot — `roc` (ROC curves), `confusion` (confusion
/// matrices) or `reliability` (reliability diagram) — of one set: `unseen-fonts`, `real-scans`,
/// `held-out-pages` or `cross-validation`, its words in the request's language. Each SVG has a
/// `<title>` and a `<desc>` saying what it shows, numbers included. They change when other
/// models become active.
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
    RequestLang(lang): RequestLang,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let file = ReportFile::parse(&file).ok_or(SortError::ReportFileNotFound)?;
    let active = state.classifier.active();
    let contents = contents(&active.bundle.report, file, &labels(lang))?;
    Ok((
        [
            (header::CONTENT_TYPE, file.media_type()),
            // the active models may change (a training job): ask again each time
            (header::CACHE_CONTROL, "no-cache"),
            (header::VARY, "accept-language, cookie"),
        ],
        contents,
    )
        .into_response())
}

/// The plots' words in `lang`.
pub fn labels(lang: Lang) -> Labels {
    let t = texts(lang);
    let (p, s) = (&t.plots, &t.sort_page);
    let own = |x: &str| x.to_string();
    let set = |x: &str| x.to_lowercase();
    Labels {
        decimal_separator: crate::i18n::numbers::decimal(lang, 0.5, 1)
            .chars()
            .nth(1)
            .unwrap_or('.'),
        pages: own(p.pages),
        handwritten: own(p.handwritten),
        typed: own(p.typed),
        auc: own(p.auc),
        ci95: own(p.ci95),
        undefined: own(s.undefined),
        no_data: own(p.no_data),
        roc_title: own(p.roc_title),
        false_positive_rate: own(p.false_positive_rate),
        true_positive_rate: own(p.true_positive_rate),
        chance: own(p.chance),
        confusion_title: own(p.confusion_title),
        truth: own(p.truth),
        predicted: own(p.predicted),
        reliability_title: own(p.reliability_title),
        mean_predicted: own(p.mean_predicted),
        observed: own(p.observed),
        perfect_calibration: own(p.perfect_calibration),
        ece: own(p.ece),
        sets: SetNames {
            cross_validation: set(s.cross_validation),
            held_out_pages: set(s.held_out_pages),
            unseen_fonts: set(s.unseen_fonts),
            real_scans: set(s.real_scans),
        },
    }
}

/// The text of `file` for `report`, its plots' words `labels` (the plot of a set the report
/// lacks is not found).
pub fn contents(
    report: &engine::Report,
    file: ReportFile,
    labels: &Labels,
) -> Result<String, SortError> {
    match file {
        ReportFile::Markdown => Ok(engine::markdown(report)),
        ReportFile::Plot(plot, set) => {
            let set = report
                .set(mirror::set_kind(set))
                .ok_or(SortError::ReportFileNotFound)?;
            Ok(match plot {
                Plot::Roc => engine::svg::roc(set, labels),
                Plot::Confusion => engine::svg::confusion(set, labels),
                Plot::Reliability => engine::svg::reliability(set, labels),
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
            let english = contents(&bundle.report, file, &labels(Lang::En)).unwrap();
            assert_eq!(english, f.contents, "{}", f.name);
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

    #[test]
    fn the_plots_speak_the_requests_language() {
        assert_eq!(labels(Lang::En), Labels::english());
        let fr = labels(Lang::Fr);
        assert_eq!(fr.decimal_separator, ',');
        assert_eq!(fr.sets.unseen_fonts, "polices inédites");
        let bundle = crate::server::sort::builtin().expect("the built-in models");
        let roc = ReportFile::Plot(Plot::Roc, SetName::UnseenFonts);
        let svg = contents(&bundle.report, roc, &labels(Lang::Pt)).unwrap();
        assert!(svg.contains("Curvas ROC — tipos de letra novos"), "{svg}");
        assert!(svg.contains("0,"), "decimal commas");
    }
}
