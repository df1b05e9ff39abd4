//! Everything that runs only on the server (feature `ssr`).

pub mod ask;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod history;
pub mod identity;
pub mod lang;
pub mod longdoc;
pub mod openapi;
pub mod providers;
pub mod rate_limit;
pub mod routes;
pub mod security;
pub mod service;
pub mod sort;
pub mod startup;
pub mod state;
pub mod telemetry;
