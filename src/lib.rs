#![recursion_limit = "256"]
//! Precis: a self-hostable summarization studio.
//!
//! - [`domain`]: rules and data shapes shared by the browser and the server.
//! - [`api`]: server functions, the page's API.
//! - [`ui`]: the page (Leptos components), rendered on the server and hydrated in the browser.
//! - `server` (feature `ssr`): configuration, providers, storage, HTTP routes, start-up.

pub mod api;
pub mod domain;
pub mod i18n;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the WASM bundle: attaches the page's behaviour to the server-rendered HTML.
/// Asynchronously: a page split out of the main bundle (`ui::pages`) hydrates once its chunk
/// has arrived.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(ui::App);
}
