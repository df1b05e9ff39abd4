//! The classifier routes' error sets in the OpenAPI document, built from the errors the routes
//! really answer with; their example bodies are in [`examples`].

use std::collections::BTreeMap;

use utoipa::openapi::{RefOr, Response};
use utoipa::IntoResponses;

use crate::domain::sort::report::EvaluateRequest;
use crate::domain::sort::training::TrainRequest;
use crate::server::error::AppError;
use crate::server::openapi::examples::{common_errors, rate_limited, ErrorExample};
use crate::server::openapi::responses::error_responses;
use crate::server::sort::SortError;

/// A JSON body the extractor refuses as a `T`, described as the handlers describe it.
fn unreadable<T: serde::de::DeserializeOwned>(body: &'static str) -> AppError {
    use axum::body::Bytes;
    use axum::Json;
    match Json::<T>::from_bytes(&Bytes::from_static(body.as_bytes())) {
        Err(rejection) => AppError::BadBody(crate::server::routes::api::describe(&rejection)),
        Ok(_) => AppError::Internal("example body unexpectedly readable".into()),
    }
}

fn sort(e: SortError) -> AppError {
    e.into()
}

fn data_missing() -> ErrorExample {
    ErrorExample::new(
        "data_missing",
        "The Sort data is not installed on the server",
        sort(SortError::DataMissing {
            detail: String::new(),
        }),
    )
}

fn operator_only() -> ErrorExample {
    ErrorExample::new(
        "operator_only",
        "Not an account listed in PRECIS_OPERATORS",
        sort(SortError::OperatorOnly),
    )
}

fn cross_origin() -> ErrorExample {
    ErrorExample::new(
        "cross_origin",
        "A browser request from another website",
        AppError::CrossOrigin,
    )
}

fn job_not_found() -> ErrorExample {
    ErrorExample::new(
        "not_found",
        "No training job with that id",
        sort(SortError::JobNotFound),
    )
}

/// Every error of `POST /api/v1/classifier/predict` (its body limit is its own: 30 MiB).
pub struct PredictErrors;

impl IntoResponses for PredictErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let e = ErrorExample::new;
        error_responses([
            e(
                "not_an_image",
                "Not an image nor a PDF",
                sort(SortError::NotAnImage),
            ),
            e(
                "unsupported_format",
                "An image format that is not read (GIF, WebP, BMP…)",
                sort(SortError::Unsupported {
                    format: "GIF".into(),
                }),
            ),
            e(
                "corrupt_image",
                "A damaged or cut-short image",
                sort(SortError::CorruptImage {
                    detail: String::new(),
                }),
            ),
            e(
                "corrupt_pdf",
                "A damaged or encrypted PDF",
                sort(SortError::CorruptPdf {
                    detail: String::new(),
                }),
            ),
            e(
                "empty_file",
                "A file of no bytes",
                sort(SortError::EmptyFile),
            ),
            e(
                "pdf_without_image",
                "A PDF with no page image (not a scan)",
                sort(SortError::PdfWithoutImage),
            ),
            e("no_writing", "A blank page", sort(SortError::NoWriting)),
            e(
                "image_too_small",
                "An image too small to hold writing",
                sort(SortError::TooSmall {
                    width: 40,
                    height: 30,
                }),
            ),
            e(
                "image_too_large",
                "Over 16,000 pixels a side or 100 megapixels",
                sort(SortError::ImageTooLarge {
                    size: Some((20_000, 12_000)),
                }),
            ),
            e(
                "file_too_large",
                "A file over 30 MiB",
                sort(SortError::FileTooLarge {
                    bytes: Some(31 * 1024 * 1024),
                }),
            ),
            e(
                "unknown_model",
                "A `model` that is not one of the classifiers",
                sort(SortError::UnknownModel {
                    name: "resnet".into(),
                }),
            ),
            e(
                "no_file",
                "A multipart body without its `file` part",
                sort(SortError::NoFile),
            ),
            e(
                "not_multipart",
                "A body that is not multipart/form-data",
                AppError::BadBody(
                    "Invalid `boundary` for `multipart/form-data` request".to_string(),
                ),
            ),
            e(
                "busy",
                "Every classifier worker stayed busy",
                sort(SortError::Busy { retry_after: 5 }),
            ),
            rate_limited(),
        ])
    }
}

/// Every error of `POST /api/v1/classifier/evaluate`.
pub struct EvaluateErrors;

impl IntoResponses for EvaluateErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(
            [
                ErrorExample::new(
                    "unknown_set",
                    "A set that is not one of the four",
                    unreadable::<EvaluateRequest>(r#"{"set": "test"}"#),
                ),
                data_missing(),
                rate_limited(),
            ]
            .into_iter()
            .chain(common_errors()),
        )
    }
}

/// Every error of `POST /api/v1/classifier/train`.
pub struct TrainErrors;

