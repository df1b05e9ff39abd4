//! Builds the application from settings: database, providers, routes, listener.
//! Tests build it on port 0 and talk to it over HTTP like any client.
//!
//! The router and its layers are in `router`; the engine's models and the knowledge base in
//! `backends`.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::routing::Router;
use leptos::prelude::*;
use tokio::net::TcpListener;

use super::auth::Auth;
use super::config::Settings;
use super::db::Db;
use super::history::History;
use super::identity::{self, CookieConfig, KeyError};
use super::providers::catalog::{CatalogError, Providers};
use super::rate_limit::RateLimiter;
use super::security::HeaderSettings;
use super::service::Summarizer;
use super::state::AppState;

mod backends;
mod chunks;
mod router;
mod static_files;

pub(crate) use backends::{knowledge, local_models};
use router::{router, Limiters};

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
    #[error("classifier: {0}")]
    Classifier(#[from] super::sort::SortError),
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
    classifier_limiter: RateLimiter,
    address: SocketAddr,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        std::fs::create_dir_all(&settings.data_dir).map_err(|source| StartupError::DataDir {
            path: settings.data_dir.display().to_string(),
            source,
        })?;
        let db = Db::connect_with(&settings.database_url, settings.durability).await?;
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
        let classifier = super::sort::Classifier::start(
            &settings.sort,
            &settings.data_dir,
            settings.queue_timeout,
            db.clone(),
            settings.ask.services.classifies(),
        )
        .await?;
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

        // With a hash file (scripts/build.sh writes one), the pages name the content-hashed
        // bundle; without (a site built otherwise), its plain names.
        let hash_file = static_files::hash_file(&settings.site_root);
        let leptos_options = LeptosOptions::builder()
            .output_name("precis")
            .hash_files(hash_file.is_some())
            .hash_file(
                hash_file
                    .map(|path| path.display().to_string())
                    .unwrap_or_else(|| static_files::HASH_FILE.to_string())
                    .into(),
            )
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
            classifier,
            services: settings.ask.services,
        };
        let limiter = RateLimiter::new(settings.rate_limit);
        let ask_limiter = RateLimiter::new(settings.ask.rate_limit);
        let classifier_limiter = RateLimiter::new(settings.sort.rate_limit);
        let router = router(
            state.clone(),
            Limiters {
                summaries: &limiter,
                ask: &ask_limiter,
                classifier: &classifier_limiter,
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
            classifier_limiter,
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
        let classifier_cleanup = self.classifier_limiter.spawn_cleanup();
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
        classifier_cleanup.abort();
        self.state.knowledge.stop_indexing();
        self.state.classifier.stop_training();
        login_cleanup.abort();
        if let Err(e) = self.state.history.flush().await {
            tracing::error!(error = %e, "history not flushed at shutdown");
        }
        self.state.db.close().await;
        tracing::info!("stopped");
        served
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
