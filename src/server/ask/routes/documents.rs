//! The ingestion service: `POST /api/v1/documents` (JSON or a file), and a person's documents
//! listed, read and removed.

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use precis_knowledge::store::{Scope, SHARED};

use super::openapi::{examples, AddErrors, DocumentErrors};
use crate::domain::ask::document::{
    is_document_id, DocumentList, DocumentView, NewTextDocument, MAX_DOCUMENT_BYTES,
};
use crate::domain::ask::AskProblem;
use crate::server::ask::ingest::{Added, Upload};
use crate::server::ask::view::document_view;
use crate::server::ask::AskError;
use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::lang::RequestLang;
use crate::server::openapi::tags;
use crate::server::routes::api::describe;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/documents";
pub const ONE: &str = "/api/v1/documents/{id}";

/// Largest request body of `POST /api/v1/documents`: the file and the multipart envelope.
pub const BODY_LIMIT: usize = MAX_DOCUMENT_BYTES as usize + 64 * 1024;

/// Adding documents (rate limited by the caller).
pub fn add_router() -> Router<AppState> {
    Router::new()
        .route(PATH, post(add))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// Reading the list (both services), and reading or removing one (the ingestion service).
pub fn read_router() -> Router<AppState> {
    Router::new().route(PATH, get(list))
}

/// One document: read it (both services), and remove it (`removable`: the ingestion service).
pub fn one_router(removable: bool) -> Router<AppState> {
    let route = if removable {
        get(read).delete(remove)
    } else {
        get(read)
    };
    Router::new().route(ONE, route)
}

/// Add a document.
///
/// Either JSON `{"title"?, "text"}` (plain text or Markdown) or `multipart/form-data` with a
/// `file` part (plain text in any common encoding, Markdown, HTML, PDF; up to 20 MiB) and an
/// optional `title` part. The document is read, split into passages and indexed: `201` when
/// that was done within the request (`status: "ready"`), `202` with `status: "processing"` for
/// a long document indexed in the background (follow `GET /api/v1/documents/{id}` or its
/// `/events` stream). Adding a text you already added answers `200` with that document: nothing
/// is indexed twice.
#[utoipa::path(
    post,
    path = PATH,
    tag = tags::DOCUMENTS,
    operation_id = "add_document",
    request_body(
        description = "A text with a title (JSON), or a file (multipart).",
        content(
            (NewTextDocument = "application/json",
                example = json!({"title": "Staff handbook", "text": "Holidays. Everyone gets 25 days of paid holiday a year."})),
            (DocumentUpload = "multipart/form-data"),
        ),
    ),
    responses(
        (status = 201, description = "Indexed: questions find it now.", body = DocumentView,
            headers(("Location" = String, description = "The document's URL.")),
            example = json!(examples::document())),
        (status = 202, description = "Being indexed in the background.", body = DocumentView,
            headers(("Location" = String, description = "The document's URL.")),
            example = json!(examples::processing())),
        (status = 200, description = "You already added this text: that document.",
            body = DocumentView, example = json!(examples::document())),
        AddErrors,
    )
)]
pub async fn add(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
    request: Request,
) -> Result<Response, AppError> {
    let upload = read_upload(request, &state).await?;
    let added = state.knowledge.add(identity.user.as_str(), upload).await?;
    let (status, doc) = match &added {
        Added::Indexed(d) => (StatusCode::CREATED, d),
        Added::Processing(d) => (StatusCode::ACCEPTED, d),
        Added::Existing(d) => (StatusCode::OK, d),
    };
    let mut response = (status, Json(document_view(doc, lang))).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("{PATH}/{}", doc.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// A multipart upload's parts, for the document.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct DocumentUpload {
    /// The document (its name and type help tell what it is; the bytes decide).
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    /// Up to 200 characters; otherwise the document's own title, or its name.
    title: Option<String>,
}

/// The upload, from JSON or multipart.
async fn read_upload(request: Request, state: &AppState) -> Result<Upload, AppError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let multipart = Multipart::from_request(request, state)
            .await
            .map_err(|e| AppError::BadBody(e.body_text()))?;
        return read_multipart(multipart).await;
    }
    let body: Result<Json<NewTextDocument>, JsonRejection> =
        Json::from_request(request, state).await;
    let Json(doc) = body.map_err(|e| match e {
        JsonRejection::MissingJsonContentType(_) => AppError::BadBody(
            "it must be sent as JSON (Content-Type: application/json) or as \
             multipart/form-data with a `file` part"
                .to_string(),
        ),
        e => AppError::BadBody(describe(&e)),
    })?;
    Ok(Upload {
        bytes: doc.text.into_bytes(),
        file_name: None,
        content_type: Some("text/markdown".into()),
        title: doc.title,
    })
}

