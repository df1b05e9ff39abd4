//! Training the classifier again through the API: operators only, one job at a time,
//! cancellable, kept across restarts (a job a stop interrupted reads failed, never succeeded).

use serde_json::{json, Value};

use super::{data, french, png, sort_app, typed_page};
use crate::helpers::{expect_error, User};

const OPERATOR: &str = "ops@example.org";
const PASSWORD: &str = "correct horse battery staple";

/// A signed-in operator of `app` (started with `PRECIS_OPERATORS` naming [`OPERATOR`]).
async fn operator(app: &crate::helpers::TestApp) -> User {
    let ops = app.user();
    ops.sign_up(OPERATOR, PASSWORD).await;
    ops
}

#[tokio::test]
async fn only_operators_may_train_or_follow_jobs() {
    let app = sort_app(&[("PRECIS_OPERATORS", "Ops@Example.org, boss@example.org")]).await;
    let id = "0123456789abcdef0123456789abcdef";
    // anonymous
    let visitor = app.user();
    let e = expect_error(visitor.train(None).await, 403, "operator_only").await;
    assert!(
        e["message"].as_str().unwrap().contains("PRECIS_OPERATORS"),
        "{e}"
    );
    expect_error(visitor.job(id).await, 403, "operator_only").await;
    expect_error(visitor.cancel_job(id).await, 403, "operator_only").await;
    // an account that is not listed, in French
    let someone = french(&app);
    someone.sign_up("someone@example.org", PASSWORD).await;
    let e = expect_error(
        someone.train(Some(json!({"preset": "quick"}))).await,
        403,
        "operator_only",
    )
    .await;
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .starts_with("Seuls les administrateurs"),
        "{e}"
    );
    // the operator (the list is read case-insensitively), through an API key
    let ops = operator(&app).await;
    let (key, _) = ops.create_key("training").await;
    let script = |req: reqwest::RequestBuilder| req.bearer_auth(&key).send();
    let http = reqwest::Client::new();
    let res = script(http.get(format!("{}/api/v1/classifier/jobs/{id}", app.address))).await;
    expect_error(res.unwrap(), 404, "not_found").await;
    let res = script(http.delete(format!("{}/api/v1/classifier/jobs/nope", app.address))).await;
    expect_error(res.unwrap(), 404, "not_found").await;
    let res = script(
        http.post(format!("{}{}", app.address, super::TRAIN))
            .json(&json!({"preset": "slow"})),
    )
    .await;
    let e = expect_error(res.unwrap(), 400, "invalid_request").await;
    assert!(e["message"].as_str().unwrap().contains("preset"), "{e}");
}

#[tokio::test]
async fn training_without_the_sort_data_is_refused() {
    let app = sort_app(&[
        ("PRECIS_OPERATORS", OPERATOR),
        ("PRECIS_SORT_DATA_DIR", "/nonexistent/sort-data"),
    ])
    .await;
    let ops = operator(&app).await;
    let e = expect_error(ops.train(None).await, 503, "data_missing").await;
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("scripts/sort_data.sh"));
}

#[tokio::test]
async fn a_job_a_restart_interrupted_reads_failed() {
    let app = sort_app(&[("PRECIS_OPERATORS", OPERATOR)]).await;
    let ops = operator(&app).await;
    let id = "fedcba9876543210fedcba9876543210";
    let db = app.db().await;
    sqlx::query(
        "INSERT INTO classifier_jobs (id, user_id, preset, state, progress, created_at) \
         VALUES (?, 'someone', 'quick', 'running', 0.4, 1767225600000)",
    )
    .bind(id)
    .execute(&db)
    .await
    .unwrap();
    db.close().await;
    let app = app.restart().await;
    let ops = ops.on(&app);
    let res = ops.job(id).await;
    assert_eq!(res.status(), 200);
    let job: Value = res.json().await.unwrap();
    assert_eq!(job["state"], "failed", "{job}");
    assert_eq!(job["error"]["code"], "interrupted");
    assert!(
        job["error"]["message"]
            .as_str()
            .unwrap()
            .contains("restart"),
        "{job}"
    );
    assert!(job["finished_at"].is_string());
    assert!(job.get("outcome").is_none());
    // and a cancel of it changes nothing
    let res = ops.cancel_job(id).await;
    assert_eq!(res.status(), 200);
    let again: Value = res.json().await.unwrap();
    assert_eq!(again["state"], "failed");
}

