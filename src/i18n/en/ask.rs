//! English: the Ask capability.

use super::n;
use crate::domain::settings::Lang;
use crate::i18n::numbers::decimal;
use crate::i18n::AskTexts;

pub(in crate::i18n) const ASK: AskTexts = AskTexts {
    empty_question: "Type a question first.",
    question_too_long: |chars, limit| {
        format!("The question is {} characters long; the limit is {}. Ask something shorter.", n(chars), n(limit))
    },
    title_too_long: |chars, limit| {
        format!("The title is {} characters long; the limit is {}.", n(chars), n(limit))
    },
    top_k_bad: |value, max| format!("top_k must be a whole number from 1 to {max}; it is {value}."),
    document_ids_bad: |value, max| {
        format!("document_ids must list at most {max} document ids of 32 hex digits; “{value}” is not one.")
    },
    document_too_large: |size, limit| {
        format!("The file is {size} MB; the limit is {limit} MB. Split it into smaller files.")
    },
    document_too_long: |chars, limit| {
        format!("The document holds {} characters of text; the limit is {}. Split it into smaller documents.", n(chars), n(limit))
    },
    unsupported: |what| {
        format!("Precis cannot read this file ({what}). Add plain text, Markdown, HTML or PDF.")
    },
    empty_document: "This document has no text to read.",
    image_only_pdf: "This PDF holds only images of pages (a scan), no text. Run it through OCR first, or add the text itself.",
    encoding: "The text of this file is in an encoding Precis cannot read. Save it as UTF-8 and add it again.",
    damaged_pdf: "This PDF cannot be read: it is damaged or protected by a password.",
    no_file: "Send the document as one part named “file”.",
    no_documents: "You have no documents yet. Add one, then ask your question.",
    document_not_found: "There is no such document (it may have been removed).",
    shared_read_only: "This document is in the shared library: only the operator can remove it.",
    not_in_documents: "Your documents do not seem to answer this question. The closest passages found are below.",
    store_unavailable: "The knowledge base cannot be reached right now. Try again in a moment.",
    indexing_failed: "Indexing this document stopped before the end. Remove it and add it again.",
    not_served_here: |ingest_only| {
        if ingest_only {
            "There is nothing here. This Precis runs only the ingestion service (/api/v1/documents); ask questions on the question service.".to_string()
        } else {
            "There is nothing here. This Precis runs only the question service (/api/v1/questions); add documents on the ingestion service.".to_string()
        }
    },
    extractive_label: "Quotes from your documents",
    extractive_description: "The sentences of your documents that best answer the question, quoted with their citations. No language model: nothing is invented.",
    llm_description: "A small language model on this server writes the answer in its own words from the passages, citing them. Experimental: check what it says against the passages.",
    remote_description: "A language model on another server writes the answer in its own words from the passages, citing them; citations to anything else are removed.",
    still_indexing: "Your documents are still being indexed. Ask again when they are ready.",
    embedder_missing: |why| format!("Documents cannot be indexed or searched here: {why}"),
    server_unreachable: |model| {
        format!("The answer server for “{model}” did not respond: Precis could not reach it. Try again in a minute or choose another model; if it keeps happening, tell the operator of this Precis.")
    },
    server_timeout: |model, secs| {
        format!("The answer server for “{model}” did not finish the answer within {secs} s. Try again later or choose another model; if it keeps happening, tell the operator of this Precis.")
    },
    server_unauthorized: |model| {
        format!("The answer server for “{model}” refused this Precis’s access key. Choose another model, and ask the operator of this Precis to check the key (PRECIS_ASK_LLM_KEY).")
    },
    server_model_not_found: |model| {
        format!("The answer server has no model “{model}” (not found): it may not be installed there. Choose another model, and tell the operator of this Precis.")
    },
    server_rate_limited: |model, secs| {
        format!("The answer server for “{model}” is receiving too many requests (rate limit reached). Try again in {secs} s, or choose another model.")
    },
    server_refused: |model, status| {
        format!("The answer server refused to write an answer with “{model}” (error {status}). Try a shorter question or another model; if it keeps happening, tell the operator of this Precis.")
    },
    server_failed: |model, status| {
        format!("The answer server had a problem writing the answer with “{model}” (error {status}). Try again in a minute, or choose another model.")
    },
    server_interrupted: |model| {
        format!("The answer server stopped in the middle of the answer with “{model}”. Ask again, or choose another model.")
    },
    server_bad_response: |model| {
        format!("The answer server sent back something for “{model}” that is not an answer Precis can read. Try again or choose another model; if it keeps happening, tell the operator of this Precis.")
    },
    nav_label: "Sections",
    nav_summarize: "Summarize",
    nav_ask: "Ask",
    page_title: "Ask your documents",
    intro: "Add documents, then ask about them: each answer cites the passages it comes from.",
    documents: "Your documents",
    accepted: |mb| format!("Plain text, Markdown, HTML or PDF, up to {mb} MB each."),
    add_files: "Add files",
    drop_here: "or drop them here.",
    drop_now: "Drop the files to add them.",
    paste_text: "Paste a text",
    title_label: "Title",
    title_hint: "Optional: otherwise the text’s first words.",
    text_label: "Text",
    add: "Add",
    adding: "Adding…",
    loading_documents: "Loading your documents…",
    no_documents_yet: "No documents yet. Add files or paste a text to start.",
    shared_library: "Shared library",
    sending: "Sending and reading…",
    indexing: |done, total| format!("Indexing… {} of {} passages", n(done as usize), n(total as usize)),
    indexing_label: |title| format!("Indexing “{title}”"),
    document_size: |passages, chars| {
        let p = if passages == 1 { "passage" } else { "passages" };
        let c = if chars == 1 { "character" } else { "characters" };
        format!("{} {p} · {} {c}", n(passages as usize), n(chars))
    },
    already_added: "Already in your documents.",
    remove_label: |title| format!("Remove “{title}”"),
    remove: "Remove",
    removed: |title| format!("“{title}” removed."),
    sending_again_in: |s| format!("Too many at once: sending again in {s} s."),
    ask_title: "Ask a question",
    answers: "Answers",
    welcome: "Ask anything your documents might answer. Open a citation such as [1] to read the passage it comes from.",
    question_label: "Your question",
    question_placeholder: "What do your documents say about…?",
    shortcut: "Enter asks · Shift+Enter starts a new line",
    model_label: "Answer written by",
    ask: "Ask",
    searching: "Searching your documents…",
    writing: "Writing the answer…",
    ask_again_in: |s| format!("You can ask again in {s} s."),
    you_asked: "You asked:",
    answer_in_progress: "Answer in progress",
    answer_meta: |model, seconds| format!("{model} · {} s", decimal(Lang::En, seconds, 1)),
    passages_found: "Passages found",
    closest_passages: "Closest passages",
    cited: "cited",
    cite_label: |number, title| format!("Source [{number}]: {title}"),
    passage_place: |place, start, end| {
        format!("passage {} · characters {}–{}", n(place as usize), n(start as usize), n(end as usize))
    },
};
