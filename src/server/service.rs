//! The summarize use case: validate, route to a provider, retry once while a model warms up,
//! record the outcome. REST handlers and server functions both call this.

use std::time::{SystemTime, UNIX_EPOCH};

use super::error::AppError;
use super::history::{History, Record};
use super::identity::UserId;
use std::sync::Arc;

use super::longdoc::{self, needs_split};
use super::providers::catalog::Providers;
use super::providers::{Job, Output, ProviderError, SummaryProvider, TokenSink};
use crate::domain::models::{ModelInfo, ProviderKind};
use crate::domain::params::SummaryParams;
use crate::domain::settings::Lang;
use crate::domain::stream::Stage;
use crate::domain::summary::{SummarizeRequest, Summary};

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
        self.summarize_streaming(user, request, on_loading, TokenSink::default())
            .await
    }

    /// [`summarize`](Self::summarize), sending progress and generated text to `sink` as it goes.
    pub async fn summarize_streaming(
        &self,
        user: &UserId,
        request: SummarizeRequest,
        on_loading: OnLoading,
        sink: TokenSink,
    ) -> Result<Summary, AppError> {
        let started = now_ms();
        let clock = std::time::Instant::now();
        let requested_model = request
            .model
            .clone()
            .unwrap_or_else(|| self.providers.catalog(Lang::En).default_model.clone());

        let attempt = self.attempt(&request, on_loading, &sink).await;
        let completed = started + clock.elapsed().as_millis() as i64;

        let (model, provider, params, truncated, partial, parts) = match &attempt {
            Ok(done) | Err((Some(done), _)) => (
                done.model.clone(),
                Some(done.provider),
                done.params,
                done.truncated,
                done.partial,
                done.parts,
            ),
            Err((None, _)) => (requested_model, None, request.parameters, false, false, 1),
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
                partial,
                parts,
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
                partial,
                parts,
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
        sink: &TokenSink,
    ) -> Result<Done, (Option<Done>, AppError)> {
        request.validate().map_err(|e| (None, e.into()))?;
        let (info, provider) =
            self.providers
                .resolve(request.model.as_deref())
                .map_err(|reason| {
                    let model = request.model.clone().unwrap_or_default();
                    (None, AppError::ModelUnavailable { model, reason })
                })?;
        let params = request.parameters.retain(&info.honours);
        let mut done = Done {
            model: info.id.clone(),
            provider: provider.kind(),
            params,
            truncated: false,
            partial: false,
            parts: 1,
            summary: String::new(),
        };
        let run = Run {
            provider,
            info: &info,
            params,
            on_loading,
            sink,
        };
        match run.in_parts(&request.text, &mut done).await {
            Ok(()) => Ok(done),
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

/// One request on its way through a provider.
struct Run<'a> {
    provider: Arc<dyn SummaryProvider>,
    info: &'a ModelInfo,
    params: SummaryParams,
    on_loading: OnLoading,
    sink: &'a TokenSink,
}

impl Run<'_> {
    /// The whole text at once when it fits the window; else map-reduce ([`longdoc`]).
    async fn in_parts(&self, text: &str, done: &mut Done) -> Result<(), ProviderError> {
        let window = self.info.input_window;
        let mut current = text.to_string();
        let mut partial = false;
        for level in 0..longdoc::MAX_LEVELS {
            if !needs_split(&current, window) {
                if level > 0 {
                    self.sink.progress(Stage::Combining { parts: done.parts });
                }
                let out = self.call(&current, false).await?;
                done.summary = out.summary;
                done.partial = partial || out.partial;
                return Ok(());
            }
            let parts = longdoc::split(&current, window.unwrap_or(u32::MAX) as usize);
            let of = parts.len() as u32;
            if level == 0 {
                done.parts = of;
            }
            let mut summaries = Vec::with_capacity(parts.len());
            for (i, part) in parts.iter().enumerate() {
                self.sink.progress(Stage::Part {
                    part: i as u32 + 1,
                    of,
                });
                let out = self.call(part, false).await?;
                partial |= out.partial;
                summaries.push(out.summary);
            }
            current = summaries.join("\n\n");
        }
        // Still longer than the window after every level: the model reads what fits.
        self.sink.progress(Stage::Combining { parts: done.parts });
        let out = self.call(&current, true).await?;
        done.summary = out.summary;
        done.partial = partial || out.partial;
        done.truncated = true;
        Ok(())
    }

    /// One call to the provider, retried once with `wait_for_model` while a model warms up
    /// (when asked to).
    async fn call(&self, text: &str, truncate: bool) -> Result<Output, ProviderError> {
        let mut job = Job {
            model: self.info.id.clone(),
            text: text.to_string(),
            params: self.params,
            truncate,
            sink: self.sink.clone(),
        };
        let mut result = self.provider.summarize(job.clone()).await;
        if let Err(ProviderError::Loading { estimated_time }) = &result {
            if self.on_loading == OnLoading::RetryOnce && !job.params.wait_for_model {
                tracing::info!(model = %self.info.id, ?estimated_time, "model loading upstream; retrying once with wait_for_model");
                job.params.wait_for_model = true;
                result = self.provider.summarize(job).await;
            }
        }
        result
    }
}

struct Done {
    model: String,
    provider: ProviderKind,
    params: crate::domain::params::SummaryParams,
    truncated: bool,
    partial: bool,
    parts: u32,
    summary: String,
}
