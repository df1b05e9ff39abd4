//! Server functions: the page's API for the catalog and the history. Each one is a thin shell
//! over the same service the REST API uses; errors travel as [`ErrorResponse`] with a fitting
//! HTTP status. (Summaries stream from `POST /api/v1/summaries/stream`, see `server::routes`.)

use leptos::prelude::*;

use crate::domain::errors::ErrorResponse;
use crate::domain::models::Catalog;
use crate::domain::summary::{HistoryItem, Summary};

/// Models this server offers.
#[server(prefix = "/api/ui", endpoint = "catalog")]
pub async fn get_catalog() -> Result<Catalog, ErrorResponse> {
    let (state, _) = ctx::request()?;
    Ok(state.summarizer.providers().catalog().clone())
}

/// The person's history, newest first.
#[server(prefix = "/api/ui", endpoint = "history")]
pub async fn list_history() -> Result<Vec<HistoryItem>, ErrorResponse> {
    let (state, identity) = ctx::request()?;
    state
        .history
        .list(&identity.user, crate::server::history::MAX_PAGE, None)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

#[server(prefix = "/api/ui", endpoint = "history/get")]
pub async fn get_summary(id: i64) -> Result<Summary, ErrorResponse> {
    use crate::server::error::AppError;
    let (state, identity) = ctx::request()?;
    match state.history.get(&identity.user, id).await {
        Ok(Some(summary)) => Ok(summary),
        Ok(None) => Err(ctx::fail(AppError::NotFound)),
        Err(e) => Err(ctx::fail(e.into())),
    }
}

#[server(prefix = "/api/ui", endpoint = "history/delete")]
pub async fn delete_summary(id: i64) -> Result<(), ErrorResponse> {
    use crate::server::error::AppError;
    let (state, identity) = ctx::request()?;
    match state.history.delete(&identity.user, id).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(ctx::fail(AppError::NotFound)),
        Err(e) => Err(ctx::fail(e.into())),
    }
}

#[server(prefix = "/api/ui", endpoint = "history/clear")]
pub async fn clear_history() -> Result<(), ErrorResponse> {
    let (state, identity) = ctx::request()?;
    state
        .history
        .clear(&identity.user)
        .await
        .map(|_| ())
        .map_err(|e| ctx::fail(e.into()))
}

/// Reaching the server's state from inside a server function.
#[cfg(feature = "ssr")]
mod ctx {
    use axum::http::header::RETRY_AFTER;
    use axum::http::request::Parts;
    use axum::http::HeaderValue;
    use leptos::prelude::use_context;

    use crate::domain::errors::ErrorResponse;
    use crate::server::error::AppError;
    use crate::server::identity::Identity;
    use crate::server::state::AppState;

    pub fn request() -> Result<(AppState, Identity), ErrorResponse> {
        let state = use_context::<AppState>()
            .ok_or_else(|| fail(AppError::Internal("AppState missing from context".into())))?;
        let identity = use_context::<Parts>()
            .and_then(|parts| parts.extensions.get::<Identity>().cloned())
            .ok_or_else(|| fail(AppError::Internal("identity middleware not applied".into())))?;
        Ok((state, identity))
    }

    /// Logs the cause, sets the response's status (and Retry-After), returns what the page shows.
    pub fn fail(e: AppError) -> ErrorResponse {
        let (status, public) = e.report();
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
            if let Some(secs) = public.retry_after {
                response.insert_header(RETRY_AFTER, HeaderValue::from(secs));
            }
        }
        public.into()
    }
}
