//! Small instruction-tuned language models in GGUF, run by candle's quantized llama / qwen2.
//!
//! [`Llm::open`] reads only the header (architecture, tokenizer, chat template): cheap enough
//! to list every GGUF in the models folder at start-up. The weights load on first use, once,
//! and every generation clones them (tensors are shared; each clone has its own KV cache).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use candle_core::quantized::{gguf_file, GgmlDType, QTensor};
use candle_core::{Device, Tensor};
use candle_transformers::models::{quantized_llama, quantized_qwen2};
use tokenizers::Tokenizer;

use super::gguf_tokenizer;
use super::pool::Cancel;
use super::sampler::{Sampler, SamplingConfig};
use super::EngineError;

/// Set to 1, candle dequantizes every weight to f32 at load (more memory, faster prefill,
/// slower decoding). By default Precis converts formats candle has no SIMD kernels for to Q8_0
/// instead (see [`requantize`]).
pub const DEQUANTIZE_ENV: &str = "CANDLE_DEQUANTIZE_ALL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    Llama,
    Qwen2,
}

enum Weights {
    /// Cloned per generation: tensors are shared, each clone has its own KV cache.
    Llama(quantized_llama::ModelWeights),
    /// candle's qwen2 weights cannot be cloned: one generation at a time per model.
    Qwen2(Mutex<quantized_qwen2::ModelWeights>),
}

/// The model as one generation uses it.
enum Session<'a> {
    Llama(Box<quantized_llama::ModelWeights>),
    Qwen2(MutexGuard<'a, quantized_qwen2::ModelWeights>),
}

impl Weights {
    fn session(&self) -> Session<'_> {
        match self {
            Weights::Llama(m) => Session::Llama(Box::new(m.clone())),
            Weights::Qwen2(m) => {
                let mut guard = m.lock().unwrap_or_else(|p| p.into_inner());
                guard.clear_kv_cache();
                Session::Qwen2(guard)
            }
        }
    }
}

impl Session<'_> {
    fn forward(&mut self, x: &Tensor, pos: usize) -> candle_core::Result<Tensor> {
        match self {
            Session::Llama(m) => m.forward(x, pos),
            Session::Qwen2(m) => m.forward(x, pos),
        }
    }
}

pub struct Llm {
    pub path: PathBuf,
    pub arch: Arch,
    /// `general.name` from the file, else the file stem.
    pub name: String,
    pub context_length: usize,
    pub file_bytes: u64,
    tokenizer: Tokenizer,
    eos: Vec<u32>,
    chat_template: Option<String>,
    weights: OnceLock<Result<Weights, String>>,
}

/// Why generation stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    EndOfText,
    MaxTokens,
    /// The time limit passed: the text is partial.
    MaxTime,
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub sampling: SamplingConfig,
    pub max_new_tokens: usize,
    pub max_time: Option<Duration>,
}

#[derive(Debug, Clone)]
pub struct Generation {
    pub text: String,
    pub prompt_tokens: usize,
    pub new_tokens: usize,
    pub stop: StopReason,
    pub prefill: Duration,
    pub decode: Duration,
}

/// Longest prompt + output candle's llama kernels take (their rotary table's length).
const MAX_SEQ: usize = 4096;

