//! Browser-facing protections, as two middlewares:
//! - [`refuse_cross_origin`]: CSRF defence for every state-changing request (forms, server
//!   functions, REST) — the browser's own `Sec-Fetch-Site` / `Origin` headers must say the
//!   request comes from Precis's own pages. The algorithm of Go's `http.CrossOriginProtection`:
//!   requests without either header are not from a browser (every current browser sends one of
//!   them on a cross-origin POST), and requests with an `Authorization` header carry no ambient
//!   credentials, so both pass.
//! - [`security_headers`]: Content-Security-Policy with a per-response nonce (the only inline
//!   script is Leptos's hydration loader, which carries it; `'wasm-unsafe-eval'` lets the WASM
//!   module compile), no MIME sniffing, no framing, a same-origin referrer policy.

use axum::extract::{Request, State};
use axum::http::header::{
    AUTHORIZATION, CONTENT_SECURITY_POLICY, HOST, ORIGIN, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::auth::tokens::random_secret;
use super::error::AppError;

/// The nonce of this response's Content-Security-Policy (the page's inline script carries it).
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// Settings of [`security_headers`].
#[derive(Debug, Clone, Copy)]
pub struct HeaderSettings {
    /// Served over TLS: also send Strict-Transport-Security.
    pub tls: bool,
}

pub async fn refuse_cross_origin(req: Request, next: Next) -> Response {
    if is_cross_origin_write(req.method(), req.headers()) {
        return AppError::CrossOrigin.into_response();
    }
    next.run(req).await
}

/// Whether a request must be refused as a cross-site request forgery.
pub fn is_cross_origin_write(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if headers.contains_key(AUTHORIZATION) {
        return false;
    }
    let text = |name: HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let origin_matches = || match (text(ORIGIN), text(HOST)) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host)),
        _ => false,
    };
    match text(HeaderName::from_static("sec-fetch-site")) {
        Some("same-origin" | "none") => false,
        Some(_) => !origin_matches(),
        None => text(ORIGIN).is_some() && !origin_matches(),
    }
}

pub async fn security_headers(
    State(settings): State<HeaderSettings>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = random_secret();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if settings.tls {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// Everything from Precis itself (and `blob:` images: the Sort page shows the pictures a person
/// picks from their own files); inline styles allowed (style attributes set by the page and
/// the API explorer), inline scripts only with this response's nonce.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
         form-action 'self'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (HeaderName::from_static(k), HeaderValue::from_static(v)))
            .collect()
    }

    #[test]
    fn reads_are_never_refused() {
        let h = headers(&[("origin", "https://evil.example"), ("host", "precis.test")]);
        assert!(!is_cross_origin_write(&Method::GET, &h));
    }

    #[test]
    fn writes_from_another_site_are_refused() {
        let post = Method::POST;
        let evil = [("origin", "https://evil.example"), ("host", "precis.test")];
        assert!(is_cross_origin_write(&post, &headers(&evil)));
        let fetch = [
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://evil.example"),
            ("host", "precis.test"),
        ];
        assert!(is_cross_origin_write(&post, &headers(&fetch)));
        let sibling = [("sec-fetch-site", "same-site"), ("host", "precis.test")];
        assert!(is_cross_origin_write(&Method::DELETE, &headers(&sibling)));
        assert!(is_cross_origin_write(
            &post,
            &headers(&[("origin", "null"), ("host", "precis.test")])
        ));
    }

    #[test]
    fn writes_from_precis_itself_or_without_a_browser_pass() {
        let post = Method::POST;
        let same = [
            ("origin", "http://precis.test:3000"),
            ("host", "precis.test:3000"),
        ];
        assert!(!is_cross_origin_write(&post, &headers(&same)));
        let fetch = [("sec-fetch-site", "same-origin"), ("host", "precis.test")];
        assert!(!is_cross_origin_write(&post, &headers(&fetch)));
        assert!(!is_cross_origin_write(
            &post,
            &headers(&[("host", "precis.test")])
        ));
        let bearer = [
            ("origin", "https://evil.example"),
            ("host", "precis.test"),
            ("authorization", "Bearer prc_x"),
        ];
        assert!(!is_cross_origin_write(&post, &headers(&bearer)));
    }

    #[test]
    fn policy_allows_the_nonce_and_wasm_only() {
        let csp = content_security_policy("abc123");
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'nonce-abc123'"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-eval'") || csp.contains("wasm-unsafe-eval"));
    }
}
