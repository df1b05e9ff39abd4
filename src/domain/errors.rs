//! The error shape every client sees, over REST and server functions alike:
//! `{"error": {"code", "message", "field"?, "retry_after"?}}`.
//!
//! The server builds these from its typed errors in one place (`server::error`); the page shows
//! `message` as is and marks `field`.

use serde::{Deserialize, Serialize};

/// An input a message can point at (the page marks that control).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Text,
    Model,
    MinLength,
    MaxLength,
    Temperature,
    TopK,
    TopP,
    RepetitionPenalty,
    MaxTime,
    Email,
    Password,
    NewPassword,
    KeyName,
    /// History filters and export (`GET /api/v1/summaries?q=&from=&to=&before=&limit=`,
    /// `…/export?format=`); the model filter is [`Field::Model`]. `field` names the query
    /// parameter, so the search is `"q"`.
    #[serde(rename = "q")]
    Search,
    From,
    To,
    Before,
    Limit,
    Format,
    /// Ask: the question, a document's title, its file, the documents a question is limited to.
    Question,
    Title,
    File,
    DocumentIds,
}

impl Field {
    /// The input's English name, as the server's messages use it (`const`: the English
    /// catalogue in `i18n` takes its parameter names from here).
    pub const fn label(self) -> &'static str {
        match self {
            Field::Text => "Text to summarize",
            Field::Model => "Model",
            Field::MinLength => "Min length",
            Field::MaxLength => "Max length",
            Field::Temperature => "Temperature",
            Field::TopK => "Top-k",
            Field::TopP => "Top-p",
            Field::RepetitionPenalty => "Repetition penalty",
            Field::MaxTime => "Max time",
            Field::Email => "Email",
            Field::Password => "Password",
            Field::NewPassword => "New password",
            Field::KeyName => "Key name",
            Field::Search => "Search history",
            Field::From => "From",
            Field::To => "To",
            Field::Before => "Before",
            Field::Limit => "Limit",
            Field::Format => "Format",
            Field::Question => "Question",
            Field::Title => "Title",
            Field::File => "File",
            Field::DocumentIds => "Documents",
        }
    }

    /// The input's name as the page shows it in `lang`: a parameter's translated label, else
    /// [`label`](Self::label).
    pub fn label_in(self, lang: super::settings::Lang) -> &'static str {
        super::params::Param::ALL
            .into_iter()
            .find(|p| p.field() == self)
            .map_or(self.label(), |p| p.label_in(lang))
    }

    /// The JSON / HuggingFace parameter name.
    pub fn key(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Model => "model",
            Field::MinLength => "min_length",
            Field::MaxLength => "max_length",
            Field::Temperature => "temperature",
            Field::TopK => "top_k",
            Field::TopP => "top_p",
            Field::RepetitionPenalty => "repetition_penalty",
            Field::MaxTime => "max_time",
            Field::Email => "email",
            Field::Password => "password",
            Field::NewPassword => "new_password",
            Field::KeyName => "name",
            Field::Search => "q",
            Field::From => "from",
            Field::To => "to",
            Field::Before => "before",
            Field::Limit => "limit",
            Field::Format => "format",
            Field::Question => "question",
            Field::Title => "title",
            Field::File => "file",
            Field::DocumentIds => "document_ids",
        }
    }

    const ALL: [Field; 9] = [
        Field::Text,
        Field::Model,
        Field::MinLength,
        Field::MaxLength,
        Field::Temperature,
        Field::TopK,
        Field::TopP,
        Field::RepetitionPenalty,
        Field::MaxTime,
    ];

    /// The parameter a free-text upstream message names first, if any ("`max_length` must be…").
    pub fn named_in(message: &str) -> Option<Field> {
        let lower = message.to_ascii_lowercase();
        Field::ALL
            .into_iter()
            .filter(|f| !matches!(f, Field::Text | Field::Model))
            .filter_map(|f| lower.find(f.key()).map(|at| (at, f)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, f)| f)
    }
}

