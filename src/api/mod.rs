//! Server functions: the page's API. Each one is a thin shell over the same services the REST
//! API uses; errors travel as [`ErrorResponse`](crate::domain::errors::ErrorResponse) with a
//! fitting HTTP status. (Summaries stream from `POST /api/v1/summaries/stream`, see
//! `server::routes`.)
//!
//! One file per area: [`catalog`], [`history`], [`account`] (sign-up, sign-in, password),
//! [`keys`] (API keys), [`settings`]. Answers travel as JSON read from text ([`codec`]).

pub mod account;
pub mod catalog;
pub mod codec;
pub mod history;
pub mod keys;
pub mod settings;

/// Reaching the server's state from inside a server function.
#[cfg(feature = "ssr")]
pub(crate) mod ctx {
    use axum::http::header::RETRY_AFTER;
    use axum::http::request::Parts;
    use axum::http::HeaderValue;
    use leptos::prelude::use_context;

    use crate::domain::errors::ErrorResponse;
    use crate::domain::settings::Lang;
    use crate::server::error::AppError;
    use crate::server::identity::Identity;
    use crate::server::lang::Failure;
    use crate::server::state::AppState;

    pub fn request() -> Result<(AppState, Identity), ErrorResponse> {
        let state = use_context::<AppState>()
            .ok_or_else(|| fail(AppError::Internal("AppState missing from context".into())))?;
        let identity = use_context::<Parts>()
            .and_then(|parts| parts.extensions.get::<Identity>().cloned())
            .ok_or_else(|| fail(AppError::Internal("identity middleware not applied".into())))?;
        Ok((state, identity))
    }

    /// Like [`request`], for server functions that act on a person's data: refused with
    /// `sign_in_required` for an anonymous visitor when the server doesn't allow them.
    pub fn person() -> Result<(AppState, Identity), ErrorResponse> {
        let (state, identity) = request()?;
        state.auth.permit(&identity).map_err(|e| fail(e.into()))?;
        Ok((state, identity))
    }

    /// The language this request is answered in (`server::lang`).
    pub async fn lang() -> crate::domain::settings::Lang {
        let parts = use_context::<Parts>();
        match (use_context::<AppState>(), parts) {
            (Some(state), Some(parts)) => {
                let identity = parts.extensions.get::<Identity>();
                crate::server::lang::negotiate(&state, identity, &parts.headers).await
            }
            _ => Default::default(),
        }
    }

    /// The request's parts (headers, the client's address).
    pub fn parts() -> Result<Parts, ErrorResponse> {
        use_context::<Parts>().ok_or_else(|| {
            fail(AppError::Internal(
                "request parts missing from context".into(),
            ))
        })
    }

    /// Whether this server function was called by an HTML form rather than the page's code
    /// (which asks for JSON): a POST that accepts `text/html`.
    fn is_html_form_post() -> bool {
        use_context::<Parts>().is_some_and(|parts| {
            parts.method == axum::http::Method::POST
                && parts
                    .headers
                    .get(axum::http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|accept| accept.contains("text/html"))
        })
    }

    /// Adds a `Set-Cookie` header to the server function's response.
    pub fn set_cookie(cookie: axum_extra::extract::cookie::Cookie<'static>) {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(value) = HeaderValue::from_str(&cookie.encoded().to_string()) {
                response.append_header(axum::http::header::SET_COOKIE, value);
            }
        }
    }

    /// Logs the cause, sets the response's status (and Retry-After), returns what the page shows.
    pub fn fail(e: AppError) -> ErrorResponse {
        let status = e.report();
        // Worded from the headers now; `tell_errors` words it again once the person's saved
        // language is known (it reads it only for a failure).
        let parts = use_context::<Parts>();
        let lang = parts
            .as_ref()
            .map_or(Lang::En, |p| crate::server::lang::from_headers(&p.headers));
        let public = e.public_in(lang);
        if let Some(failure) = parts.and_then(|p| p.extensions.get::<Failure>().cloned()) {
            failure.file(e);
        }
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            // A plain form post (a page whose WASM bundle has not loaded) is answered with a
            // redirect back to the form, the error in its URL: a status set here would replace
            // the 302 and leave the browser on the JSON body.
            if !is_html_form_post() {
                response.set_status(status);
            }
            if let Some(secs) = public.retry_after {
                response.insert_header(RETRY_AFTER, HeaderValue::from(secs));
            }
        }
        public.into()
    }
}
