//! The person's history: list (search, filters, pages), the models used, open, delete, clear.
//! (Exports are plain links to `GET /api/v1/summaries/export`.)

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::domain::errors::ErrorResponse;
use crate::domain::history::{HistoryPage, HistoryParams};
use crate::domain::summary::Summary;

/// One page of the person's history, newest first. `params` is checked here again (the
/// browser checks it too, but the server never trusts it). With no filter set the browser
/// sends no field at all, hence `default`.
#[server(prefix = "/api/ui", endpoint = "history", output = crate::api::codec::JsonAnswer)]
pub async fn list_history(
    #[server(default)] params: HistoryParams,
) -> Result<HistoryPage, ErrorResponse> {
    use crate::domain::history::HistoryQuery;
    let (state, identity) = ctx::person()?;
    let query = HistoryQuery::parse(&params).map_err(|e| ctx::fail(e.into()))?;
    state
        .history
        .list(&identity.user, &query)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

/// The models the person has summaries from: the model filter's choices.
#[server(prefix = "/api/ui", endpoint = "history/models", output = crate::api::codec::JsonAnswer)]
pub async fn history_models() -> Result<Vec<String>, ErrorResponse> {
    let (state, identity) = ctx::person()?;
    state
        .history
        .models(&identity.user)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

#[server(prefix = "/api/ui", endpoint = "history/get", output = crate::api::codec::JsonAnswer)]
pub async fn get_summary(id: i64) -> Result<Summary, ErrorResponse> {
    use crate::server::error::AppError;
    let (state, identity) = ctx::person()?;
    match state.history.get(&identity.user, id).await {
        Ok(Some(summary)) => Ok(summary),
        Ok(None) => Err(ctx::fail(AppError::NotFound)),
        Err(e) => Err(ctx::fail(e.into())),
    }
}

#[server(prefix = "/api/ui", endpoint = "history/delete", output = crate::api::codec::JsonAnswer)]
pub async fn delete_summary(id: i64) -> Result<(), ErrorResponse> {
    use crate::server::error::AppError;
    let (state, identity) = ctx::person()?;
    match state.history.delete(&identity.user, id).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(ctx::fail(AppError::NotFound)),
        Err(e) => Err(ctx::fail(e.into())),
    }
}

#[server(prefix = "/api/ui", endpoint = "history/clear", output = crate::api::codec::JsonAnswer)]
pub async fn clear_history() -> Result<(), ErrorResponse> {
    let (state, identity) = ctx::person()?;
    state
        .history
        .clear(&identity.user)
        .await
        .map(|_| ())
        .map_err(|e| ctx::fail(e.into()))
}