/// Stable, machine-readable error codes (part of the public API: never rename one).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Deserialize: below, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    EmptyText,
    TextTooLong,
    InvalidParameter,
    InvalidRequest,
    ModelUnavailable,
    UpstreamRejected,
    UpstreamUnauthorized,
    UpstreamPaymentRequired,
    ModelNotFound,
    UpstreamRateLimited,
    ModelLoading,
    UpstreamError,
    UpstreamTimeout,
    UpstreamUnreachable,
    UpstreamBadResponse,
    RateLimited,
    Busy,
    NotFound,
    Internal,
    /// Accounts (issue 4).
    InvalidEmail,
    WeakPassword,
    InvalidKeyName,
    /// Sign-in failed: the email or the password is wrong (never says which).
    WrongCredentials,
    /// Sign-up with an email that already has an account.
    EmailTaken,
    /// Too many sign-in attempts for an account or from an address.
    TooManyAttempts,
    /// The request needs a signed-in account (or a valid API key).
    SignInRequired,
    /// `Authorization: Bearer` with a key that doesn't exist or was revoked.
    InvalidApiKey,
    /// A state-changing request from another site (CSRF defence).
    CrossOrigin,
    /// The browser could not reach Precis (never sent by the server).
    Network,
    /// A history search, filter, cursor or export format that cannot be used (400).
    InvalidQuery,
    /// Ask (issue 9): a blank question, or one over the length limit.
    EmptyQuestion,
    QuestionTooLong,
    /// A document over the size limit (413).
    DocumentTooLarge,
    /// A file Precis does not read (415): images, office documents, binary data.
    UnsupportedDocument,
    /// A document with nothing to read.
    EmptyDocument,
    /// A PDF of scanned pages, with no text layer.
    ImageOnlyPdf,
    /// A text in an unknown encoding, or a damaged or encrypted PDF.
    UnreadableDocument,
    /// A question asked before any document was added, or while all are being indexed.
    NoDocuments,
    /// Removing a document of the shared library (only the operator can).
    SharedDocument,
    /// The knowledge base's database cannot be reached (503).
    StoreUnavailable,
    /// Sort (handwritten or typed): a file that is not a PNG, JPEG, TIFF or PDF (415).
    UnsupportedImage,
    /// An image or PDF that is damaged, cut short or encrypted.
    CorruptImage,
    /// A file of no bytes.
    EmptyFile,
    /// An image larger than the pixel limits (413).
    ImageTooLarge,
    /// A file over the upload limit (413).
    FileTooLarge,
    /// An image too small to hold writing.
    ImageTooSmall,
    /// A page with no writing found on it.
    NoWriting,
    /// A PDF whose pages hold no image (not a scan).
    PdfWithoutImage,
    /// A training job is already running (409).
    TrainingInProgress,
    /// Training needs an operator's account (403).
    OperatorOnly,
    /// The Sort data is not installed on the server (503).
    DataMissing,
    /// A training job stopped by a restart of the server.
    Interrupted,
}

impl ErrorCode {
    /// Every code, in the order declared (a test checks it against the enum).
    pub const ALL: [ErrorCode; 52] = [
        ErrorCode::EmptyText,
        ErrorCode::TextTooLong,
        ErrorCode::InvalidParameter,
        ErrorCode::InvalidRequest,
        ErrorCode::ModelUnavailable,
        ErrorCode::UpstreamRejected,
        ErrorCode::UpstreamUnauthorized,
        ErrorCode::UpstreamPaymentRequired,
        ErrorCode::ModelNotFound,
        ErrorCode::UpstreamRateLimited,
        ErrorCode::ModelLoading,
        ErrorCode::UpstreamError,
        ErrorCode::UpstreamTimeout,
        ErrorCode::UpstreamUnreachable,
        ErrorCode::UpstreamBadResponse,
        ErrorCode::RateLimited,
        ErrorCode::Busy,
        ErrorCode::NotFound,
        ErrorCode::Internal,
        ErrorCode::InvalidEmail,
        ErrorCode::WeakPassword,
        ErrorCode::InvalidKeyName,
        ErrorCode::WrongCredentials,
        ErrorCode::EmailTaken,
        ErrorCode::TooManyAttempts,
        ErrorCode::SignInRequired,
        ErrorCode::InvalidApiKey,
        ErrorCode::CrossOrigin,
        ErrorCode::Network,
        ErrorCode::InvalidQuery,
        ErrorCode::EmptyQuestion,
        ErrorCode::QuestionTooLong,
        ErrorCode::DocumentTooLarge,
        ErrorCode::UnsupportedDocument,
        ErrorCode::EmptyDocument,
        ErrorCode::ImageOnlyPdf,
        ErrorCode::UnreadableDocument,
        ErrorCode::NoDocuments,
        ErrorCode::SharedDocument,
        ErrorCode::StoreUnavailable,
        ErrorCode::UnsupportedImage,
        ErrorCode::CorruptImage,
        ErrorCode::EmptyFile,
        ErrorCode::ImageTooLarge,
        ErrorCode::FileTooLarge,
        ErrorCode::ImageTooSmall,
        ErrorCode::NoWriting,
        ErrorCode::PdfWithoutImage,
        ErrorCode::TrainingInProgress,
        ErrorCode::OperatorOnly,
        ErrorCode::DataMissing,
        ErrorCode::Interrupted,
    ];

