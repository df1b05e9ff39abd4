//! `GET /api/v1/classifier/models`: the classifiers and how good each one is.

use axum::extract::State;
use axum::routing::get;
use axum::{Extension, Json, Router};
use precis_sort::bundle::Bundle;

use super::openapi::examples;
use crate::domain::settings::Lang;
use crate::domain::sort::report::{ClassifierModel, ClassifierModels, Origin, SetMetrics};
use crate::domain::sort::ModelName;
use crate::i18n::texts;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::lang::RequestLang;
use crate::server::openapi::responses::CommonErrors;
use crate::server::openapi::tags;
use crate::server::sort::{mirror, SortError};
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/classifier/models";

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(models))
}

/// List the classifiers.
///
/// The three models of the active set (the built-in models, or the last ones an operator
/// trained that did at least as well), the default one, and what each costs and achieves on
/// each evaluation set of their report: accuracy, precision, recall, F1, ROC-AUC, Brier score
/// and calibration error, each with its 95% interval, with the protocol they were measured by.
/// `can_train` says whether the caller may train them again (an operator), and for them
/// `running_job` names the training job running now, if one is.
#[utoipa::path(
    get,
    path = PATH,
    tag = tags::CLASSIFIER,
    operation_id = "list_classifier_models",
    responses(
        (status = 200, description = "The classifiers, the default first.",
            body = ClassifierModels, example = json!(examples::models())),
        CommonErrors,
    )
)]
pub async fn models(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
) -> Result<Json<ClassifierModels>, AppError> {
    let active = state.classifier.active();
    let mut listing = listing(
        &active.bundle,
        active.origin.clone(),
        active.job.clone(),
        lang,
    )?;
    listing.can_train = super::is_operator(&state, &identity).await?;
    if listing.can_train {
        listing.running_job = state.classifier.trainer().running();
    }
    Ok(Json(listing))
}

/// The listing of `bundle`'s models, in `lang`.
pub fn listing(
    bundle: &Bundle,
    origin: Origin,
    job: Option<String>,
    lang: Lang,
) -> Result<ClassifierModels, SortError> {
    let report = mirror::report(&bundle.report)?;
    let t = &texts(lang).sort;
    let default = bundle.default_model.as_str();
    let mut models: Vec<ClassifierModel> = bundle
        .models
        .iter()
        .map(|m| {
            let name = m.kind.as_str();
            let info = report.models.iter().find(|i| i.name == name);
            ClassifierModel {
                name: name.to_string(),
                description: ModelName::parse(name).map_or_else(
                    || m.kind.description().to_string(),
                    |n| t.description(n).to_string(),
                ),
                default: name == default,
                training_seconds: info.map_or(0.0, |i| i.training_seconds),
                prediction_ms_per_page: info.map_or(0.0, |i| i.prediction_ms_per_page),
                size_bytes: info.map_or(0, |i| i.size_bytes),
                metrics: report
                    .sets
                    .iter()
                    .filter_map(|s| {
                        let r = s.results.iter().find(|r| r.model == name)?;
                        Some(SetMetrics {
                            set: s.kind,
                            counts: s.counts,
                            metrics: r.metrics.clone(),
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    models.sort_by_key(|m| !m.default);
    Ok(ClassifierModels {
        default_model: default.to_string(),
        origin,
        job,
        preset: bundle.config.name.clone(),
        models,
        protocol: report.protocol,
        can_train: false,
        running_job: None,
    })
}
