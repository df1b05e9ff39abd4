//! The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site
//! form posts), Secure when Precis is served over TLS, path `/`, and lasting as long as the
//! session.

use axum_extra::extract::cookie::{Cookie, SameSite};

pub const SESSION_COOKIE: &str = "precis_session";

pub fn session(token: String, secure: bool, max_age: cookie::time::Duration) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .path("/")
        .max_age(max_age)
        .build()
}

/// A cookie that tells the browser to forget `name`.
pub fn removal(name: &'static str, secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::build((name, ""))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .path("/")
        .build();
    cookie.make_removal();
    cookie
}
