//! What the classifier fails with, its status and its sentence (in the request's language).
//! Causes (a decoder's or the engine's own words) are logged, never sent.

use axum::http::StatusCode;
use precis_sort::decode::DecodeError;
use precis_sort::prepare::PrepareError;

use crate::domain::errors::{ErrorCode, Field, PublicError};
use crate::domain::settings::Lang;
use crate::domain::sort::{ModelName, MAX_PIXELS, MAX_SIDE, MAX_UPLOAD_BYTES};
use crate::i18n::{numbers, texts};

#[derive(Debug, thiserror::Error)]
pub enum SortError {
    #[error("the file is empty")]
    EmptyFile,
    #[error("the file is not an image nor a PDF")]
    NotAnImage,
    /// An image format that is not read (`format`: its name, such as `GIF`).
    #[error("{format} images are not read")]
    Unsupported { format: String },
    #[error("the image cannot be read: {detail}")]
    CorruptImage { detail: String },
    #[error("the PDF cannot be read: {detail}")]
    CorruptPdf { detail: String },
    #[error("the PDF holds no page image")]
    PdfWithoutImage,
    /// Over [`MAX_SIDE`] or [`MAX_PIXELS`]; the size when the header said it.
    #[error("the image is over the pixel limits ({size:?})")]
    ImageTooLarge { size: Option<(u32, u32)> },
    /// Over [`MAX_UPLOAD_BYTES`]; the size when it was announced.
    #[error("the file is over the upload limit ({bytes:?} bytes)")]
    FileTooLarge { bytes: Option<u64> },
    #[error("no writing found on the page")]
    NoWriting,
    #[error("the image is {width}×{height}, too small")]
    TooSmall { width: u32, height: u32 },
    /// A multipart body without its `file` part, or with two.
    #[error("no single `file` part")]
    NoFile,
    #[error("no model {name:?}")]
    UnknownModel { name: String },
    #[error("training job {job} is running")]
    TrainingInProgress { job: String },
    #[error("not an operator")]
    OperatorOnly,
    #[error("the Sort data is missing: {detail}")]
    DataMissing { detail: String },
    #[error("no such training job")]
    JobNotFound,
    #[error("no such file in the report")]
    ReportFileNotFound,
    #[error("every classifier worker is busy")]
    Busy { retry_after: u64 },
    /// A training job that was running when Precis stopped (told in the job, never a status).
    #[error("interrupted by a restart")]
    Interrupted,
    #[error("training failed: {0}")]
    TrainingFailed(String),
    #[error("classifier: {0}")]
    Internal(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<DecodeError> for SortError {
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::Empty => SortError::EmptyFile,
            DecodeError::NotAnImage => SortError::NotAnImage,
            DecodeError::Unsupported(format) => match format_name(&format) {
                // a format that is read, with a variant that is not: as good as damaged
                Some(name) if ["PNG", "JPEG", "TIFF"].contains(&name.as_str()) => {
                    SortError::CorruptImage {
                        detail: format!("unsupported {format}"),
                    }
                }
                Some(format) => SortError::Unsupported { format },
                None => SortError::NotAnImage,
            },
            DecodeError::Corrupt(detail) => SortError::CorruptImage { detail },
            DecodeError::TooLarge { width, height } => SortError::ImageTooLarge {
                size: (width > 0 && height > 0).then_some((width, height)),
            },
            DecodeError::PdfNoImage => SortError::PdfWithoutImage,
            DecodeError::PdfCorrupt(detail) => SortError::CorruptPdf { detail },
        }
    }
}

impl From<PrepareError> for SortError {
    fn from(e: PrepareError) -> Self {
        match e {
            PrepareError::Blank => SortError::NoWriting,
            PrepareError::TooSmall(width, height) => SortError::TooSmall { width, height },
        }
    }
}

/// A format's name as people write it (`GIF`), from the decoder's (`GIF`, `Exact(Gif)`); `None`
/// when it names none.
fn format_name(raw: &str) -> Option<String> {
    let inner = raw
        .strip_prefix("Exact(")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(raw);
    let name = inner.to_ascii_uppercase();
    let plain = !name.is_empty()
        && name.len() <= 12
        && name.bytes().all(|b| b.is_ascii_alphanumeric())
        && name != "UNKNOWN";
    plain.then_some(name)
}

