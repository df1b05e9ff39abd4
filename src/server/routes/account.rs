//! REST for the account behind a request: `GET /api/v1/account` (who am I), API keys
//! (`/api/v1/keys`), settings (`/api/v1/settings`). Signing up and in happens in the browser
//! (server functions in `api::account`); scripts authenticate with a key.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{delete, get};
use axum::{Extension, Json, Router};

use super::api::describe;
use crate::domain::account::{ApiKeyInfo, Me, NewApiKey, NewKeyRequest};
use crate::domain::settings::UserSettings;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/account", get(me))
        .route("/api/v1/keys", get(list_keys).post(create_key))
        .route("/api/v1/keys/{id}", delete(revoke_key))
        .route("/api/v1/settings", get(get_settings).put(put_settings))
}

async fn me(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    headers: HeaderMap,
) -> Result<Json<Me>, AppError> {
    Ok(Json(state.auth.me(&identity, &headers).await?))
}

async fn list_keys(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
) -> Result<Json<Vec<ApiKeyInfo>>, AppError> {
    Ok(Json(state.auth.keys().list(&identity).await?))
}

async fn create_key(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    body: Result<Json<NewKeyRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<NewApiKey>), AppError> {
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    let key = state.auth.keys().create(&identity, &request.name).await?;
    Ok((StatusCode::CREATED, Json(key)))
}

async fn revoke_key(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, AppError> {
    let Path(id) = id.map_err(|_| AppError::from(crate::server::auth::AuthError::KeyNotFound))?;
    state.auth.keys().revoke(&identity, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn get_settings(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
) -> Result<Json<UserSettings>, AppError> {
    Ok(Json(state.auth.settings().get(&identity.user).await?))
}

async fn put_settings(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    body: Result<Json<UserSettings>, JsonRejection>,
) -> Result<Json<UserSettings>, AppError> {
    let Json(settings) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    Ok(Json(
        state
            .auth
            .settings()
            .save(&identity.user, &settings)
            .await?,
    ))
}
