//! Accounts: sign-up, sign-in, sessions, password change, sign-out (here and everywhere),
//! attempt limits, anonymous use switched off, and what the database keeps.

use serde_json::{json, Value};
use sqlx::Row;

use crate::helpers::{expect_error, spawn_app, spawn_app_with, ARTICLE};

const PASSWORD: &str = "correct horse battery";

async fn me(user: &crate::helpers::User) -> Value {
    let res = user
        .send(user.http.get(format!("{}/api/v1/account", user.base)))
        .await;
    assert_eq!(res.status(), 200);
    res.json().await.expect("json")
}

fn set_cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn sign_up_moves_the_anonymous_history_into_the_account() {
    let app = spawn_app().await;
    app.hf_answers("Budget approved.").await;
    let browser = app.user();
    let id = browser.summarize_id(json!({"text": ARTICLE})).await;
    let anonymous_id = browser
        .cookie_value("precis_uid")
        .expect("anonymous cookie");

    let res = browser
        .server_fn(
            "sign-up",
            &[("email", " Ana@Example.org "), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let session = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("precis_session="))
        .expect("session cookie set");
    assert!(session.contains("HttpOnly"), "{session}");
    assert!(session.contains("SameSite=Lax"), "{session}");
    assert!(!session.contains("Secure"), "plain HTTP here: {session}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["email"], "ana@example.org", "normalised");
    assert!(
        browser.cookie_value("precis_uid").is_none(),
        "anonymous id dropped"
    );

    assert_eq!(me(&browser).await["email"], "ana@example.org");
    let list = browser.list().await;
    assert_eq!(list["summaries"][0]["id"], id, "history moved: {list}");

    // The old anonymous id, replayed, no longer owns anything.
    let replay = app.user();
    let list = replay.list().await;
    assert!(list["summaries"].as_array().unwrap().is_empty());
    drop(anonymous_id);

    // Sign out: anonymous again, with an empty history; sign in: the history is back.
    let res = browser.server_fn("sign-out", &[]).await;
    assert_eq!(res.status(), 200);
    assert!(browser.cookie_value("precis_session").is_none());
    assert_eq!(me(&browser).await["email"], Value::Null);
    assert!(browser.list().await["summaries"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        browser.sign_in("ana@example.org", PASSWORD).await.status(),
        200
    );
    assert_eq!(browser.list().await["summaries"][0]["id"], id);
}

#[tokio::test]
async fn passwords_and_sessions_are_stored_hashed() {
    let app = spawn_app().await;
    let browser = app.user();
    browser.sign_up("ana@example.org", PASSWORD).await;
    let token = browser.cookie_value("precis_session").unwrap();
    let db = app.db().await;
    let row = sqlx::query("SELECT password_hash FROM users WHERE email = 'ana@example.org'")
        .fetch_one(&db)
        .await
        .unwrap();
    let hash: String = row.get("password_hash");
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains(PASSWORD));
    let sessions: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 1);
    assert_ne!(sessions[0], token, "the token itself is not stored");
}

#[tokio::test]
async fn sign_in_rotates_the_session_id() {
    let app = spawn_app().await;
    let browser = app.user();
    browser.sign_up("ana@example.org", PASSWORD).await;
    let first = browser.cookie_value("precis_session").unwrap();

    // A session id planted before sign-in (fixation) is never kept.
    let victim = app.user();
    victim.set_cookie("precis_session", "planted-by-an-attacker");
    assert_eq!(
        victim.sign_in("ana@example.org", PASSWORD).await.status(),
        200
    );
    let issued = victim.cookie_value("precis_session").unwrap();
    assert_ne!(issued, "planted-by-an-attacker");

    // Signing in again in the same browser ends the old session.
    assert_eq!(
        browser.sign_in("ana@example.org", PASSWORD).await.status(),
        200
    );
    let second = browser.cookie_value("precis_session").unwrap();
    assert_ne!(first, second);
    let stale = app.user();
    stale.set_cookie("precis_session", &first);
    assert_eq!(me(&stale).await["email"], Value::Null, "old id is dead");
    assert_eq!(me(&browser).await["email"], "ana@example.org");
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session() {
    let app = spawn_app().await;
    let laptop = app.user();
    laptop.sign_up("ana@example.org", PASSWORD).await;
    let phone = app.user();
    assert_eq!(
        phone.sign_in("ana@example.org", PASSWORD).await.status(),
        200
    );
    assert_eq!(me(&phone).await["email"], "ana@example.org");

    assert_eq!(
        laptop.server_fn("sign-out-everywhere", &[]).await.status(),
        200
    );
    assert_eq!(me(&phone).await["email"], Value::Null);
    assert_eq!(me(&laptop).await["email"], Value::Null);
}

#[tokio::test]
async fn change_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let laptop = app.user();
    laptop.sign_up("ana@example.org", PASSWORD).await;
    let phone = app.user();
    assert_eq!(
        phone.sign_in("ana@example.org", PASSWORD).await.status(),
        200
    );
    let before = laptop.cookie_value("precis_session").unwrap();

    let wrong = laptop
        .server_fn(
            "password",
            &[
                ("current_password", "not my password"),
                ("new_password", "a brand new secret"),
            ],
        )
        .await;
    let e = expect_error(wrong, 422, "wrong_credentials").await;
    assert_eq!(e["field"], "password");
    let weak = laptop
        .server_fn(
            "password",
            &[("current_password", PASSWORD), ("new_password", "short")],
        )
        .await;
    let e = expect_error(weak, 422, "weak_password").await;
    assert_eq!(e["field"], "new_password");

    let ok = laptop
        .server_fn(
            "password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new secret"),
            ],
        )
        .await;
    assert_eq!(ok.status(), 200);
    assert_ne!(
        laptop.cookie_value("precis_session").unwrap(),
        before,
        "rotated"
    );
    assert_eq!(
        me(&laptop).await["email"],
        "ana@example.org",
        "this browser stays in"
    );
    assert_eq!(
        me(&phone).await["email"],
        Value::Null,
        "the other is signed out"
    );

    let old = app.user().sign_in("ana@example.org", PASSWORD).await;
    expect_error(old, 401, "wrong_credentials").await;
    let new = app
        .user()
        .sign_in("ana@example.org", "a brand new secret")
        .await;
    assert_eq!(new.status(), 200);
}

