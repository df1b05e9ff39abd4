//! `GET /api/v1/models`: the models this server offers, for scripts (the page reads the same
//! catalog through the `get_catalog` server function).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use crate::domain::models::Catalog;
use crate::server::lang::RequestLang;
use crate::server::openapi::{examples, responses::CommonErrors, tags};
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/models";

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(list))
}

/// List the models this server offers.
///
/// The same catalog the page's model picker shows: local models always, HuggingFace models when
/// the server has a token (`custom_models`: any other HuggingFace id may then be sent as
/// `model`). A model with `unavailable` set cannot run here (missing weights, say); the text
/// says why and what the operator can do.
#[utoipa::path(
    get,
    path = PATH,
    tag = tags::MODELS,
    operation_id = "list_models",
    responses(
        (status = 200, description = "The catalog.", body = Catalog,
            example = json!(examples::catalog())),
        CommonErrors,
    )
)]
pub async fn list(State(state): State<AppState>, RequestLang(lang): RequestLang) -> Json<Catalog> {
    Json(state.summarizer.providers().catalog(lang).clone())
}
