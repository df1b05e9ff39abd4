//! The application's router: which routes each service mounts, the pages, and the layers
//! every request goes through (identity, origin, headers, body limits, errors in its language).

use std::path::Path;
use std::sync::OnceLock;

use axum::extract::Request;
use axum::http::header::CACHE_CONTROL;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use super::chunks::PageChunks;
use super::static_files::{self, CachePolicy};

use crate::server::ask::routes::{documents, progress, questions};
use crate::server::error::AppError;
use crate::server::identity::{identify, require_person};
use crate::server::lang::tell_errors;
use crate::server::rate_limit::RateLimiter;
use crate::server::routes::{account, api, health, history as history_routes, stream};
use crate::server::security::{refuse_cross_origin, security_headers, CspNonce, HeaderSettings};
use crate::server::sort::routes as sort_routes;
use crate::server::state::AppState;
use crate::ui::{shell, App};

/// Largest request body accepted (the text limit is 100,000 characters, up to 4 bytes each).
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The per-person limits: summaries, Ask's questions and documents, and the classifier's
/// predictions and evaluations.
pub(super) struct Limiters<'a> {
    pub(super) summaries: &'a RateLimiter,
    pub(super) ask: &'a RateLimiter,
    pub(super) classifier: &'a RateLimiter,
}

/// The pages' routes, generated once per process: the same for every
/// [`Application`](super::Application).
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

pub(super) fn router(state: AppState, limiters: Limiters<'_>, headers: HeaderSettings) -> Router {
    let services = state.services;
    let person = middleware::from_fn_with_state(state.clone(), require_person);
    let mut routes = Router::new()
        .merge(health::router())
        .merge(crate::server::routes::openapi::router());
    // The ingestion service: documents in, listed, followed, removed.
    if services.ingests() {
        routes = routes.merge(
            documents::add_router()
                .route_layer(limiters.ask.layer())
                .route_layer(person.clone()),
        );
    }
    // Both services read the document list.
    if services.knows() {
        routes = routes.merge(
            documents::read_router()
                .merge(documents::one_router(services.ingests()))
                .merge(progress::router())
                .route_layer(person.clone()),
        );
    }
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
    // Sort's classifier: predicting and evaluating are limited per person; training is for
    // operators (checked by the handlers), one job at a time.
    if services.classifies() {
        routes = routes
            .merge(
                sort_routes::predict::router()
                    .merge(sort_routes::evaluate::router())
                    .route_layer(limiters.classifier.layer())
                    .route_layer(person.clone()),
            )
            .merge(sort_routes::models::router())
            .merge(sort_routes::report::router())
            .merge(sort_routes::train::router().route_layer(person.clone()));
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
            .merge(crate::server::routes::models::router())
            .fallback_service(pages(&state));
    } else {
        routes = routes
            .fallback(not_served)
            .method_not_allowed_fallback(not_served);
    }
    let routes = routes
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(state.clone(), identify));
    // The files the pages load: outside the identity layer (no cookie, no session lookup).
    let routes = if services.pages() {
        static_files::router(Path::new(&*state.leptos_options.site_root)).merge(routes)
    } else {
        routes
    };
    routes
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
    let options = state.leptos_options.clone();
    let page_shell = move || shell(options.clone());
    // Any other address: the 404 page (static files have their own routes, outside this router).
    let not_found = {
        let render =
            leptos_axum::render_app_async_with_context(page_context.clone(), page_shell.clone());
        move |req: Request| {
            let render = render.clone();
            async move {
                let mut response = render(req).await;
                // A redirect (or another status the page chose) is kept.
                if response.status() == StatusCode::OK {
                    *response.status_mut() = StatusCode::NOT_FOUND;
                }
                response
            }
        }
    };
    let chunks = std::sync::Arc::new(PageChunks::load(Path::new(
        state.leptos_options.site_root.as_ref(),
    )));
    Router::new()
        .leptos_routes_with_context(state, routes, page_context, page_shell)
        .fallback(not_found)
        .with_state(state.clone())
        .layer(middleware::from_fn(move |request, next| {
            chunks.clone().name_them(request, next)
        }))
        // A page is made per request, so compressed as it is sent (gzip: ~16 kB of HTML becomes
        // ~4 kB; the bundle's files are compressed at build time, static_files.rs).
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            CACHE_CONTROL,
            CachePolicy::Page.header_value(),
        ))
}

/// What a service-only instance answers for anything it does not serve.
async fn not_served(axum::extract::State(state): axum::extract::State<AppState>) -> AppError {
    AppError::NotServed {
        services: state.services,
    }
}

/// The largest body a request to `path` may send.
fn body_limit(path: &str) -> usize {
    match path {
        documents::PATH => documents::BODY_LIMIT,
        sort_routes::predict::PATH => sort_routes::predict::BODY_LIMIT,
        _ => MAX_BODY_BYTES,
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
        Some(bytes) if bytes > limit && limit == sort_routes::predict::BODY_LIMIT => {
            AppError::from(crate::server::sort::SortError::FileTooLarge {
                bytes: Some(bytes as u64),
            })
            .into_response()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::pages::SPLIT_PAGES;

    /// Each split page's address, for which the server names chunks, is a page's address.
    #[tokio::test]
    async fn every_split_page_is_a_route() {
        let paths: Vec<String> = page_routes().iter().map(|r| r.path().to_owned()).collect();
        for (path, _) in SPLIT_PAGES {
            assert!(
                paths.iter().any(|p| p == path),
                "{path} is not among {paths:?}"
            );
        }
    }
}
