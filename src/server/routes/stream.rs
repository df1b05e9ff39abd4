//! `POST /api/v1/summaries/stream`: the summary as Server-Sent Events while it is written
//! (progress of long documents, generated text, then the finished summary or the error).
//!
//! The work runs inside the response stream itself: when the client goes away (Cancel in the
//! page, a closed connection), the stream is dropped, and with it the summarization, which
//! cancels queued and running inference jobs.

use std::convert::Infallible;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
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
use crate::server::providers::TokenSink;
use crate::server::service::OnLoading;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/summaries/stream";

/// Rate limited with the other summarize routes.
pub fn router() -> Router<AppState> {
    Router::new().route(PATH, post(stream))
}

#[derive(Debug, Deserialize)]
struct StreamQuery {
    /// `report`: a HuggingFace model that is warming up ends the stream with a `model_loading`
    /// error (the page counts down, then retries); default: wait for it once.
    loading: Option<String>,
}

async fn stream(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    query: Result<Query<StreamQuery>, QueryRejection>,
    body: Result<Json<SummarizeRequest>, JsonRejection>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let Query(q) = query.map_err(|e| AppError::BadBody(e.body_text()))?;
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    // Refuse what can be refused before streaming starts with a proper status.
    request.validate()?;
    let on_loading = match q.loading.as_deref() {
        Some("report") => OnLoading::Report,
        _ => OnLoading::RetryOnce,
    };

    let (tx, rx) = mpsc::unbounded_channel();
    let sink = TokenSink::new(tx.clone());
    let summarizer = state.summarizer.clone();
    let work = async move {
        let last = match summarizer
            .summarize_streaming(&identity.user, request, on_loading, sink)
            .await
        {
            Ok(summary) => SummaryEvent::Done { summary },
            Err(e) => SummaryEvent::Error {
                error: e.report().1,
            },
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
