//! The embedded engine's summarizers, all running on the inference pool with no token and no
//! network: TextRank (no weights), semantic extract (MiniLM embeddings) and abstractive
//! summaries by small GGUF language models.

pub mod abstractive;
pub mod semantic;
pub mod sentences;
pub mod textrank;

use std::sync::Arc;

use futures::future::BoxFuture;

use crate::domain::models::{ModelInfo, ProviderKind, LOCAL_SEMANTIC, LOCAL_TEXTRANK};
use crate::domain::params::{LengthPreset, Param, SummaryParams};
use crate::server::inference::registry::LocalModels;
use crate::server::providers::{Job, Output, ProviderError, SummaryProvider};

pub struct LocalEngine {
    models: Arc<LocalModels>,
}

const EXTRACT_REASON: &str = "Not used by this model: it picks sentences from your text rather \
                              than writing new words.";

fn extract_options(p: &SummaryParams) -> textrank::ExtractOptions {
    let (default_min, default_max) = LengthPreset::Medium.lengths();
    textrank::ExtractOptions {
        min_tokens: p.min_length.unwrap_or(default_min) as usize,
        max_tokens: p.max_length.unwrap_or(default_max) as usize,
    }
}

impl LocalEngine {
    pub fn new(models: Arc<LocalModels>) -> Self {
        Self { models }
    }

    async fn run(&self, job: Job) -> Result<Output, ProviderError> {
        let opts = extract_options(&job.params);
        match job.model.as_str() {
            LOCAL_TEXTRANK => {
                let extract = self
                    .models
                    .pool
                    .run(move |_| textrank::summarize(&job.text, &opts))
                    .await?;
                Ok(Output::whole(extract.text))
            }
            LOCAL_SEMANTIC => {
                let embedder = self
                    .models
                    .embedder
                    .as_ref()
                    .map_err(|why| ProviderError::Internal(why.clone()))?;
                let extract = semantic::summarize(embedder, &job.text, &opts)
                    .await
                    .map_err(ProviderError::from)?;
                Ok(Output::whole(extract.text))
            }
            id => {
                let llm = self
                    .models
                    .llm(id)
                    .and_then(|e| e.llm.as_ref().ok())
                    .ok_or_else(|| ProviderError::Internal(format!("unknown local model {id}")))?;
                abstractive::summarize(
                    &self.models.pool,
                    llm.clone(),
                    job.text,
                    job.params,
                    job.sink,
                )
                .await
            }
        }
    }
}

impl SummaryProvider for LocalEngine {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Local
    }

    fn models(&self) -> Vec<ModelInfo> {
        let extract = |id: &str, label: &str, description: &str| ModelInfo {
            id: id.to_string(),
            label: label.to_string(),
            provider: ProviderKind::Local,
            description: description.to_string(),
            input_window: None,
            honours: vec![Param::MinLength, Param::MaxLength],
            ignores_reason: EXTRACT_REASON.to_string(),
            experimental: false,
            samples: false,
            unavailable: None,
        };
        let mut out = vec![
            extract(
                LOCAL_TEXTRANK,
                "Local · TextRank extract",
                "Runs inside Precis, no internet needed: picks the most central sentences of \
                 your text, word for word.",
            ),
            ModelInfo {
                unavailable: self.models.embedder.as_ref().err().cloned(),
                ..extract(
                    LOCAL_SEMANTIC,
                    "Local · semantic extract",
                    "Runs inside Precis, no internet needed: picks the sentences closest in \
                     meaning to the whole text (MiniLM embeddings), avoiding repeats, word for word.",
                )
            },
        ];
        for entry in &self.models.llms {
            out.push(ModelInfo {
                id: entry.id.clone(),
                label: entry.label.clone(),
                provider: ProviderKind::Local,
                description: "Runs inside Precis, no internet needed: a small language model \
                              writes the summary in its own words. Experimental: it can get \
                              facts wrong, so check it against your text."
                    .to_string(),
                input_window: entry
                    .llm
                    .as_ref()
                    .ok()
                    .map(|l| abstractive::input_window(l)),
                honours: Param::ALL.to_vec(),
                ignores_reason: String::new(),
                experimental: true,
                samples: true,
                unavailable: entry.llm.as_ref().err().cloned(),
            });
        }
        out
    }

    fn summarize(&self, job: Job) -> BoxFuture<'_, Result<Output, ProviderError>> {
        Box::pin(self.run(job))
    }
}