impl SortError {
    pub fn status(&self) -> StatusCode {
        use SortError as E;
        match self {
            E::NotAnImage | E::Unsupported { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            E::EmptyFile
            | E::CorruptImage { .. }
            | E::CorruptPdf { .. }
            | E::PdfWithoutImage
            | E::NoWriting
            | E::TooSmall { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            E::ImageTooLarge { .. } | E::FileTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            E::NoFile => StatusCode::BAD_REQUEST,
            E::UnknownModel { .. } | E::JobNotFound | E::ReportFileNotFound => {
                StatusCode::NOT_FOUND
            }
            E::TrainingInProgress { .. } => StatusCode::CONFLICT,
            E::OperatorOnly => StatusCode::FORBIDDEN,
            E::DataMissing { .. } | E::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            E::Interrupted | E::TrainingFailed(_) | E::Internal(_) | E::Database(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// Ours to fix (logged as errors), rather than the client's.
    pub fn is_internal(&self) -> bool {
        self.status() == StatusCode::INTERNAL_SERVER_ERROR
    }

    pub fn public_in(&self, lang: Lang) -> PublicError {
        use ErrorCode as C;
        use SortError as E;
        let t = &texts(lang).sort;
        let file = |code, message: String| PublicError::new(code, message).with_field(Field::File);
        let mb = |bytes: u64| numbers::decimal(lang, bytes as f64 / (1024.0 * 1024.0), 1);
        match self {
            E::EmptyFile => file(C::EmptyFile, t.empty_file.into()),
            E::NotAnImage => file(C::UnsupportedImage, t.not_an_image.into()),
            E::Unsupported { format } => file(C::UnsupportedImage, (t.unsupported_format)(format)),
            E::CorruptImage { .. } => file(C::CorruptImage, t.corrupt_image.into()),
            E::CorruptPdf { .. } => file(C::CorruptImage, t.corrupt_pdf.into()),
            E::PdfWithoutImage => file(C::PdfWithoutImage, t.pdf_without_image.into()),
            E::ImageTooLarge { size } => file(
                C::ImageTooLarge,
                (t.image_too_large)(*size, MAX_SIDE, MAX_PIXELS / 1_000_000),
            ),
            E::FileTooLarge { bytes } => file(
                C::FileTooLarge,
                (t.file_too_large)(bytes.map(mb).as_deref(), &mb(MAX_UPLOAD_BYTES)),
            ),
            E::NoWriting => file(C::NoWriting, t.no_writing.into()),
            E::TooSmall { width, height } => {
                file(C::ImageTooSmall, (t.image_too_small)(*width, *height))
            }
            E::NoFile => file(C::InvalidRequest, t.no_file.into()),
            E::UnknownModel { name } => {
                let shown: String = name.chars().take(40).collect();
                let models = ModelName::ALL
                    .map(|m| format!("“{}”", m.as_str()))
                    .join(", ");
                PublicError::new(C::ModelNotFound, (t.unknown_model)(&shown, &models))
                    .with_field(Field::Model)
            }
            E::TrainingInProgress { .. } => {
                PublicError::new(C::TrainingInProgress, t.training_in_progress)
            }
            E::OperatorOnly => PublicError::new(C::OperatorOnly, t.operator_only),
            E::DataMissing { .. } => PublicError::new(C::DataMissing, t.data_missing),
            E::JobNotFound => PublicError::new(C::NotFound, t.job_not_found),
            E::ReportFileNotFound => PublicError::new(C::NotFound, t.report_file_not_found),
            E::Busy { retry_after } => {
                PublicError::new(C::Busy, (texts(lang).server.busy)(*retry_after))
                    .with_retry_after(*retry_after)
            }
            E::Interrupted => PublicError::new(C::Interrupted, t.interrupted),
            E::TrainingFailed(_) => PublicError::new(C::Internal, t.training_failed),
            E::Internal(_) | E::Database(_) => {
                PublicError::new(C::Internal, texts(lang).server.internal)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoder_failures_keep_their_meaning() {
        assert!(matches!(
            SortError::from(DecodeError::Unsupported("GIF".into())),
            SortError::Unsupported { ref format } if format == "GIF"
        ));
        assert!(matches!(
            SortError::from(DecodeError::Unsupported("Exact(Tiff)".into())),
            SortError::CorruptImage { .. }
        ));
        assert!(matches!(
            SortError::from(DecodeError::Unsupported("Unknown".into())),
            SortError::NotAnImage
        ));
        assert!(matches!(
            SortError::from(DecodeError::TooLarge {
                width: 0,
                height: 0
            }),
            SortError::ImageTooLarge { size: None }
        ));
        let e = SortError::ImageTooLarge {
            size: Some((20_000, 100)),
        };
        let m = e.public_in(Lang::En).message;
        assert!(m.contains("20,000 × 100") && m.contains("16,000"), "{m}");
        let m = SortError::FileTooLarge {
            bytes: Some(31 << 20),
        }
        .public_in(Lang::Fr)
        .message;
        assert!(m.contains("31\u{a0}Mo") && m.contains("30\u{a0}Mo"), "{m}");
    }
}
