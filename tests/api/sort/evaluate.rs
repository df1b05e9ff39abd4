//! `POST /api/v1/classifier/evaluate`: the active models on one evaluation set.

use serde_json::json;

use super::{data, french, sort_app};
use crate::helpers::expect_error;

#[tokio::test]
async fn the_real_scans_are_evaluated_once_and_cross_validation_is_read() {
    let app = sort_app(&[]).await;
    let user = app.user();
    let (cv, pending) = user.evaluated("cross-validation").await;
    assert_eq!(pending, 0, "in the report: never computed");
    assert_eq!(cv["kind"], "cross-validation");
    assert_eq!(cv["results"].as_array().unwrap().len(), 3);
    let Some(_) = data() else { return };

    let started = std::time::Instant::now();
    let (first, _) = user.evaluated("real-scans").await;
    let took = started.elapsed();
    assert_eq!(first["kind"], "real-scans");
    assert_eq!(first["counts"]["pages"], 29, "{}", first["counts"]);
    let results = first["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    // best first: ROC-AUC never rises down the list
    let aucs: Vec<f64> = results
        .iter()
        .map(|r| r["metrics"]["roc_auc"]["value"].as_f64().unwrap())
        .collect();
    assert!(aucs.windows(2).all(|w| w[0] >= w[1]), "{aucs:?}");
    for r in results {
        let m = &r["metrics"];
        assert_eq!(m["n"], 29);
        let c = &m["confusion"];
        let total: u64 = ["tp", "fp", "tn", "fn"]
            .iter()
            .map(|k| c[k].as_u64().unwrap())
            .sum();
        assert_eq!(total, 29);
        let acc = &m["accuracy"];
        assert!(acc["low"].as_f64() <= acc["value"].as_f64());
        assert!(!r["roc"].as_array().unwrap().is_empty());
    }
    let comparison = &first["comparison"];
    assert_eq!(comparison["best"], results[0]["model"]);
    assert!(comparison["result"]["p_value"].is_f64());

    // computed once: asked again, the same numbers at once
    let started = std::time::Instant::now();
    let (again, pending) = user.evaluated("real-scans").await;
    assert_eq!((&again, pending), (&first, 0));
    assert!(started.elapsed() < took.max(std::time::Duration::from_millis(500)));
}

#[tokio::test]
async fn a_set_still_being_computed_is_answered_202_until_it_is_done() {
    let Some(_) = data() else { return };
    // no waiting at all: the first request only starts the computation
    let app = sort_app(&[("PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS", "0")]).await;
    let user = app.user();
    let (report, pending) = user.evaluated("real-scans").await;
    assert!(pending >= 1, "answered at once");
    assert_eq!(report["kind"], "real-scans");
    assert_eq!(report["counts"]["pages"], 29);
    // another person asking now gets the result computed for the first
    let (again, pending) = app.user().evaluated("real-scans").await;
    assert_eq!((&again, pending), (&report, 0));
}

#[tokio::test]
async fn an_unknown_set_or_missing_data_is_refused() {
    let app = sort_app(&[("PRECIS_SORT_DATA_DIR", "/nonexistent/sort-data")]).await;
    let user = app.user();
    let e = expect_error(
        user.evaluate(json!({"set": "test"})).await,
        400,
        "invalid_request",
    )
    .await;
    assert!(e["message"].as_str().unwrap().contains("set"), "{e}");
    expect_error(user.evaluate(json!({})).await, 400, "invalid_request").await;
    let e = expect_error(
        user.evaluate(json!({"set": "unseen-fonts"})).await,
        503,
        "data_missing",
    )
    .await;
    let en = e["message"].as_str().unwrap();
    assert!(en.contains("bash scripts/sort_data.sh"), "{en}");
    let f = expect_error(
        french(&app).evaluate(json!({"set": "real-scans"})).await,
        503,
        "data_missing",
    )
    .await;
    let fr = f["message"].as_str().unwrap();
    assert!(
        fr.contains("ne sont pas installées") && fr.contains("scripts/sort_data.sh"),
        "{fr}"
    );
    // cross-validation is in the models' report: no data needed
    let res = user.evaluate(json!({"set": "cross-validation"})).await;
    assert_eq!(res.status(), 200);
}
