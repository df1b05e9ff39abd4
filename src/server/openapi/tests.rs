//! The document's promises, checked on the document itself. (That every served `/api/v1` route
//! is documented, and that examples are what the server really answers, is checked over HTTP in
//! `tests/api/openapi.rs`.)

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

use super::rules::{non_blank_pattern, MODEL_ID_PATTERN};
use super::{document, examples, API_KEY_SCHEME, API_PREFIX};
use crate::domain::models::{check_model_id, MAX_MODEL_ID_CHARS};
use crate::domain::params::Param;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// (path, method, operation) for every operation in the document.
fn operations() -> Vec<(String, String, &'static Value)> {
    let paths = document()["paths"].as_object().expect("paths");
    let mut out = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                out.push((path.clone(), method.to_string(), op));
            }
        }
    }
    out
}

fn schema(name: &str) -> &'static Value {
    &document()["components"]["schemas"][name]
}

#[test]
fn is_openapi_3_1_with_title_and_version() {
    let doc = document();
    assert!(doc["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with("3.1.")));
    assert_eq!(doc["info"]["title"], "Precis API");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let description = doc["info"]["description"].as_str().unwrap_or_default();
    assert!(
        description.contains("Authorization: Bearer prc_"),
        "{description}"
    );
    assert!(description.contains("precis_uid"), "{description}");
}

#[test]
fn every_operation_has_an_id_a_tag_a_4xx_and_examples() {
    let ops = operations();
    assert!(ops.len() >= 6, "{} operations", ops.len());
    let tags: Vec<&str> = document()["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    for (path, method, op) in ops {
        let label = format!("{method} {path}");
        assert!(op["operationId"].is_string(), "{label}: operationId");
        let tag = op["tags"][0].as_str().unwrap_or_default();
        assert!(tags.contains(&tag), "{label}: tag {tag:?} not declared");
        assert!(op["summary"].is_string(), "{label}: summary (doc comment)");
        let responses = op["responses"].as_object().expect("responses");
        assert!(
            responses.keys().any(|s| s.starts_with('4')),
            "{label}: no 4xx response"
        );
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{label}: no 2xx response"
        );
        for (status, response) in responses {
            let content = response["content"].as_object();
            for (media, body) in content.into_iter().flatten() {
                let has_example = body.get("example").is_some()
                    || body["examples"].as_object().is_some_and(|e| !e.is_empty());
                // the document describes itself: its example would be a copy of the whole
                if path != "/api/openapi.json" {
                    assert!(has_example, "{label} {status} {media}: no example");
                }
            }
        }
        if let Some(body) = op.get("requestBody") {
            // its JSON form, or its only form (a multipart upload)
            let content = body["content"].as_object().expect("request content");
            let forms: Vec<&Value> = match content.get("application/json") {
                Some(json) => vec![json],
                None => content.values().collect(),
            };
            for form in forms {
                assert!(form.get("example").is_some(), "{label}: request example");
            }
        }
    }
}

#[test]
fn every_error_response_uses_the_error_shape() {
    for (path, method, op) in operations() {
        for (status, response) in op["responses"].as_object().expect("responses") {
            let json = &response["content"]["application/json"];
            if !status.starts_with(['4', '5']) || json.is_null() {
                continue;
            }
            assert_eq!(
                json["schema"]["$ref"], "#/components/schemas/ErrorResponse",
                "{method} {path} {status}"
            );
            for (name, example) in json["examples"].as_object().into_iter().flatten() {
                let error = &example["value"]["error"];
                assert!(error["code"].is_string(), "{name}");
                assert!(
                    error["message"].as_str().is_some_and(|m| m.len() > 20),
                    "{name}: a sentence"
                );
            }
        }
    }
}

#[test]
fn retry_after_is_documented_exactly_where_it_is_always_sent() {
    for (path, method, op) in operations() {
        for (status, response) in op["responses"].as_object().expect("responses") {
            let header = &response["headers"]["Retry-After"];
            let examples = response["content"]["application/json"]["examples"].as_object();
            let waits: Vec<bool> = examples
                .into_iter()
                .flatten()
                .map(|(_, e)| e["value"]["error"]["retry_after"].is_u64())
                .collect();
            let label = format!("{method} {path} {status}");
            if header.is_null() {
                assert!(
                    !waits.contains(&true),
                    "{label}: retry_after without header"
                );
            } else {
                assert_eq!(header["required"], true, "{label}");
                assert!(
                    !waits.is_empty() && !waits.contains(&false),
                    "{label}: header required but not every example waits"
                );
            }
        }
    }
    // the statuses that make people wait do document it
    let summarize = &document()["paths"]["/api/v1/summaries"]["post"]["responses"];
    for status in ["429", "503"] {
        assert!(summarize[status]["headers"]["Retry-After"].is_object());
    }
}

#[test]
fn every_api_operation_takes_the_cookie_or_an_api_key() {
    let scheme = &document()["components"]["securitySchemes"][API_KEY_SCHEME];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    for (path, method, op) in operations() {
        if path.starts_with(API_PREFIX) {
            assert_eq!(
                op["security"],
                serde_json::json!([{}, { API_KEY_SCHEME: [] }]),
                "{method} {path}"
            );
        }
    }
}

/// Every `$ref` in `value`.
fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(s) if k == "$ref" => out.push(s.clone()),
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_reference_resolves() {
    let mut all = Vec::new();
    refs(document(), &mut all);
    assert!(!all.is_empty());
    for r in all {
        let pointer = r.strip_prefix('#').expect("local reference");
        assert!(document().pointer(pointer).is_some(), "dangling {r}");
    }
}

#[test]
fn parameter_bounds_are_the_validation_rules() {
    let props = &schema("SummaryParams")["properties"];
    for p in Param::ALL {
        let prop = &props[p.field().key()];
        let b = p.bounds();
        assert_eq!(prop["minimum"].as_f64(), Some(b.min), "{p:?}");
        if b.unbounded_above {
            assert_eq!(prop["maximum"].as_u64(), Some(u64::from(u32::MAX)), "{p:?}");
        } else {
            assert_eq!(prop["maximum"].as_f64(), Some(b.max), "{p:?}");
        }
        let kind = if p.is_integer() { "integer" } else { "number" };
        assert_eq!(prop["type"][0], kind, "{p:?}");
        assert_eq!(prop["type"][1], "null", "{p:?}: null is accepted as absent");
        assert!(prop["description"].is_string(), "{p:?}");
    }
    assert_eq!(props["seed"]["maximum"].as_u64(), Some(u64::MAX));
    assert_eq!(props["seed"]["format"], "uint64");
    assert_eq!(props["top_k"]["format"], "uint32");
}

#[test]
fn serde_strictness_is_documented() {
    for name in ["SummarizeRequest", "SummaryParams"] {
        assert_eq!(schema(name)["additionalProperties"], false, "{name}");
    }
    let request = schema("SummarizeRequest");
    assert_eq!(request["required"], serde_json::json!(["text"]));
    assert_eq!(
        request["properties"]["text"]["maxLength"].as_u64(),
        Some(crate::domain::text::MAX_TEXT_CHARS as u64)
    );
    assert!(
        schema("SummaryParams")["required"].is_null(),
        "all optional"
    );
    // fields left out of the JSON when empty are optional, never null
    let error = schema("PublicError");
    assert_eq!(error["required"], serde_json::json!(["code", "message"]));
    assert!(error["properties"]["retry_after"]["type"] == "integer");
    let model = schema("ModelInfo");
    let required = model["required"].as_array().expect("required");
    assert!(
        required.contains(&"input_window".into()),
        "null, never absent"
    );
    assert!(!required.contains(&"unavailable".into()));
}

#[test]
fn the_model_id_pattern_is_check_model_id() {
    let pattern = regex::Regex::new(MODEL_ID_PATTERN).expect("valid regex");
    let accepts = |id: &str| pattern.is_match(id) && id.chars().count() <= MAX_MODEL_ID_CHARS;
    let fixed = [
        "facebook/bart-large-cnn",
        "local/textrank",
        "local/SmolLM2-135M-Instruct.Q4_1",
        "t5-small",
        "a.",
        "a.-b",
        "_",
        "",
        " ",
        "a/b/c",
        "../etc",
        "a..b",
        ".a",
        "-a",
        "a/",
        "/a",
        "a b",
        "é",
    ];
    let mut rng = StdRng::seed_from_u64(7);
    let alphabet: Vec<char> = "aZ9_-./ é".chars().collect();
    let random = (0..20_000).map(|_| {
        let len = rng.random_range(0..10);
        (0..len)
            .map(|_| alphabet[rng.random_range(0..alphabet.len())])
            .collect::<String>()
    });
    let long = [
        "a".repeat(96),
        "a".repeat(97),
        format!("{}/b", "a".repeat(94)),
    ];
    for id in fixed
        .into_iter()
        .map(String::from)
        .chain(random)
        .chain(long)
    {
        assert_eq!(
            accepts(&id),
            check_model_id(&id).is_ok(),
            "{id:?}: pattern and check_model_id disagree"
        );
    }
}

#[test]
fn the_non_blank_pattern_is_trim() {
    let pattern = regex::Regex::new(&non_blank_pattern()).expect("valid regex");
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let text = format!("{c}{c}");
        assert_eq!(
            pattern.is_match(&text),
            !text.trim().is_empty(),
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn request_examples_are_valid_requests() {
    assert_eq!(examples::request().validate(), Ok(()));
    for e in examples::summarize_errors()
        .into_iter()
        .chain(examples::stream_errors())
        .chain(examples::common_errors())
    {
        assert!(
            !matches!(e.error, crate::server::error::AppError::Internal(ref m) if m.contains("unexpectedly")),
            "{}: the example could not be built",
            e.name
        );
    }
}

#[test]
fn the_stream_documents_its_events() {
    let ok = &document()["paths"]["/api/v1/summaries/stream"]["post"]["responses"]["200"];
    let sse = &ok["content"]["text/event-stream"];
    assert_eq!(
        sse["schema"]["$ref"],
        "#/components/schemas/SummaryEventMessage"
    );
    let data = &schema("SummaryEventMessage")["properties"]["data"];
    assert_eq!(data["contentMediaType"], "application/json");
    assert_eq!(
        data["contentSchema"]["$ref"],
        "#/components/schemas/SummaryEvent"
    );
    // each variant of the event is described, tagged by `type`
    let variants = schema("SummaryEvent")["oneOf"].as_array().expect("oneOf");
    assert_eq!(variants.len(), 4);
    let example = sse["example"].as_str().expect("stream example");
    for line in example.lines().filter(|l| !l.is_empty()) {
        let json = line.strip_prefix("data: ").expect("data line");
        let event: crate::domain::stream::SummaryEvent =
            serde_json::from_str(json).expect("a SummaryEvent");
        drop(event);
    }
}
