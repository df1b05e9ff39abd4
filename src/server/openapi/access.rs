//! Errors every `/api/v1` operation can answer because of who sent it, added to each operation
//! in one place rather than repeated on every handler:
//! - 401 `invalid_api_key` (an `Authorization` header with an unknown or revoked key) and
//!   `sign_in_required` (no account, where one is needed);
//! - 403 `cross_origin` on writes (a browser request from another site: CSRF defence).
//!   Bodies are the server's own sentences ([`AppError::public_in`]).

use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::Modify;

use super::API_PREFIX;
use crate::domain::errors::ErrorResponse;
use crate::domain::settings::Lang;
use crate::server::auth::AuthError;
use crate::server::error::AppError;

pub struct AccessErrors;

impl Modify for AccessErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            if !path.starts_with(API_PREFIX) {
                continue;
            }
            let reads = [&mut item.get, &mut item.head];
            for op in reads.into_iter().flatten() {
                add_unauthorized(op);
            }
            let writes = [
                &mut item.post,
                &mut item.put,
                &mut item.delete,
                &mut item.patch,
            ];
            for op in writes.into_iter().flatten() {
                add_unauthorized(op);
                add_cross_origin(op);
            }
        }
    }
}

fn body(e: AppError) -> Option<serde_json::Value> {
    serde_json::to_value(ErrorResponse::from(e.public_in(Lang::En))).ok()
}

fn add_unauthorized(op: &mut Operation) {
    if op.responses.responses.contains_key("401") {
        return;
    }
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("ErrorResponse")))
        .examples_from_iter([
            (
                "invalid_api_key",
                ExampleBuilder::new()
                    .summary("The Authorization header holds an unknown or revoked key")
                    .value(body(AuthError::InvalidApiKey.into()))
                    .build(),
            ),
            (
                "sign_in_required",
                ExampleBuilder::new()
                    .summary(
                        "No account: anonymous use is off on this server, or the route needs one",
                    )
                    .value(body(AuthError::SignInRequired.into()))
                    .build(),
            ),
        ])
        .build();
    let response = ResponseBuilder::new()
        .description(
            "Not authenticated (`invalid_api_key`, `sign_in_required`): send a valid API key as \
             `Authorization: Bearer prc_…`, or sign in.",
        )
        .header(
            "WWW-Authenticate",
            HeaderBuilder::new()
                .schema(ObjectBuilder::new().schema_type(Type::String))
                .description(Some("`Bearer realm=\"precis\"`"))
                .build(),
        )
        .content("application/json", content)
        .build();
    op.responses
        .responses
        .insert("401".to_string(), RefOr::T(response));
}

fn add_cross_origin(op: &mut Operation) {
    if op.responses.responses.contains_key("403") {
        return;
    }
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("ErrorResponse")))
        .example(body(AppError::CrossOrigin))
        .build();
    let response = ResponseBuilder::new()
        .description(
            "A browser request from another website (`cross_origin`): refused as a possible \
             cross-site request forgery. Scripts don't send `Origin`/`Sec-Fetch-Site`, or use an \
             API key.",
        )
        .content("application/json", content)
        .build();
    op.responses
        .responses
        .insert("403".to_string(), RefOr::T(response));
}