/// The one full training of the suite (the quick preset: a few minutes on two cores).
#[tokio::test]
async fn an_operator_trains_cancels_and_the_new_models_answer() {
    if data().is_none() {
        return;
    }
    let app = sort_app(&[("PRECIS_OPERATORS", OPERATOR)]).await;
    let ops = operator(&app).await;
    let before = ops.classifier_models().await;

    // a first job, cancelled while it renders its pages
    let res = ops.train(Some(json!({"preset": "quick"}))).await;
    assert_eq!(res.status(), 202);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let job: Value = res.json().await.unwrap();
    let first = job["id"].as_str().unwrap().to_string();
    assert_eq!(location, format!("/api/v1/classifier/jobs/{first}"));
    assert!(["queued", "running"].contains(&job["state"].as_str().unwrap()));
    assert_eq!(job["preset"], "quick");
    // one at a time
    let e = expect_error(ops.train(None).await, 409, "training_in_progress").await;
    assert!(e["message"].as_str().unwrap().contains("already running"));
    let res = ops.cancel_job(&first).await;
    assert_eq!(res.status(), 202);
    let cancelling: Value = res.json().await.unwrap();
    assert_eq!(cancelling["cancel_requested"], true);
    let cancelled = ops.wait_job(&first, 3).await;
    assert_eq!(cancelled["state"], "cancelled", "{cancelled}");
    assert!(cancelled.get("outcome").is_none() && cancelled.get("error").is_none());
    assert!(!app
        .data_dir
        .path()
        .join(format!("sort/models/{first}"))
        .exists());
    // an ended job is left as it is
    assert_eq!(ops.cancel_job(&first).await.status(), 200);

    // a job run to its end (the body may be left out: here the preset is given)
    let res = ops.train(Some(json!({"preset": "quick"}))).await;
    assert_eq!(res.status(), 202);
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // its progress moves while it runs
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    let running: Value = ops.job(&id).await.json().await.unwrap();
    assert_eq!(running["state"], "running", "{running}");
    assert!(running["progress"].as_f64().unwrap() > 0.0, "{running}");
    assert_eq!(running["stage"]["name"], "pages");
    let done = ops.wait_job(&id, 20).await;
    assert_eq!(done["state"], "succeeded", "{done}");
    assert_eq!(done["progress"], 1.0);
    let outcome = &done["outcome"];
    let activated = outcome["activated"].as_bool().unwrap();
    let reason = outcome["reason"].as_str().unwrap();
    assert!(reason.contains("ROC-AUC on unseen fonts"), "{reason}");
    let (new, old) = (
        outcome["roc_auc_unseen_fonts"].as_f64().unwrap(),
        outcome["active_roc_auc_unseen_fonts"].as_f64().unwrap(),
    );
    assert_eq!(activated, new >= old, "{outcome}");
    assert_eq!(outcome["saved_to"], format!("sort/models/{id}"));
    let saved = app.data_dir.path().join(format!("sort/models/{id}"));
    assert!(saved.join("manifest.json").is_file());
    let fr: Value = french(&app).job(&id).await.json().await.unwrap();
    assert_ne!(fr["outcome"]["reason"], outcome["reason"]);

    let after = ops.classifier_models().await;
    if activated {
        assert_eq!(after["origin"], "trained");
        assert_eq!(after["job"], id.as_str());
        assert!(app
            .data_dir
            .path()
            .join("sort/active/manifest.json")
            .is_file());
    } else {
        assert_eq!(after, before);
    }
    // the models answering classify as before
    let p = ops.predicted("page.png", png(&typed_page()), None).await;
    assert_eq!(p["model"], after["default_model"]);

    // after a restart, the same models answer
    let app = app.restart().await;
    let ops = ops.on(&app);
    assert_eq!(ops.classifier_models().await["origin"], after["origin"]);
    assert_eq!(
        ops.job(&id).await.json::<Value>().await.unwrap()["state"],
        "succeeded"
    );
}
