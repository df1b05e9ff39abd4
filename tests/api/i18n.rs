//! Every sentence the server writes is in the request's language: the person's saved setting,
//! else the page's language cookie, else `Accept-Language`, else English. The `code` (and
//! field, and `Retry-After`) never changes: scripts keep working in every language.

use serde_json::{json, Value};
use wiremock::ResponseTemplate;

use crate::helpers::{expect_error, spawn_app, spawn_app_with, sse_events, User, ARTICLE};

async fn summarize_in(user: &User, accept_language: Option<&str>) -> reqwest::Response {
    let mut req = user
        .http
        .post(format!("{}/api/v1/summaries", user.base))
        .json(&json!({"text": ARTICLE}));
    if let Some(lang) = accept_language {
        req = req.header("accept-language", lang);
    }
    user.send(req).await
}

async fn message(res: reqwest::Response, status: u16, code: &str) -> String {
    let error = expect_error(res, status, code).await;
    error["message"].as_str().expect("message").to_string()
}

#[tokio::test]
async fn an_upstream_failure_is_told_in_the_browsers_language() {
    let app = spawn_app().await;
    app.hf_fails_with(
        ResponseTemplate::new(402).set_body_json(json!({"error": "Payment required"})),
    )
    .await;
    let user = app.user();
    let en = message(
        summarize_in(&user, None).await,
        502,
        "upstream_payment_required",
    )
    .await;
    assert!(en.contains("credits are used up"), "{en}");
    let fr = message(
        summarize_in(&user, Some("fr-CA,fr;q=0.9,en;q=0.5")).await,
        502,
        "upstream_payment_required",
    )
    .await;
    assert!(fr.starts_with("Les crédits HuggingFace"), "{fr}");
    let pt = message(
        summarize_in(&user, Some("pt-BR")).await,
        502,
        "upstream_payment_required",
    )
    .await;
    assert!(pt.starts_with("Os créditos do HuggingFace"), "{pt}");
    // a language Precis does not speak: English
    let de = message(
        summarize_in(&user, Some("de-DE")).await,
        502,
        "upstream_payment_required",
    )
    .await;
    assert_eq!(de, en);
}

