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
use precis_knowledge::store::postgres::PgStore;
use precis_knowledge::store::sqlite::SqliteStore;
use precis_knowledge::store::{EmbedderId, VectorStore};
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;

use super::ask::routes::{documents, progress, questions};
use super::ask::Knowledge;
use super::auth::Auth;
use super::config::Settings;
use super::db::Db;
use super::error::AppError;
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
    #[error("PRECIS_KNOWLEDGE_URL must be a postgres:// URL (or unset, for the embedded store); it is {url}")]
    KnowledgeUrl { url: String },
    #[error("knowledge base: {0}")]
    Knowledge(#[from] precis_knowledge::store::StoreError),
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
    ask_limiter: RateLimiter,
    address: SocketAddr,
}

/// The per-person limits: summaries, and Ask's questions and documents.
struct Limiters<'a> {
    summaries: &'a RateLimiter,
    ask: &'a RateLimiter,
}

/// The knowledge base's store (PostgreSQL when `PRECIS_KNOWLEDGE_URL` names one, else Precis's
/// own SQLite file) and the services over it.
pub(crate) async fn knowledge(
    settings: &Settings,
    db: &Db,
    local: Arc<LocalModels>,
) -> Result<Knowledge, StartupError> {
    let embedder = Knowledge::embedder_id(&local).unwrap_or_else(|| EmbedderId {
        model: precis_engine::registry::EMBEDDER_DIR.to_string(),
        dims: 384,
    });
    let store: Arc<dyn VectorStore> = match &settings.ask.store_url {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Arc::new(PgStore::connect(url, embedder).await?)
        }
        Some(url) => {
            return Err(StartupError::KnowledgeUrl { url: url.clone() });
        }
        None => Arc::new(SqliteStore::open(db.write.clone(), db.read.clone(), embedder).await?),
    };
    tracing::info!(store = store.kind(), "knowledge base opened");
    Ok(Knowledge::with_writers(
        store,
        local,
        settings.ask.passages,
        settings.ask.retrieval,
        crate::server::ask::Writers::from_settings(&settings.ask, settings.hf.timeout),
    ))
}

/// The embedded engine's pool and models; language models start loading in the background.
pub(crate) async fn local_models(settings: &Settings) -> LocalModels {
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
        let knowledge = knowledge(&settings, &db, local.clone()).await?;
        if settings.ask.services.ingests() {
            let knowledge = knowledge.clone();
            tokio::spawn(async move { knowledge.resume().await });
        }
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
            knowledge,
            services: settings.ask.services,
        };
        let limiter = RateLimiter::new(settings.rate_limit);
        let ask_limiter = RateLimiter::new(settings.ask.rate_limit);
        let router = router(
            state.clone(),
            Limiters {
                summaries: &limiter,
                ask: &ask_limiter,
            },
            HeaderSettings {
                tls: settings.cookie_secure,
            },
        );
        Ok(Self {
            listener,
            router,
            state,
            limiter,
            ask_limiter,
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
        let ask_cleanup = self.ask_limiter.spawn_cleanup();
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
        ask_cleanup.abort();
        self.state.knowledge.stop_indexing();
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

fn router(state: AppState, limiters: Limiters<'_>, headers: HeaderSettings) -> Router {
    let services = state.services;
    let person = middleware::from_fn_with_state(state.clone(), require_person);
    let mut routes = Router::new()
        .merge(health::router())
        .merge(super::routes::openapi::router());
    // The ingestion service: documents in, listed, followed, removed.
    if services.ingests() {
        routes = routes.merge(
            documents::add_router()
                .route_layer(limiters.ask.layer())
                .route_layer(person.clone()),
        );
    }
    // Both services read the document list.
    routes = routes.merge(
        documents::read_router()
            .merge(documents::one_router(services.ingests()))
            .merge(progress::router())
            .route_layer(person.clone()),
    );
    // The question service.
    if services.answers() {
        routes = routes
            .merge(
                questions::ask_router()
                    .route_layer(limiters.ask.layer())
                    .route_layer(person.clone()),
            )
            .merge(questions::models_router());
    }
    if services.pages() {
        // Everything that summarizes (REST and the page's stream) goes through the limiter; it
        // and the history need a person (an account, or an anonymous visitor where allowed).
        routes = routes
            .merge(
                api::summarize_router()
                    .route_layer(limiters.summaries.layer())
                    .route_layer(person.clone()),
            )
            .merge(
                stream::router()
                    .route_layer(limiters.summaries.layer())
                    .route_layer(person.clone()),
            )
            .merge(history_routes::router().route_layer(person))
            .merge(account::router())
            .merge(super::routes::models::router())
            .fallback_service(pages(&state));
    } else {
        routes = routes
            .fallback(not_served)
            .method_not_allowed_fallback(not_served);
    }
    routes
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(state.clone(), identify))
        .layer(middleware::from_fn(refuse_cross_origin))
        .layer(middleware::from_fn_with_state(headers, security_headers))
        .layer(middleware::from_fn(limit_bodies))
        // Every error worded in the request's language (errors from the layers above too).
        .layer(middleware::from_fn_with_state(state.clone(), tell_errors))
        // Failures are logged once, with their cause, by AppError::report.
        .layer(TraceLayer::new_for_http().on_failure(()))
}

/// The pages (the studio, Ask, accounts), rendered on the server and hydrated.
fn pages(state: &AppState) -> Router {
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
    Router::new()
        .leptos_routes_with_context(state, routes, page_context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(page_context, shell))
        .with_state(state.clone())
}

/// What a service-only instance answers for anything it does not serve.
async fn not_served(axum::extract::State(state): axum::extract::State<AppState>) -> AppError {
    AppError::NotServed {
        ingest_only: !state.services.answers(),
    }
}

/// The largest body a request to `path` may send.
fn body_limit(path: &str) -> usize {
    if path == documents::PATH {
        documents::BODY_LIMIT
    } else {
        MAX_BODY_BYTES
    }
}

/// Bodies over the route's limit are refused: those announced larger at once, with our error
/// shape and a sentence; those that grow past it while read, by the extractor reading them.
async fn limit_bodies(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = body_limit(req.uri().path());
    let announced = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    match announced {
        Some(bytes) if bytes > limit && limit == documents::BODY_LIMIT => {
            let invalid = crate::domain::ask::AskProblem::DocumentTooLarge {
                bytes: bytes as u64,
                limit: crate::domain::ask::document::MAX_DOCUMENT_BYTES,
            }
            .invalid();
            AppError::from(invalid).into_response()
        }
        Some(bytes) if bytes > limit => {
            let invalid = crate::domain::params::Invalid::new(
                crate::domain::errors::ErrorCode::TextTooLong,
                crate::domain::errors::Field::Text,
                crate::domain::params::Reason::BodyTooLarge {
                    kb: bytes / 1024,
                    max_kb: limit / 1024,
                },
            );
            AppError::from(invalid).into_response()
        }
        _ => {
            let (parts, body) = req.into_parts();
            let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
            next.run(axum::extract::Request::from_parts(parts, body))
                .await
        }
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
