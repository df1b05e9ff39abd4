//! The embedded engine: runs inside Precis with no token and no network.
//! CPU work runs on tokio's blocking pool, at most `workers` jobs at once; the rest wait in line
//! for up to the queue timeout, then are told Precis is busy.

pub mod sentences;
pub mod textrank;

use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use tokio::sync::Semaphore;

use crate::domain::models::{ModelInfo, ProviderKind, LOCAL_TEXTRANK};
use crate::domain::params::{LengthPreset, Param};
use crate::server::providers::{Job, Output, ProviderError, SummaryProvider};

pub struct LocalEngine {
    workers: Arc<Semaphore>,
    queue_timeout: Duration,
}

impl LocalEngine {
    pub fn new(workers: usize, queue_timeout: Duration) -> Self {
        Self {
            workers: Arc::new(Semaphore::new(workers.max(1))),
            queue_timeout,
        }
    }

    async fn run(&self, job: Job) -> Result<Output, ProviderError> {
        if job.model != LOCAL_TEXTRANK {
            return Err(ProviderError::Internal(format!(
                "unknown local model {}",
                job.model
            )));
        }
        let _permit =
            tokio::time::timeout(self.queue_timeout, self.workers.clone().acquire_owned())
                .await
                .map_err(|_| ProviderError::Busy { retry_after: 5 })?
                .map_err(|_| ProviderError::Internal("worker pool closed".into()))?;
        let (default_min, default_max) = LengthPreset::Medium.lengths();
        let opts = textrank::ExtractOptions {
            min_tokens: job.params.min_length.unwrap_or(default_min) as usize,
            max_tokens: job.params.max_length.unwrap_or(default_max) as usize,
        };
        let extract = tokio::task::spawn_blocking(move || textrank::summarize(&job.text, &opts))
            .await
            .map_err(|e| ProviderError::Internal(format!("extractive worker: {e}")))?;
        Ok(Output {
            summary: extract.text,
        })
    }
}

impl SummaryProvider for LocalEngine {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Local
    }

    fn models(&self) -> Vec<ModelInfo> {
        vec![ModelInfo {
            id: LOCAL_TEXTRANK.to_string(),
            label: "Local · TextRank extract".to_string(),
            provider: ProviderKind::Local,
            description: "Runs inside Precis, no internet needed: picks the most central \
                          sentences of your text, word for word."
                .to_string(),
            input_window: None,
            honours: vec![Param::MinLength, Param::MaxLength],
            ignores_reason: "Not used by this model: it picks sentences from your text rather \
                             than writing new words."
                .to_string(),
            experimental: false,
        }]
    }

    fn summarize(&self, job: Job) -> BoxFuture<'_, Result<Output, ProviderError>> {
        Box::pin(self.run(job))
    }
}
