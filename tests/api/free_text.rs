//! Every route that takes free text, sent what a fuzzer or a careless script sends: NUL and
//! other control characters, lone quotes, FTS5 operators, overlong and odd Unicode. Each is
//! answered — accepted, or refused with a 4xx naming the input — never a 500.

use serde_json::{json, Value};

use crate::helpers::{expect_error, spawn_app, User};

/// Texts that broke, or could break, something that builds query text or a header from input.
const NASTY: &[&str] = &[
    "ab\0c",
    "\0",
    "\u{1b}I»\u{742e3}\u{1b3b7}3\0",
    "\"",
    "a\" OR \"b",
    "NEAR(x y)",
    "col:*^",
    "'; DROP TABLE summaries; --",
    "\u{feff}\u{200b}\u{fffd}",
    "line\r\nbreak",
    "tab\there",
];

async fn get(user: &User, path_and_query: &str) -> reqwest::Response {
    user.send(user.http.get(format!("{}{path_and_query}", user.base)))
        .await
}

/// The two requests schemathesis found answering 500 (a NUL in the search reached FTS5),
/// replayed byte for byte.
#[tokio::test]
async fn searches_schemathesis_broke_are_answered() {
    let app = spawn_app().await;
    let user = app.user();
    user.summarize_id(json!({"text": "The city council approved the budget. It was long.", "model": "local/textrank"}))
        .await;
    for url in [
        "/api/v1/summaries?q=ab%00c",
        "/api/v1/summaries/export?format=markdown&q=%1BI%C2%BB%F1%B4%8B%A3%F0%9B%8E%B73%00",
        "/api/v1/summaries/export?format=json&q=budget%00",
        "/api/v1/summaries?q=%00%00%00",
        "/api/v1/summaries?q=bud%00get&model=local%2Ftextrank",
    ] {
        let res = get(&user, url).await;
        assert_eq!(res.status(), 200, "{url}");
    }
    // a NUL separates words, as a space does: "budget\0" still finds the summary
    let page: Value = get(&user, "/api/v1/summaries?q=budget%00")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        page["summaries"].as_array().map(Vec::len),
        Some(1),
        "{page}"
    );
}

#[tokio::test]
async fn every_history_parameter_takes_any_text_without_a_server_error() {
    let app = spawn_app().await;
    let user = app.user();
    for text in NASTY {
        for param in ["q", "model", "from", "to", "before", "limit"] {
            let res = user
                .send(
                    user.http
                        .get(format!("{}/api/v1/summaries", user.base))
                        .query(&[(param, *text)]),
                )
                .await;
            let status = res.status().as_u16();
            assert!(
                status == 200 || status == 400,
                "{param}={text:?} answered {status}"
            );
        }
        let res = user
            .send(
                user.http
                    .get(format!("{}/api/v1/summaries/export", user.base))
                    .query(&[("format", *text)]),
            )
            .await;
        expect_error(res, 400, "invalid_query").await;
    }
}

#[tokio::test]
async fn summaries_take_any_text_and_refuse_bad_model_ids_by_name() {
    let app = spawn_app().await;
    let user = app.user();
    for text in NASTY {
        let res = user
            .summarize(json!({"text": format!("{text} The council met. {text} It voted."), "model": "local/textrank"}))
            .await;
        assert_eq!(res.status(), 201, "text {text:?}");
        let res = user
            .summarize(json!({"text": "The council met.", "model": format!("owner/{text}")}))
            .await;
        let error = expect_error(res, 422, "invalid_request").await;
        assert_eq!(error["field"], "model", "model {text:?}");
    }
}

#[tokio::test]
async fn accounts_keys_and_settings_take_any_text_without_a_server_error() {
    let app = spawn_app().await;
    let user = app.user();
    for text in NASTY {
        let res = user
            .server_fn(
                "sign-up",
                &[("email", text), ("password", "long enough password")],
            )
            .await;
        expect_error(res, 422, "invalid_email").await;
    }
    user.sign_up("free-text@example.org", "long enough password")
        .await;
    for text in NASTY {
        let res = user
            .send(
                user.http
                    .post(format!("{}/api/v1/keys", user.base))
                    .header("origin", user.origin())
                    .json(&json!({"name": format!("key {text}")})),
            )
            .await;
        let status = res.status().as_u16();
        if text.chars().any(char::is_control) {
            expect_error(res, 422, "invalid_key_name").await;
        } else {
            assert_eq!(status, 201, "key name {text:?}");
        }
        let res = user
            .send(
                user.http
                    .put(format!("{}/api/v1/settings", user.base))
                    .header("origin", user.origin())
                    .json(&json!({"default_model": text})),
            )
            .await;
        let error = expect_error(res, 422, "invalid_request").await;
        assert_eq!(error["field"], "model", "default_model {text:?}");
        // a password is any text: a wrong one is a wrong one, never a 500
        let res = user
            .server_fn(
                "sign-in",
                &[("email", "free-text@example.org"), ("password", text)],
            )
            .await;
        let status = res.status().as_u16();
        assert!(
            status == 401 || status == 422 || status == 429,
            "password {text:?}: {status}"
        );
    }
}
