//! API keys from the page: list, create (the secret is shown once), revoke.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::domain::account::{ApiKeyInfo, NewApiKey};
use crate::domain::errors::ErrorResponse;

/// The account's keys that are not revoked, newest first.
#[server(prefix = "/api/ui", endpoint = "keys", output = crate::api::codec::JsonAnswer)]
pub async fn list_keys() -> Result<Vec<ApiKeyInfo>, ErrorResponse> {
    let (state, identity) = ctx::request()?;
    state
        .auth
        .keys()
        .list(&identity)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

/// Creates a key; the answer holds its secret, which is never shown again.
#[server(prefix = "/api/ui", endpoint = "keys/create", output = crate::api::codec::JsonAnswer)]
pub async fn create_key(name: String) -> Result<NewApiKey, ErrorResponse> {
    let (state, identity) = ctx::request()?;
    state
        .auth
        .keys()
        .create(&identity, &name)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

/// Revokes a key: requests made with it are refused from now on.
#[server(prefix = "/api/ui", endpoint = "keys/revoke", output = crate::api::codec::JsonAnswer)]
pub async fn revoke_key(id: i64) -> Result<(), ErrorResponse> {
    let (state, identity) = ctx::request()?;
    state
        .auth
        .keys()
        .revoke(&identity, id)
        .await
        .map_err(|e| ctx::fail(e.into()))
}
