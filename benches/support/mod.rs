//! What the benchmarks that drive a real `precis` process share: the process itself
//! ([`server`]), a HuggingFace stand-in ([`upstream`]) and the identity cookie every request
//! then carries. Each bench includes it with `mod support;`.

#![allow(dead_code)] // each bench uses its own part of it

pub mod server;
pub mod upstream;

use std::error::Error;
use std::future::Future;
use std::path::{Path, PathBuf};

use reqwest::header::{HeaderValue, SET_COOKIE};
use reqwest::StatusCode;

pub type BenchResult<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// Runs a bench's body on a multi-threaded runtime. An error that kept it from running is
/// printed as "`name` failed to run: …" and gives `None`.
pub fn run<T>(name: &str, body: impl Future<Output = BenchResult<T>>) -> Option<T> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the OS gives us threads and an event loop");
    runtime
        .block_on(body)
        .map_err(|e| eprintln!("{name} failed to run: {e}"))
        .ok()
}

/// `$CARGO_TARGET_DIR`, or `target/` in the package.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// `$PRECIS_BIN`, or the release build in [`target_dir`]; an error saying how to build it when
/// it is missing.
pub fn precis_bin(script: &str) -> BenchResult<PathBuf> {
    let bin = std::env::var_os("PRECIS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("release/precis"));
    if bin.is_file() {
        Ok(bin)
    } else {
        Err(format!(
            "{} not found: build it with `cargo build --release --no-default-features \
             --features ssr --bin precis` ({script} does), or set PRECIS_BIN",
            bin.display()
        )
        .into())
    }
}

/// The identity cookie Precis hands out on a first `GET {base}{path}` (every request that
/// carries it then counts as one person).
pub async fn identity_cookie(base: &str, path: &str) -> BenchResult<HeaderValue> {
    let res = reqwest::get(format!("{base}{path}")).await?;
    if res.status() != StatusCode::OK {
        return Err(format!("GET {path} answered {}", res.status()).into());
    }
    let set_cookie = res
        .headers()
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| format!("GET {path} set no cookie"))?;
    let pair = set_cookie.split(';').next().unwrap_or_default().trim();
    if !pair.starts_with("precis_uid=") {
        return Err(format!("unexpected identity cookie {pair:?}").into());
    }
    Ok(HeaderValue::from_str(pair)?)
}

/// The load averages over 1, 5 and 15 minutes, as /proc gives them (empty where there is none).
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}
