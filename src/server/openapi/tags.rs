//! Operation groups, as the interactive page lists them.

pub const SUMMARIES: &str = "summaries";
pub const MODELS: &str = "models";
pub const HEALTH: &str = "health";
pub const META: &str = "meta";
pub const HISTORY: &str = "history";
pub const ACCOUNT: &str = "account";
/// Ask: the ingestion service's documents and the question service's questions.
pub const DOCUMENTS: &str = "documents";
pub const QUESTIONS: &str = "questions";
/// Sort: handwritten or typed document images.
pub const CLASSIFIER: &str = "classifier";