#[tokio::test]
async fn the_persons_setting_wins_over_cookie_and_browser() {
    let app = spawn_app().await;
    app.hf_fails_with(
        ResponseTemplate::new(503)
            .set_body_json(json!({"error": "Model is currently loading", "estimated_time": 12.0})),
    )
    .await;
    let user = app.user();
    // the page's cookie alone
    user.set_cookie("precis_prefs", "lang=fr");
    let fr = message(summarize_in(&user, Some("en")).await, 503, "model_loading").await;
    assert!(fr.contains("en cours de chargement"), "{fr}");
    // saved in the person's settings: wins over both
    let res = user
        .send(
            user.http
                .put(format!("{}/api/v1/settings", user.base))
                .header("origin", user.origin())
                .json(&json!({"lang": "pt"})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = summarize_in(&user, Some("fr")).await;
    assert_eq!(res.headers()["retry-after"], "12");
    let pt = message(res, 503, "model_loading").await;
    assert!(pt.contains("ainda não está pronto"), "{pt}");
}

#[tokio::test]
async fn refusals_before_and_after_identity_are_told_in_the_browsers_language() {
    let app = spawn_app_with(&[
        ("PRECIS_RATE_LIMIT_BURST", "1"),
        ("PRECIS_RATE_LIMIT_PER_MINUTE", "1"),
    ])
    .await;
    let user = app.user();
    // an API key that does not exist (refused while finding out who is asking)
    let res = user
        .send(
            user.http
                .get(format!("{}/api/v1/summaries", user.base))
                .header("authorization", "Bearer prc_nope")
                .header("accept-language", "fr"),
        )
        .await;
    let fr = message(res, 401, "invalid_api_key").await;
    assert!(fr.starts_with("Cette clé d’API n’est pas valable"), "{fr}");
    // a write from another site (refused before that)
    let res = user
        .send(
            user.http
                .delete(format!("{}/api/v1/summaries", user.base))
                .header("origin", "https://evil.example")
                .header("accept-language", "pt"),
        )
        .await;
    let pt = message(res, 403, "cross_origin").await;
    assert!(pt.starts_with("O Precis recusou este pedido"), "{pt}");
    // the person's own rate limit
    app.hf_answers("Short.").await;
    user.list().await; // the anonymous id: the limit is per person
    assert_eq!(summarize_in(&user, Some("fr")).await.status(), 201);
    let fr = message(summarize_in(&user, Some("fr")).await, 429, "rate_limited").await;
    assert!(fr.starts_with("Vous allez vite"), "{fr}");
    // a body that cannot be read, and a rule of the request
    let res = user
        .send(
            user.http
                .get(format!("{}/api/v1/summaries?limit=0", user.base))
                .header("accept-language", "pt"),
        )
        .await;
    let pt = message(res, 400, "invalid_query").await;
    assert!(pt.contains("não pode ser usado"), "{pt}");
}

#[tokio::test]
async fn server_functions_answer_in_the_persons_language() {
    let app = spawn_app().await;
    let user = app.user();
    // the key name's rule, through the page's server function: the saved French, though the
    // browser asks for Portuguese
    let fr = key_name_refusal(&user, "ana@example.org", "fr", "pt").await;
    assert!(fr.starts_with("Donnez un nom"), "{fr}");
    // signed out, a wrong password: the browser's language
    let other = app.user();
    let res = other
        .send(
            other
                .http
                .post(format!("{}/api/ui/sign-in", other.base))
                .header("origin", other.origin())
                .header("accept-language", "pt-PT")
                .form(&[
                    ("email", "ana@example.org"),
                    ("password", "not the password"),
                ]),
        )
        .await;
    let pt = message(res, 401, "wrong_credentials").await;
    assert!(pt.starts_with("O e-mail ou a senha está errado"), "{pt}");
}

#[tokio::test]
async fn models_are_described_in_the_browsers_language() {
    let app = spawn_app_with(&[("HF_TOKEN", "")]).await;
    let user = app.user();
    let catalog = |lang: &'static str| {
        let user = user.clone();
        async move {
            let res = user
                .send(
                    user.http
                        .get(format!("{}/api/v1/models", user.base))
                        .header("accept-language", lang),
                )
                .await;
            assert_eq!(res.status(), 200);
            res.json::<Value>().await.expect("json")
        }
    };
    let textrank = |c: &Value| {
        c["models"]
            .as_array()
            .expect("models")
            .iter()
            .find(|m| m["id"] == "local/textrank")
            .cloned()
            .expect("textrank")
    };
    let en = textrank(&catalog("en").await);
    let fr = textrank(&catalog("fr").await);
    let pt = textrank(&catalog("pt").await);
    assert!(en["description"]
        .as_str()
        .unwrap()
        .starts_with("Runs inside Precis"));
    assert!(
        fr["description"]
            .as_str()
            .unwrap()
            .starts_with("Tourne dans Precis"),
        "{fr}"
    );
    assert!(
        pt["description"]
            .as_str()
            .unwrap()
            .starts_with("Roda dentro do Precis"),
        "{pt}"
    );
    assert_eq!((&en["id"], &en["honours"]), (&fr["id"], &fr["honours"]));
    // the page's function, asked in a language
    let res = user.server_fn("catalog", &[("lang", "pt")]).await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.expect("json");
    assert_eq!(textrank(&page)["label"], "Local · extrato TextRank");
}

#[tokio::test]
async fn a_streamed_failure_is_told_in_the_browsers_language() {
    let app = spawn_app().await;
    app.hf_fails_with(ResponseTemplate::new(500).set_body_string("boom"))
        .await;
    let user = app.user();
    let res = user
        .send(
            user.http
                .post(format!("{}/api/v1/summaries/stream", user.base))
                .header("accept-language", "fr")
                .json(&json!({"text": ARTICLE})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let events = sse_events(res).await;
    let last = events.last().expect("an event");
    assert_eq!(last["type"], "error", "{last}");
    assert_eq!(last["error"]["code"], "upstream_error");
    let said = last["error"]["message"].as_str().expect("message");
    assert!(
        said.contains("HuggingFace a rencontré un problème"),
        "{said}"
    );
}

#[tokio::test]
async fn a_saved_english_wins_over_a_french_browser_in_server_functions() {
    let app = spawn_app().await;
    let en = key_name_refusal(&app.user(), "eve@example.org", "en", "fr").await;
    assert!(en.starts_with("Give the key a name"), "{en}");
}

/// Signs `user` up with `saved` as their language, then names a key "" through the page's
/// server function from a browser asking for `browser`: the refusal's sentence.
async fn key_name_refusal(user: &User, email: &str, saved: &str, browser: &str) -> String {
    user.sign_up(email, "a long enough password").await;
    let res = user
        .send(
            user.http
                .put(format!("{}/api/v1/settings", user.base))
                .header("origin", user.origin())
                .json(&json!({"lang": saved})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = user
        .send(
            user.http
                .post(format!("{}/api/ui/keys/create", user.base))
                .header("origin", user.origin())
                .header("accept-language", browser)
                .form(&[("name", "")]),
        )
        .await;
    message(res, 422, "invalid_key_name").await
}
