//! `POST /api/v1/summaries/stream`: the summary as Server-Sent Events while it is written
//! (progress of long documents, generated text, then the finished summary or the error).
//!
//! The work runs inside the response stream itself: when the client goes away (Cancel in the
//! page, a closed connection), the stream is dropped, and with it the summarization, which
//! cancels queued and running inference jobs.

use std::convert::Infallible;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::post;
use axum::{Extension, Json, Router};
use futures::{Stream, StreamExt};
use serde::Deserialize;
use tokio::sync::mpsc;

use super::api::describe;
use crate::domain::stream::SummaryEvent;
use crate::domain::summary::SummarizeRequest;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::lang::negotiate;
use crate::server::openapi::responses::StreamErrors;
use crate::server::openapi::sse::SseEvent;
use crate::server::openapi::{examples, tags};
use crate::server::providers::TokenSink;
use crate::server::service::OnLoading;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/summaries/stream";

/// Rate limited with the other summarize routes.
pub fn router() -> Router<AppState> {
    Router::new().route(PATH, post(stream))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamQuery {
    /// What to do when a HuggingFace model is warming up. `wait` (the default): ask again once,
    /// waiting for it. `report`: end the stream with a `model_loading` error event carrying
    /// `retry_after` (the page counts down, then retries).
    loading: Option<Loading>,
}

/// Values of the `loading` query parameter (any other is refused with `400`).
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Loading {
    Wait,
    Report,
}

/// The only query parameter is `loading`: any rejected query string is a bad value of it.
pub fn bad_query() -> AppError {
    AppError::BadBody("the query parameter `loading` must be `wait` or `report`".into())
}

/// Summarize, streamed as Server-Sent Events while it is written.
///
/// Takes the same body as `POST /api/v1/summaries`. A request that breaks a rule is refused
/// with a status before streaming starts; after that the answer is `200 text/event-stream` and
/// each event's `data:` is one JSON `SummaryEvent`: `progress` (a long text's part N of M, or
/// combining them), `token` (newly generated text of the current stage: append it), then
/// exactly one of `done` (the finished summary, recorded in your history) or `error` (the same
/// `{code, message, field?, retry_after?}` as the statuses below). Closing the connection
/// cancels the work. Lines starting with `:` are keep-alive comments.
#[utoipa::path(
    post,
    path = PATH,
    tag = tags::SUMMARIES,
    operation_id = "stream_summary",
    params(StreamQuery),
    request_body(
        content = SummarizeRequest,
        description = "The text, and optionally the model and its parameters.",
        example = json!(examples::request()),
    ),
    responses(
        (status = 200, description = "The summary as it is written: one JSON `SummaryEvent` \
            per `data:` line; the last is `done` or `error`.",
            content_type = "text/event-stream", body = SseEvent,
            example = json!(examples::stream())),
        StreamErrors,
    )
)]
pub async fn stream(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    headers: HeaderMap,
    query: Result<Query<StreamQuery>, QueryRejection>,
    body: Result<Json<SummarizeRequest>, JsonRejection>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let Query(q) = query.map_err(|_| bad_query())?;
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    // Refuse what can be refused before streaming starts with a proper status.
    request.validate()?;
    let on_loading = match q.loading {
        Some(Loading::Report) => OnLoading::Report,
        Some(Loading::Wait) | None => OnLoading::RetryOnce,
    };

    let (tx, rx) = mpsc::unbounded_channel();
    let sink = TokenSink::new(tx.clone());
    let work = async move {
        let last = match state
            .summarizer
            .summarize_streaming(&identity.user, request, on_loading, sink)
            .await
        {
            Ok(summary) => SummaryEvent::Done { summary },
            Err(e) => {
                e.report();
                // the language is looked up only for a failure, as for every other error
                let lang = negotiate(&state, Some(&identity), &headers).await;
                SummaryEvent::Error {
                    error: e.public_in(lang),
                }
            }
        };
        let _ = tx.send(last);
    };
    // `work` yields no items: it is polled alongside the events it produces and ends with them.
    let work = futures::stream::once(work).filter_map(|()| async { None });
    let events = futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|event| (event, rx))
    });
    let sse = futures::stream::select(work, events).map(|event: SummaryEvent| {
        Ok(Event::default()
            .json_data(&event)
            .unwrap_or_else(|_| Event::default().comment("unserializable event")))
    });
    Ok(Sse::new(sse).keep_alive(KeepAlive::default()))
}
