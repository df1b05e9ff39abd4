//! Bounds and patterns of the request fields, taken from the rules that enforce them
//! (`domain::params`, `domain::text`, `domain::models`) rather than repeated as literals.

use serde_json::{json, Value};

use crate::domain::ask::document::MAX_TITLE_CHARS;
use crate::domain::ask::question::{MAX_DOCUMENT_IDS, MAX_QUESTION_CHARS, MAX_TOP_K};
use crate::domain::models::MAX_MODEL_ID_CHARS;
use crate::domain::params::Param;
use crate::domain::text::MAX_TEXT_CHARS;

/// Rust's `char::is_whitespace` (Unicode `White_Space`), as a regex class: a text must contain
/// one character outside it (`str::trim` leaves something). Spelled out because `\s` differs
/// between regex engines (Python's also matches U+001C–U+001F).
pub const WHITESPACE_CLASS: &str =
    r"\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// What [`check_model_id`](crate::domain::models::check_model_id) accepts: `owner/name` or
/// `name`; letters, digits, `-`, `_`, `.`; no part starting with `-` or `.`, no `..`.
pub const MODEL_ID_PATTERN: &str = r"^[A-Za-z0-9_](?:[A-Za-z0-9_-]|\.[A-Za-z0-9_-])*\.?(?:/[A-Za-z0-9_](?:[A-Za-z0-9_-]|\.[A-Za-z0-9_-])*\.?)?$";

/// `[^…]`: contains a character that is not whitespace.
pub fn non_blank_pattern() -> String {
    format!("[^{WHITESPACE_CLASS}]")
}

/// Writes the bounds into the document's schemas.
pub fn apply(doc: &mut Value) {
    if let Some(params) = doc
        .pointer_mut("/components/schemas/SummaryParams/properties")
        .and_then(Value::as_object_mut)
    {
        for p in Param::ALL {
            let Some(property) = params.get_mut(p.field().key()) else {
                continue;
            };
            property["description"] = json!(match p.unit() {
                "" => p.help().to_string(),
                unit => format!("{} In {unit}.", p.help()),
            });
            let b = p.bounds();
            if p.is_integer() {
                property["minimum"] = json!(b.min as u64);
                property["maximum"] = if b.unbounded_above {
                    json!(u32::MAX) // the wire type's own limit
                } else {
                    json!(b.max as u64)
                };
            } else {
                property["minimum"] = json!(b.min);
                property["maximum"] = json!(b.max);
            }
        }
        if let Some(seed) = params.get_mut("seed") {
            seed["maximum"] = json!(u64::MAX);
        }
    }
    if let Some(request) = doc
        .pointer_mut("/components/schemas/SummarizeRequest/properties")
        .and_then(Value::as_object_mut)
    {
        if let Some(text) = request.get_mut("text") {
            text["minLength"] = json!(1);
            text["maxLength"] = json!(MAX_TEXT_CHARS);
            text["pattern"] = json!(non_blank_pattern());
        }
        if let Some(model) = request.get_mut("model") {
            model["maxLength"] = json!(MAX_MODEL_ID_CHARS);
            model["pattern"] = json!(MODEL_ID_PATTERN);
        }
    }
    ask(doc);
}

/// The Ask capability's requests: a question, a pasted document.
fn ask(doc: &mut Value) {
    if let Some(q) = doc
        .pointer_mut("/components/schemas/QuestionRequest/properties")
        .and_then(Value::as_object_mut)
    {
        if let Some(question) = q.get_mut("question") {
            question["minLength"] = json!(1);
            question["maxLength"] = json!(MAX_QUESTION_CHARS);
            question["pattern"] = json!(non_blank_pattern());
        }
        if let Some(top_k) = q.get_mut("top_k") {
            top_k["minimum"] = json!(1);
            top_k["maximum"] = json!(MAX_TOP_K);
        }
        if let Some(model) = q.get_mut("model") {
            model["maxLength"] = json!(MAX_MODEL_ID_CHARS);
            model["pattern"] = json!(MODEL_ID_PATTERN);
        }
        if let Some(ids) = q.get_mut("document_ids") {
            ids["maxItems"] = json!(MAX_DOCUMENT_IDS);
            if let Some(items) = ids.get_mut("items") {
                items["pattern"] = json!("^[0-9a-f]{32}$");
            }
        }
    }
    if let Some(d) = doc
        .pointer_mut("/components/schemas/NewTextDocument/properties")
        .and_then(Value::as_object_mut)
    {
        if let Some(title) = d.get_mut("title") {
            title["maxLength"] = json!(MAX_TITLE_CHARS);
        }
        if let Some(text) = d.get_mut("text") {
            text["minLength"] = json!(1);
            text["pattern"] = json!(non_blank_pattern());
        }
    }
}
