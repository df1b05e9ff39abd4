//! The language the server answers in: the person's setting (saved with their account or
//! anonymous id), else the page's language cookie, else the browser's `Accept-Language`, else
//! English. Every sentence the server writes — errors over REST and to the page, model
//! descriptions — is told in it; the error `code` stays the same for scripts.
//!
//! Errors are worded at the edge, once: a failure leaves the handler as a typed [`AppError`]
//! (a REST handler's `IntoResponse` attaches it to the response, a server function files it in
//! the request's [`Failure`] slot), and [`tell_errors`], the outermost layer, finds the
//! request's language — reading the saved setting only then, so a request that succeeds costs
//! no lookup — and writes the body in it.

use std::sync::{Arc, Mutex};

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_LENGTH, COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use super::error::AppError;
use super::identity::Identity;
use super::state::AppState;
use crate::domain::errors::ErrorResponse;
use crate::domain::settings::Lang;

/// The request's language, for handlers that write sentences themselves (the model list, the
/// summary stream's error events).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLang(pub Lang);

impl FromRequestParts<AppState> for RequestLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let identity = parts.extensions.get::<Identity>();
        Ok(Self(negotiate(state, identity, &parts.headers).await))
    }
}

/// The language for a request from `identity` with `headers`.
pub async fn negotiate(state: &AppState, identity: Option<&Identity>, headers: &HeaderMap) -> Lang {
    if let Some(identity) = identity {
        match state.auth.settings().get(&identity.user).await {
            Ok(settings) => {
                if let Some(lang) = settings.lang {
                    return lang;
                }
            }
            // Still answer, in the language the headers ask for.
            Err(e) => tracing::warn!(error = %e, "settings unreadable: language from headers"),
        }
    }
    from_headers(headers)
}

/// The page's language cookie, else `Accept-Language`, else English.
pub fn from_headers(headers: &HeaderMap) -> Lang {
    let prefs = crate::ui::prefs_store::from_headers(headers);
    prefs
        .settings
        .lang
        .or(prefs.browser_lang)
        .unwrap_or_default()
}

/// A failure waiting to be worded: on an error response's extensions.
#[derive(Clone)]
pub struct Untold(pub Arc<AppError>);

/// Where a server function files its failure (the response it makes is Leptos's), in the
/// request's extensions: the same slot in every clone of them.
#[derive(Clone, Default)]
pub struct Failure(Arc<Mutex<Option<Arc<AppError>>>>);

impl Failure {
    pub fn file(&self, error: AppError) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(error));
    }

    fn take(&self) -> Option<Arc<AppError>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// Middleware (outermost): words every error response in the request's language.
pub async fn tell_errors(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    // Only what choosing a language reads is kept: the request itself moves on.
    let mut headers = HeaderMap::new();
    for name in [COOKIE, ACCEPT_LANGUAGE] {
        for value in req.headers().get_all(&name) {
            headers.append(name.clone(), value.clone());
        }
    }
    let failure = Failure::default();
    req.extensions_mut().insert(failure.clone());
    let mut response = next.run(req).await;
    // What the body says now: English from `IntoResponse`; a server function's, in the
    // headers' language (`api::ctx::fail`).
    let (error, worded_in) = match response.extensions_mut().remove::<Untold>() {
        Some(Untold(error)) => (error, Lang::En),
        // A server function's JSON error; not a plain form's redirect (its error is in the
        // address it redirects to), nor a page whose rendering called a failing function.
        None if (response.status().is_client_error() || response.status().is_server_error())
            && is_json(&response) =>
        {
            match failure.take() {
                Some(error) => (error, from_headers(&headers)),
                None => return response,
            }
        }
        None => return response,
    };
    let identity = response.extensions().get::<Identity>().cloned();
    let lang = negotiate(&state, identity.as_ref(), &headers).await;
    if lang == worded_in {
        return response;
    }
    let body = ErrorResponse::from(error.public_in(lang));
    match serde_json::to_vec(&body) {
        Ok(json) => {
            response
                .headers_mut()
                .insert(CONTENT_LENGTH, HeaderValue::from(json.len()));
            *response.body_mut() = axum::body::Body::from(json);
        }
        Err(e) => tracing::error!(error = %e, "error body not serialisable: left as worded"),
    }
    response
}
