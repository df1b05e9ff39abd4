//! Training the classifier again (operators only): `POST /api/v1/classifier/train`, and the
//! job followed (`GET`) or cancelled (`DELETE`) at `/api/v1/classifier/jobs/{id}`.

use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};

use super::openapi::{examples, CancelErrors, JobErrors, TrainErrors};
use super::require_operator;
use crate::domain::sort::training::{TrainJob, TrainRequest};
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::lang::RequestLang;
use crate::server::openapi::tags;
use crate::server::routes::api::describe;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/classifier/train";
pub const JOB: &str = "/api/v1/classifier/jobs/{id}";

/// The largest body `POST …/train` reads (a preset).
const TRAIN_BODY_LIMIT: usize = 4 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(PATH, post(train))
        .route(JOB, get(job).delete(cancel))
}

/// Train the classifiers again (operators).
///
/// Starts a training job: the pages rendered from the Sort data, the three models
/// cross-validated, calibrated, trained and evaluated, as `precis classifier train` does.
/// `preset` is `quick` (a few minutes) or `standard` (the shipped models; much longer, the
/// default). Answers `202` with the job and its `Location`; follow it with
/// `GET /api/v1/classifier/jobs/{id}`. One job at a time (`409` while one runs).
///
/// At the end the new models are saved on the server, and replace the active ones only when
/// their default model's ROC-AUC on unseen fonts is at least the active one's: the job's
/// `outcome` says which, and why. Only the accounts listed in `PRECIS_OPERATORS` may train
/// (`403 operator_only`).
#[utoipa::path(
    post,
    path = PATH,
    tag = tags::CLASSIFIER,
    operation_id = "train_classifier",
    request_body(content = Option<TrainRequest>, description = "Optional: the preset.",
        example = json!({"preset": "quick"})),
    responses(
        (status = 202, description = "The job, queued: follow its `Location`.", body = TrainJob,
            headers(("Location" = String, description = "The job's URL.")),
            example = json!(examples::queued_job())),
        TrainErrors,
    )
)]
pub async fn train(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
    request: Request,
) -> Result<Response, AppError> {
    require_operator(&state, &identity).await?;
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, TRAIN_BODY_LIMIT)
        .await
        .map_err(|e| AppError::BadBody(format!("the body could not be read ({e})")))?;
    let preset = if bytes.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        let request = Request::from_parts(parts, Body::from(bytes));
        // `null` is no body too
        let body: Result<Json<Option<TrainRequest>>, JsonRejection> =
            Json::from_request(request, &state).await;
        let Json(body) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
        body.and_then(|b| b.preset)
    };
    let job = state
        .classifier
        .train(&identity.user, preset.unwrap_or_default())
        .await?;
    let mut response = (StatusCode::ACCEPTED, Json(job.view(lang))).into_response();
    if let Ok(location) = HeaderValue::from_str(&JOB.replace("{id}", &job.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Follow a training job (operators).
///
/// Its state (`queued`, `running`, `succeeded`, `failed`, `cancelled`), its progress from 0 to
/// 1 and stage while it runs, what became of its models once it succeeded (`outcome`), or why
/// it failed (`error`; a job a restart of Precis interrupted reads `failed`, `interrupted`).
#[utoipa::path(
    get,
    path = JOB,
    tag = tags::CLASSIFIER,
    operation_id = "get_training_job",
    params(("id" = String, Path, description = "The job's id (32 hex digits).")),
    responses(
        (status = 200, description = "The job.", body = TrainJob,
            example = json!(examples::succeeded_job())),
        JobErrors,
    )
)]
pub async fn job(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
    Path(id): Path<String>,
) -> Result<Json<TrainJob>, AppError> {
    require_operator(&state, &identity).await?;
    let job = state.classifier.trainer().job(&id).await?;
    Ok(Json(job.view(lang)))
}

/// Cancel a training job (operators).
///
/// A job still queued or running is asked to stop: `202`, with `cancel_requested: true`; it
/// stops within seconds and reads `cancelled` (its models are neither saved nor used). A job
/// that has ended is left as it is: `200`.
#[utoipa::path(
    delete,
    path = JOB,
    tag = tags::CLASSIFIER,
    operation_id = "cancel_training_job",
    params(("id" = String, Path, description = "The job's id (32 hex digits).")),
    responses(
        (status = 202, description = "Asked to stop.", body = TrainJob,
            example = json!(examples::cancelling_job())),
        (status = 200, description = "It had ended already: as it is.", body = TrainJob,
            example = json!(examples::succeeded_job())),
        CancelErrors,
    )
)]
pub async fn cancel(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    require_operator(&state, &identity).await?;
    let job = state.classifier.trainer().cancel(&id).await?;
    let status = if job.state.is_active() {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(job.view(lang))).into_response())
}
