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
    let provider = if settings.hf.token.is_some() {
        "HuggingFace Inference API + local engine"
    } else {
        "local engine only (set HF_TOKEN for HuggingFace models)"
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
