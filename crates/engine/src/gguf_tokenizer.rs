//! A `tokenizers::Tokenizer` rebuilt from a GGUF file's metadata (a GGUF ships no
//! tokenizer.json): byte-level BPE from `tokenizer.ggml.tokens` / `.merges`, the pre-tokenizer
//! named by `tokenizer.ggml.pre`, control and user-defined tokens registered as special.

use candle_core::quantized::gguf_file::{Content, Value};
use tokenizers::decoders::byte_level::ByteLevel as ByteLevelDecoder;
use tokenizers::models::bpe::BPE;
use tokenizers::pre_tokenizers::byte_level::ByteLevel;
use tokenizers::pre_tokenizers::digits::Digits;
use tokenizers::pre_tokenizers::sequence::Sequence;
use tokenizers::pre_tokenizers::split::{Split, SplitPattern};
use tokenizers::pre_tokenizers::PreTokenizerWrapper;
use tokenizers::processors::byte_level::ByteLevel as ByteLevelProcessor;
use tokenizers::{AddedToken, SplitDelimiterBehavior, Tokenizer};

/// Qwen2's pre-tokenizer split (from its tokenizer.json).
const QWEN2_SPLIT: &str = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

/// GGUF token types (llama.cpp's `llama_token_type`).
const CONTROL: i32 = 3;
const USER_DEFINED: i32 = 4;

#[derive(Debug, thiserror::Error)]
pub enum TokenizerError {
    #[error("GGUF metadata has no {0}")]
    Missing(&'static str),
    #[error("GGUF tokenizer model {0:?} is not supported (only byte-level BPE, \"gpt2\")")]
    Unsupported(String),
    #[error("could not build the tokenizer: {0}")]
    Build(String),
}

/// The tokenizer, plus the ids the generator needs.
pub struct GgufTokenizer {
    pub tokenizer: Tokenizer,
    pub eos: Vec<u32>,
    pub chat_template: Option<String>,
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.to_vec()
        .ok()?
        .iter()
        .map(|s| s.to_string().ok().cloned())
        .collect()
}

fn get<'a>(content: &'a Content, key: &'static str) -> Result<&'a Value, TokenizerError> {
    content
        .metadata
        .get(key)
        .ok_or(TokenizerError::Missing(key))
}

pub fn from_gguf(content: &Content) -> Result<GgufTokenizer, TokenizerError> {
    let model = get(content, "tokenizer.ggml.model")?
        .to_string()
        .map_err(|_| TokenizerError::Missing("tokenizer.ggml.model"))?;
    if model != "gpt2" {
        return Err(TokenizerError::Unsupported(model.clone()));
    }
    let tokens = strings(get(content, "tokenizer.ggml.tokens")?)
        .ok_or(TokenizerError::Missing("tokenizer.ggml.tokens"))?;
    let merges: Vec<(String, String)> = strings(get(content, "tokenizer.ggml.merges")?)
        .ok_or(TokenizerError::Missing("tokenizer.ggml.merges"))?
        .into_iter()
        .filter_map(|m| {
            m.split_once(' ')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect();
    let types: Vec<i32> = content
        .metadata
        .get("tokenizer.ggml.token_type")
        .and_then(|v| v.to_vec().ok())
        .map(|v| v.iter().map(|t| t.to_i32().unwrap_or(1)).collect())
        .unwrap_or_default();
    let pre = content
        .metadata
        .get("tokenizer.ggml.pre")
        .and_then(|v| v.to_string().ok())
        .map_or("default", String::as_str);

    let vocab: tokenizers::models::bpe::Vocab = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.clone(), i as u32))
        .collect();
    let bpe = BPE::builder()
        .vocab_and_merges(vocab, merges)
        .build()
        .map_err(|e| TokenizerError::Build(e.to_string()))?;
    let mut tokenizer = Tokenizer::new(bpe);

    let pre_tokenizer: PreTokenizerWrapper = match pre {
        "qwen2" => Sequence::new(vec![
            Split::new(
                SplitPattern::Regex(QWEN2_SPLIT.into()),
                SplitDelimiterBehavior::Isolated,
                false,
            )
            .map_err(|e| TokenizerError::Build(e.to_string()))?
            .into(),
            ByteLevel::new(false, false, false).into(),
        ])
        .into(),
        "smollm" | "starcoder" | "refact" => Sequence::new(vec![
            Digits::new(true).into(),
            ByteLevel::new(false, true, true).into(),
        ])
        .into(),
        _ => ByteLevel::new(false, true, true).into(),
    };
    tokenizer.with_pre_tokenizer(Some(pre_tokenizer));
    tokenizer.with_decoder(Some(ByteLevelDecoder::default()));
    tokenizer.with_post_processor(Some(ByteLevelProcessor::new(false, false, false)));

    let special: Vec<AddedToken> = tokens
        .iter()
        .zip(types.iter())
        .filter(|(_, t)| matches!(**t, CONTROL | USER_DEFINED))
        .map(|(tok, _)| AddedToken::from(tok.clone(), true))
        .collect();
    tokenizer
        .add_special_tokens(special)
        .map_err(|e| TokenizerError::Build(e.to_string()))?;

    let mut eos = Vec::new();
    if let Some(id) = content
        .metadata
        .get("tokenizer.ggml.eos_token_id")
        .and_then(|v| v.to_u32().ok())
    {
        eos.push(id);
    }
    // Chat models end a turn with <|im_end|> (ChatML) even when eos is <|endoftext|>.
    for end in ["<|im_end|>", "<|endoftext|>", "<|eot_id|>"] {
        if let Some(id) = tokenizer.token_to_id(end) {
            if !eos.contains(&id) {
                eos.push(id);
            }
        }
    }
    let chat_template = content
        .metadata
        .get("tokenizer.chat_template")
        .and_then(|v| v.to_string().ok())
        .cloned();
    Ok(GgufTokenizer {
        tokenizer,
        eos,
        chat_template,
    })
}
