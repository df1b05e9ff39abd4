//! The schema of one Server-Sent Event of `POST /api/v1/summaries/stream`.
//!
//! OpenAPI 3.1 has no word for streams; by the convention 3.2 made official (`itemSchema`), the
//! schema of a `text/event-stream` response describes one event: `{data, event?, id?, retry?}`.
//! Ours carry one JSON [`SummaryEvent`](crate::domain::stream::SummaryEvent) in `data` (its
//! `contentSchema` is added in `patches`, utoipa's model has no such keyword).

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// One event of the stream.
pub struct SseEvent;

/// The component name [`SseEvent`] is registered under.
pub const NAME: &str = "SummaryEventMessage";

impl PartialSchema for SseEvent {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .description(Some(
                "One Server-Sent Event: its `data` is one JSON `SummaryEvent`. Precis names no \
                 event type (so it is `message`), sets no `id` or `retry`, and sends a comment \
                 line (`:`) now and then to keep the connection open.",
            ))
            .property(
                "data",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .content_media_type("application/json")
                    .description(Some("A `SummaryEvent`, as JSON on one line.")),
            )
            .required("data")
            .property(
                "event",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["message"]))
                    .description(Some("Always the default, `message`.")),
            )
            .into()
    }
}

impl ToSchema for SseEvent {
    fn name() -> std::borrow::Cow<'static, str> {
        NAME.into()
    }
}
