//! HTTP client for the HuggingFace Inference API: one pooled connection set, a bounded number of
//! calls in flight (the rest wait their turn), and a timeout tied to the request's max_time.

use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use tokio::sync::Semaphore;

use super::wire::{classify_failure, parse_success, HfRequest};
use crate::domain::models::{custom_hf_model, ModelInfo, ProviderKind};
use crate::domain::settings::Lang;
use crate::server::config::{HfSettings, Secret};
use crate::server::providers::{Job, Output, ProviderError, SummaryProvider};

/// Extra time granted beyond max_time for the network and the model's start.
const GRACE: Duration = Duration::from_secs(10);

pub struct HuggingFace {
    http: reqwest::Client,
    base_url: String,
    token: Secret,
    slots: Arc<Semaphore>,
    queue_timeout: Duration,
    default_timeout: Duration,
}

impl HuggingFace {
    pub fn new(
        settings: &HfSettings,
        token: Secret,
        queue_timeout: Duration,
    ) -> reqwest::Result<Self> {
        let http = reqwest::Client::builder()
            .user_agent(concat!("precis/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .pool_idle_timeout(Duration::from_secs(90))
            .pool_max_idle_per_host(settings.max_concurrency)
            .tcp_nodelay(true)
            .build()?;
        Ok(Self {
            http,
            base_url: settings.base_url.clone(),
            token,
            slots: Arc::new(Semaphore::new(settings.max_concurrency)),
            queue_timeout,
            default_timeout: settings.timeout,
        })
    }

    /// max_time plus a grace period, capped by the operator's HF_TIMEOUT_SECS. A model told to
    /// wait for loading may need the whole cap.
    fn timeout_for(&self, job: &Job) -> Duration {
        match job.params.max_time {
            Some(t) if !job.params.wait_for_model => {
                (Duration::from_secs_f64(t) + GRACE).min(self.default_timeout)
            }
            _ => self.default_timeout,
        }
    }

    async fn call(&self, job: Job) -> Result<Output, ProviderError> {
        let _slot = tokio::time::timeout(self.queue_timeout, self.slots.acquire())
            .await
            .map_err(|_| ProviderError::Busy { retry_after: 5 })?
            .map_err(|_| ProviderError::Internal("upstream slots closed".into()))?;

        let timeout = self.timeout_for(&job);
        let url = format!("{}/models/{}", self.base_url, job.model);
        let body = HfRequest::new(&job.text, &job.params, job.truncate);
        let sent = self
            .http
            .post(&url)
            .bearer_auth(self.token.expose())
            .json(&body)
            .timeout(timeout)
            .send()
            .await;
        let as_failure = |e: reqwest::Error| {
            if e.is_timeout() {
                ProviderError::Timeout {
                    after_secs: timeout.as_secs(),
                }
            } else if e.is_decode() || e.is_body() {
                ProviderError::BadResponse(e.to_string())
            } else {
                ProviderError::Unreachable(e)
            }
        };
        let response = sent.map_err(as_failure)?;
        let status = response.status();
        let retry_after = retry_after(response.headers());
        let bytes = response.bytes().await.map_err(as_failure)?;
        tracing::debug!(model = %job.model, status = status.as_u16(), bytes = bytes.len(), "huggingface answered");
        if status.is_success() {
            Ok(Output {
                partial: false,
                summary: parse_success(&bytes)?,
            })
        } else {
            Err(classify_failure(status.as_u16(), retry_after, &bytes))
        }
    }
}

fn retry_after(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

impl SummaryProvider for HuggingFace {
    fn kind(&self) -> ProviderKind {
        ProviderKind::HuggingFace
    }

    fn models(&self, lang: Lang) -> Vec<ModelInfo> {
        super::known_models(lang)
    }

    fn describe_other(&self, model: &str) -> Option<ModelInfo> {
        // Ids under "local/" belong to the embedded engine, never to HuggingFace.
        (!model.starts_with("local/")).then(|| custom_hf_model(model))
    }

    fn summarize(&self, job: Job) -> BoxFuture<'_, Result<Output, ProviderError>> {
        Box::pin(self.call(job))
    }
}
