//! Builds the application from settings: database, providers, routes, listener.
//! Tests build it on port 0 and talk to it over HTTP like any client.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::middleware;
use axum::routing::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use precis_engine::hub::HubModel;
use precis_engine::pool::InferencePool;
use precis_engine::registry::LocalModels;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use super::auth::Auth;
use super::config::Settings;
use super::db::Db;
use super::history::History;
use super::identity::{self, identify, require_person, CookieConfig, KeyError};
use super::lang::tell_errors;
use super::providers::catalog::{CatalogError, Providers};
use super::rate_limit::RateLimiter;
use super::routes::{account, api, health, history as history_routes, stream};
use super::security::{refuse_cross_origin, security_headers, CspNonce, HeaderSettings};
use super::service::Summarizer;
use super::state::AppState;
use crate::ui::{shell, App};

/// Largest request body accepted (the text limit is 100,000 characters, up to 4 bytes each).
const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    CookieKey(#[from] KeyError),
    #[error(transparent)]
    Providers(#[from] CatalogError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    limiter: RateLimiter,
    address: SocketAddr,
}

/// The embedded engine's pool and models; language models start loading in the background.
async fn local_models(settings: &Settings) -> LocalModels {
    let engine = &settings.engine;
    let pool = InferencePool::new(settings.local_workers, engine.queue);
    let hub: Vec<HubModel> = engine
        .hub_models
        .iter()
        .filter_map(|m| {
            let parsed = HubModel::parse(m);
            if parsed.is_none() {
                tracing::warn!(entry = %m, "PRECIS_HF_MODELS entry ignored: expected owner/repo or owner/repo/file.gguf");
            }
            parsed
        })
        .collect();
    let models =
        LocalModels::discover(engine.models_dir.clone(), pool, &hub, engine.batching).await;
    if engine.preload {
        for entry in &models.llms {
            if let Ok(llm) = &entry.llm {
                let llm = llm.clone();
                tokio::task::spawn_blocking(move || llm.load());
            }
        }
    }
    models
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        std::fs::create_dir_all(&settings.data_dir).map_err(|source| StartupError::DataDir {
            path: settings.data_dir.display().to_string(),
            source,
        })?;
        let db = Db::connect(&settings.database_url).await?;
        let key = identity::load_key(
            settings.cookie_secret.as_ref().map(|s| s.expose()),
            &settings.data_dir,
        )?;
        let local = Arc::new(local_models(&settings).await);
        let providers = Providers::from_settings(&settings, local.clone())?;
        let history = History::start(db.clone()).await?;
        let auth = Auth::new(
            db.clone(),
            history.clone(),
            &settings.auth,
            settings.cookie_secure,
        );
        match auth.sessions().purge_expired().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "expired sessions deleted"),
            Err(e) => tracing::warn!(error = %e, "could not delete expired sessions"),
        }

        let listener =
            TcpListener::bind(settings.addr)
                .await
                .map_err(|source| StartupError::Bind {
                    addr: settings.addr,
                    source,
                })?;
        let address = listener.local_addr().map_err(|source| StartupError::Bind {
            addr: settings.addr,
            source,
        })?;

        let leptos_options = LeptosOptions::builder()
            .output_name("precis")
            .site_root(settings.site_root.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(address)
            .env(Env::PROD)
            .build();
        let state = AppState {
            leptos_options,
            db,
            history: history.clone(),
            summarizer: Summarizer::new(providers, history),
            cookies: CookieConfig {
                key,
                secure: settings.cookie_secure,
            },
            auth,
        };
        let limiter = RateLimiter::new(settings.rate_limit);
        let router = router(
            state.clone(),
            &limiter,
            HeaderSettings {
                tls: settings.cookie_secure,
            },
        );
        Ok(Self {
            listener,
            router,
            state,
            limiter,
            address,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `stop` completes, then finishes the requests in flight.
    pub async fn run_until(
        self,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let cleanup = self.limiter.spawn_cleanup();
        let login_limiter = self.state.auth.limiter().clone();
        let login_cleanup = tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                login_limiter.forget_idle();
            }
        });
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        let served = axum::serve(self.listener, service)
            .with_graceful_shutdown(stop)
            .await;
        cleanup.abort();
        login_cleanup.abort();
        if let Err(e) = self.state.history.flush().await {
            tracing::error!(error = %e, "history not flushed at shutdown");
        }
        self.state.db.close().await;
        tracing::info!("stopped");
        served
    }
}

/// The pages' routes, generated once per process: the same for every [`Application`].
///
/// `generate_route_list` runs the app with resource loading suppressed through a process-wide
/// flag, and a resource that first runs while it is set never resolves (leptos-rs/leptos#4773):
/// a page rendered at that moment by another `Application` in the same process (the integration
/// tests run many) would never be answered. Generated once, before any application serves, the
/// window never overlaps a render.
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn router(state: AppState, limiter: &RateLimiter, headers: HeaderSettings) -> Router {
    let routes = page_routes();
    // What every page render gets, the 404 page's too (without it, its hydration script
    // carried no nonce and never ran, and the person's theme was not read).
    let page_context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            // The CSP header of this response names this nonce; Leptos puts it on the
            // inline hydration script.
            let nonce = use_context::<axum::http::request::Parts>()
                .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
            if let Some(CspNonce(nonce)) = nonce {
                provide_context(leptos::nonce::Nonce::from_value(nonce));
            }
        }
    };
    let pages: Router = Router::new()
        .leptos_routes_with_context(&state, routes, page_context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(page_context, shell))
        .with_state(state.clone());

    // Everything that summarizes (REST and the page's stream) goes through the limiter; it and
    // the history need a person (an account, or an anonymous visitor where they are allowed).
    let person = middleware::from_fn_with_state(state.clone(), require_person);
    Router::new()
        .merge(
            api::summarize_router()
                .route_layer(limiter.layer())
                .route_layer(person.clone()),
        )
        .merge(
            stream::router()
                .route_layer(limiter.layer())
                .route_layer(person.clone()),
        )
        .merge(history_routes::router().route_layer(person))
        .merge(account::router())
        .merge(health::router())
        .merge(super::routes::models::router())
        .merge(super::routes::openapi::router())
        .fallback_service(pages)
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(state.clone(), identify))
        .layer(middleware::from_fn(refuse_cross_origin))
        .layer(middleware::from_fn_with_state(headers, security_headers))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn(refuse_oversized_bodies))
        // Every error worded in the request's language (errors from the layers above too).
        .layer(middleware::from_fn_with_state(state.clone(), tell_errors))
        // Failures are logged once, with their cause, by AppError::report.
        .layer(TraceLayer::new_for_http().on_failure(()))
}

/// Bodies announced as larger than the limit get our error shape and a sentence; the limit layer
/// behind it still stops bodies that grow past it without announcing their size.
async fn refuse_oversized_bodies(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let announced = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    match announced {
        Some(bytes) if bytes > MAX_BODY_BYTES => {
            let invalid = crate::domain::params::Invalid::new(
                crate::domain::errors::ErrorCode::TextTooLong,
                crate::domain::errors::Field::Text,
                crate::domain::params::Reason::BodyTooLarge {
                    kb: bytes / 1024,
                    max_kb: MAX_BODY_BYTES / 1024,
                },
            );
            super::error::AppError::from(invalid).into_response()
        }
        _ => next.run(req).await,
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