#[tokio::test]
async fn sign_in_never_says_whether_an_account_exists() {
    let app = spawn_app().await;
    app.user().sign_up("ana@example.org", PASSWORD).await;
    let wrong_password = app
        .user()
        .sign_in("ana@example.org", "not the password")
        .await;
    let unknown_email = app
        .user()
        .sign_in("nobody@example.org", "not the password")
        .await;
    let a = expect_error(wrong_password, 401, "wrong_credentials").await;
    let b = expect_error(unknown_email, 401, "wrong_credentials").await;
    assert_eq!(a, b, "same answer");
}

#[tokio::test]
async fn sign_up_refuses_bad_input_with_sentences() {
    let app = spawn_app().await;
    let browser = app.user();
    let bad_email = browser
        .server_fn("sign-up", &[("email", "ana"), ("password", PASSWORD)])
        .await;
    let e = expect_error(bad_email, 422, "invalid_email").await;
    assert_eq!(e["field"], "email");
    let weak = browser
        .server_fn(
            "sign-up",
            &[("email", "ana@example.org"), ("password", "123")],
        )
        .await;
    let e = expect_error(weak, 422, "weak_password").await;
    assert_eq!(e["field"], "password");
    browser.sign_up("ana@example.org", PASSWORD).await;
    let again = app
        .user()
        .server_fn(
            "sign-up",
            &[("email", "ANA@example.org"), ("password", PASSWORD)],
        )
        .await;
    expect_error(again, 409, "email_taken").await;
}

