//! The words of the Ask capability: the sentences of its rules (`domain::ask::AskProblem`), the
//! service's own answers and errors, and the Ask page.

use crate::domain::ask::AskProblem;
use crate::domain::settings::Lang;

use super::numbers;

/// Texts of the Ask capability, in one language.
#[derive(Debug)]
pub struct AskTexts {
    // --- the rules ---------------------------------------------------------------------
    pub empty_question: &'static str,
    /// (characters, limit)
    pub question_too_long: fn(usize, usize) -> String,
    pub title_too_long: fn(usize, usize) -> String,
    /// (value as sent, most passages)
    pub top_k_bad: fn(&str, u32) -> String,
    /// (the id or count as sent, most ids)
    pub document_ids_bad: fn(&str, usize) -> String,
    /// (size, limit), both already written in MB in the language
    pub document_too_large: fn(&str, &str) -> String,
    pub document_too_long: fn(usize, usize) -> String,
    /// What the file is ("image/png", "a Word document")
    pub unsupported: fn(&str) -> String,
    pub empty_document: &'static str,
    pub image_only_pdf: &'static str,
    pub encoding: &'static str,
    pub damaged_pdf: &'static str,
    pub no_file: &'static str,

    // --- the services ------------------------------------------------------------------
    pub no_documents: &'static str,
    pub document_not_found: &'static str,
    /// Deleting a document of the shared library.
    pub shared_read_only: &'static str,
    /// The answer when the documents do not hold one.
    pub not_in_documents: &'static str,
    pub store_unavailable: &'static str,
    /// A document whose indexing stopped (Precis stopped, or the engine failed).
    pub indexing_failed: &'static str,
    /// A path this instance does not serve: it runs only the ingestion service (`true`) or
    /// only the question service.
    pub not_served_here: fn(ingest_only: bool) -> String,
    pub extractive_label: &'static str,
    pub extractive_description: &'static str,
    /// A local language model writing answers.
    pub llm_description: &'static str,
    /// A language model of another server (OpenAI-compatible, or HuggingFace) writing answers.
    pub remote_description: &'static str,
    /// A question whose documents are all still being indexed.
    pub still_indexing: &'static str,
    /// The embedding model is missing: (why, already worded)
    pub embedder_missing: fn(&str) -> String,
    // --- the operator's answer server (`PRECIS_ASK_LLM_URL`) failing: (the model's id, …)
    /// Nothing answered at its address.
    pub server_unreachable: fn(&str) -> String,
    /// (model, seconds)
    pub server_timeout: fn(&str, u64) -> String,
    /// It refused Precis's key (401, 403).
    pub server_unauthorized: fn(&str) -> String,
    /// It has no such model (404).
    pub server_model_not_found: fn(&str) -> String,
    /// Its rate limit (429): (model, seconds to wait)
    pub server_rate_limited: fn(&str, u64) -> String,
    /// Another 4xx: (model, status)
    pub server_refused: fn(&str, u16) -> String,
    /// A 5xx: (model, status)
    pub server_failed: fn(&str, u16) -> String,
    /// The answer broke off.
    pub server_interrupted: fn(&str) -> String,
    /// Something that is not a chat completion.
    pub server_bad_response: fn(&str) -> String,

    // --- the Ask page (`ui::ask`) and the top bar's links --------------------------------
    /// The name of the top bar's links between the pages, and the links.
    pub nav_label: &'static str,
    pub nav_summarize: &'static str,
    pub nav_ask: &'static str,
    /// The page's heading (and its `<title>`, before "— Precis").
    pub page_title: &'static str,
    pub intro: &'static str,
    /// The documents panel.
    pub documents: &'static str,
    /// What files are read: (the size limit, already written in MB in the language)
    pub accepted: fn(&str) -> String,
    pub add_files: &'static str,
    pub drop_here: &'static str,
    /// Shown while files are dragged over the panel.
    pub drop_now: &'static str,
    pub paste_text: &'static str,
    pub title_label: &'static str,
    pub title_hint: &'static str,
    pub text_label: &'static str,
    pub add: &'static str,
    pub adding: &'static str,
    pub loading_documents: &'static str,
    pub no_documents_yet: &'static str,
    pub shared_library: &'static str,
    /// A file being sent and read, before its passages are known.
    pub sending: &'static str,
    /// (passages indexed, passages)
    pub indexing: fn(u32, u32) -> String,
    /// The progress bar's name: (the document's title)
    pub indexing_label: fn(&str) -> String,
    /// A document once indexed: (passages, characters)
    pub document_size: fn(u32, usize) -> String,
    /// A document added again: it was there already.
    pub already_added: &'static str,
    /// Remove's accessible name: (the document's title)
    pub remove_label: fn(&str) -> String,
    pub remove: &'static str,
    pub removed: fn(&str) -> String,
    /// An upload refused for going too fast, sent again by itself: (seconds)
    pub sending_again_in: fn(u64) -> String,
    /// The questions' panel.
    pub ask_title: &'static str,
    /// The answers' live region.
    pub answers: &'static str,
    pub welcome: &'static str,
    pub question_label: &'static str,
    pub question_placeholder: &'static str,
    pub shortcut: &'static str,
    pub model_label: &'static str,
    pub ask: &'static str,
    pub searching: &'static str,
    pub writing: &'static str,
    /// After a refusal for going too fast: (seconds left)
    pub ask_again_in: fn(u64) -> String,
    /// Before the question, for screen readers.
    pub you_asked: &'static str,
    pub answer_in_progress: &'static str,
    /// Under an answer: (who wrote it, seconds)
    pub answer_meta: fn(&str, f64) -> String,
    pub passages_found: &'static str,
    /// When the documents do not hold the answer.
    pub closest_passages: &'static str,
    /// Marks a passage the answer cites.
    pub cited: &'static str,
    /// A citation's accessible name: (its number, the document's title)
    pub cite_label: fn(u32, &str) -> String,
    /// Where a passage is: (its place from 1, first character, end)
    pub passage_place: fn(u32, u32, u32) -> String,
}

impl AskTexts {
    /// A rule broken, told in this catalogue's language. Exhaustive: a new [`AskProblem`]
    /// needs its sentence here, and so in every language.
    pub fn problem(&self, lang: Lang, problem: &AskProblem) -> String {
        use AskProblem as P;
        let mb = |bytes: u64| numbers::decimal(lang, bytes as f64 / (1024.0 * 1024.0), 1);
        match problem {
            P::EmptyQuestion => self.empty_question.to_string(),
            P::QuestionTooLong { chars, limit } => (self.question_too_long)(*chars, *limit),
            P::TitleTooLong { chars, limit } => (self.title_too_long)(*chars, *limit),
            P::TopK { value, max } => (self.top_k_bad)(value, *max),
            P::DocumentIds { value, max } => (self.document_ids_bad)(value, *max),
            P::DocumentTooLarge { bytes, limit } => {
                (self.document_too_large)(&mb(*bytes), &mb(*limit))
            }
            P::DocumentTooLong { chars, limit } => (self.document_too_long)(*chars, *limit),
            P::Unsupported { what } => (self.unsupported)(what),
            P::EmptyDocument => self.empty_document.to_string(),
            P::ImageOnlyPdf => self.image_only_pdf.to_string(),
            P::Encoding => self.encoding.to_string(),
            P::DamagedPdf => self.damaged_pdf.to_string(),
            P::NoFile => self.no_file.to_string(),
        }
    }
}
