//! Accounts from the page: who is here, sign up, sign in, sign out (here or everywhere),
//! change password. Each sets or clears the session cookie on its response.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::domain::account::Me;
use crate::domain::errors::ErrorResponse;

/// Who is using the page, and their settings.
#[server(prefix = "/api/ui", endpoint = "me", output = crate::api::codec::JsonAnswer)]
pub async fn get_me() -> Result<Me, ErrorResponse> {
    let (state, identity) = ctx::request()?;
    let parts = ctx::parts()?;
    state
        .auth
        .me(&identity, &parts.headers)
        .await
        .map_err(|e| ctx::fail(e.into()))
}

/// Creates an account and signs it in; the visitor's anonymous history moves into it.
#[server(prefix = "/api/ui", endpoint = "sign-up", output = crate::api::codec::JsonAnswer)]
pub async fn sign_up(email: String, password: String) -> Result<Me, ErrorResponse> {
    use crate::domain::account::Credentials;
    let (state, identity) = ctx::request()?;
    let parts = ctx::parts()?;
    let credentials = Credentials { email, password };
    let signed_in = state
        .auth
        .sign_up(&identity, &credentials, &parts)
        .await
        .map_err(|e| ctx::fail(e.into()))?;
    // the visitor's documents follow their history into the account
    if identity.account().is_none() {
        state
            .knowledge
            .adopt(&identity.user, &signed_in.account)
            .await;
    }
    for cookie in signed_in.cookies {
        ctx::set_cookie(cookie);
    }
    Ok(signed_in.me)
}

/// Signs in (a new session id every time: an id set before sign-in is never reused).
#[server(prefix = "/api/ui", endpoint = "sign-in", output = crate::api::codec::JsonAnswer)]
pub async fn sign_in(email: String, password: String) -> Result<Me, ErrorResponse> {
    use crate::domain::account::Credentials;
    let (state, identity) = ctx::request()?;
    let parts = ctx::parts()?;
    let credentials = Credentials { email, password };
    let signed_in = state
        .auth
        .sign_in(&identity, &credentials, &parts)
        .await
        .map_err(|e| ctx::fail(e.into()))?;
    for cookie in signed_in.cookies {
        ctx::set_cookie(cookie);
    }
    Ok(signed_in.me)
}

/// Ends this session.
#[server(prefix = "/api/ui", endpoint = "sign-out", output = crate::api::codec::JsonAnswer)]
pub async fn sign_out() -> Result<(), ErrorResponse> {
    let (state, identity) = ctx::request()?;
    let cookies = state
        .auth
        .sign_out(&identity)
        .await
        .map_err(|e| ctx::fail(e.into()))?;
    for cookie in cookies {
        ctx::set_cookie(cookie);
    }
    Ok(())
}

/// Ends every session of the account, this one included.
#[server(prefix = "/api/ui", endpoint = "sign-out-everywhere", output = crate::api::codec::JsonAnswer)]
pub async fn sign_out_everywhere() -> Result<(), ErrorResponse> {
    let (state, identity) = ctx::request()?;
    let cookies = state
        .auth
        .sign_out_everywhere(&identity)
        .await
        .map_err(|e| ctx::fail(e.into()))?;
    for cookie in cookies {
        ctx::set_cookie(cookie);
    }
    Ok(())
}

/// Changes the password: the current one is required; every other session is ended and this
/// one gets a new id.
#[server(prefix = "/api/ui", endpoint = "password", output = crate::api::codec::JsonAnswer)]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), ErrorResponse> {
    use crate::domain::account::PasswordChange;
    let (state, identity) = ctx::request()?;
    let parts = ctx::parts()?;
    let change = PasswordChange {
        current_password,
        new_password,
    };
    let cookie = state
        .auth
        .change_password(&identity, &change, &parts)
        .await
        .map_err(|e| ctx::fail(e.into()))?;
    ctx::set_cookie(cookie);
    Ok(())
}
