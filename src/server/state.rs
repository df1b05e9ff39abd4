//! What every handler and server function can reach.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use super::ask::{Knowledge, Services};
use super::auth::Auth;
use super::db::Db;
use super::history::History;
use super::identity::CookieConfig;
use super::service::Summarizer;
use super::sort::Classifier;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub history: History,
    pub summarizer: Summarizer,
    pub cookies: CookieConfig,
    pub auth: Auth,
    pub knowledge: Knowledge,
    /// Sort: handwritten or typed.
    pub classifier: Classifier,
    pub services: Services,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for CookieConfig {
    fn from_ref(state: &AppState) -> Self {
        state.cookies.clone()
    }
}
