//! The person's history: list, open, delete, clear.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::domain::errors::ErrorResponse;
use crate::domain::summary::{HistoryItem, Summary};

/// The person's history, newest first.
#[server(prefix = "/api/ui", endpoint = "history")]
pub async fn list_history() -> Result<Vec<HistoryItem>, ErrorResponse> {
    let (state, identity) = ctx::person()?;
    state
        .history
        .list(&identity.user, crate::server::history::MAX_PAGE, None)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

#[server(prefix = "/api/ui", endpoint = "history/get")]
pub async fn get_summary(id: i64) -> Result<Summary, ErrorResponse> {
    use crate::server::error::AppError;
    let (state, identity) = ctx::person()?;
    match state.history.get(&identity.user, id).await {
        Ok(Some(summary)) => Ok(summary),
        Ok(None) => Err(ctx::fail(AppError::NotFound)),
        Err(e) => Err(ctx::fail(e.into())),
    }
}

#[server(prefix = "/api/ui", endpoint = "history/delete")]
pub async fn delete_summary(id: i64) -> Result<(), ErrorResponse> {
    use crate::server::error::AppError;
    let (state, identity) = ctx::person()?;
    match state.history.delete(&identity.user, id).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(ctx::fail(AppError::NotFound)),
        Err(e) => Err(ctx::fail(e.into())),
    }
}

#[server(prefix = "/api/ui", endpoint = "history/clear")]
pub async fn clear_history() -> Result<(), ErrorResponse> {
    let (state, identity) = ctx::person()?;
    state
        .history
        .clear(&identity.user)
        .await
        .map(|_| ())
        .map_err(|e| ctx::fail(e.into()))
}
