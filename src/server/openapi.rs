//! The OpenAPI 3.1 document of the REST API, served at `/api/openapi.json` and shown by the
//! interactive page at `/api/docs`.
//!
//! Generated from the code: each handler's `#[utoipa::path]` (its statuses, error examples and
//! bodies) and the domain types' `ToSchema` derives. Field bounds come from the rules that enforce
//! them ([`rules`]) and error examples from the code that writes them ([`examples`]), so the
//! document cannot drift from what the server does.
//!
//! **Adding a route:** annotate the handler with `#[utoipa::path]` (its errors as one of the
//! [`responses`] sets) and add it to `paths(...)` below. `tests/api/openapi.rs` fails for a
//! `/api/v1` route that is served but not documented.

mod access;
pub mod examples;
mod patches;
pub mod responses;
pub mod rules;
pub mod sse;
pub mod tags;

use std::sync::LazyLock;

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::{Modify, OpenApi};

use self::access::AccessErrors;
use crate::server::ask::Services;
use crate::server::routes;

/// Name of the security scheme for `Authorization: Bearer <API key>`.
pub const API_KEY_SCHEME: &str = "api_key";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Precis API",
        description = include_str!("openapi/description.md"),
        license(name = "MIT OR Apache-2.0"),
    ),
    paths(
        routes::api::create,
        routes::stream::stream,
        routes::models::list,
        routes::health::live,
        routes::health::ready,
        routes::openapi::document,
        routes::history::list_summaries,
        routes::history::export_summaries,
        routes::history::get_summary,
        routes::history::delete_summary,
        routes::history::clear_summaries,
        routes::account::me,
        routes::account::list_keys,
        routes::account::create_key,
        routes::account::revoke_key,
        routes::account::get_settings,
        routes::account::put_settings,
        crate::server::ask::routes::documents::add,
        crate::server::ask::routes::documents::list,
        crate::server::ask::routes::documents::read,
        crate::server::ask::routes::documents::remove,
        crate::server::ask::routes::progress::events,
        crate::server::ask::routes::questions::ask,
        crate::server::ask::routes::questions::stream,
        crate::server::ask::routes::questions::models,
        crate::server::sort::routes::predict::predict,
        crate::server::sort::routes::models::models,
        crate::server::sort::routes::report::report,
        crate::server::sort::routes::evaluate::evaluate,
        crate::server::sort::routes::train::train,
        crate::server::sort::routes::train::job,
        crate::server::sort::routes::train::cancel,
    ),
    components(schemas(
        crate::domain::errors::ErrorResponse,
        crate::domain::stream::SummaryEvent,
        crate::domain::history::ExportFormatName,
        routes::stream::Loading,
        crate::domain::ask::answer::AnswerEvent,
        crate::domain::ask::document::DocumentView,
    )),
    modifiers(&Authentication, &AccessErrors),
    tags(
        (name = tags::SUMMARIES, description = "Summarize a text, at once or streamed as it is written."),
        (name = tags::MODELS, description = "The models this server offers."),
        (name = tags::HISTORY, description = "Your summaries: search, filter, page through, export, delete."),
        (name = tags::ACCOUNT, description = "Who you are, your API keys and your settings."),
        (name = tags::DOCUMENTS, description = "The ingestion service: add documents to your knowledge base, follow their indexing, list and remove them."),
        (name = tags::QUESTIONS, description = "The question service: ask your documents; answers cite the passages they come from."),
        (name = tags::CLASSIFIER, description = "Sort: tell handwritten document images from typed ones, see how well each model does, and (operators) train them again."),
        (name = tags::HEALTH, description = "Probes for load balancers and container health checks."),
        (name = tags::META, description = "This document."),
    ),
)]
pub struct ApiDoc;

/// Declares `Authorization: Bearer <API key>`, and lists it on every `/api/v1` operation that
/// declares nothing itself as optional: `{}` (anonymous, known by the cookie) or `api_key`.
struct Authentication;

/// Where the operations that take the cookie or an API key live.
pub const API_PREFIX: &str = "/api/v1/";

impl Modify for Authentication {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            if !path.starts_with(API_PREFIX) && path.as_str() != API_PREFIX.trim_end_matches('/') {
                continue;
            }
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.options,
                &mut item.head,
                &mut item.patch,
                &mut item.trace,
            ];
            for operation in operations.into_iter().flatten() {
                operation.security.get_or_insert_with(|| {
                    vec![
                        SecurityRequirement::default(),
                        SecurityRequirement::new(API_KEY_SCHEME, Vec::<String>::new()),
                    ]
                });
            }
        }
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            API_KEY_SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("prc_…")
                    .description(Some(
                        "An API key made in Precis (`prc_…`), sent as `Authorization: Bearer \
                         prc_…`. Requests made with it act as the key's account.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document as served: utoipa's output, the bounds from the rules ([`rules`]) and what
/// utoipa's model cannot express ([`patches`]). Built once.
pub fn document() -> &'static serde_json::Value {
    static DOCUMENT: LazyLock<serde_json::Value> = LazyLock::new(|| {
        let mut doc = serde_json::to_value(ApiDoc::openapi())
            .expect("utoipa's document is plain data: it always serializes");
        rules::apply(&mut doc);
        patches::apply(&mut doc);
        doc
    });
    &DOCUMENT
}

/// [`document`] as JSON text, as `/api/openapi.json` serves it.
pub fn document_json() -> &'static str {
    static JSON: LazyLock<String> = LazyLock::new(|| document().to_string());
    &JSON
}

/// The document of the operations `services` serves, as JSON text.
pub fn document_json_for(services: Services) -> &'static str {
    static INGEST: LazyLock<String> = LazyLock::new(|| only(Services::Ingest).to_string());
    static ASK: LazyLock<String> = LazyLock::new(|| only(Services::Ask).to_string());
    static CLASSIFIER: LazyLock<String> = LazyLock::new(|| only(Services::Classifier).to_string());
    match services {
        Services::All => document_json(),
        Services::Ingest => &INGEST,
        Services::Ask => &ASK,
        Services::Classifier => &CLASSIFIER,
    }
}

/// [`document`] without the operations `services` does not serve.
fn only(services: Services) -> serde_json::Value {
    let mut doc = document().clone();
    if let Some(paths) = doc.get_mut("paths").and_then(|p| p.as_object_mut()) {
        for (path, item) in paths.iter_mut() {
            if let Some(ops) = item.as_object_mut() {
                ops.retain(|method, _| services.serves(method, path));
            }
        }
        paths.retain(|_, item| item.as_object().is_some_and(|ops| !ops.is_empty()));
    }
    doc
}

#[cfg(test)]
mod tests;
