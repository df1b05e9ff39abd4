//! A HuggingFace stand-in: `POST /models/{id}` answers a summary, after a delay if asked. It
//! parses the JSON body, so a malformed upstream request from Precis shows up as an error.

use std::net::SocketAddr;
use std::time::Duration;

use axum::routing::post;
use axum::{Json, Router};
use reqwest::header::CONTENT_TYPE;
use serde_json::Value;
use tokio::net::TcpListener;

use super::BenchResult;

/// What the mock answers: the summarization task's answer.
pub const MOCK_ANSWER: &str = r#"[{"summary_text": "A short summary."}]"#;

/// Starts the mock on a free port, in this process; returns its address.
pub async fn start(delay: Option<Duration>) -> BenchResult<SocketAddr> {
    let app = Router::new().route(
        "/models/{*id}",
        post(move |Json(_request): Json<Value>| async move {
            if let Some(delay) = delay {
                tokio::time::sleep(delay).await;
            }
            ([(CONTENT_TYPE, "application/json")], MOCK_ANSWER)
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("mock upstream on {addr} stopped: {e}");
        }
    });
    Ok(addr)
}

/// The settings that point Precis at the mock, with the upstream limits out of the way.
pub fn precis_env(addr: SocketAddr) -> [(&'static str, String); 3] {
    [
        ("HF_TOKEN", "bench".to_string()),
        ("HF_BASE_URL", format!("http://{addr}")),
        ("HF_MAX_CONCURRENCY", "2048".to_string()),
    ]
}
