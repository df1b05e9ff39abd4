//! The words of the Sort capability (handwritten or typed): the sentences of its refusals and
//! of its training jobs, and its models' descriptions.

/// Texts of the Sort capability, in one language.
#[derive(Debug)]
pub struct SortTexts {
    // --- the file ------------------------------------------------------------------------
    pub empty_file: &'static str,
    pub not_an_image: &'static str,
    /// (the format's name, such as "GIF" or "WEBP")
    pub unsupported_format: fn(&str) -> String,
    pub corrupt_image: &'static str,
    pub corrupt_pdf: &'static str,
    pub pdf_without_image: &'static str,
    /// ((width, height) when known, the longest side accepted, the most megapixels accepted)
    pub image_too_large: fn(Option<(u32, u32)>, u32, u64) -> String,
    /// (size when known, limit), both already written in MB in the language
    pub file_too_large: fn(Option<&str>, &str) -> String,
    pub no_writing: &'static str,
    /// (width, height)
    pub image_too_small: fn(u32, u32) -> String,
    pub no_file: &'static str,
    /// (the name as sent, shortened; the models' names)
    pub unknown_model: fn(&str, &str) -> String,

    // --- the service ---------------------------------------------------------------------
    pub training_in_progress: &'static str,
    pub operator_only: &'static str,
    pub data_missing: &'static str,
    pub job_not_found: &'static str,
    /// `GET /api/v1/classifier/report/{file}` for a file the report does not have.
    pub report_file_not_found: &'static str,
    /// A job that was running when Precis stopped.
    pub interrupted: &'static str,
    pub training_failed: &'static str,
    /// The new models replace the active ones: (new ROC-AUC, active ROC-AUC), already written
    pub activated: fn(&str, &str) -> String,
    /// The active models stay: (new ROC-AUC, active ROC-AUC), already written
    pub kept: fn(&str, &str) -> String,
    /// A path an instance running only the classifier does not serve.
    pub not_served_here: &'static str,

    // --- the models and labels -------------------------------------------------------------
    pub hog_svm: &'static str,
    pub texture_logistic: &'static str,
    pub cnn: &'static str,
    pub handwritten: &'static str,
    pub typed: &'static str,
}

impl SortTexts {
    /// A model's description, by its name in the API.
    pub fn description(&self, model: crate::domain::sort::ModelName) -> &'static str {
        use crate::domain::sort::ModelName as M;
        match model {
            M::HogSvm => self.hog_svm,
            M::TextureLogistic => self.texture_logistic,
            M::Cnn => self.cnn,
        }
    }

    pub fn label(&self, label: crate::domain::sort::Label) -> &'static str {
        match label {
            crate::domain::sort::Label::Handwritten => self.handwritten,
            crate::domain::sort::Label::Typed => self.typed,
        }
    }
}
