//! An answer written by a local language model (GGUF, on the inference pool), streamed piece
//! by piece through the citation checker.

use std::sync::{Arc, Mutex};

use precis_engine::llm::{GenerateOptions, Llm, StopReason};
use precis_engine::sampler::SamplingConfig;
use precis_knowledge::cite::CitationChecker;

use super::{prompt, Events};
use crate::domain::ask::answer::FoundPassage;
use crate::server::ask::Knowledge;
use crate::server::error::AppError;
use crate::server::providers::ProviderError;

/// Longest prompt given to a local model, in its tokens (small models lose the thread beyond).
const PROMPT_TOKENS: usize = 1_536;
/// Longest answer, in tokens.
const ANSWER_TOKENS: usize = 320;

/// Writes the answer; returns it (citations checked) and the passage numbers it cites.
pub async fn write(
    knowledge: &Knowledge,
    llm: Arc<Llm>,
    question: &str,
    passages: &[FoundPassage],
    events: &Events,
) -> Result<(String, Vec<usize>), AppError> {
    let model = llm.name.clone();
    let question = question.to_string();
    let blocks: Vec<(String, String)> = passages
        .iter()
        .map(|p| (p.title.clone(), p.text.clone()))
        .collect();
    let events = events.clone();
    let checker = Arc::new(Mutex::new(CitationChecker::new(0)));
    let shared = checker.clone();
    let generated = knowledge
        .local()
        .pool
        .run(move |cancel| -> Result<_, ProviderError> {
            llm.load()
                .map_err(|e| ProviderError::Internal(e.to_string()))?;
            let refs: Vec<(&str, &str)> = blocks
                .iter()
                .map(|(t, x)| (t.as_str(), x.as_str()))
                .collect();
            let budget = PROMPT_TOKENS.min(llm.context_length.saturating_sub(ANSWER_TOKENS));
            let (user, given) = prompt::build(&question, &refs, budget, &|s| llm.count_tokens(s));
            let mut checker = shared.lock().unwrap_or_else(|p| p.into_inner());
            *checker = CitationChecker::new(given);
            let opts = GenerateOptions {
                sampling: SamplingConfig {
                    do_sample: false,
                    temperature: 1.0,
                    top_k: 50,
                    top_p: 1.0,
                    repetition_penalty: 1.1,
                    min_new_tokens: 0,
                    seed: 0,
                },
                max_new_tokens: ANSWER_TOKENS,
                max_time: None,
            };
            let prompt = llm.chat_prompt(&user);
            let out = llm
                .generate(&prompt, &opts, cancel, &mut |piece| {
                    events.token(&checker.push(piece));
                })
                .map_err(|e| ProviderError::Internal(e.to_string()))?;
            events.token(&checker.finish());
            Ok(out)
        })
        .await
        .map_err(|e| AppError::Provider {
            model: model.clone(),
            source: e.into(),
        })?
        .map_err(|source| AppError::Provider {
            model: model.clone(),
            source,
        })?;
    if generated.stop == StopReason::Cancelled {
        return Err(AppError::Provider {
            model,
            source: ProviderError::Internal("cancelled".into()),
        });
    }
    let checker = checker.lock().unwrap_or_else(|p| p.into_inner());
    let checked = CitationChecker::check(generated.text.trim(), checker.given());
    Ok((checked.text, checked.cited))
}
