//! `GET /api/v1/classifier/models`: the classifiers and their measured quality.

use super::{french, sort_app};

#[tokio::test]
async fn the_models_are_listed_with_their_metrics_and_protocol() {
    let app = sort_app(&[]).await;
    let list = app.user().classifier_models().await;
    assert_eq!(list["origin"], "builtin");
    assert!(list.get("job").is_none());
    let models = list["models"].as_array().expect("models");
    let names: Vec<&str> = models.iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(models.len(), 3, "{names:?}");
    for name in ["hog-svm", "texture-logistic", "cnn"] {
        assert!(names.contains(&name), "{names:?}");
    }
    // the default first, and only it
    assert_eq!(models[0]["name"], list["default_model"]);
    assert_eq!(models[0]["default"], true);
    assert!(models[1..].iter().all(|m| m["default"] == false));
    for m in models {
        assert!(m["description"].as_str().unwrap().len() > 20);
        assert!(m["size_bytes"].as_u64().unwrap() > 0);
        assert!(m["prediction_ms_per_page"].as_f64().unwrap() > 0.0);
        assert!(m["training_seconds"].as_f64().unwrap() >= 0.0);
        let sets: Vec<&str> = m["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["set"].as_str())
            .collect();
        assert!(
            sets.contains(&"unseen-fonts") && sets.contains(&"real-scans"),
            "{sets:?}"
        );
        for s in m["metrics"].as_array().unwrap() {
            let metrics = &s["metrics"];
            assert!(s["counts"]["pages"].as_u64().unwrap() > 0);
            for metric in ["accuracy", "precision", "recall", "f1", "roc_auc"] {
                let e = &metrics[metric];
                if e.is_null() {
                    continue; // undefined on these pages
                }
                let (v, low, high) = (
                    e["value"].as_f64().unwrap(),
                    e["low"].as_f64().unwrap(),
                    e["high"].as_f64().unwrap(),
                );
                assert!(low <= v && v <= high, "{metric}: {e}");
            }
            assert!(metrics["roc_auc"]["value"].is_f64(), "{s}");
        }
    }
    assert!(list["protocol"]["seed"].is_u64());
    assert_eq!(list["protocol"]["folds"], 3);
    assert!(list["protocol"]["training"]["pages"].as_u64().unwrap() > 0);
    assert!(list["preset"].is_string());

    // the descriptions in the person's language
    let fr = french(&app).classifier_models().await;
    for (en, fr) in models.iter().zip(fr["models"].as_array().unwrap()) {
        assert_eq!(en["name"], fr["name"]);
        assert_ne!(en["description"], fr["description"]);
        assert_eq!(en["metrics"], fr["metrics"]);
    }
}