impl Llm {
    /// Reads the header of a GGUF file; fails for files that are not llama/qwen2 GGUF.
    pub fn open(path: &Path) -> Result<Self, EngineError> {
        let bad = |why: String| EngineError::BadModel {
            path: path.to_path_buf(),
            why,
        };
        let mut file = File::open(path).map_err(|e| bad(e.to_string()))?;
        let file_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        let content = gguf_file::Content::read(&mut file)
            .map_err(|e| bad(format!("not a GGUF file: {e}")))?;
        check_complete(&content, file_bytes).map_err(bad)?;
        let md = |k: &str| content.metadata.get(k);
        let arch_name = md("general.architecture")
            .and_then(|v| v.to_string().ok())
            .cloned()
            .unwrap_or_default();
        let arch = match arch_name.as_str() {
            "llama" => Arch::Llama,
            "qwen2" => Arch::Qwen2,
            other => return Err(bad(format!("architecture {other:?} is not llama or qwen2"))),
        };
        let context_length = md(&format!("{arch_name}.context_length"))
            .and_then(|v| v.to_u32().ok())
            .map_or(2048, |n| n as usize)
            .min(MAX_SEQ);
        let name = md("general.name")
            .and_then(|v| v.to_string().ok())
            .cloned()
            .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "model".into());
        let tok = gguf_tokenizer::from_gguf(&content).map_err(|e| bad(e.to_string()))?;
        Ok(Self {
            path: path.to_path_buf(),
            arch,
            name,
            context_length,
            file_bytes,
            tokenizer: tok.tokenizer,
            eos: tok.eos,
            chat_template: tok.chat_template,
            weights: OnceLock::new(),
        })
    }

    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    pub fn count_tokens(&self, text: &str) -> usize {
        self.tokenizer
            .encode(text, false)
            .map_or_else(|_| text.len() / 3, |e| e.len())
    }

    pub fn is_loaded(&self) -> bool {
        matches!(self.weights.get(), Some(Ok(_)))
    }

    /// Loads the weights (once; later calls return at once).
    pub fn load(&self) -> Result<(), EngineError> {
        self.weights_ref().map(|_| ())
    }

    fn weights_ref(&self) -> Result<&Weights, EngineError> {
        let loaded = self.weights.get_or_init(|| {
            let started = Instant::now();
            let out = self.read_weights().map_err(|e| e.to_string());
            match &out {
                Ok(_) => tracing::info!(model = %self.name, ms = started.elapsed().as_millis() as u64, "model loaded"),
                Err(e) => tracing::error!(model = %self.name, error = %e, "model failed to load"),
            }
            out
        });
        loaded.as_ref().map_err(|why| EngineError::BadModel {
            path: self.path.clone(),
            why: why.clone(),
        })
    }

    fn read_weights(&self) -> candle_core::Result<Weights> {
        let mut file = File::open(&self.path)?;
        let content = gguf_file::Content::read(&mut file)?;
        let needs_requant = content
            .tensor_infos
            .values()
            .any(|t| NO_SIMD_KERNEL.contains(&t.ggml_dtype));
        if needs_requant && !dequantize_all() {
            let mut requantized = requantize(&content, &mut file)?;
            let content = gguf_file::Content::read(&mut requantized)?;
            return self.build(content, &mut requantized);
        }
        self.build(content, &mut file)
    }

    fn build<R: std::io::Read + std::io::Seek>(
        &self,
        content: gguf_file::Content,
        reader: &mut R,
    ) -> candle_core::Result<Weights> {
        let device = Device::Cpu;
        Ok(match self.arch {
            Arch::Llama => Weights::Llama(quantized_llama::ModelWeights::from_gguf(
                content, reader, &device,
            )?),
            Arch::Qwen2 => Weights::Qwen2(Mutex::new(quantized_qwen2::ModelWeights::from_gguf(
                content, reader, &device,
            )?)),
        })
    }

    /// `user` wrapped in the model's chat template (ChatML when the file has none), ready for
    /// the assistant's answer.
    pub fn chat_prompt(&self, user: &str) -> String {
        if let Some(t) = &self.chat_template {
            match render_template(t, user) {
                Ok(p) => return p,
                Err(e) => {
                    tracing::warn!(model = %self.name, error = %e, "chat template failed; using ChatML")
                }
            }
        }
        format!("<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n")
    }

    /// Generates a continuation of `prompt`, calling `on_text` with each new piece of text.
    pub fn generate(
        &self,
        prompt: &str,
        opts: &GenerateOptions,
        cancel: &Cancel,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<Generation, EngineError> {
        let started = Instant::now();
        let deadline = opts.max_time.map(|d| started + d);
        let mut model = self.weights_ref()?.session();
        let prompt_ids = self
            .tokenizer
            .encode(prompt, false)
            .map_err(|e| EngineError::Tokenizer(e.to_string()))?
            .get_ids()
            .to_vec();
        let room = self.context_length.saturating_sub(prompt_ids.len());
        if room == 0 || prompt_ids.is_empty() {
            return Err(EngineError::PromptTooLong {
                tokens: prompt_ids.len(),
                window: self.context_length,
            });
        }
        let max_new = opts.max_new_tokens.min(room);
        let mut sampler = Sampler::new(opts.sampling.clone(), self.eos.clone());
        let mut seen = prompt_ids.clone();
        let mut out: Vec<u32> = Vec::new();
        let mut emitted = 0;
        let mut stop = StopReason::MaxTokens;
        let device = Device::Cpu;

        let input = Tensor::new(prompt_ids.as_slice(), &device)?.unsqueeze(0)?;
        let mut logits = model.forward(&input, 0)?;
        let prefill = started.elapsed();
        let decode_started = Instant::now();
        while out.len() < max_new {
            if cancel.is_cancelled() {
                stop = StopReason::Cancelled;
                break;
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                stop = StopReason::MaxTime;
                break;
            }
            let mut row: Vec<f32> = logits
                .squeeze(0)?
                .to_dtype(candle_core::DType::F32)?
                .to_vec1()?;
            let next = sampler.next(&mut row, &seen, out.len());
            if self.eos.contains(&next) {
                stop = StopReason::EndOfText;
                break;
            }
            out.push(next);
            seen.push(next);
            let text = self
                .tokenizer
                .decode(&out, true)
                .map_err(|e| EngineError::Tokenizer(e.to_string()))?;
            // Hold back a multi-byte character until all its tokens are in.
            if !text.ends_with('\u{FFFD}') && text.len() > emitted && text.is_char_boundary(emitted)
            {
                on_text(&text[emitted..]);
                emitted = text.len();
            }
            if out.len() < max_new {
                let input = Tensor::new(&[next], &device)?.unsqueeze(0)?;
                logits = model.forward(&input, prompt_ids.len() + out.len() - 1)?;
            }
        }
        let text = self
            .tokenizer
            .decode(&out, true)
            .map_err(|e| EngineError::Tokenizer(e.to_string()))?;
        if text.len() > emitted && text.is_char_boundary(emitted) {
            on_text(&text[emitted..]);
        }
        Ok(Generation {
            text,
            prompt_tokens: prompt_ids.len(),
            new_tokens: out.len(),
            stop,
            prefill,
            decode: decode_started.elapsed(),
        })
    }
}

