//! `GET /api/openapi.json`: the OpenAPI document. `GET /api/docs`: the interactive page
//! (Swagger UI, served from this server's own files: it works offline).

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;

use crate::server::openapi::responses::CommonErrors;
use crate::server::openapi::tags;
use crate::server::state::AppState;

pub const DOCUMENT: &str = "/api/openapi.json";
pub const PAGE: &str = "/api/docs";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(DOCUMENT, get(document))
        .route(PAGE, get(page))
}

/// This document (OpenAPI 3.1).
#[utoipa::path(
    get,
    path = DOCUMENT,
    tag = tags::META,
    operation_id = "openapi",
    responses(
        (status = 200, description = "The OpenAPI 3.1 document of this API.",
            content_type = "application/json", body = Object),
        CommonErrors,
    )
)]
pub async fn document(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json")],
        crate::server::openapi::document_json_for(state.services),
    )
}

/// The page: Swagger UI's bundle and styles are copied into the site by `scripts/build.sh`;
/// `init.js` points it at the document. No inline script, so it runs under a strict CSP.
async fn page() -> Html<&'static str> {
    Html(include_str!("api_docs.html"))
}
