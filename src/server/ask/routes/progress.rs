//! `GET /api/v1/documents/{id}/events`: a document's indexing progress as Server-Sent Events.
//!
//! The store is polled (every instance sharing it sees the same progress, whichever instance
//! indexes): one `progress` event per change, the last one `ready` or `failed`, then the stream
//! ends.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use axum::{Extension, Router};
use futures::Stream;
use precis_knowledge::store::{Scope, Status};

use super::documents::find;
use super::openapi::{examples, DocumentErrors};
use crate::domain::ask::document::DocumentView;
use crate::server::ask::view::document_view;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::lang::RequestLang;
use crate::server::openapi::sse::ProgressSseEvent;
use crate::server::openapi::tags;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/documents/{id}/events";
/// How often the store is asked.
const POLL: Duration = Duration::from_millis(250);

/// Where the stream is: the document to tell next, the last one told, whether it is over.
struct Follow {
    next: Option<precis_knowledge::store::Document>,
    last: Option<DocumentView>,
    finished: bool,
}

pub fn router() -> Router<AppState> {
    Router::new().route(PATH, get(events))
}

/// Follow a document's indexing.
///
/// Server-Sent Events; each `data:` is the document as `GET /api/v1/documents/{id}` shows it,
/// sent when its progress changes. The stream ends after the event whose `status` is `ready`
/// or `failed` (at once for a document already indexed), or with no event if the document is
/// removed meanwhile.
#[utoipa::path(
    get,
    path = PATH,
    tag = tags::DOCUMENTS,
    operation_id = "follow_document",
    params(("id" = String, Path, description = "The document's id (32 hex digits).")),
    responses(
        (status = 200, description = "The document each time its progress changes.",
            content_type = "text/event-stream", body = ProgressSseEvent,
            example = json!(examples::progress())),
        DocumentErrors,
    )
)]
pub async fn events(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
    Path(id): Path<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let first = find(&state, &identity, &id).await?;
    let scope = Scope::person(identity.user.as_str());
    let start = Follow {
        next: Some(first),
        last: None,
        finished: false,
    };
    let stream = futures::stream::unfold(start, move |mut follow| {
        let state = state.clone();
        let scope = scope.clone();
        let id = id.clone();
        async move {
            loop {
                if follow.finished {
                    return None;
                }
                let current = match follow.next.take() {
                    Some(d) => d,
                    None => {
                        tokio::time::sleep(POLL).await;
                        match state.knowledge.store().document(&scope, &id).await {
                            Ok(Some(d)) => d,
                            Ok(None) => return None,
                            Err(e) => {
                                tracing::warn!(error = %e, "document progress unreadable");
                                continue;
                            }
                        }
                    }
                };
                let view = document_view(&current, lang);
                follow.finished = current.status != Status::Processing;
                if follow.last.as_ref() == Some(&view) {
                    continue;
                }
                let event = Event::default()
                    .event("progress")
                    .json_data(&view)
                    .unwrap_or_else(|_| Event::default().comment("unserializable"));
                follow.last = Some(view);
                return Some((Ok(event), follow));
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