async fn read_multipart(mut multipart: Multipart) -> Result<Upload, AppError> {
    let mut upload = Upload::default();
    let mut files = 0;
    let bad = |e: axum::extract::multipart::MultipartError| AppError::BadBody(e.body_text());
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("file") => {
                files += 1;
                upload.file_name = field.file_name().map(str::to_string);
                upload.content_type = field.content_type().map(str::to_string);
                upload.bytes = field.bytes().await.map_err(bad)?.to_vec();
            }
            Some("title") if upload.title.is_some() => {
                return Err(AppError::BadBody(
                    "the `title` part is sent more than once".to_string(),
                ))
            }
            Some("title") => upload.title = Some(field.text().await.map_err(bad)?),
            _ => {}
        }
    }
    if files != 1 {
        return Err(AskProblem::NoFile.invalid().into());
    }
    Ok(upload)
}

/// List your documents.
///
/// Yours and the shared library's (`shared: true`), newest first, with their indexing status.
#[utoipa::path(
    get,
    path = PATH,
    tag = tags::DOCUMENTS,
    operation_id = "list_documents",
    responses(
        (status = 200, description = "Your documents and the shared library.",
            body = DocumentList, example = json!(examples::list())),
        DocumentErrors,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
) -> Result<Json<DocumentList>, AppError> {
    let scope = Scope::person(identity.user.as_str());
    let docs = state
        .knowledge
        .store()
        .documents(&scope)
        .await
        .map_err(AskError::from)?;
    Ok(Json(DocumentList {
        documents: docs.iter().map(|d| document_view(d, lang)).collect(),
    }))
}

/// Read one document's status.
///
/// Its indexing progress (`passages_done` of `passages`), or why it failed.
#[utoipa::path(
    get,
    path = ONE,
    tag = tags::DOCUMENTS,
    operation_id = "get_document",
    params(("id" = String, Path, description = "The document's id (32 hex digits).")),
    responses(
        (status = 200, description = "The document.", body = DocumentView,
            example = json!(examples::processing())),
        DocumentErrors,
    )
)]
pub async fn read(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    RequestLang(lang): RequestLang,
    Path(id): Path<String>,
) -> Result<Json<DocumentView>, AppError> {
    let doc = find(&state, &identity, &id).await?;
    Ok(Json(document_view(&doc, lang)))
}

/// Remove a document.
///
/// Its passages, vectors and keywords go with it; questions no longer find it. Documents of the
/// shared library are the operator's: `403`.
#[utoipa::path(
    delete,
    path = ONE,
    tag = tags::DOCUMENTS,
    operation_id = "delete_document",
    params(("id" = String, Path, description = "The document's id (32 hex digits).")),
    responses(
        (status = 204, description = "Removed."),
        DocumentErrors,
    )
)]
pub async fn remove(
    State(state): State<AppState>,
    Extension(identity): Extension<Identity>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    let doc = find(&state, &identity, &id).await?;
    if doc.owner == SHARED {
        return Err(AskError::SharedReadOnly.into());
    }
    let store = state.knowledge.store();
    if store
        .delete_document(identity.user.as_str(), &id)
        .await
        .map_err(AskError::from)?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AskError::DocumentNotFound { field: None }.into())
    }
}

/// One of the documents `identity` may see.
pub(super) async fn find(
    state: &AppState,
    identity: &Identity,
    id: &str,
) -> Result<precis_knowledge::store::Document, AppError> {
    let missing = || AppError::from(AskError::DocumentNotFound { field: None });
    if !is_document_id(id) {
        return Err(missing());
    }
    let scope = Scope::person(identity.user.as_str());
    state
        .knowledge
        .store()
        .document(&scope, id)
        .await
        .map_err(AskError::from)?
        .ok_or_else(missing)
}
