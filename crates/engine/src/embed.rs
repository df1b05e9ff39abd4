//! Sentence embeddings: all-MiniLM-L6-v2 (or any BERT sentence-transformer) through candle's
//! BERT, the way sentence-transformers computes them: WordPiece up to 256 tokens, padding to
//! the longest sentence of the batch, mean pooling over real tokens only (attention mask), unit
//! length.
//!
//! Sentences are sorted by length and embedded in batches of [`BATCH`], so a short sentence
//! never pays for a long one's padding; results come back in the caller's order.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use super::EngineError;

/// sentence-transformers' `max_seq_length` for all-MiniLM-L6-v2.
pub const MAX_TOKENS: usize = 256;
/// Sentences per forward pass.
pub const BATCH: usize = 32;

pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    pub dims: usize,
    pub dir: PathBuf,
}

/// Files a model folder must hold.
pub const FILES: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];

impl Embedder {
    pub fn load(dir: &Path) -> Result<Self, EngineError> {
        let bad = |why: String| EngineError::BadModel {
            path: dir.to_path_buf(),
            why,
        };
        let config: Config = std::fs::read_to_string(dir.join("config.json"))
            .map_err(|e| bad(format!("config.json: {e}")))
            .and_then(|s| serde_json::from_str(&s).map_err(|e| bad(format!("config.json: {e}"))))?;
        let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
            .map_err(|e| bad(format!("tokenizer.json: {e}")))?;
        // The shipped tokenizer.json pads and truncates at 128: not what the model was used with.
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..PaddingParams::default()
        }));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..TruncationParams::default()
            }))
            .map_err(|e| bad(format!("tokenizer.json: {e}")))?;
        let weights = dir.join("model.safetensors");
        // SAFETY: the file is memory-mapped read-only; Precis never writes to model files and
        // the set-up script replaces them atomically (rename), so the mapping stays valid.
        let vb =
            unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, &Device::Cpu) }
                .map_err(|e| bad(format!("model.safetensors: {e}")))?;
        let model = BertModel::load(vb, &config).map_err(|e| bad(format!("weights: {e}")))?;
        Ok(Self {
            model,
            tokenizer,
            dims: config.hidden_size,
            dir: dir.to_path_buf(),
        })
    }

    /// Unit-length embeddings of `sentences`, in order.
    pub fn embed(&self, sentences: &[&str]) -> Result<Vec<Vec<f32>>, EngineError> {
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(sentences[i].len()));
        let mut out = vec![Vec::new(); sentences.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| sentences[i]).collect();
            for (i, v) in chunk.iter().zip(self.embed_batch(&batch)?) {
                out[*i] = v;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, sentences: &[&str]) -> Result<Vec<Vec<f32>>, EngineError> {
        let encodings = self
            .tokenizer
            .encode_batch(sentences.to_vec(), true)
            .map_err(|e| EngineError::Tokenizer(e.to_string()))?;
        let device = Device::Cpu;
        let rows = |f: &dyn Fn(&tokenizers::Encoding) -> &[u32]| -> candle_core::Result<Tensor> {
            let rows = encodings
                .iter()
                .map(|e| Tensor::new(f(e), &device))
                .collect::<candle_core::Result<Vec<_>>>()?;
            Tensor::stack(&rows, 0)
        };
        let ids = rows(&|e| e.get_ids())?;
        let type_ids = rows(&|e| e.get_type_ids())?;
        let mask = rows(&|e| e.get_attention_mask())?;
        let hidden = self.model.forward(&ids, &type_ids, Some(&mask))?;
        // Mean over real tokens: sum(hidden * mask) / sum(mask).
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
        let mean = summed.broadcast_div(&counts)?;
        let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        Ok(mean.broadcast_div(&norms)?.to_vec2::<f32>()?)
    }
}

pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    // Unit vectors: the dot product is the cosine.
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
