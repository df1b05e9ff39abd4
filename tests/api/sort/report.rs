//! `GET /api/v1/classifier/report/{file}`: the active models' report and its plots, as the
//! Sort page shows them.

use super::{data, sort_app};
use crate::helpers::expect_error;

const REPORT: &str = "/api/v1/classifier/report";

#[tokio::test]
async fn the_report_and_its_plots_are_served_with_their_types() {
    let app = sort_app(&[]).await;
    let user = app.user();
    let get = |file: &str| user.send(user.http.get(format!("{}{REPORT}/{file}", app.address)));
    // the Markdown, linking to its plots
    let res = get("report.md").await;
    assert_eq!(res.status(), 200);
    let kind = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(kind.starts_with("text/markdown"), "{kind}");
    assert_eq!(res.headers()["cache-control"], "no-cache");
    let markdown = res.text().await.unwrap();
    assert!(markdown.contains("roc-unseen-fonts.svg"), "{markdown}");
    // every plot of every set the models list: accessible SVG
    let models = user.classifier_models().await;
    let sets: Vec<String> = models["models"][0]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["set"].as_str().unwrap().to_string())
        .collect();
    assert!(sets.len() >= 2, "{sets:?}");
    for set in &sets {
        for plot in ["roc", "confusion", "reliability"] {
            let name = format!("{plot}-{set}.svg");
            let res = get(&name).await;
            assert_eq!(res.status(), 200, "{name}");
            assert_eq!(res.headers()["content-type"], "image/svg+xml", "{name}");
            let svg = res.text().await.unwrap();
            assert!(svg.starts_with("<svg"), "{name}");
            assert!(
                svg.contains("role=\"img\"") && svg.contains("<title"),
                "{name}"
            );
            assert!(svg.contains("<desc"), "{name}");
        }
    }
    // anything else: not found, in the person's language
    for bad in [
        "nope.svg",
        "roc-everything.svg",
        "report.txt",
        "..%2Fmanifest.json",
    ] {
        let e = expect_error(get(bad).await, 404, "not_found").await;
        assert!(e["message"].as_str().unwrap().contains("report.md"), "{e}");
    }
    let fr = super::french(&app);
    let e = expect_error(
        fr.send(fr.http.get(format!("{}{REPORT}/x.svg", app.address)))
            .await,
        404,
        "not_found",
    )
    .await;
    assert!(
        e["message"].as_str().unwrap().starts_with("Le rapport"),
        "{e}"
    );
    // the plots in the person's language too
    let res = fr
        .send(
            fr.http
                .get(format!("{}{REPORT}/roc-real-scans.svg", app.address)),
        )
        .await;
    assert_eq!(res.status(), 200);
    let svg = res.text().await.unwrap();
    assert!(svg.contains("Courbes ROC — vrais scans"), "{svg}");
}

#[tokio::test]
async fn the_listing_says_who_may_train() {
    let app = sort_app(&[("PRECIS_OPERATORS", "ops@example.org")]).await;
    let visitor = app.user();
    assert_eq!(visitor.classifier_models().await["can_train"], false);
    let someone = app.user();
    someone
        .sign_up("someone@example.org", "correct horse battery staple")
        .await;
    assert_eq!(someone.classifier_models().await["can_train"], false);
    let ops = app.user();
    ops.sign_up("ops@example.org", "correct horse battery staple")
        .await;
    assert_eq!(ops.classifier_models().await["can_train"], true);
    assert!(ops.classifier_models().await.get("running_job").is_none());
    if data().is_none() {
        return;
    }
    // a job running: named to the operator (the page follows it after a reload), not to others
    let res = ops
        .train(Some(serde_json::json!({"preset": "quick"})))
        .await;
    assert_eq!(res.status(), 202);
    let id = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(ops.classifier_models().await["running_job"], id.as_str());
    for other in [&visitor, &someone] {
        assert!(other.classifier_models().await.get("running_job").is_none());
    }
    assert_eq!(ops.cancel_job(&id).await.status(), 202);
    assert_eq!(ops.wait_job(&id, 3).await["state"], "cancelled");
    // the job lets its slot go just after recording its end
    let mut listed = true;
    for _ in 0..50 {
        listed = ops.classifier_models().await.get("running_job").is_some();
        if !listed {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!listed, "a cancelled job is no longer named as running");
}
