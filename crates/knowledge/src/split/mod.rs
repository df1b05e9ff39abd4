//! Clean text to passages sized in the embedding model's tokens, with overlap, each with its
//! character offsets in the text (citations point into the document).

use std::path::Path;
use std::sync::Arc;

use text_splitter::{ChunkConfig, ChunkSizer, MarkdownSplitter, TextSplitter};
use tokenizers::Tokenizer;

mod headings;
mod overlap;
#[cfg(test)]
mod tests;

/// A passage of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Offset of the first character, in characters (Unicode scalar values, not bytes).
    pub start: u32,
    /// Offset just past the last character, in characters.
    pub end: u32,
    /// Exactly the characters `start..end` of the text: no leading or trailing whitespace.
    pub text: String,
}

/// Why a [`Splitter`] cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum SplitError {
    /// The `tokenizer.json` file is missing or unreadable.
    #[error("cannot read the tokenizer {path}: {why}")]
    Tokenizer { path: String, why: String },
    #[error("cannot turn the tokenizer's truncation off: {0}")]
    Truncation(String),
    /// `max_tokens` is 0.
    #[error("a passage must hold at least one token")]
    NoTokens,
    /// `overlap` is not smaller than `max_tokens`.
    #[error("the overlap ({overlap} tokens) must be smaller than a passage ({max_tokens} tokens)")]
    Overlap { overlap: usize, max_tokens: usize },
}

/// Splits texts into passages of at most `max_tokens` of the embedding model's tokens.
pub struct Splitter {
    tokens: Tokens,
    text: TextSplitter<Tokens>,
    markdown: MarkdownSplitter<Tokens>,
    max_tokens: usize,
    overlap: usize,
}

impl Splitter {
    /// `tokenizer`: the embedding model's (padding and truncation are turned off on the copy
    /// kept here, or sizes would be wrong). Passages hold at most `max_tokens` tokens, special
    /// tokens (`[CLS]`, `[SEP]`) not counted; consecutive passages share about `overlap` tokens
    /// (whole words; none before a Markdown heading).
    ///
    /// text-splitter cuts passages of `max_tokens - overlap` tokens, and each one is extended
    /// back over the end of the one before. (text-splitter's own overlap is made of whole
    /// units of the level it cut at: after a cut between paragraphs, no overlap unless a whole
    /// paragraph fits in it.)
    pub fn new(
        mut tokenizer: Tokenizer,
        max_tokens: usize,
        overlap: usize,
    ) -> Result<Self, SplitError> {
        if max_tokens == 0 {
            return Err(SplitError::NoTokens);
        }
        if overlap >= max_tokens {
            return Err(SplitError::Overlap {
                overlap,
                max_tokens,
            });
        }
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(|e| SplitError::Truncation(e.to_string()))?;
        let tokens = Tokens(Arc::new(tokenizer));
        let config = || ChunkConfig::new(max_tokens - overlap).with_sizer(tokens.clone());
        Ok(Self {
            text: TextSplitter::new(config()),
            markdown: MarkdownSplitter::new(config()),
            tokens,
            max_tokens,
            overlap,
        })
    }

    /// [`Splitter::new`] with the tokenizer of a `tokenizer.json` file.
    pub fn from_file(
        tokenizer_json: &Path,
        max_tokens: usize,
        overlap: usize,
    ) -> Result<Self, SplitError> {
        let tokenizer =
            Tokenizer::from_file(tokenizer_json).map_err(|e| SplitError::Tokenizer {
                path: tokenizer_json.display().to_string(),
                why: e.to_string(),
            })?;
        Self::new(tokenizer, max_tokens, overlap)
    }

    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    pub fn overlap(&self) -> usize {
        self.overlap
    }

    /// The number of tokens in `text` as passages are measured (no special tokens).
    pub fn count_tokens(&self, text: &str) -> usize {
        self.tokens.size(text)
    }

    /// Splits `text` on headings (when `markdown`), then paragraphs, lines, sentences, words
    /// (text-splitter's semantic levels), into passages in document order; none is empty or
    /// whitespace only. A passage exceeds `max_tokens` only when a single character does.
    ///
    /// Offsets are `u32`: a text longer than `u32::MAX` characters is split up to there.
    pub fn split(&self, text: &str, markdown: bool) -> Vec<Passage> {
        let ranges = if markdown {
            let headings = headings::Headings::find(text);
            let cuts = trimmed(self.markdown.chunk_indices(text));
            let cuts = headings::adjust(self, text, &headings, cuts);
            overlap::extend(self, text, cuts, Some(&headings))
        } else {
            overlap::extend(self, text, trimmed(self.text.chunk_indices(text)), None)
        };
        passages(text, &ranges)
    }
}

/// Chunks (byte offset, text) to the byte ranges of their trimmed, non-blank text.
fn trimmed<'t>(chunks: impl Iterator<Item = (usize, &'t str)>) -> Vec<(usize, usize)> {
    chunks
        .filter_map(|(offset, chunk)| {
            let start = offset + (chunk.len() - chunk.trim_start().len());
            let end = offset + chunk.trim_end().len();
            (start < end).then_some((start, end))
        })
        .collect()
}

/// Byte ranges to passages at character offsets, in one pass over the text: ranges start in
/// order, so a cursor counts the characters between one start and the next.
fn passages(text: &str, ranges: &[(usize, usize)]) -> Vec<Passage> {
    let mut passages = Vec::with_capacity(ranges.len());
    let (mut byte, mut char) = (0usize, 0usize);
    for &(start_byte, end_byte) in ranges {
        let Some(piece) = text.get(start_byte..end_byte) else {
            continue; // not on character boundaries: never, text-splitter cuts between them
        };
        char = match text.get(byte..start_byte) {
            Some(between) => char + between.chars().count(),
            // a start before the last one: never
            None => text.get(..start_byte).map_or(0, |s| s.chars().count()),
        };
        byte = start_byte;
        let end = char + piece.chars().count();
        let (Ok(start), Ok(end)) = (u32::try_from(char), u32::try_from(end)) else {
            break;
        };
        passages.push(Passage {
            start,
            end,
            text: piece.to_string(),
        });
    }
    passages
}

/// The tokenizer as text-splitter's sizer, shared by both splitters. A text the tokenizer
/// fails on (none with WordPiece or byte-level BPE) counts as its length in bytes, more than
/// its tokens with either, instead of text-splitter's panic.
#[derive(Clone)]
struct Tokens(Arc<Tokenizer>);

impl ChunkSizer for Tokens {
    fn size(&self, chunk: &str) -> usize {
        match self.0.encode_fast(chunk, false) {
            Ok(encoding) => encoding.len(),
            Err(e) => {
                tracing::warn!("the tokenizer failed on a passage ({e}); counting its bytes");
                chunk.len()
            }
        }
    }
}
