//! The OpenAPI document against the running server: every served REST route is in it, and its
//! error examples are what the server really answers.

use std::collections::BTreeSet;
use std::path::Path;

use precis::server::openapi::{document, examples};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, spawn_app_with};

/// Routes served on this branch but documented elsewhere: the history handlers, which the
/// history branch moves and annotates. Remove an entry once its operation is in the document
/// (`every_served_route_is_documented` fails until you do).
const NOT_YET_DOCUMENTED: &[(&str, &str)] = &[];

const PROBED_METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// `/api/v1/summaries/{id}` → `/api/v1/summaries/{}`: templates compare by shape.
fn shape(path: &str) -> String {
    let path = path.split('?').next().unwrap_or_default();
    path.split('/')
        .map(|seg| if seg.starts_with('{') { "{}" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

fn documented() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in document()["paths"].as_object().expect("paths") {
        for method in PROBED_METHODS {
            if item.get(method.to_lowercase()).is_some() {
                out.insert((method.to_string(), shape(path)));
            }
        }
    }
    out
}

/// Every `"/api/v1…"` string literal in the crate's sources, outside the document's own module.
fn api_literals() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let skip = [src.join("server/openapi.rs"), src.join("server/openapi")];
    let literal = regex::Regex::new(r#""(/api/v1/[^"\s]*|/api/v1)""#).expect("regex");
    let mut out = BTreeSet::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src").flatten() {
            let path = entry.path();
            if skip.contains(&path) {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).expect("read source");
                for m in literal.captures_iter(&code) {
                    out.insert(shape(&m[1]));
                }
            }
        }
    }
    out
}

#[tokio::test]
async fn the_document_is_served() {
    let app = spawn_app().await;
    let res = reqwest::get(format!("{}/api/openapi.json", app.address))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    let served: Value = res.json().await.unwrap();
    assert_eq!(&served, document());
}

#[tokio::test]
async fn every_served_route_is_documented() {
    let documented = documented();
    let pending: BTreeSet<(String, String)> = NOT_YET_DOCUMENTED
        .iter()
        .map(|(m, p)| (m.to_string(), shape(p)))
        .collect();
    for entry in &pending {
        assert!(
            !documented.contains(entry),
            "{entry:?} is documented now: remove it from NOT_YET_DOCUMENTED"
        );
    }
    let known_paths: BTreeSet<String> = documented
        .iter()
        .chain(&pending)
        .map(|(_, p)| p.clone())
        .collect();

    // A path in the code must be documented (or be the prefix a router is nested under).
    let literals = api_literals();
    assert!(
        literals.contains("/api/v1/summaries/stream"),
        "{literals:?}"
    );
    for literal in &literals {
        assert!(
            known_paths
                .iter()
                .any(|p| p == literal || p.starts_with(&format!("{literal}/"))),
            "{literal} appears in the code but in no documented operation: annotate its \
             handler with #[utoipa::path] and add it to ApiDoc's paths"
        );
    }

    // On every known path, a method answers 405 exactly when it is not documented.
    let app = spawn_app().await;
    let http = reqwest::Client::new();
    for path in known_paths.iter().chain(&literals) {
        let url = format!("{}{}", app.address, path.replace("{}", "1"));
        for method in PROBED_METHODS {
            let res = http
                .request(method.parse().expect("method"), &url)
                .send()
                .await
                .unwrap();
            let entry = (method.to_string(), path.clone());
            let served = res.status() != 405;
            let listed = documented.contains(&entry) || pending.contains(&entry);
            assert_eq!(
                served,
                listed,
                "{method} {path} answers {}, but the document {} it",
                res.status(),
                if listed { "lists" } else { "does not list" }
            );
        }
    }
}

/// The documented example `name` of `method path` → `status`.
fn example(method: &str, path: &str, status: u16, name: &str) -> Value {
    let pointer = format!(
        "/paths/{}/{method}/responses/{status}/content/application~1json/examples/{name}/value",
        path.replace('~', "~0").replace('/', "~1")
    );
    document()
        .pointer(&pointer)
        .unwrap_or_else(|| panic!("no example at {pointer}"))
        .clone()
}

