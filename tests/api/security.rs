//! CSRF defence and security headers.

use serde_json::json;

use crate::helpers::{expect_error, spawn_app, ARTICLE};

const PASSWORD: &str = "correct horse battery";

#[tokio::test]
async fn writes_from_another_site_are_refused() {
    let app = spawn_app().await;
    app.hf_answers("Budget approved.").await;
    let victim = app.user();
    victim.sign_up("ana@example.org", PASSWORD).await;
    let id = victim.summarize_id(json!({"text": ARTICLE})).await;

    // A form on evil.example posting to Precis with the victim's cookies.
    let forged = victim
        .send(
            victim
                .http
                .delete(format!("{}/api/v1/summaries/{id}", victim.base))
                .header("origin", "https://evil.example"),
        )
        .await;
    expect_error(forged, 403, "cross_origin").await;
    let forged = victim
        .send(
            victim
                .http
                .post(format!("{}/api/ui/sign-out-everywhere", victim.base))
                .header("sec-fetch-site", "cross-site")
                .form(&[("x", "y")]),
        )
        .await;
    expect_error(forged, 403, "cross_origin").await;
    let forged = victim
        .send(
            victim
                .http
                .post(format!("{}/api/ui/keys/create", victim.base))
                .header("origin", "null")
                .form(&[("name", "attacker's key")]),
        )
        .await;
    expect_error(forged, 403, "cross_origin").await;

    // Nothing happened: the summary, the session and the key list are intact.
    assert_eq!(victim.get(id).await.status(), 200);
    let keys: serde_json::Value = victim
        .send(victim.http.get(format!("{}/api/v1/keys", victim.base)))
        .await
        .json()
        .await
        .unwrap();
    assert!(keys.as_array().unwrap().is_empty(), "{keys}");

    // The same request from Precis's own page goes through.
    let own = victim
        .send(
            victim
                .http
                .delete(format!("{}/api/v1/summaries/{id}", victim.base))
                .header("origin", victim.origin())
                .header("sec-fetch-site", "same-origin"),
        )
        .await;
    assert_eq!(own.status(), 204);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_csp_nonce_on_their_script() {
    let app = spawn_app().await;
    let res = reqwest::get(format!("{}/", app.address)).await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["referrer-policy"], "same-origin");
    let csp = h["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(!csp.contains("'unsafe-eval'") && !csp.contains("script-src 'self' 'unsafe-inline'"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    let html = res.text().await.unwrap();
    let scripts = html.matches("<script").count();
    assert!(scripts >= 1);
    assert_eq!(
        html.matches(&format!("nonce=\"{nonce}\"")).count(),
        html.matches("<script").filter(|_| true).count()
            - html.matches("<script src=").count()
            - html.matches("<script type=\"module\" src=").count(),
        "every inline script carries this response's nonce: {html}"
    );

    // A second response gets another nonce.
    let again = reqwest::get(format!("{}/", app.address)).await.unwrap();
    let csp2 = again.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert_ne!(csp, csp2);
    // JSON answers get the headers too.
    let api = reqwest::get(format!("{}/api/v1/summaries", app.address))
        .await
        .unwrap();
    assert_eq!(api.headers()["x-content-type-options"], "nosniff");
}
