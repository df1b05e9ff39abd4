//! `POST /api/v1/classifier/predict`: is this page handwritten or typed?

use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};

use super::openapi::{examples, PredictErrors};
use crate::domain::sort::prediction::Prediction;
use crate::domain::sort::{ModelName, MAX_UPLOAD_BYTES};
use crate::server::error::AppError;
use crate::server::openapi::tags;
use crate::server::sort::SortError;
use crate::server::state::AppState;

pub const PATH: &str = "/api/v1/classifier/predict";

/// Largest request body: the file and the multipart envelope.
pub const BODY_LIMIT: usize = MAX_UPLOAD_BYTES as usize + 64 * 1024;

/// Classifying (rate limited by the caller).
pub fn router() -> Router<AppState> {
    Router::new()
        .route(PATH, post(predict))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// Tell a handwritten page from a typed one.
///
/// `multipart/form-data` with a `file` part — a PNG, JPEG (turned upright by its EXIF
/// orientation) or TIFF image, or a PDF of scanned pages (up to 20 pages, each page's image);
/// up to 30 MiB, 16,000 pixels a side and 100 megapixels — and an optional `model` part
/// (`hog-svm`, `texture-logistic` or `cnn`; the default is `default_model` of
/// `GET /api/v1/classifier/models`).
///
/// Each page is cut into the squares that hold writing (`tiles`, at most 16 with the shipped models: the number they were trained with) and judged by
/// every model; the answering model's verdict is `label`, with `probability` its confidence in
/// that label and `probability_handwritten` the probability that the page is handwritten (a
/// page is called handwritten from 0.5). A document's verdict is the mean of its pages'
/// probabilities. Pages of a PDF with no writing found are left out (`skipped_pages`); a file
/// with no page holding writing is refused (`no_writing`).
#[utoipa::path(
    post,
    path = PATH,
    tag = tags::CLASSIFIER,
    operation_id = "classify",
    request_body(
        description = "The file, and the model to answer (optional).",
        content((PredictUpload = "multipart/form-data",
            example = json!({"file": "(the bytes of scan.png)", "model": "cnn"}))),
    ),
    responses(
        (status = 200, description = "The verdicts: the document's, each page's, each model's.",
            body = Prediction, example = json!(examples::prediction())),
        PredictErrors,
    )
)]
pub async fn predict(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<Prediction>, AppError> {
    let multipart = Multipart::from_request(request, &state)
        .await
        .map_err(|e| AppError::BadBody(e.body_text()))?;
    let (bytes, model) = read_upload(multipart).await?;
    let prediction = state.classifier.predict(bytes, model).await?;
    Ok(Json(prediction))
}

/// A multipart upload's parts.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct PredictUpload {
    /// The image or scanned PDF (its name and type are not needed: the bytes decide).
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    /// The model to answer; the server's default when absent or empty.
    model: Option<ModelName>,
}

/// The file's bytes and the model asked for.
async fn read_upload(mut multipart: Multipart) -> Result<(Vec<u8>, Option<ModelName>), AppError> {
    let mut file = None;
    let mut files = 0;
    let mut model = None;
    let bad = |e: axum::extract::multipart::MultipartError| -> AppError {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            SortError::FileTooLarge { bytes: None }.into()
        } else {
            AppError::BadBody(e.body_text())
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("file") => {
                files += 1;
                file = Some(field.bytes().await.map_err(bad)?);
            }
            Some("model") if model.is_some() => {
                return Err(AppError::BadBody(
                    "the `model` part is sent more than once".to_string(),
                ))
            }
            Some("model") => model = Some(field.text().await.map_err(bad)?),
            _ => {}
        }
    }
    let file = match (files, file) {
        (1, Some(file)) => file,
        _ => return Err(SortError::NoFile.into()),
    };
    if file.len() as u64 > MAX_UPLOAD_BYTES {
        return Err(SortError::FileTooLarge {
            bytes: Some(file.len() as u64),
        }
        .into());
    }
    let model = match model.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(name) => Some(
            ModelName::parse(name).ok_or_else(|| SortError::UnknownModel {
                name: name.to_string(),
            })?,
        ),
    };
    Ok((file.to_vec(), model))
}