#[tokio::test]
async fn a_wrong_password_storm_hits_the_account_limit() {
    let app = spawn_app_with(&[("PRECIS_LOGIN_ACCOUNT_BURST", "3")]).await;
    app.user().sign_up("ana@example.org", PASSWORD).await;
    for _ in 0..3 {
        let res = app
            .user()
            .sign_in("ana@example.org", "guess guess guess")
            .await;
        expect_error(res, 401, "wrong_credentials").await;
    }
    let res = app
        .user()
        .sign_in("ana@example.org", "guess guess guess")
        .await;
    let e = expect_error(res, 429, "too_many_attempts").await;
    assert!(e["retry_after"].as_u64().unwrap() >= 1);
    // Even the right password waits: the limit stops guesses before they are checked.
    let res = app.user().sign_in("Ana@Example.org", PASSWORD).await;
    expect_error(res, 429, "too_many_attempts").await;
    // An unknown email is limited the same way (no telling which emails exist).
    for _ in 0..3 {
        app.user()
            .sign_in("ghost@example.org", "guess guess guess")
            .await;
    }
    let res = app
        .user()
        .sign_in("ghost@example.org", "guess guess guess")
        .await;
    expect_error(res, 429, "too_many_attempts").await;
}

#[tokio::test]
async fn attempts_from_one_address_are_limited_across_accounts() {
    let app = spawn_app_with(&[("PRECIS_LOGIN_IP_BURST", "4")]).await;
    for i in 0..4 {
        let res = app
            .user()
            .sign_in(&format!("user{i}@example.org"), "whatever it is")
            .await;
        expect_error(res, 401, "wrong_credentials").await;
    }
    let res = app
        .user()
        .sign_in("user9@example.org", "whatever it is")
        .await;
    expect_error(res, 429, "too_many_attempts").await;
}

#[tokio::test]
async fn without_anonymous_use_summaries_and_history_need_an_account() {
    let app = spawn_app_with(&[("PRECIS_ALLOW_ANONYMOUS", "false")]).await;
    app.hf_answers("Budget approved.").await;
    let browser = app.user();
    expect_error(
        browser.summarize(json!({"text": ARTICLE})).await,
        401,
        "sign_in_required",
    )
    .await;
    let res = browser
        .send(
            browser
                .http
                .get(format!("{}/api/v1/summaries", browser.base)),
        )
        .await;
    let res_headers = res.headers().clone();
    expect_error(res, 401, "sign_in_required").await;
    assert!(res_headers.contains_key("www-authenticate"));
    let res = browser.server_fn("history/get", &[("id", "1")]).await;
    expect_error(res, 401, "sign_in_required").await;
    assert_eq!(me(&browser).await["anonymous_allowed"], false);

    browser.sign_up("ana@example.org", PASSWORD).await;
    browser.summarize_id(json!({"text": ARTICLE})).await;
    assert_eq!(
        browser.list().await["summaries"].as_array().unwrap().len(),
        1
    );
}

