//! The error responses of each route, for `responses(...)` in `#[utoipa::path]`.
//!
//! Built from [`examples`]: each example error is filed under the status the server gives it
//! ([`AppError::status`](crate::server::error::AppError::status)) with the body it sends, so a
//! status cannot be documented with the wrong code or a sentence the server never writes.

use std::collections::BTreeMap;

use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::IntoResponses;

use super::examples::{self, ErrorExample};
use crate::domain::errors::ErrorResponse;
use crate::domain::settings::Lang;

/// Every error `POST /api/v1/summaries` can answer.
pub struct SummarizeErrors;

impl IntoResponses for SummarizeErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(
            examples::summarize_errors()
                .into_iter()
                .chain(examples::common_errors()),
        )
    }
}

/// The errors `POST /api/v1/summaries/stream` answers with a status, before streaming starts.
pub struct StreamErrors;

impl IntoResponses for StreamErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(
            examples::stream_errors()
                .into_iter()
                .chain(examples::common_errors()),
        )
    }
}

/// The errors of any route (a body over the size limit).
pub struct CommonErrors;

impl IntoResponses for CommonErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(examples::common_errors())
    }
}

/// Name of the response header saying how long to wait.
pub const RETRY_AFTER: &str = "Retry-After";

/// One response per status: the `ErrorResponse` schema, every example filed under it, and
/// `Retry-After` when any of them asks the client to wait.
pub(crate) fn error_responses(
    errors: impl IntoIterator<Item = ErrorExample>,
) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<ErrorExample>> = BTreeMap::new();
    for e in errors {
        by_status.entry(e.status().as_u16()).or_default().push(e);
    }
    by_status
        .into_iter()
        .map(|(status, errors)| (status.to_string(), RefOr::T(response(status, &errors))))
        .collect()
}

fn response(status: u16, errors: &[ErrorExample]) -> Response {
    let mut codes: Vec<&str> = Vec::new();
    let mut waits = false;
    let mut content = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorResponse")));
    let mut named = Vec::new();
    for e in errors {
        let public = e.error.public_in(Lang::En);
        waits |= public.retry_after.is_some();
        let code = public.code.as_str();
        if !codes.contains(&code) {
            codes.push(code);
        }
        let body = serde_json::to_value(ErrorResponse::from(public)).ok();
        named.push((
            e.name,
            ExampleBuilder::new().summary(e.summary).value(body).build(),
        ));
    }
    content = content.examples_from_iter(named);
    let codes = codes
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut builder = ResponseBuilder::new()
        .description(format!("{} ({codes}).", meaning(status)))
        .content("application/json", content.build());
    if waits {
        builder = builder.header(
            RETRY_AFTER,
            HeaderBuilder::new()
                .schema(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(0)),
                )
                .description(Some(
                    "Seconds to wait before trying again (the same as `error.retry_after`).",
                ))
                .build(),
        );
    }
    builder.build()
}

/// What a status means on this API, in a sentence (the examples' codes follow it).
fn meaning(status: u16) -> &'static str {
    match status {
        400 => {
            "The request could not be read: not JSON (or not the multipart form the route \
                takes), not sent as `application/json`, or with unknown or mistyped fields"
        }
        403 => "Refused because of who sent it, or from where",
        404 => "Not found: no such model, document, summary, key or training job",
        409 => "Not now: something else must end first",
        413 => {
            "Too large: a text over 100,000 characters, a request body or file over the \
                route's limit, or an image over its pixel limits"
        }
        415 => "A kind of file this route does not read",
        422 => {
            "The request breaks a rule (`field` names the input at fault), or the model \
                cannot take it"
        }
        429 => "Your per-person rate limit: wait `Retry-After` seconds",
        500 => "Something failed inside Precis",
        502 => {
            "HuggingFace refused this server's token, ran out of credits, failed, could not \
                be reached, or answered something unreadable"
        }
        503 => {
            "Not available now: the model is warming up, HuggingFace is limiting this server, \
                every worker is busy (`Retry-After` says when to try again), or something the \
                operator must install is missing"
        }
        504 => "The model did not answer within Max time + 10 s",
        _ => "An error",
    }
}
