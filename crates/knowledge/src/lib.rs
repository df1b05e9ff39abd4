//! Precis's knowledge base, with no web types in it: the engine of the Ask capability.
//!
//! - [`extract`]: a document's bytes (plain text in any encoding, Markdown, HTML, PDF) to clean text.
//! - [`split`]: clean text to passages sized in the embedding model's tokens, with overlap and
//!   each passage's character offsets (citations point into the document).
//! - [`store`]: where documents, passages, their vectors and the keyword index live — one trait,
//!   [`store::VectorStore`], with two implementations: SQLite + sqlite-vec + FTS5 (embedded) and
//!   PostgreSQL + pgvector + full-text search (server).
//! - [`fusion`]: dense and keyword rankings fused into one (reciprocal-rank fusion).
//! - [`cite`]: citations in an answer checked against the passages it was given.

// Written on other branches; not yet in this one.
// pub mod cite;
// pub mod extract;
// pub mod fusion;
// pub mod split;
pub mod store;

/// The sha256 of a document's clean text, in hex: the same document added twice is found by it.
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
