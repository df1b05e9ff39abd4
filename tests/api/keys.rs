//! API keys: shown once, stored hashed, `Authorization: Bearer` on the REST API, revocation,
//! and a rate limit per key.

use serde_json::{json, Value};

use crate::helpers::{expect_error, spawn_app, spawn_app_with, ARTICLE};

const PASSWORD: &str = "correct horse battery";

#[tokio::test]
async fn a_key_is_shown_once_stored_hashed_and_works_as_bearer() {
    let app = spawn_app().await;
    app.hf_answers("Budget approved.").await;
    let browser = app.user();
    browser.sign_up("ana@example.org", PASSWORD).await;
    let (secret, id) = browser.create_key("laptop script").await;
    assert!(secret.starts_with("prc_") && secret.len() == 44, "{secret}");

    let listed: Value = browser
        .send(browser.http.get(format!("{}/api/v1/keys", browser.base)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["name"], "laptop script");
    assert!(secret.starts_with(listed[0]["prefix"].as_str().unwrap()));
    assert!(
        !listed.to_string().contains(&secret),
        "the secret is never listed"
    );
    let stored: Vec<String> = sqlx::query_scalar("SELECT secret_hash FROM api_keys")
        .fetch_all(&app.db().await)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert!(!stored[0].contains(&secret[4..]), "only a digest is stored");

    // A script with the key acts as the account.
    let script = reqwest::Client::new();
    let res = script
        .post(format!("{}/api/v1/summaries", app.address))
        .bearer_auth(&secret)
        .header("origin", "https://somewhere.else")
        .json(&json!({"text": ARTICLE}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        201,
        "bearer requests are not cookie-authenticated: no CSRF check"
    );
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        browser.list().await["summaries"][0]["id"],
        created["id"],
        "the browser sees what the script made"
    );
    let who: Value = script
        .get(format!("{}/api/v1/account", app.address))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(who["email"], "ana@example.org");

    let listed: Value = browser
        .send(browser.http.get(format!("{}/api/v1/keys", browser.base)))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        listed[0]["last_used_at"].is_i64(),
        "last use recorded: {listed}"
    );
}

#[tokio::test]
async fn a_revoked_or_unknown_key_is_refused() {
    let app = spawn_app().await;
    let browser = app.user();
    browser.sign_up("ana@example.org", PASSWORD).await;
    let (secret, id) = browser.create_key("old script").await;
    let res = browser
        .send(
            browser
                .http
                .delete(format!("{}/api/v1/keys/{id}", browser.base))
                .header("origin", browser.origin()),
        )
        .await;
    assert_eq!(res.status(), 204);

    let script = reqwest::Client::new();
    for token in [
        secret.as_str(),
        "prc_0000000000000000000000000000000000000000",
        "nonsense",
    ] {
        let res = script
            .get(format!("{}/api/v1/summaries", app.address))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers()["www-authenticate"].to_str().unwrap(),
            "Bearer realm=\"precis\""
        );
        expect_error(res, 401, "invalid_api_key").await;
    }
    let res = script
        .get(format!("{}/api/v1/summaries", app.address))
        .header("authorization", "Basic YW5hOnB3")
        .send()
        .await
        .unwrap();
    expect_error(res, 401, "invalid_api_key").await;
    // revoking twice: not found
    let res = browser
        .send(
            browser
                .http
                .delete(format!("{}/api/v1/keys/{id}", browser.base)),
        )
        .await;
    expect_error(res, 404, "not_found").await;
}

#[tokio::test]
async fn keys_need_an_account_and_a_name() {
    let app = spawn_app().await;
    let anonymous = app.user();
    let res = anonymous.server_fn("keys/create", &[("name", "x")]).await;
    expect_error(res, 401, "sign_in_required").await;
    let res = anonymous
        .send(
            anonymous
                .http
                .get(format!("{}/api/v1/keys", anonymous.base)),
        )
        .await;
    expect_error(res, 401, "sign_in_required").await;

    anonymous.sign_up("ana@example.org", PASSWORD).await;
    let res = anonymous.server_fn("keys/create", &[("name", "   ")]).await;
    let e = expect_error(res, 422, "invalid_key_name").await;
    assert_eq!(e["field"], "key_name");
    let res = anonymous
        .send(
            anonymous
                .http
                .post(format!("{}/api/v1/keys", anonymous.base))
                .json(&json!({"name": "a\nb"})),
        )
        .await;
    expect_error(res, 422, "invalid_key_name").await;
}

#[tokio::test]
async fn each_key_has_its_own_rate_limit() {
    let app = spawn_app_with(&[
        ("PRECIS_RATE_LIMIT_BURST", "2"),
        ("PRECIS_RATE_LIMIT_PER_MINUTE", "1"),
    ])
    .await;
    app.hf_answers("Budget approved.").await;
    let browser = app.user();
    browser.sign_up("ana@example.org", PASSWORD).await;
    let (first, _) = browser.create_key("first").await;
    let (second, _) = browser.create_key("second").await;
    let script = reqwest::Client::new();
    let summarize = |key: String| {
        let script = script.clone();
        let url = format!("{}/api/v1/summaries", app.address);
        async move {
            script
                .post(url)
                .bearer_auth(key)
                .json(&json!({"text": ARTICLE}))
                .send()
                .await
                .unwrap()
        }
    };
    for _ in 0..2 {
        assert_eq!(summarize(first.clone()).await.status(), 201);
    }
    expect_error(summarize(first.clone()).await, 429, "rate_limited").await;
    assert_eq!(
        summarize(second.clone()).await.status(),
        201,
        "another key has its own budget"
    );
}