#[tokio::test]
async fn settings_are_kept_per_person_and_follow_the_sign_up() {
    let app = spawn_app().await;
    let browser = app.user();
    let url = format!("{}/api/v1/settings", browser.base);
    let res = browser
        .send(browser.http.put(&url).json(
            &json!({"lang": "pt", "theme": "dark", "default_model": "local/textrank",
                              "default_params": {"max_length": 80}}),
        ))
        .await;
    assert_eq!(res.status(), 200);
    let bad = browser
        .send(
            browser
                .http
                .put(&url)
                .json(&json!({"default_params": {"top_p": 5}})),
        )
        .await;
    expect_error(bad, 422, "invalid_parameter").await;
    let unknown = browser
        .send(browser.http.put(&url).json(&json!({"colour": "red"})))
        .await;
    expect_error(unknown, 400, "invalid_request").await;
    let array = browser
        .send(browser.http.put(&url).json(&json!([null, "dark"])))
        .await;
    expect_error(array, 400, "invalid_request").await;

    browser.sign_up("ana@example.org", PASSWORD).await;
    let saved: Value = browser
        .send(browser.http.get(&url))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saved["lang"], "pt");
    assert_eq!(saved["theme"], "dark");
    assert_eq!(saved["default_params"]["max_length"], 80);
    assert_eq!(me(&browser).await["settings"]["lang"], "pt");

    let other = app.user();
    let theirs: Value = other.send(other.http.get(&url)).await.json().await.unwrap();
    assert_eq!(
        theirs["theme"], "system",
        "someone else keeps the defaults: {theirs}"
    );
}

#[tokio::test]
async fn the_language_follows_accept_language_until_chosen() {
    let app = spawn_app().await;
    let browser = app.user();
    let res = browser
        .send(
            browser
                .http
                .get(format!("{}/api/v1/account", browser.base))
                .header("accept-language", "fr-CA,fr;q=0.9,en;q=0.5"),
        )
        .await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["settings"]["lang"], "fr");
}

#[tokio::test]
async fn the_accounts_language_and_theme_follow_it_to_another_browser() {
    let app = spawn_app().await;
    let laptop = app.user();
    laptop.sign_up("ana@example.org", PASSWORD).await;
    let res = laptop
        .send(
            laptop
                .http
                .put(format!("{}/api/v1/settings", laptop.base))
                .json(&json!({"lang": "pt", "theme": "dark"})),
        )
        .await;
    assert_eq!(res.status(), 200);

    let phone = app.user();
    let before = phone.send(phone.http.get(format!("{}/", phone.base))).await;
    let html = before.text().await.unwrap();
    assert!(
        html.contains("<html lang=\"en\""),
        "a stranger gets English"
    );
    assert_eq!(
        phone.sign_in("ana@example.org", PASSWORD).await.status(),
        200
    );
    let after = phone.send(phone.http.get(format!("{}/", phone.base))).await;
    let html = after.text().await.unwrap();
    assert!(
        html.contains("lang=\"pt\""),
        "the page is in Portuguese: {}",
        &html[..300.min(html.len())]
    );
    assert!(html.contains("data-theme=\"dark\""));
}

/// A page whose WASM bundle has not loaded yet posts its forms as plain HTML forms: the answer is
/// a redirect back to the form (with the error in its URL, which the page shows), never a JSON
/// body under an error status, which the browser would display as is.
#[tokio::test]
async fn plain_form_posts_are_sent_back_to_their_page() {
    let app = spawn_app().await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let page = format!("{}/sign-up", app.address);
    let post = |password: &'static str| {
        http.post(format!("{}/api/ui/sign-up", app.address))
            .header("origin", &app.address)
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", &page)
            .form(&[("email", "ana@example.org"), ("password", password)])
            .send()
    };

    let refused = post("short").await.expect("answer");
    assert_eq!(refused.status(), 302);
    let location = refused.headers()["location"].to_str().expect("location");
    assert!(
        location.starts_with(&format!("{page}?")) && location.contains("__err="),
        "{location}"
    );

    let accepted = post(PASSWORD).await.expect("answer");
    assert_eq!(accepted.status(), 302);
    let session = set_cookies(&accepted)
        .into_iter()
        .find(|c| c.starts_with("precis_session="))
        .expect("session cookie set");
    let session = session.split(';').next().unwrap_or_default().to_string();

    // back on the sign-up page, signed in: sent on to the studio
    let again = http
        .get(&page)
        .header("accept", "text/html")
        .header("cookie", session)
        .send()
        .await
        .expect("answer");
    assert_eq!(again.status(), 302);
    assert_eq!(again.headers()["location"], "/");
}
