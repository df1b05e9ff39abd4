//! English: the Ask capability.

use super::n;
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
    still_indexing: "Your documents are still being indexed. Ask again when they are ready.",
    embedder_missing: |why| format!("Documents cannot be indexed or searched here: {why}"),
};