    /// The code's name, as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::EmptyText => "empty_text",
            ErrorCode::TextTooLong => "text_too_long",
            ErrorCode::InvalidParameter => "invalid_parameter",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::ModelUnavailable => "model_unavailable",
            ErrorCode::UpstreamRejected => "upstream_rejected",
            ErrorCode::UpstreamUnauthorized => "upstream_unauthorized",
            ErrorCode::UpstreamPaymentRequired => "upstream_payment_required",
            ErrorCode::ModelNotFound => "model_not_found",
            ErrorCode::UpstreamRateLimited => "upstream_rate_limited",
            ErrorCode::ModelLoading => "model_loading",
            ErrorCode::UpstreamError => "upstream_error",
            ErrorCode::UpstreamTimeout => "upstream_timeout",
            ErrorCode::UpstreamUnreachable => "upstream_unreachable",
            ErrorCode::UpstreamBadResponse => "upstream_bad_response",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Busy => "busy",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Internal => "internal",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::WeakPassword => "weak_password",
            ErrorCode::InvalidKeyName => "invalid_key_name",
            ErrorCode::WrongCredentials => "wrong_credentials",
            ErrorCode::EmailTaken => "email_taken",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::SignInRequired => "sign_in_required",
            ErrorCode::InvalidApiKey => "invalid_api_key",
            ErrorCode::CrossOrigin => "cross_origin",
            ErrorCode::Network => "network",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::EmptyQuestion => "empty_question",
            ErrorCode::QuestionTooLong => "question_too_long",
            ErrorCode::DocumentTooLarge => "document_too_large",
            ErrorCode::UnsupportedDocument => "unsupported_document",
            ErrorCode::EmptyDocument => "empty_document",
            ErrorCode::ImageOnlyPdf => "image_only_pdf",
            ErrorCode::UnreadableDocument => "unreadable_document",
            ErrorCode::NoDocuments => "no_documents",
            ErrorCode::SharedDocument => "shared_document",
            ErrorCode::StoreUnavailable => "store_unavailable",
            ErrorCode::UnsupportedImage => "unsupported_image",
            ErrorCode::CorruptImage => "corrupt_image",
            ErrorCode::EmptyFile => "empty_file",
            ErrorCode::ImageTooLarge => "image_too_large",
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::ImageTooSmall => "image_too_small",
            ErrorCode::NoWriting => "no_writing",
            ErrorCode::PdfWithoutImage => "pdf_without_image",
            ErrorCode::TrainingInProgress => "training_in_progress",
            ErrorCode::OperatorOnly => "operator_only",
            ErrorCode::DataMissing => "data_missing",
            ErrorCode::Interrupted => "interrupted",
        }
    }
}

/// Read by name, found with [`ErrorCode::as_str`]: serde's derived reader compiles a second
/// table of the names (twice: from text and from bytes), which the browser bundle would carry.
impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        ErrorCode::ALL
            .into_iter()
            .find(|code| code.as_str() == name)
            .ok_or_else(|| {
                serde::de::Error::invalid_value(
                    serde::de::Unexpected::Str(&name),
                    &"one of Precis's error codes",
                )
            })
    }
}