/// Sends `body` (raw JSON text) and checks the answer is the documented example, word for word.
async fn answers_as_documented(app_address: &str, path: &str, body: String, want: (u16, &str)) {
    let (status, name) = want;
    let doc_path = path.split('?').next().unwrap_or_default();
    let res = reqwest::Client::new()
        .post(format!("{app_address}{path}"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), status, "{name}");
    let got: Value = res.json().await.unwrap();
    assert_eq!(got, example("post", doc_path, status, name), "{name}");
}

#[tokio::test]
async fn error_examples_are_what_the_server_answers() {
    let app = spawn_app().await;
    let request = || serde_json::to_value(examples::request()).unwrap();
    let with = |change: &dyn Fn(&mut Value)| {
        let mut r = request();
        change(&mut r);
        r.to_string()
    };
    let cases: Vec<(String, u16, &str)> = vec![
        (r#"{"text": "A text.""#.into(), 400, "invalid_json"),
        (
            r#"{"text": "A text.", "parameters": {"max_lenght": 80}}"#.into(),
            400,
            "unknown_field",
        ),
        (with(&|r| r["text"] = json!(" ")), 422, "empty_text"),
        (
            with(&|r| r["parameters"]["top_p"] = json!(1.5)),
            422,
            "invalid_parameter",
        ),
        (
            with(&|r| {
                r["parameters"]["min_length"] = json!(200);
                r["parameters"]["max_length"] = json!(100);
            }),
            422,
            "min_over_max",
        ),
        (
            with(&|r| r["model"] = json!("not a model")),
            422,
            "invalid_model_id",
        ),
        (
            with(&|r| r["text"] = json!("a".repeat(100_001))),
            413,
            "text_too_long",
        ),
    ];
    for path in ["/api/v1/summaries", "/api/v1/summaries/stream"] {
        for (body, status, name) in &cases {
            answers_as_documented(&app.address, path, body.clone(), (*status, name)).await;
        }
    }
    answers_as_documented(
        &app.address,
        "/api/v1/summaries/stream?loading=later",
        request().to_string(),
        (400, "invalid_loading"),
    )
    .await;

    // Any route: a body announced over 1 MiB.
    let res = reqwest::Client::new()
        .get(format!("{}/api/v1/models", app.address))
        .body(vec![b' '; 2 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let got: Value = res.json().await.unwrap();
    assert_eq!(got, example("get", "/api/v1/models", 413, "body_too_large"));

    // A server without a token, asked for a HuggingFace model.
    let local = spawn_app_with(&[("HF_TOKEN", "")]).await;
    answers_as_documented(
        &local.address,
        "/api/v1/summaries",
        with(&|r| r["model"] = json!("facebook/bart-large-cnn")),
        (422, "model_unavailable"),
    )
    .await;
}

#[tokio::test]
async fn the_api_page_loads_only_this_servers_files() {
    let app = spawn_app().await;
    let res = reqwest::get(format!("{}/api/docs", app.address))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = res.text().await.unwrap();
    let attr = regex::Regex::new(r#"(?:src|href)="([^"]*)""#).unwrap();
    let urls: Vec<&str> = attr
        .captures_iter(&html)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert!(urls.contains(&"/api-docs/swagger-ui-bundle.js"), "{urls:?}");
    assert!(urls.contains(&"/api-docs/init.js"), "{urls:?}");
    for url in urls {
        assert!(
            url.starts_with('/') && !url.starts_with("//"),
            "{url}: not this server"
        );
    }
    // no inline script: the page runs under script-src 'self'
    let scripts = html.matches("<script").count();
    assert_eq!(scripts, html.matches("<script src=").count(), "{html}");
    // the initializer points Swagger UI at the document, and at no validator
    let init = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api-docs/init.js"),
    )
    .unwrap();
    assert!(init.contains("url: '/api/openapi.json'"));
    assert!(init.contains("validatorUrl: null"));
}
