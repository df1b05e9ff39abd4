//! The schemas of one Server-Sent Event of each stream: the summary's
//! (`POST /api/v1/summaries/stream`), the answer's (`POST /api/v1/questions/stream`) and a
//! document's progress (`GET /api/v1/documents/{id}/events`).
//!
//! OpenAPI 3.1 has no word for streams; by the convention 3.2 made official (`itemSchema`), the
//! schema of a `text/event-stream` response describes one event: `{data, event?, id?, retry?}`.
//! Each carries one JSON value in `data` (its `contentSchema` is added in `patches`, utoipa's
//! model has no such keyword).

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// One stream's event: its component name, what `data` holds, and the event name it carries.
struct Stream {
    name: &'static str,
    data: &'static str,
    event: &'static str,
    description: &'static str,
}

/// Every stream, for `patches` (each `data` gets its `contentSchema`).
pub const STREAMS: [(&str, &str); 3] = [
    (SUMMARY.name, SUMMARY.data),
    (ANSWER.name, ANSWER.data),
    (PROGRESS.name, PROGRESS.data),
];

const SUMMARY: Stream = Stream {
    name: "SummaryEventMessage",
    data: "SummaryEvent",
    event: "message",
    description: "One Server-Sent Event: its `data` is one JSON `SummaryEvent`. Precis names no \
                  event type (so it is `message`), sets no `id` or `retry`, and sends a comment \
                  line (`:`) now and then to keep the connection open.",
};

const ANSWER: Stream = Stream {
    name: "AnswerEventMessage",
    data: "AnswerEvent",
    event: "message",
    description: "One Server-Sent Event: its `data` is one JSON `AnswerEvent`. Precis names no \
                  event type (so it is `message`), sets no `id` or `retry`, and sends a comment \
                  line (`:`) now and then to keep the connection open.",
};

const PROGRESS: Stream = Stream {
    name: "DocumentProgressMessage",
    data: "DocumentView",
    event: "progress",
    description: "One Server-Sent Event named `progress`: its `data` is the document as \
                  `GET /api/v1/documents/{id}` shows it. Comment lines (`:`) keep the \
                  connection open.",
};

fn schema(s: &Stream) -> RefOr<Schema> {
    ObjectBuilder::new()
        .description(Some(s.description))
        .property(
            "data",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .content_media_type("application/json")
                .description(Some(format!("A `{}`, as JSON on one line.", s.data))),
        )
        .required("data")
        .property(
            "event",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([s.event]))
                .description(Some(format!("Always `{}`.", s.event))),
        )
        .into()
}

/// One event of the summary's stream.
pub struct SseEvent;

/// One event of the answer's stream.
pub struct AnswerSseEvent;

/// One event of a document's progress.
pub struct ProgressSseEvent;

macro_rules! stream_schema {
    ($ty:ty, $stream:expr) => {
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                schema(&$stream)
            }
        }

        impl ToSchema for $ty {
            fn name() -> std::borrow::Cow<'static, str> {
                $stream.name.into()
            }
        }
    };
}

stream_schema!(SseEvent, SUMMARY);
stream_schema!(AnswerSseEvent, ANSWER);
stream_schema!(ProgressSseEvent, PROGRESS);
