//! A person's settings from the page: language, theme, default model and parameters.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::domain::errors::ErrorResponse;
use crate::domain::settings::UserSettings;

/// The person's settings (defaults when they never saved any).
#[server(prefix = "/api/ui", endpoint = "settings", output = crate::api::codec::JsonAnswer)]
pub async fn get_settings() -> Result<UserSettings, ErrorResponse> {
    let (state, identity) = ctx::request()?;
    state
        .auth
        .settings()
        .get(&identity.user)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

/// Replaces the person's settings; answers with what was saved.
#[server(prefix = "/api/ui", endpoint = "settings/save", input = Json, output = crate::api::codec::JsonAnswer)]
pub async fn save_settings(settings: UserSettings) -> Result<UserSettings, ErrorResponse> {
    let (state, identity) = ctx::request()?;
    state
        .auth
        .settings()
        .save(&identity.user, &settings)
        .await
        .map_err(|e| ctx::fail(e.into()))
}
