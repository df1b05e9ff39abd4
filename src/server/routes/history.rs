//! REST routes of the history (`/api/v1/summaries…`): one page at a time with search and
//! filters, one summary, delete one, clear all, export. Everything is scoped to the caller
//! (`identity.user`): another person's summary is "not found", never "forbidden".

use axum::body::Body;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};

use crate::domain::date::Date;
use crate::domain::errors::ErrorResponse;
use crate::domain::history::{
    ExportParams, HistoryExport, HistoryPage, HistoryParams, HistoryQuery,
};
use crate::domain::summary::Summary;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::service::now_ms;
use crate::server::state::AppState;

/// Routes that read, export or delete history (not rate limited: they cost a few index reads).
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/summaries",
            get(list_summaries).delete(clear_summaries),
        )
        .route("/api/v1/summaries/export", get(export_summaries))
        .route(
            "/api/v1/summaries/{id}",
            get(get_summary).delete(delete_summary),
        )
}

/// What the list accepts, for a rejected query string.
const LIST_PARAMS: &str = "q, model, from and to (YYYY-MM-DD), before and limit";
/// What the export accepts.
const EXPORT_PARAMS: &str = "format (json or markdown), q, model, from and to (YYYY-MM-DD)";

fn bad_query(rejection: QueryRejection, expected: &'static str) -> AppError {
    let detail = rejection.body_text();
    let detail = detail
        .strip_prefix("Failed to deserialize query string: ")
        .unwrap_or(&detail)
        .to_string();
    AppError::BadQuery { detail, expected }
}

/// Your summaries, newest first, one page at a time.
///
/// Every filter narrows the list: `q` (words in the text or the summary; case and accents
/// ignored, the last word may be a prefix), `model`, and the days `from`/`to` (inclusive, UTC).
/// Follow `next_before` for the next page until it is `null`.
#[utoipa::path(
    get,
    path = "/api/v1/summaries",
    tag = crate::server::openapi::tags::HISTORY,
    params(HistoryParams),
    responses(
        (status = 200, description = "One page of your summaries, newest first.", body = HistoryPage,
            example = json!({"summaries": [{"id": 42, "title": "The city council approved a new budget…",
                "model": "facebook/bart-large-cnn", "created_at": 1795302300000_i64,
                "snippet": "The council approved a budget that raises spending on transport…"}],
                "next_before": 42})),
        (status = 400, description = "A parameter cannot be used; `field` names it.", body = ErrorResponse,
            example = json!({"error": {"code": "invalid_query", "field": "from",
                "message": "“2026-02-30” is not a date: write From as YYYY-MM-DD, for example 2026-11-23."}})),
        (status = 500, description = "Precis could not read its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal",
                "message": "Something went wrong inside Precis. Try again; if it keeps happening, tell the operator."}})),
    )
)]
pub async fn list_summaries(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    params: Result<Query<HistoryParams>, QueryRejection>,
) -> Result<Json<HistoryPage>, AppError> {
    let Query(params) = params.map_err(|e| bad_query(e, LIST_PARAMS))?;
    let query = HistoryQuery::parse(&params)?;
    Ok(Json(state.history.list(&identity.user, &query).await?))
}

/// Every summary matching the filters, as a JSON or Markdown file.
///
/// The body is written while the summaries are read, so exports of any size start at once and
/// use little memory. JSON is `{"summaries": [...]}` with each summary as
/// `GET /api/v1/summaries/{id}` returns it; Markdown has a heading per summary (date and model),
/// the summary, and the original text.
#[utoipa::path(
    get,
    path = "/api/v1/summaries/export",
    tag = crate::server::openapi::tags::HISTORY,
    params(ExportParams),
    responses(
        (status = 200, description = "The file, as an attachment named precis-history-YYYY-MM-DD.json or .md.",
            headers(("Content-Disposition" = String, description = "attachment; filename=\"precis-history-2026-11-23.json\"")),
            content(
                (HistoryExport = "application/json", example = json!({"summaries": [crate::server::openapi::examples::summary()]})),
                (String = "text/markdown", example = "# Precis history\n\nExported 2026-11-23 10:00 UTC: every summary, newest first.\n\n## 2026-11-21 23:05 UTC · facebook/bart-large-cnn\n\nThe council approved the budget.\n")
            )),
        (status = 400, description = "A parameter cannot be used; `field` names it.", body = ErrorResponse,
            example = json!({"error": {"code": "invalid_query", "field": "format",
                "message": "“pdf” is not an export format: use format=json or format=markdown."}})),
        (status = 500, description = "Precis could not read its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal",
                "message": "Something went wrong inside Precis. Try again; if it keeps happening, tell the operator."}})),
    )
)]
pub async fn export_summaries(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    params: Result<Query<ExportParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|e| bad_query(e, EXPORT_PARAMS))?;
    let (format, query) = params.parse()?;
    let now = now_ms();
    let body = state
        .history
        .export(identity.user, query, format, now)
        .await?;
    let file_name = format.file_name(Date::from_unix_ms(now));
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// One of your summaries: text, summary, model, parameters, timing.
#[utoipa::path(
    get,
    path = "/api/v1/summaries/{id}",
    tag = crate::server::openapi::tags::HISTORY,
    params(("id" = i64, Path, description = "The summary's id.", example = 42)),
    responses(
        (status = 200, description = "The summary.", body = Summary,
            example = json!(crate::server::openapi::examples::summary())),
        (status = 404, description = "You have no summary with this id (never made, deleted, or someone else's).",
            body = ErrorResponse,
            example = json!({"error": {"code": "not_found", "message": "That summary doesn't exist or has been deleted."}})),
        (status = 500, description = "Precis could not read its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal",
                "message": "Something went wrong inside Precis. Try again; if it keeps happening, tell the operator."}})),
    )
)]
pub async fn get_summary(
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

/// Deletes one of your summaries.
#[utoipa::path(
    delete,
    path = "/api/v1/summaries/{id}",
    tag = crate::server::openapi::tags::HISTORY,
    params(("id" = i64, Path, description = "The summary's id.", example = 42)),
    responses(
        (status = 204, description = "Deleted."),
        (status = 404, description = "You have no summary with this id (never made, deleted, or someone else's).",
            body = ErrorResponse,
            example = json!({"error": {"code": "not_found", "message": "That summary doesn't exist or has been deleted."}})),
        (status = 500, description = "Precis could not write to its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal",
                "message": "Something went wrong inside Precis. Try again; if it keeps happening, tell the operator."}})),
    )
)]
pub async fn delete_summary(
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

/// Deletes all of your summaries (and the record of your failed requests).
#[utoipa::path(
    delete,
    path = "/api/v1/summaries",
    tag = crate::server::openapi::tags::HISTORY,
    responses(
        (status = 204, description = "Your history is empty."),
        (status = 500, description = "Precis could not write to its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal",
                "message": "Something went wrong inside Precis. Try again; if it keeps happening, tell the operator."}})),
    )
)]
pub async fn clear_summaries(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
) -> Result<StatusCode, AppError> {
    state.history.clear(&identity.user).await?;
    Ok(StatusCode::NO_CONTENT)
}
