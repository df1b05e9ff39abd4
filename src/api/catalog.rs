//! The models this server offers.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::domain::errors::ErrorResponse;
use crate::domain::models::Catalog;

/// Models this server offers.
#[server(prefix = "/api/ui", endpoint = "catalog")]
pub async fn get_catalog() -> Result<Catalog, ErrorResponse> {
    let (state, _) = ctx::request()?;
    Ok(state.summarizer.providers().catalog().clone())
}
