//! The embedded inference engine (candle, pure Rust, CPU): sentence embeddings, small GGUF
//! language models, the sampler that gives them HuggingFace's parameters, and the dedicated
//! thread pool they run on. No web types: the Precis server builds its capabilities on it
//! (the summarizers in `server::providers::local`).

pub mod batcher;
pub mod embed;
pub mod gguf_tokenizer;
pub mod hub;
pub mod llm;
pub mod pool;
pub mod registry;
pub mod sampler;

use std::path::PathBuf;

/// Everything the engine can fail with.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("model file {path} is unusable: {why}")]
    BadModel { path: PathBuf, why: String },
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    #[error("tensor computation: {0}")]
    Candle(#[from] candle_core::Error),
    #[error("prompt of {tokens} tokens does not fit the model's window of {window}")]
    PromptTooLong { tokens: usize, window: usize },
    #[error(transparent)]
    Pool(#[from] pool::PoolError),
    #[error("{0}")]
    Failed(String),
}

#[cfg(test)]
mod tests;
