//! JSON REST API for scripts: `/api/v1/summaries`.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;

use crate::domain::summary::{HistoryPage, SummarizeRequest, Summary};
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::openapi::responses::SummarizeErrors;
use crate::server::openapi::{examples, tags};
use crate::server::service::OnLoading;
use crate::server::state::AppState;

/// Routes that summarize (and so are rate limited by the caller).
pub fn summarize_router() -> Router<AppState> {
    Router::new().route("/api/v1/summaries", post(create))
}

/// Routes that read or delete history.
pub fn history_router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/summaries", get(list).delete(clear))
        .route("/api/v1/summaries/{id}", get(show).delete(remove))
}

/// Summarize a text.
///
/// Validates the request, runs the model (a text longer than its window is summarized in parts,
/// then the parts combined), records the summary in your history and returns it. If a
/// HuggingFace model is warming up, Precis waits for it once before answering. `partial: true`:
/// generation stopped at `max_time`, the summary is what was written until then.
#[utoipa::path(
    post,
    path = "/api/v1/summaries",
    tag = tags::SUMMARIES,
    operation_id = "create_summary",
    request_body(
        content = SummarizeRequest,
        description = "The text, and optionally the model and its parameters.",
        example = json!(examples::request()),
    ),
    responses(
        (status = 201, description = "The summary, also recorded in your history.",
            body = Summary, example = json!(examples::summary())),
        SummarizeErrors,
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    body: Result<Json<SummarizeRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<Summary>), AppError> {
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    let summary = state
        .summarizer
        .summarize(&identity.user, request, OnLoading::RetryOnce)
        .await?;
    Ok((StatusCode::CREATED, Json(summary)))
}

/// What was wrong with a JSON body, in words a script author can act on.
pub(crate) fn describe(rejection: &JsonRejection) -> String {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "it must be sent with Content-Type: application/json".to_string()
        }
        JsonRejection::JsonSyntaxError(_) => "it is not valid JSON".to_string(),
        JsonRejection::JsonDataError(e) => {
            // serde's own words name the field: "parameters.max_length: invalid type: …"
            let detail = e.body_text();
            let detail = detail
                .strip_prefix("Failed to deserialize the JSON body into the target type: ")
                .unwrap_or(&detail);
            format!("a field is missing, unknown or of the wrong type ({detail})")
        }
        other => other.body_text(),
    }
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    limit: Option<u32>,
    before: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<HistoryPage>, AppError> {
    let Query(q) = query.map_err(|e| AppError::BadBody(e.body_text()))?;
    let summaries = state
        .history
        .list(&identity.user, q.limit.unwrap_or(50), q.before)
        .await?;
    Ok(Json(HistoryPage { summaries }))
}

async fn show(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<Summary>, AppError> {
    let Path(id) = id.map_err(|_| AppError::NotFound)?;
    state
        .history
        .get(&identity.user, id)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

async fn remove(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, AppError> {
    let Path(id) = id.map_err(|_| AppError::NotFound)?;
    if state.history.delete(&identity.user, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

async fn clear(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
) -> Result<StatusCode, AppError> {
    state.history.clear(&identity.user).await?;
    Ok(StatusCode::NO_CONTENT)
}
