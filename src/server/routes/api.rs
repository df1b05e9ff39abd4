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
use crate::server::openapi::responses::SummarizeErrors;
use crate::server::openapi::{examples, tags};
use crate::server::service::OnLoading;
use crate::server::state::AppState;

/// Routes that summarize (and so are rate limited by the caller).
pub fn summarize_router() -> Router<AppState> {
    Router::new().route("/api/v1/summaries", post(create))
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
