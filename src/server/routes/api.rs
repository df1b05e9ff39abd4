//! JSON REST API for scripts: `POST /api/v1/summaries` (the history's routes are in
//! [`super::history`]).

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Extension, Json, Router};

use crate::domain::summary::{SummarizeRequest, Summary};
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::service::OnLoading;
use crate::server::state::AppState;

/// Routes that summarize (and so are rate limited by the caller).
pub fn summarize_router() -> Router<AppState> {
    Router::new().route("/api/v1/summaries", post(create))
}

async fn create(
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
pub(super) fn describe(rejection: &JsonRejection) -> String {
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
