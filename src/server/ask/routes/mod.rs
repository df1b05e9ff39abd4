//! The Ask services' HTTP routes: the ingestion service's ([`documents`]) and the question
//! service's ([`questions`]). Which are mounted depends on [`super::Services`].

pub mod documents;
pub mod openapi;
pub mod progress;
pub mod questions;