/// What a person or a script is told about one failure.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicError {
    pub code: ErrorCode,
    /// A sentence saying what happened and what to do.
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(nullable = false))]
    pub field: Option<Field>,
    /// Seconds to wait before trying again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(nullable = false))]
    pub retry_after: Option<u64>,
}

impl PublicError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            retry_after: None,
        }
    }

    pub fn with_field(mut self, field: Field) -> Self {
        self.field = Some(field);
        self
    }

    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }
}

/// The body of every error response, and the error type of every server function.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", error.message)]
pub struct ErrorResponse {
    pub error: PublicError,
}

impl From<PublicError> for ErrorResponse {
    fn from(error: PublicError) -> Self {
        Self { error }
    }
}

impl leptos::server_fn::error::FromServerFnError for ErrorResponse {
    type Encoder = crate::api::codec::JsonText;

    /// Failures of the transport itself: the request never reached Precis, or what came back
    /// was not one of our error bodies (a proxy's HTML page, say). Made in the browser, told in
    /// the page's language.
    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        let t = crate::i18n::texts(page_lang());
        let error = match value {
            E::Request(_) => PublicError::new(ErrorCode::Network, t.unreachable),
            E::Args(_) | E::MissingArg(_) => {
                PublicError::new(ErrorCode::InvalidRequest, t.request_unprepared)
            }
            _ => PublicError::new(ErrorCode::Internal, t.answer_unreadable),
        };
        error.into()
    }
}

/// The language of the page this code runs in (`<html lang>`); English on the server, whose
/// own answers are worded elsewhere (`server::lang`).
fn page_lang() -> super::settings::Lang {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| super::settings::Lang::from_tag(&tag))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        super::settings::Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_shape_is_stable() {
        let e: ErrorResponse = PublicError::new(ErrorCode::RateLimited, "Slow down.")
            .with_retry_after(7)
            .into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"error": {"code": "rate_limited", "message": "Slow down.", "retry_after": 7}})
        );
    }

    #[test]
    fn every_code_is_written_and_read_by_its_name() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, serde_json::json!(code.as_str()));
            assert_eq!(serde_json::from_value::<ErrorCode>(json).unwrap(), code);
        }
        let unknown = serde_json::from_str::<ErrorCode>(r#""no_such_code""#).unwrap_err();
        assert!(unknown.to_string().contains("no_such_code"), "{unknown}");
        assert!(serde_json::from_str::<ErrorCode>("7").is_err());
    }

    proptest::proptest! {
        /// Any string (NUL, control characters, odd scripts) is read as the code of that name or
        /// refused with an error, never a panic or another code.
        #[test]
        fn any_string_is_a_known_code_or_refused(name in crate::domain::tricky::tricky_text(40)) {
            let json = serde_json::to_string(&name).unwrap();
            match serde_json::from_str::<ErrorCode>(&json) {
                Ok(code) => proptest::prop_assert_eq!(code.as_str(), name.as_str()),
                Err(e) => proptest::prop_assert!(e.to_string().contains("error codes"), "{}", e),
            }
        }
    }

    /// `ALL` names every code: the OpenAPI schema (derived from the enum itself) lists the same.
    #[cfg(feature = "ssr")]
    #[test]
    fn all_lists_every_code() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_value(ErrorCode::schema()).unwrap();
        let listed: Vec<&str> = schema["enum"]
            .as_array()
            .expect("an enum schema")
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let all: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, all);
    }

    #[test]
    fn finds_the_parameter_a_message_names() {
        assert_eq!(
            Field::named_in("Error in `parameters.max_length`: ensure this value is <= 500"),
            Some(Field::MaxLength)
        );
        assert_eq!(
            Field::named_in("`min_length` must be <= `max_length`"),
            Some(Field::MinLength)
        );
        assert_eq!(
            Field::named_in("top_p must be in [0, 1]"),
            Some(Field::TopP)
        );
        assert_eq!(Field::named_in("Something else broke"), None);
    }
}