/// A GGUF whose tensors end past the end of the file was cut short (interrupted download).
fn check_complete(content: &gguf_file::Content, file_bytes: u64) -> Result<(), String> {
    let end = content
        .tensor_infos
        .values()
        .map(|t| {
            let dtype = t.ggml_dtype;
            let bytes = t.shape.elem_count() / dtype.block_size() * dtype.type_size();
            content.tensor_data_offset + t.offset + bytes as u64
        })
        .max()
        .unwrap_or(0);
    if end > file_bytes {
        return Err(format!(
            "the file is truncated: {file_bytes} of {end} bytes"
        ));
    }
    Ok(())
}

/// Block formats candle has no SIMD dot product for on x86 (it does for Q4_0, Q8_0 and the
/// k-quants). SmolLM2's rows are 576 wide, too narrow for the 256-wide k-quants.
const NO_SIMD_KERNEL: [GgmlDType; 3] = [GgmlDType::Q4_1, GgmlDType::Q5_0, GgmlDType::Q5_1];

fn dequantize_all() -> bool {
    std::env::var(DEQUANTIZE_ENV).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The GGUF in memory with every tensor in a format candle lacks kernels for converted to
/// Q8_0 (32-wide blocks like the source, 8 bits: no precision lost to speak of, and candle's
/// AVX2 Q8_0 kernels read a quarter of the bytes an f32 copy would).
fn requantize<R: std::io::Read + std::io::Seek>(
    content: &gguf_file::Content,
    reader: &mut R,
) -> candle_core::Result<std::io::Cursor<Vec<u8>>> {
    let device = Device::Cpu;
    let mut tensors = Vec::with_capacity(content.tensor_infos.len());
    for name in content.tensor_infos.keys() {
        let t = content.tensor(reader, name, &device)?;
        let t = if NO_SIMD_KERNEL.contains(&t.dtype()) {
            QTensor::quantize(&t.dequantize(&device)?, GgmlDType::Q8_0)?
        } else {
            t
        };
        tensors.push((name.as_str(), t));
    }
    let metadata: Vec<(&str, &gguf_file::Value)> = content
        .metadata
        .iter()
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    let refs: Vec<(&str, &QTensor)> = tensors.iter().map(|(n, t)| (*n, t)).collect();
    let mut out = std::io::Cursor::new(Vec::new());
    gguf_file::write(&mut out, &metadata, &refs)?;
    out.set_position(0);
    Ok(out)
}

fn render_template(template: &str, user: &str) -> Result<String, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    minijinja_contrib::add_to_environment(&mut env);
    env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
    env.add_template("chat", template)?;
    let messages = vec![minijinja::context! { role => "user", content => user }];
    env.get_template("chat")?.render(minijinja::context! {
        messages => messages,
        add_generation_prompt => true,
        bos_token => "",
        eos_token => "",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_chatml_template() {
        let t = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nBe brief.<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";
        assert_eq!(
            render_template(t, "Hi").unwrap(),
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
        );
    }

    #[test]
    fn a_broken_template_is_an_error_not_a_panic() {
        assert!(render_template("{% for %}", "x").is_err());
    }
}
