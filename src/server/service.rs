//! The summarize use case: validate, route to a provider, retry once while a model warms up,
//! record the outcome. REST handlers and server functions both call this.

use std::time::{SystemTime, UNIX_EPOCH};

use super::error::AppError;
use super::history::{History, Record};
use super::identity::UserId;
use super::providers::catalog::Providers;
use super::providers::{Job, ProviderError};
use crate::domain::models::ProviderKind;
use crate::domain::summary::{SummarizeRequest, Summary};
use crate::domain::text::estimate_tokens;

/// What to do when HuggingFace answers "model loading".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnLoading {
    /// Ask again at once with `wait_for_model`, so HuggingFace holds the request until the model
    /// is up (scripts get their summary in one call).
    RetryOnce,
    /// Report it: the page shows a countdown, then sends the retry itself.
    Report,
}

#[derive(Clone)]
pub struct Summarizer {
    providers: Providers,
    history: History,
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

impl Summarizer {
    pub fn new(providers: Providers, history: History) -> Self {
        Self { providers, history }
    }

    pub fn providers(&self) -> &Providers {
        &self.providers
    }

    pub async fn summarize(
        &self,
        user: &UserId,
        request: SummarizeRequest,
        on_loading: OnLoading,
    ) -> Result<Summary, AppError> {
        let started = now_ms();
        let clock = std::time::Instant::now();
        let requested_model = request
            .model
            .clone()
            .unwrap_or_else(|| self.providers.catalog().default_model.clone());

        let attempt = self.attempt(&request, on_loading).await;
        let completed = started + clock.elapsed().as_millis() as i64;

        let (model, provider, params, truncated) = match &attempt {
            Ok(done) | Err((Some(done), _)) => (
                done.model.clone(),
                Some(done.provider),
                done.params,
                done.truncated,
            ),
            Err((None, _)) => (requested_model, None, request.parameters, false),
        };
        let outcome = match &attempt {
            Ok(done) => Ok(done.summary.clone()),
            Err((_, e)) => Err(e.code().as_str()),
        };
        let id = self
            .history
            .record(Record {
                user: user.clone(),
                created_at: started,
                completed_at: completed,
                model: model.clone(),
                provider,
                text: request.text.clone(),
                parameters: params,
                truncated,
                outcome,
            })
            .await?;

        match attempt {
            Ok(done) => Ok(Summary {
                id,
                model,
                provider: done.provider,
                text: request.text,
                summary: done.summary,
                parameters: params,
                truncated,
                created_at: started,
                latency_ms: (completed - started).max(0) as u64,
            }),
            Err((_, e)) => Err(e),
        }
    }

    /// Runs the request; on failure also returns how far it got (for the record).
    async fn attempt(
        &self,
        request: &SummarizeRequest,
        on_loading: OnLoading,
    ) -> Result<Done, (Option<Done>, AppError)> {
        request.validate().map_err(|e| (None, e.into()))?;
        let (info, provider) = self
            .providers
            .resolve(request.model.as_deref())
            .map_err(|u| {
                let model = request.model.clone().unwrap_or_default();
                (None, AppError::ModelUnavailable { model, reason: u.0 })
            })?;
        let params = request.parameters.retain(&info.honours);
        let truncated = info
            .input_window
            .is_some_and(|window| estimate_tokens(&request.text) > window as usize);
        let mut done = Done {
            model: info.id.clone(),
            provider: provider.kind(),
            params,
            truncated,
            summary: String::new(),
        };
        let mut job = Job {
            model: info.id.clone(),
            text: request.text.clone(),
            params,
            truncate: truncated,
        };
        let mut result = provider.summarize(job.clone()).await;
        if let Err(ProviderError::Loading { estimated_time }) = &result {
            if on_loading == OnLoading::RetryOnce && !job.params.wait_for_model {
                tracing::info!(model = %info.id, ?estimated_time, "model loading upstream; retrying once with wait_for_model");
                job.params.wait_for_model = true;
                result = provider.summarize(job).await;
            }
        }
        match result {
            Ok(output) => {
                done.summary = output.summary;
                Ok(done)
            }
            Err(source) => Err((
                Some(done),
                AppError::Provider {
                    model: info.id,
                    source,
                },
            )),
        }
    }
}

struct Done {
    model: String,
    provider: ProviderKind,
    params: crate::domain::params::SummaryParams,
    truncated: bool,
    summary: String,
}
