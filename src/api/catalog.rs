//! The models this server offers.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::domain::errors::ErrorResponse;
use crate::domain::models::Catalog;
use crate::domain::settings::Lang;

/// Models this server offers, described in `lang` (the page's language; `None`: the
/// request's, as for every sentence the server writes).
#[server(prefix = "/api/ui", endpoint = "catalog", output = crate::api::codec::JsonAnswer)]
pub async fn get_catalog(lang: Option<Lang>) -> Result<Catalog, ErrorResponse> {
    let (state, _) = ctx::request()?;
    let lang = match lang {
        Some(lang) => lang,
        None => ctx::lang().await,
    };
    Ok(state.summarizer.providers().catalog(lang).clone())
}
