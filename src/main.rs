use std::process::ExitCode;

use precis::server::config::Settings;
use precis::server::startup::Application;
use precis::server::telemetry;

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            tracing::error!("configuration: {e}");
            return ExitCode::FAILURE;
        }
    };
    // `precis healthcheck`: for container health checks (the runtime image has no curl).
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("healthcheck") => return healthcheck(settings.addr).await,
        // `precis ingest <files or folders>`, `precis library [remove <id>]`: the shared library
        Some("ingest" | "library") => return precis::server::ask::cli::run(settings, &args).await,
        // `precis classifier train|evaluate`: Sort's models
        Some("classifier") => return precis::server::sort::cli::run(settings, &args).await,
        _ => {}
    }
    let provider = if settings.hf.token.is_some() {
        "HuggingFace Inference API + local engine"
    } else {
        "local engine only; set HF_TOKEN for HuggingFace models"
    };
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(e) => {
            tracing::error!("cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("Precis is ready at http://{} ({provider})", app.address());
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("server error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Exits 0 when the server on `addr` answers `/readyz`.
async fn healthcheck(mut addr: std::net::SocketAddr) -> ExitCode {
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(3))
        .build();
    let ready = match client {
        Ok(c) => c.get(format!("http://{addr}/readyz")).send().await,
        Err(e) => Err(e),
    };
    match ready {
        Ok(res) if res.status().is_success() => ExitCode::SUCCESS,
        Ok(res) => {
            eprintln!("not ready: HTTP {}", res.status());
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("not ready: {e}");
            ExitCode::FAILURE
        }
    }
}
