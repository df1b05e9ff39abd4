//! `POST /api/v1/classifier/evaluate`: the active models scored on one evaluation set.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};

use super::openapi::{examples, EvaluateErrors};
use crate::domain::sort::report::{EvaluateRequest, EvaluationPending, SetReport};
use crate::server::error::AppError;
use crate::server::openapi::tags;
use crate::server::routes::api::describe;
use crate::server::sort::evaluate::{Evaluation, RETRY_SECS};
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
/// each set is computed once per active models, one set at a time, and every later request
/// gets that result at once. A request waits for it a few seconds
/// (`PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS`, 8 by default); if it is not ready by then the answer
/// is `202` with `retry_after` (and a `Retry-After` header): send the same request again then —
/// the computation carries on meanwhile. It needs the Sort data on the server
/// (`503 data_missing` otherwise; `cross-validation` comes from the models' report and never
/// does).
#[utoipa::path(
    post,
    path = PATH,
    tag = tags::CLASSIFIER,
    operation_id = "evaluate_classifier",
    request_body(content = EvaluateRequest, example = json!({"set": "real-scans"})),
    responses(
        (status = 200, description = "Every model's results on the set, best first.",
            body = SetReport, example = json!(examples::set_report())),
        (status = 202, description = "Still being computed: ask again in `retry_after` seconds.",
            body = EvaluationPending,
            example = json!(EvaluationPending { set: crate::domain::sort::report::SetName::UnseenFonts, retry_after: RETRY_SECS })),
        EvaluateErrors,
    )
)]
pub async fn evaluate(
    State(state): State<AppState>,
    body: Result<Json<EvaluateRequest>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    Ok(match state.classifier.evaluate(request.set).await? {
        Evaluation::Done(report) => Json(*report).into_response(),
        Evaluation::Computing => {
            let pending = EvaluationPending {
                set: request.set,
                retry_after: RETRY_SECS,
            };
            let mut response = (StatusCode::ACCEPTED, Json(pending)).into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_SECS));
            response
        }
    })
}
