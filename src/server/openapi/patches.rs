//! What the document needs and utoipa's model cannot express, applied to its JSON.

use serde_json::{json, Value};

use super::responses::RETRY_AFTER;
use super::sse;

pub fn apply(doc: &mut Value) {
    require_retry_after(doc);
    sse_data_schema(doc);
    unsigned_formats(doc);
}

/// utoipa's `non_strict_integers` spells unsigned formats `u-int32`, `u-int64` (a kebab-case
/// slip): the usual names are `uint32`, `uint64`. (Without that feature `u32` is documented as
/// `int32`, which caps it at 2³¹ − 1, and `u64` as signed `int64`: wrong for `seed`.)
fn unsigned_formats(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if key == "format" && s.starts_with("u-int") => {
                        *s = s.replacen("u-int", "uint", 1);
                    }
                    _ => unsigned_formats(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(unsigned_formats),
        _ => {}
    }
}

/// Every response that documents `Retry-After` always sends it (each of its examples has a
/// `retry_after`, checked by a test); utoipa's header has no `required`.
fn require_retry_after(doc: &mut Value) {
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    let responses = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(|operation| operation.get_mut("responses"))
        .filter_map(Value::as_object_mut)
        .flat_map(|responses| responses.values_mut());
    for response in responses {
        if let Some(header) = response.pointer_mut(&format!("/headers/{RETRY_AFTER}")) {
            header["required"] = json!(true);
        }
    }
}

/// The JSON inside each stream's events' `data` (a `SummaryEvent`, an `AnswerEvent`…).
fn sse_data_schema(doc: &mut Value) {
    for (name, data_schema) in sse::STREAMS {
        let data = format!("/components/schemas/{name}/properties/data");
        if let Some(data) = doc.pointer_mut(&data) {
            data["contentSchema"] =
                json!({ "$ref": format!("#/components/schemas/{data_schema}") });
        }
    }
}
