//! HTTP routes other than the pages: the REST API, its OpenAPI document and health probes.
//! Each area owns a router.

pub mod account;
pub mod api;
pub mod health;
pub mod history;
pub mod models;
pub mod openapi;
pub mod stream;
