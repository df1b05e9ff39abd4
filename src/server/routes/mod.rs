//! HTTP routes other than the pages: the REST API and health probes. Each area owns a router.

pub mod api;
pub mod health;
pub mod history;
pub mod stream;
