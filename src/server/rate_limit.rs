//! Per-person rate limit on the summarize endpoints (tower_governor), keyed on the API key for
//! scripts (each key has its own budget, as a person does), on the person's id for browsers, or
//! on the client's IP when the request carries no valid id (so that dropping cookies does not
//! reset the limit).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::response::IntoResponse;
use governor::middleware::NoOpMiddleware;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use super::config::RateLimitSettings;
use super::error::AppError;
use super::identity::{Identity, UserId, Via};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RateKey {
    Key(i64),
    User(UserId),
    Ip(IpAddr),
}

#[derive(Debug, Clone, Copy)]
pub struct PersonKey;

impl KeyExtractor for PersonKey {
    type Key = RateKey;

    fn extract<T>(&self, req: &Request<T>) -> Result<Self::Key, GovernorError> {
        if let Some(identity) = req.extensions().get::<Identity>() {
            match identity.via {
                Via::ApiKey(key) => return Ok(RateKey::Key(key)),
                Via::Session(_) | Via::Anonymous { fresh: false } => {
                    return Ok(RateKey::User(identity.user.clone()))
                }
                Via::Anonymous { fresh: true } => {}
            }
        }
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| RateKey::Ip(addr.ip()))
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

pub type Config = GovernorConfig<PersonKey, NoOpMiddleware<governor::clock::QuantaInstant>>;

/// The shared limiter state: every layer built from it counts against the same buckets.
#[derive(Clone)]
pub struct RateLimiter {
    config: Arc<Config>,
    settings: RateLimitSettings,
}

impl RateLimiter {
    pub fn new(settings: RateLimitSettings) -> Self {
        let period_ms = (60_000 / u64::from(settings.per_minute.max(1))).max(1);
        let config = GovernorConfigBuilder::default()
            .per_millisecond(period_ms)
            .burst_size(settings.burst.max(1))
            .key_extractor(PersonKey)
            .finish()
            .map(Arc::new)
            .expect("period and burst are non-zero, which is all governor checks");
        Self { config, settings }
    }

    pub fn layer(
        &self,
    ) -> GovernorLayer<PersonKey, NoOpMiddleware<governor::clock::QuantaInstant>, Body> {
        let settings = self.settings;
        GovernorLayer::new(self.config.clone()).error_handler(move |e| {
            match e {
                GovernorError::TooManyRequests { wait_time, .. } => AppError::RateLimited {
                    retry_after: wait_time.max(1),
                    burst: settings.burst,
                    per_minute: settings.per_minute,
                },
                other => AppError::Internal(format!("rate limiter: {other}")),
            }
            .into_response()
        })
    }

    /// Forgets idle buckets now and then, so memory stays flat with many one-off visitors.
    pub fn spawn_cleanup(&self) -> tokio::task::JoinHandle<()> {
        let limiter = self.config.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limiter.limiter().retain_recent();
                limiter.limiter().shrink_to_fit();
            }
        })
    }
}
