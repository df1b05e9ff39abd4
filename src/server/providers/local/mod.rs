//! The embedded engine's summarizers, all running on the inference pool with no token and no
//! network: TextRank (no weights), semantic extract (MiniLM embeddings) and abstractive
//! summaries by small GGUF language models.

pub mod abstractive;
pub mod semantic;
pub mod sentences;
pub mod textrank;

use std::sync::Arc;

use futures::future::BoxFuture;
use precis_engine::registry::{LocalModels, ModelProblem, DEFAULT_GGUF, FIX_COMMAND};

use crate::domain::models::{ModelInfo, ProviderKind, LOCAL_SEMANTIC, LOCAL_TEXTRANK};
use crate::domain::params::{LengthPreset, Param, SummaryParams};
use crate::domain::settings::Lang;
use crate::i18n::texts;
use crate::server::providers::{Job, Output, ProviderError, SummaryProvider};

/// Why a local model cannot run, in `lang`, with the command that fixes it.
pub fn tell(problem: ModelProblem, lang: Lang) -> String {
    let t = &texts(lang).server;
    match problem {
        ModelProblem::NotInstalled => (t.model_not_installed)(DEFAULT_GGUF, FIX_COMMAND),
        ModelProblem::EmbedderNotInstalled { file } => {
            (t.embedder_not_installed)(file, FIX_COMMAND)
        }
        ModelProblem::Damaged => (t.model_damaged)(FIX_COMMAND),
        ModelProblem::EmbedderDamaged => (t.embedder_damaged)(FIX_COMMAND),
        ModelProblem::DiscoveryFailed => (t.model_discovery_failed)(FIX_COMMAND),
        ModelProblem::DownloadFailed => t.model_download_failed.to_string(),
    }
}

pub struct LocalEngine {
    models: Arc<LocalModels>,
}

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
                    .map_err(|why| ProviderError::Internal(format!("{why:?}")))?;
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

    fn models(&self, lang: Lang) -> Vec<ModelInfo> {
        let t = &texts(lang).server;
        let extract = |id: &str, label: &str, description: &str| ModelInfo {
            id: id.to_string(),
            label: label.to_string(),
            provider: ProviderKind::Local,
            description: description.to_string(),
            input_window: None,
            honours: vec![Param::MinLength, Param::MaxLength],
            ignores_reason: t.extract_ignores.to_string(),
            experimental: false,
            samples: false,
            unavailable: None,
        };
        let mut out = vec![
            extract(LOCAL_TEXTRANK, t.textrank_label, t.textrank_description),
            ModelInfo {
                unavailable: self.models.embedder.as_ref().err().map(|p| tell(*p, lang)),
                ..extract(LOCAL_SEMANTIC, t.semantic_label, t.semantic_description)
            },
        ];
        for entry in &self.models.llms {
            out.push(ModelInfo {
                id: entry.id.clone(),
                label: entry.label.clone(),
                provider: ProviderKind::Local,
                description: t.local_llm_description.to_string(),
                input_window: entry
                    .llm
                    .as_ref()
                    .ok()
                    .map(|l| abstractive::input_window(l)),
                honours: Param::ALL.to_vec(),
                ignores_reason: String::new(),
                experimental: true,
                samples: true,
                unavailable: entry.llm.as_ref().err().map(|p| tell(*p, lang)),
            });
        }
        out
    }

    fn problem(&self, model: &str) -> Option<ModelProblem> {
        match model {
            LOCAL_SEMANTIC => self.models.embedder.as_ref().err().copied(),
            id => self
                .models
                .llm(id)
                .and_then(|e| e.llm.as_ref().err().copied()),
        }
    }

    fn summarize(&self, job: Job) -> BoxFuture<'_, Result<Output, ProviderError>> {
        Box::pin(self.run(job))
    }
}
