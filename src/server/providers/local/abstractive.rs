//! "Local · SmolLM2-135M" (and any llama/qwen2 GGUF in the models folder): a small language
//! model writes the summary, with the HuggingFace parameters mapped onto the sampler.

use std::sync::Arc;
use std::time::Duration;

use precis_engine::llm::{GenerateOptions, Generation, Llm, StopReason};
use precis_engine::pool::InferencePool;
use precis_engine::sampler::SamplingConfig;

use crate::domain::params::{LengthPreset, SummaryParams};
use crate::server::providers::{Output, ProviderError, TokenSink};

/// Longest prompt (text + instructions) the studio gives a local model, in its tokens. Small
/// models lose the thread on longer inputs, and prefill time grows with it; longer texts go
/// through the long-document path in parts.
pub const MAX_PROMPT_TOKENS: usize = 1_536;
/// Tokens the instructions and chat template take around the text, with room to spare.
const PROMPT_OVERHEAD: usize = 96;

/// The input window (in tokens of text) the catalog announces for `llm`.
pub fn input_window(llm: &Llm) -> u32 {
    let output = 500; // the Max length bound
    let ctx = llm.context_length.min(MAX_PROMPT_TOKENS + output);
    (ctx - output - PROMPT_OVERHEAD) as u32
}

/// The request to the model.
pub fn instruction(text: &str, max_new_tokens: usize) -> String {
    let words = (max_new_tokens * 3 / 4).max(5);
    format!(
        "Summarize the following text in at most {words} words. Use only facts stated in the \
         text; do not add anything.\n\nText:\n{text}"
    )
}

pub fn options(p: &SummaryParams) -> GenerateOptions {
    // Unset lengths: the studio's medium maximum, and no minimum (the model stops when done,
    // rather than padding its answer to reach a length nobody asked for).
    let (_, default_max) = LengthPreset::Medium.lengths();
    let max_new = p.max_length.unwrap_or(default_max) as usize;
    let min_new = (p.min_length.unwrap_or(0) as usize).min(max_new);
    GenerateOptions {
        sampling: SamplingConfig {
            do_sample: p.do_sample.unwrap_or(false),
            temperature: p.temperature.unwrap_or(1.0),
            top_k: p.top_k.map_or(50, |k| k as usize),
            top_p: p.top_p.unwrap_or(1.0),
            repetition_penalty: p.repetition_penalty.unwrap_or(1.0),
            min_new_tokens: min_new,
            seed: p.seed.unwrap_or_else(rand::random),
        },
        max_new_tokens: max_new,
        max_time: p.max_time.filter(|t| *t > 0.0).map(Duration::from_secs_f64),
    }
}

pub async fn summarize(
    pool: &InferencePool,
    llm: Arc<Llm>,
    text: String,
    params: SummaryParams,
    sink: TokenSink,
) -> Result<Output, ProviderError> {
    let opts = options(&params);
    let generated = pool
        .run(move |cancel| -> Result<Generation, ProviderError> {
            llm.load()
                .map_err(|e| ProviderError::Internal(e.to_string()))?;
            // Keep the text within the prompt budget (the long-document path normally has).
            let budget = MAX_PROMPT_TOKENS - PROMPT_OVERHEAD;
            let text = fit_tokens(&llm, &text, budget);
            let prompt = llm.chat_prompt(&instruction(&text, opts.max_new_tokens));
            llm.generate(&prompt, &opts, cancel, &mut |piece| sink.token(piece))
                .map_err(|e| ProviderError::Internal(e.to_string()))
        })
        .await
        .map_err(ProviderError::from)??;
    if generated.stop == StopReason::Cancelled {
        return Err(ProviderError::Internal("cancelled".into()));
    }
    tracing::debug!(
        prompt_tokens = generated.prompt_tokens,
        new_tokens = generated.new_tokens,
        prefill_ms = generated.prefill.as_millis() as u64,
        decode_ms = generated.decode.as_millis() as u64,
        stop = ?generated.stop,
        "local generation"
    );
    Ok(Output {
        summary: generated.text.trim().to_string(),
        partial: generated.stop == StopReason::MaxTime,
    })
}

/// `text` cut (at a token boundary) to at most `budget` of the model's tokens.
fn fit_tokens(llm: &Llm, text: &str, budget: usize) -> String {
    match llm.tokenizer().encode(text, false) {
        Ok(enc) if enc.len() > budget => enc
            .get_offsets()
            .get(budget)
            .and_then(|(start, _)| text.get(..*start))
            .unwrap_or(text)
            .to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_map_onto_the_sampler_like_huggingface() {
        let p = SummaryParams {
            min_length: Some(600),
            max_length: Some(80),
            temperature: Some(0.7),
            top_k: Some(20),
            top_p: Some(0.9),
            repetition_penalty: Some(1.3),
            max_time: Some(5.0),
            do_sample: Some(true),
            seed: Some(42),
            ..SummaryParams::default()
        };
        let o = options(&p);
        assert_eq!(o.max_new_tokens, 80);
        assert_eq!(o.sampling.min_new_tokens, 80, "min is kept within max");
        assert_eq!(o.sampling.top_k, 20);
        assert!(o.sampling.do_sample);
        assert_eq!(o.sampling.seed, 42);
        assert_eq!(o.max_time, Some(Duration::from_secs(5)));
        let o = options(&SummaryParams::default());
        assert!(!o.sampling.do_sample, "greedy unless asked");
        assert_eq!(
            o.sampling.min_new_tokens, 0,
            "no forced length unless asked"
        );
        assert_eq!(o.max_time, None);
    }

    #[test]
    fn the_instruction_asks_for_a_length_in_words() {
        let i = instruction("Some text.", 100);
        assert!(i.contains("at most 75 words") && i.ends_with("Some text."));
    }
}
