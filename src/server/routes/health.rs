//! `/healthz`: the process answers. `/readyz`: it can also reach its database.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;

use crate::server::openapi::responses::CommonErrors;
use crate::server::openapi::tags;
use crate::server::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(live))
        .route("/readyz", get(ready))
}

/// Liveness: the process answers.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = tags::HEALTH,
    operation_id = "healthz",
    responses(
        (status = 200, description = "Precis is running.", content_type = "text/plain",
            body = String, example = json!("ok")),
        CommonErrors,
    )
)]
pub async fn live() -> &'static str {
    "ok"
}

/// Readiness: Precis can also reach its database (a load balancer may send it requests).
#[utoipa::path(
    get,
    path = "/readyz",
    tag = tags::HEALTH,
    operation_id = "readyz",
    responses(
        (status = 200, description = "Ready to serve.", content_type = "text/plain",
            body = String, example = json!("ready")),
        (status = 503, description = "The database does not answer (the cause is logged).",
            content_type = "text/plain", body = String, example = json!("database unavailable")),
        CommonErrors,
    )
)]
pub async fn ready(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "not ready: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
