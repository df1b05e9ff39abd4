//! Integration tests: the real application on a random port, a temporary database, and a
//! wiremock server standing in for the HuggingFace Inference API. One binary, so it links once.

mod accounts;
mod ask;
mod cancel;
mod concurrency;
mod delivery;
mod engine;
mod errors;
mod free_text;
mod health;
mod helpers;
mod history;
mod history_search;
mod i18n;
mod isolation;
mod keys;
mod limits;
mod loading;
mod models;
mod openapi;
mod security;
mod sort;
mod summarize;
