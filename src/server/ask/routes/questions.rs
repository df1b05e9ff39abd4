//! The question service: `POST /api/v1/questions`, its stream, and who can write answers.

use std::convert::Infallible;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use futures::{Stream, StreamExt};
use tokio::sync::mpsc;

use super::openapi::{examples, QuestionErrors, QuestionStreamErrors};
use crate::domain::ask::answer::{Answer, AnswerEvent, AnswerModels};
use crate::domain::ask::question::QuestionRequest;
use crate::server::ask::answer::Events;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::lang::{negotiate, RequestLang};
use crate::server::openapi::responses::CommonErrors;
use crate::server::openapi::sse::AnswerSseEvent;
use crate::server::openapi::tags;
use crate::server::routes::api::describe;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/questions";
pub const STREAM: &str = "/api/v1/questions/stream";
pub const MODELS: &str = "/api/v1/questions/models";

/// Asking (rate limited by the caller).
pub fn ask_router() -> Router<AppState> {
    Router::new()
        .route(PATH, post(ask))
        .route(STREAM, post(stream))
}

pub fn models_router() -> Router<AppState> {
    Router::new().route(MODELS, get(models))
}

/// Ask your documents.
///
/// Finds the passages of your documents (and the shared library) that best answer the question
/// — by meaning and by keywords, fused — and has the answer written from them, citing them as
/// `[1]`, `[2]`… (`passages[0]` is `[1]`). `grounded: false`: the documents do not seem to hold
/// the answer; `answer` says so and `passages` are the closest found. The default writer,
/// `extractive`, quotes the passages' best sentences; a language model from
/// `GET /api/v1/questions/models` writes its own words, and any citation of a passage it was
/// not given is removed.
#[utoipa::path(
    post,
    path = PATH,
    tag = tags::QUESTIONS,
    operation_id = "ask",
    request_body(content = QuestionRequest, example = json!(examples::question())),
    responses(
        (status = 200, description = "The answer and its passages, best first.", body = Answer,
            example = json!(examples::answer())),
        QuestionErrors,
    )
)]
pub async fn ask(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
    body: Result<Json<QuestionRequest>, JsonRejection>,
) -> Result<Json<Answer>, AppError> {
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    let parsed = request.parse()?;
    let answer = state
        .knowledge
        .ask(identity.user.as_str(), parsed, lang, Events::default())
        .await?;
    Ok(Json(answer))
}

/// Ask your documents, the answer streamed as it is written.
///
/// The same body as `POST /api/v1/questions`. A request that breaks a rule is refused with a
/// status before streaming starts; then each Server-Sent Event's `data:` is one JSON
/// `AnswerEvent`: `passages` (what was found, and whether it holds the answer), `token`
/// (append it to the answer), then `done` (the whole answer, citations checked) or `error`.
/// Closing the connection stops the writing.
#[utoipa::path(
    post,
    path = STREAM,
    tag = tags::QUESTIONS,
    operation_id = "ask_stream",
    request_body(content = QuestionRequest, example = json!(examples::question())),
    responses(
        (status = 200, description = "The answer as it is written: one JSON `AnswerEvent` per \
            `data:` line; the last is `done` or `error`.",
            content_type = "text/event-stream", body = AnswerSseEvent,
            example = json!(examples::stream())),
        QuestionStreamErrors,
    )
)]
pub async fn stream(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    headers: HeaderMap,
    body: Result<Json<QuestionRequest>, JsonRejection>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let Json(request) = body.map_err(|e| AppError::BadBody(describe(&e)))?;
    let parsed = request.parse()?;
    let lang = negotiate(&state, Some(&identity), &headers).await;
    let (tx, rx) = mpsc::unbounded_channel();
    let events = Events::new(tx.clone());
    let work = async move {
        let last = match state
            .knowledge
            .ask(identity.user.as_str(), parsed, lang, events)
            .await
        {
            Ok(answer) => AnswerEvent::Done { answer },
            Err(e) => {
                e.report();
                AnswerEvent::Error {
                    error: e.public_in(lang),
                }
            }
        };
        let _ = tx.send(last);
    };
    // `work` yields nothing: it runs alongside the events it sends, and ends with them; when
    // the client goes away the stream is dropped, and the writing with it.
    let work = futures::stream::once(work).filter_map(|()| async { None });
    let events = futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|event| (event, rx))
    });
    let sse = futures::stream::select(work, events).map(|event: AnswerEvent| {
        Ok(Event::default()
            .json_data(&event)
            .unwrap_or_else(|_| Event::default().comment("unserializable event")))
    });
    Ok(Sse::new(sse).keep_alive(KeepAlive::default()))
}

/// List who can write answers.
///
/// `extractive` (quotes from your documents, no language model) and the language models of
/// this server. One with `unavailable` set cannot run here; the text says why.
#[utoipa::path(
    get,
    path = MODELS,
    tag = tags::QUESTIONS,
    operation_id = "list_answer_models",
    responses(
        (status = 200, description = "The writers, and the default.", body = AnswerModels,
            example = json!(examples::models())),
        CommonErrors,
    )
)]
pub async fn models(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
) -> Json<AnswerModels> {
    Json(state.knowledge.answer_models(lang))
}
