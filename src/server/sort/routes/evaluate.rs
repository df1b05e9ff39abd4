//! `POST /api/v1/classifier/evaluate`: the active models scored on one evaluation set.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};

use super::openapi::{examples, EvaluateErrors};
use crate::domain::sort::report::{EvaluateRequest, SetReport};
use crate::server::error::AppError;
use crate::server::openapi::tags;
use crate::server::routes::api::describe;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/classifier/evaluate";

/// Evaluating (rate limited by the caller).
pub fn router() -> Router<AppState> {
    Router::new().route(PATH, post(evaluate))
}

/// Evaluate the classifiers on one set.
///
/// Every model of the active set on `unseen-fonts` (rendered pages in fonts never trained on),
/// `held-out-pages` (new pages in the training fonts), `real-scans` (real scanned documents)
/// or `cross-validation` (the training's out-of-fold predictions): per model the metrics with
/// their 95% intervals, the confusion matrix, the ROC curve and reliability bins, best first,
/// and the paired test of the best two (McNemar, AUC difference).
///
/// Anyone may ask. Rendering a set's pages takes from seconds (`real-scans`) to a minute, so
/// each set is computed once per active models, one set at a time; every later request — and
/// every request made meanwhile — gets that result at once. It needs the Sort data on the
/// server (`503 data_missing` otherwise; `cross-validation` comes from the models' report and
/// never does).
#[utoipa::path(
    post,
    path = PATH,
    tag = tags::CLASSIFIER,
    operation_id = "evaluate_classifier",
    request_body(content = EvaluateRequest, example = json!({"set": "real-scans"})),
    responses(
        (status = 200, description = "Every model's results on the set, best first.",
            body = SetReport, example = json!(examples::set_report())),
        EvaluateErrors,
    )
)]
pub async fn evaluate(
    State(state): State<AppState>,
    body: Result<Json<EvaluateRequest>, JsonRejection>,
) -> Result<Json<SetReport>, AppError> {
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    Ok(Json(state.classifier.evaluate(request.set).await?))
}
