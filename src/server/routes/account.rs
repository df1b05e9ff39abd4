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
use crate::domain::errors::ErrorResponse;
use crate::domain::settings::UserSettings;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::openapi::tags;
use crate::server::state::AppState;

const INTERNAL: &str =
    "Something went wrong inside Precis. Try again; if it keeps happening, tell the operator.";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/account", get(me))
        .route("/api/v1/keys", get(list_keys).post(create_key))
        .route("/api/v1/keys/{id}", delete(revoke_key))
        .route("/api/v1/settings", get(get_settings).put(put_settings))
}

/// Who you are: the account behind the cookie or API key (`email: null` for an anonymous
/// visitor), whether this server allows anonymous use, and your settings.
#[utoipa::path(
    get,
    path = "/api/v1/account",
    tag = tags::ACCOUNT,
    responses(
        (status = 200, description = "You.", body = Me, example = json!({"email": "ana@example.org",
            "anonymous_allowed": true, "settings": {"lang": "fr", "theme": "dark",
            "default_model": "local/textrank", "default_params": null}})),
        (status = 500, description = "Precis could not read its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal", "message": INTERNAL}})),
    )
)]
pub async fn me(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    headers: HeaderMap,
) -> Result<Json<Me>, AppError> {
    Ok(Json(state.auth.me(&identity, &headers).await?))
}

/// Your API keys that are not revoked, newest first. Secrets are never listed: only a prefix.
#[utoipa::path(
    get,
    path = "/api/v1/keys",
    tag = tags::ACCOUNT,
    responses(
        (status = 200, description = "Your keys.", body = Vec<ApiKeyInfo>, example = json!([{"id": 3,
            "name": "laptop script", "prefix": "prc_AbCd1234", "created_at": 1795302300000_i64,
            "last_used_at": null}])),
        (status = 500, description = "Precis could not read its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal", "message": INTERNAL}})),
    )
)]
pub async fn list_keys(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
) -> Result<Json<Vec<ApiKeyInfo>>, AppError> {
    Ok(Json(state.auth.keys().list(&identity).await?))
}

/// Creates an API key. The answer is the only time its secret is shown: store it now.
#[utoipa::path(
    post,
    path = "/api/v1/keys",
    tag = tags::ACCOUNT,
    request_body(content = NewKeyRequest, example = json!({"name": "laptop script"})),
    responses(
        (status = 201, description = "The new key, with its secret.", body = NewApiKey,
            example = json!({"key": {"id": 3, "name": "laptop script", "prefix": "prc_AbCd1234",
            "created_at": 1795302300000_i64, "last_used_at": null},
            "secret": "prc_AbCd1234efGH5678ijKL9012mnOP3456qrST7890"})),
        (status = 400, description = "The body is not JSON or has unknown fields.", body = ErrorResponse,
            example = json!({"error": {"code": "invalid_request", "message": "The request could not be read: it is not valid JSON. The API page (/api/docs) shows what each route expects."}})),
        (status = 409, description = "The account already has the most keys allowed.", body = ErrorResponse,
            example = json!({"error": {"code": "invalid_request", "message": "You already have 100 API keys. Revoke one you no longer use, then create a new one."}})),
        (status = 422, description = "The name is empty, too long or has control characters.", body = ErrorResponse,
            example = json!({"error": {"code": "invalid_key_name", "field": "key_name",
            "message": "Give the key a name, such as the script or machine that will use it."}})),
        (status = 500, description = "Precis could not write its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal", "message": INTERNAL}})),
    )
)]
pub async fn create_key(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    body: Result<Json<NewKeyRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<NewApiKey>), AppError> {
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    let key = state.auth.keys().create(&identity, &request.name).await?;
    Ok((StatusCode::CREATED, Json(key)))
}

/// Revokes one of your API keys: requests made with it are refused from now on.
#[utoipa::path(
    delete,
    path = "/api/v1/keys/{id}",
    tag = tags::ACCOUNT,
    params(("id" = i64, Path, description = "The key's id (from the list).", example = 3)),
    responses(
        (status = 204, description = "Revoked."),
        (status = 404, description = "You have no active key with this id.", body = ErrorResponse,
            example = json!({"error": {"code": "not_found", "message": "That API key doesn't exist or has already been revoked."}})),
        (status = 500, description = "Precis could not write its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal", "message": INTERNAL}})),
    )
)]
pub async fn revoke_key(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, AppError> {
    let Path(id) = id.map_err(|_| AppError::from(crate::server::auth::AuthError::KeyNotFound))?;
    state.auth.keys().revoke(&identity, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Your settings: the page's language and theme, the studio's default model and parameters.
#[utoipa::path(
    get,
    path = "/api/v1/settings",
    tag = tags::ACCOUNT,
    responses(
        (status = 200, description = "Your settings (defaults if never saved).", body = UserSettings,
            example = json!({"lang": "pt", "theme": "system", "default_model": null, "default_params": {"max_length": 80}})),
        (status = 500, description = "Precis could not read its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal", "message": INTERNAL}})),
    )
)]
pub async fn get_settings(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
) -> Result<Json<UserSettings>, AppError> {
    Ok(Json(state.auth.settings().get(&identity.user).await?))
}

/// Replaces your settings; answers with what was saved.
#[utoipa::path(
    put,
    path = "/api/v1/settings",
    tag = tags::ACCOUNT,
    request_body(content = UserSettings, example = json!({"lang": "fr", "theme": "dark",
        "default_model": "local/textrank", "default_params": {"min_length": 20, "max_length": 80}})),
    responses(
        (status = 200, description = "Saved.", body = UserSettings, example = json!({"lang": "fr",
            "theme": "dark", "default_model": "local/textrank", "default_params": {"min_length": 20, "max_length": 80}})),
        (status = 400, description = "The body is not JSON or has unknown fields.", body = ErrorResponse,
            example = json!({"error": {"code": "invalid_request", "message": "The request could not be read: it is not valid JSON. The API page (/api/docs) shows what each route expects."}})),
        (status = 422, description = "A default parameter is out of bounds, or the model id is malformed; `field` names it.",
            body = ErrorResponse, example = json!({"error": {"code": "invalid_parameter", "field": "top_p",
            "message": "Top-p must be between 0 and 1; it is 5."}})),
        (status = 500, description = "Precis could not write its database.", body = ErrorResponse,
            example = json!({"error": {"code": "internal", "message": INTERNAL}})),
    )
)]
pub async fn put_settings(
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
