//! Two accounts, every resource: no one reads, changes or deletes what is another's — over
//! REST (cookie and API key) and over the page's server functions.

use serde_json::{json, Value};

use crate::helpers::{expect_error, spawn_app, TestApp, User, ARTICLE};

const PASSWORD: &str = "correct horse battery";

struct Two {
    ana: User,
    bob: User,
    ana_summary: i64,
    ana_key: (String, i64),
}

async fn two_accounts(app: &TestApp) -> Two {
    app.hf_answers("Budget approved.").await;
    let ana = app.user();
    ana.sign_up("ana@example.org", PASSWORD).await;
    let ana_summary = ana.summarize_id(json!({"text": ARTICLE})).await;
    let ana_key = ana.create_key("ana's script").await;
    let bob = app.user();
    bob.sign_up("bob@example.org", PASSWORD).await;
    bob.summarize_id(json!({"text": "Bob's own text about gardens and their flowers."}))
        .await;
    Two {
        ana,
        bob,
        ana_summary,
        ana_key,
    }
}

#[tokio::test]
async fn history_of_another_account_is_out_of_reach() {
    let app = spawn_app().await;
    let t = two_accounts(&app).await;

    // REST with bob's cookie
    expect_error(t.bob.get(t.ana_summary).await, 404, "not_found").await;
    expect_error(t.bob.delete(t.ana_summary).await, 404, "not_found").await;
    let bob_list = t.bob.list().await;
    assert!(
        bob_list["summaries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != t.ana_summary),
        "{bob_list}"
    );
    let res = t
        .bob
        .send(
            t.bob
                .http
                .delete(format!("{}/api/v1/summaries", t.bob.base)),
        )
        .await;
    assert_eq!(res.status(), 204, "bob clears his own history");

    // server functions with bob's cookie
    let id = t.ana_summary.to_string();
    let res = t.bob.server_fn("history/get", &[("id", &id)]).await;
    expect_error(res, 404, "not_found").await;
    let res = t.bob.server_fn("history/delete", &[("id", &id)]).await;
    expect_error(res, 404, "not_found").await;

    // ana still has everything
    assert_eq!(t.ana.get(t.ana_summary).await.status(), 200);
    assert_eq!(t.ana.list().await["summaries"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_api_key_reaches_its_own_account_only() {
    let app = spawn_app().await;
    let t = two_accounts(&app).await;
    let (bob_secret, _) = t.bob.create_key("bob's script").await;
    let script = reqwest::Client::new();
    let res = script
        .get(format!(
            "{}/api/v1/summaries/{}",
            app.address, t.ana_summary
        ))
        .bearer_auth(&bob_secret)
        .send()
        .await
        .unwrap();
    expect_error(res, 404, "not_found").await;
    let res = script
        .delete(format!(
            "{}/api/v1/summaries/{}",
            app.address, t.ana_summary
        ))
        .bearer_auth(&bob_secret)
        .send()
        .await
        .unwrap();
    expect_error(res, 404, "not_found").await;
    let res = script
        .get(format!(
            "{}/api/v1/summaries/{}",
            app.address, t.ana_summary
        ))
        .bearer_auth(&t.ana_key.0)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "ana's key reads ana's summary");
}

#[tokio::test]
async fn keys_of_another_account_cannot_be_listed_or_revoked() {
    let app = spawn_app().await;
    let t = two_accounts(&app).await;
    let (_, ana_key_id) = t.ana_key;

    let listed: Value = t
        .bob
        .send(t.bob.http.get(format!("{}/api/v1/keys", t.bob.base)))
        .await
        .json()
        .await
        .unwrap();
    assert!(listed.as_array().unwrap().is_empty(), "{listed}");
    let res = t
        .bob
        .send(
            t.bob
                .http
                .delete(format!("{}/api/v1/keys/{ana_key_id}", t.bob.base)),
        )
        .await;
    expect_error(res, 404, "not_found").await;
    let res = t
        .bob
        .server_fn("keys/revoke", &[("id", &ana_key_id.to_string())])
        .await;
    expect_error(res, 404, "not_found").await;

    // ana's key still works
    let res = reqwest::Client::new()
        .get(format!("{}/api/v1/summaries", app.address))
        .bearer_auth(&t.ana_key.0)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn settings_of_another_account_stay_theirs() {
    let app = spawn_app().await;
    let t = two_accounts(&app).await;
    let url = format!("{}/api/v1/settings", app.address);
    let res = t
        .ana
        .send(
            t.ana
                .http
                .put(&url)
                .json(&json!({"theme": "dark", "lang": "fr"})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let bob: Value = t.bob.send(t.bob.http.get(&url)).await.json().await.unwrap();
    assert_eq!(bob["theme"], "system");
    let res = t
        .bob
        .send(t.bob.http.put(&url).json(&json!({"theme": "light"})))
        .await;
    assert_eq!(res.status(), 200);
    let ana: Value = t.ana.send(t.ana.http.get(&url)).await.json().await.unwrap();
    assert_eq!(ana["theme"], "dark", "bob's save changed only his own");
}
