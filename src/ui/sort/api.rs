//! The classifier's API as the page calls it, with the page's cookie: the same routes scripts
//! use (`/api/v1/classifier/…`). Every failure comes back as the [`ErrorResponse`] the server
//! sent (already in the page's language), or as a sentence of the page's own when the server
//! could not be reached or answered something else.

use crate::domain::errors::{ErrorCode, ErrorResponse, PublicError};
use crate::domain::sort::report::ClassifierModels;
use crate::domain::sort::training::{Preset, TrainJob, TrainRequest};
use crate::i18n::Texts;
use crate::ui::browser::{fetch_error, fetch_text, read_json, Body};

pub const PREDICT: &str = "/api/v1/classifier/predict";
pub const MODELS: &str = "/api/v1/classifier/models";
pub const TRAIN: &str = "/api/v1/classifier/train";

pub fn job_url(id: &str) -> String {
    format!("/api/v1/classifier/jobs/{id}")
}

/// The models, their measured quality, and whether this person may train them.
pub async fn models(t: &'static Texts) -> Result<ClassifierModels, ErrorResponse> {
    let fetched = fetch_text("GET", MODELS, Body::Empty)
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json(&fetched, t)
}

/// A file classified, by `model` (the server's default when `None`).
#[cfg(feature = "hydrate")]
pub async fn predict(
    file: &web_sys::File,
    model: Option<&str>,
    t: &'static Texts,
) -> Result<crate::domain::sort::prediction::Prediction, ErrorResponse> {
    let form = web_sys::FormData::new().map_err(|_| unprepared(t))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| unprepared(t))?;
    if let Some(model) = model {
        form.append_with_str("model", model)
            .map_err(|_| unprepared(t))?;
    }
    let fetched = fetch_text("POST", PREDICT, Body::Form(form))
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json(&fetched, t)
}

/// Starts a training job (operators).
pub async fn train(preset: Preset, t: &'static Texts) -> Result<TrainJob, ErrorResponse> {
    let request = TrainRequest {
        preset: Some(preset),
    };
    let json = serde_json::to_string(&request).map_err(|_| unprepared(t))?;
    let fetched = fetch_text("POST", TRAIN, Body::Json(json))
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json(&fetched, t)
}

/// A job as it is now.
pub async fn job(id: &str, t: &'static Texts) -> Result<TrainJob, ErrorResponse> {
    let fetched = fetch_text("GET", &job_url(id), Body::Empty)
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json(&fetched, t)
}

/// Asks a job to stop; the job as it is then.
pub async fn cancel(id: &str, t: &'static Texts) -> Result<TrainJob, ErrorResponse> {
    let fetched = fetch_text("DELETE", &job_url(id), Body::Empty)
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json(&fetched, t)
}

fn unprepared(t: &Texts) -> ErrorResponse {
    PublicError::new(ErrorCode::InvalidRequest, t.request_unprepared).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_training_request_names_its_preset() {
        let request = TrainRequest {
            preset: Some(Preset::Quick),
        };
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"preset":"quick"}"#
        );
        assert!(job_url("abc").ends_with("/jobs/abc"));
    }
}