impl IntoResponses for TrainErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(
            [
                operator_only(),
                cross_origin(),
                ErrorExample::new(
                    "training_in_progress",
                    "Another job is running",
                    sort(SortError::TrainingInProgress { job: String::new() }),
                ),
                ErrorExample::new(
                    "invalid_json",
                    "A body that is not a preset",
                    unreadable::<TrainRequest>(r#"{"preset": "slow"}"#),
                ),
                data_missing(),
            ]
            .into_iter()
            .chain(common_errors()),
        )
    }
}

/// Every error of `GET /api/v1/classifier/jobs/{id}`.
pub struct JobErrors;

impl IntoResponses for JobErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(
            [operator_only(), job_not_found()]
                .into_iter()
                .chain(common_errors()),
        )
    }
}

/// Every error of `DELETE /api/v1/classifier/jobs/{id}`.
pub struct CancelErrors;

impl IntoResponses for CancelErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(
            [operator_only(), cross_origin(), job_not_found()]
                .into_iter()
                .chain(common_errors()),
        )
    }
}

/// Every error of `GET /api/v1/classifier/report/{file}`.
pub struct ReportErrors;

impl IntoResponses for ReportErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        error_responses(
            [ErrorExample::new(
                "not_found",
                "A file the report does not have",
                sort(SortError::ReportFileNotFound),
            )]
            .into_iter()
            .chain(common_errors()),
        )
    }
}

/// The example bodies: typed values, built as the routes build theirs.
pub mod examples {
    use std::collections::BTreeMap;

    use crate::domain::settings::Lang;
    use crate::domain::sort::prediction::{PagePrediction, Prediction, Tile, Verdict};
    use crate::domain::sort::report::{ClassifierModels, Origin, SetName, SetReport};
    use crate::domain::sort::training::{JobState, Preset, TrainJob, TrainOutcome, TrainStage};
    use crate::i18n::texts;
    use crate::server::sort::{builtin, mirror};

    const JOB_ID: &str = "5f0c2a9be4d34c8f9a61f0d2c3b4a5e6";

    pub fn prediction() -> Prediction {
        let per_model = |hog: f64, texture: f64, cnn: f64| {
            BTreeMap::from([
                ("cnn".to_string(), Verdict::of(cnn)),
                ("hog-svm".to_string(), Verdict::of(hog)),
                ("texture-logistic".to_string(), Verdict::of(texture)),
            ])
        };
        let answer = Verdict::of(0.91);
        Prediction {
            label: answer.label,
            probability: answer.probability,
            probability_handwritten: answer.probability_handwritten,
            model: "texture-logistic".into(),
            per_model: per_model(0.84, 0.91, 0.88),
            pages: vec![PagePrediction {
                page: 1,
                width: 1240,
                height: 1754,
                label: answer.label,
                probability: answer.probability,
                probability_handwritten: answer.probability_handwritten,
                per_model: per_model(0.84, 0.91, 0.88),
                tiles: vec![
                    Tile {
                        x: 96,
                        y: 180,
                        side: 152,
                        probability_handwritten: 0.95,
                    },
                    Tile {
                        x: 248,
                        y: 180,
                        side: 152,
                        probability_handwritten: 0.87,
                    },
                ],
            }],
            skipped_pages: 0,
        }
    }

    /// The built-in models' listing.
    pub fn models() -> Option<ClassifierModels> {
        let bundle = builtin().ok()?;
        super::super::models::listing(&bundle, Origin::Builtin, None, Lang::En).ok()
    }

    /// The built-in models' results on the real scans.
    pub fn set_report() -> Option<SetReport> {
        let bundle = builtin().ok()?;
        let set = bundle.report.set(mirror::set_kind(SetName::RealScans))?;
        mirror::set_report(set).ok()
    }

    fn job(state: JobState) -> TrainJob {
        TrainJob {
            id: JOB_ID.into(),
            state,
            preset: Preset::Quick,
            progress: 0.0,
            stage: None,
            cancel_requested: false,
            created_at: "2026-12-05T09:30:00Z".into(),
            finished_at: None,
            outcome: None,
            error: None,
        }
    }

    pub fn queued_job() -> TrainJob {
        job(JobState::Queued)
    }

    pub fn cancelling_job() -> TrainJob {
        TrainJob {
            progress: 0.42,
            stage: Some(TrainStage::CrossValidation {
                fold: 2,
                folds: 3,
                model: "cnn".into(),
            }),
            cancel_requested: true,
            ..job(JobState::Running)
        }
    }

    pub fn succeeded_job() -> TrainJob {
        TrainJob {
            progress: 1.0,
            stage: Some(TrainStage::Evaluation),
            finished_at: Some("2026-12-05T09:33:10Z".into()),
            outcome: Some(TrainOutcome {
                activated: true,
                reason: (texts(Lang::En).sort.activated)("0.991", "0.987"),
                default_model: "texture-logistic".into(),
                roc_auc_unseen_fonts: Some(0.991),
                active_roc_auc_unseen_fonts: Some(0.987),
                saved_to: format!("sort/models/{JOB_ID}"),
            }),
            ..job(JobState::Succeeded)
        }
    }
}
