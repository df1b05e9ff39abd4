//! Settings, read once from the environment at start-up (see README, "Configuration").

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Where the HuggingFace Inference API lives unless `HF_BASE_URL` says otherwise.
pub const DEFAULT_HF_BASE_URL: &str = "https://router.huggingface.co/hf-inference";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is set to {value:?}, which is not {expected}")]
    Invalid {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
}

/// A secret that never shows up in logs or `Debug` output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// `LEPTOS_SITE_ADDR`; port 0 picks a free port (tests).
    pub addr: SocketAddr,
    /// `LEPTOS_SITE_ROOT`: the folder with `pkg/` (wasm, js, css) and public files.
    pub site_root: PathBuf,
    /// `PRECIS_DATA_DIR`: the database and the cookie key live here unless said otherwise.
    pub data_dir: PathBuf,
    /// `DATABASE_URL`, default `sqlite://{data_dir}/precis.db`.
    pub database_url: String,
    /// `PRECIS_SQLITE_SYNCHRONOUS`: `normal` (default; a commit survives the process being
    /// killed) or `full` (it survives a power cut too, one sync per commit).
    pub durability: crate::server::db::Durability,
    /// `PRECIS_COOKIE_SECRET` (at least 64 bytes); default: a key generated once and kept in
    /// `{data_dir}/cookie.key`, so that people keep their history across restarts.
    pub cookie_secret: Option<Secret>,
    /// `PRECIS_COOKIE_SECURE`: mark cookies Secure (set when served over HTTPS).
    pub cookie_secure: bool,
    pub hf: HfSettings,
    pub rate_limit: RateLimitSettings,
    /// `PRECIS_LOCAL_WORKERS`: local summaries computed at once (default: the number of cores).
    pub local_workers: usize,
    /// `PRECIS_QUEUE_TIMEOUT_SECS`: how long a request may wait for a free upstream slot
    /// before it is told Precis is busy.
    pub queue_timeout: Duration,
    pub engine: EngineSettings,
    pub auth: AuthSettings,
    /// The knowledge base and its two services.
    pub ask: crate::server::ask::settings::AskSettings,
    /// Sort's classifier (handwritten or typed), and who may train it (`PRECIS_OPERATORS`).
    pub sort: crate::server::sort::settings::SortSettings,
}

#[derive(Debug, Clone, Copy)]
pub struct AuthSettings {
    /// `PRECIS_ALLOW_ANONYMOUS` (default true): people may summarize without an account (their
    /// history is kept for their browser and moves into the account they create).
    pub anonymous_allowed: bool,
    /// `PRECIS_SESSION_DAYS` (default 30): how long a sign-in lasts.
    pub session_lifetime: Duration,
    pub login: LoginLimitSettings,
}

#[derive(Debug, Clone, Copy)]
pub struct LoginLimitSettings {
    /// `PRECIS_LOGIN_ACCOUNT_BURST` (default 10): sign-in attempts on one account back to back;
    /// then one more per `account_every` (a minute).
    pub account_burst: u32,
    pub account_every: Duration,
    /// `PRECIS_LOGIN_IP_BURST` (default 30): sign-in and sign-up attempts from one address back to
    /// back; then one more per `ip_every` (6 seconds).
    pub ip_burst: u32,
    pub ip_every: Duration,
}

#[derive(Debug, Clone)]
pub struct EngineSettings {
    /// `PRECIS_MODELS_DIR` (default `models`): the weights `scripts/models.sh` fetches, and any
    /// other llama/qwen2 GGUF file to offer.
    pub models_dir: PathBuf,
    /// `PRECIS_INFERENCE_QUEUE` (default 64): local jobs that may wait for a worker; when full,
    /// people are told Precis is busy (503 + Retry-After).
    pub queue: usize,
    /// `PRECIS_EMBED_BATCHING` (default on): embed concurrent requests together.
    pub batching: bool,
    /// `PRECIS_HF_MODELS`: comma-separated HuggingFace models to fetch at start-up
    /// (`owner/repo/file.gguf` language models, `owner/repo` sentence-transformers).
    pub hub_models: Vec<String>,
    /// `PRECIS_PRELOAD_MODELS` (default on): load the language models' weights at start-up
    /// rather than on first use.
    pub preload: bool,
}

#[derive(Debug, Clone)]
pub struct HfSettings {
    /// `HF_BASE_URL`; requests go to `{base}/models/{model_id}`.
    pub base_url: String,
    /// `HF_TOKEN`; without it only the local models are offered.
    pub token: Option<Secret>,
    /// `HF_MAX_CONCURRENCY`: upstream requests in flight at once; the rest queue.
    pub max_concurrency: usize,
    /// `HF_TIMEOUT_SECS`: upper bound of one upstream call when the request sets no max_time.
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy)]
pub struct RateLimitSettings {
    /// `PRECIS_RATE_LIMIT_PER_MINUTE`: sustained summaries per minute for one person.
    pub per_minute: u32,
    /// `PRECIS_RATE_LIMIT_BURST`: summaries one person may send back to back.
    pub burst: u32,
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Builds settings from any source of variables (tests pass a map).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let ask = crate::server::ask::settings::AskSettings::from_lookup(&get)?;
        let sort = crate::server::sort::settings::SortSettings::from_lookup(&get)?;
        let number = |name: &'static str, default: u64| -> Result<u64, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => v.trim().parse().map_err(|_| ConfigError::Invalid {
                    name,
                    value: v,
                    expected: "a whole number",
                }),
            }
        };
        let positive = |name: &'static str, default: u64| -> Result<u64, ConfigError> {
            match number(name, default)? {
                0 => Err(ConfigError::Invalid {
                    name,
                    value: "0".into(),
                    expected: "a number above zero",
                }),
                n => Ok(n),
            }
        };

        let addr_text = get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr = addr_text.parse().map_err(|_| ConfigError::Invalid {
            name: "LEPTOS_SITE_ADDR",
            value: addr_text.clone(),
            expected: "an address such as 127.0.0.1:3000",
        })?;
        let data_dir = PathBuf::from(get("PRECIS_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = get("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("precis.db").display()));
        let durability = match get("PRECIS_SQLITE_SYNCHRONOUS") {
            None => Default::default(),
            Some(v) => crate::server::db::Durability::parse(&v).ok_or(ConfigError::Invalid {
                name: "PRECIS_SQLITE_SYNCHRONOUS",
                value: v,
                expected: "normal or full",
            })?,
        };
        let flag = |name: &'static str, default: bool| -> Result<bool, ConfigError> {
            match get(name).as_deref() {
                None => Ok(default),
                Some("0" | "false" | "no" | "off") => Ok(false),
                Some("1" | "true" | "yes" | "on") => Ok(true),
                Some(other) => Err(ConfigError::Invalid {
                    name,
                    value: other.into(),
                    expected: "true or false",
                }),
            }
        };
        let cookie_secure = flag("PRECIS_COOKIE_SECURE", false)?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());

        Ok(Self {
            addr,
            site_root: PathBuf::from(
                get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            ),
            data_dir,
            database_url,
            durability,
            cookie_secret: get("PRECIS_COOKIE_SECRET").map(Secret::new),
            cookie_secure,
            hf: HfSettings {
                base_url: get("HF_BASE_URL")
                    .unwrap_or_else(|| DEFAULT_HF_BASE_URL.into())
                    .trim_end_matches('/')
                    .to_string(),
                token: get("HF_TOKEN").map(Secret::new),
                max_concurrency: positive("HF_MAX_CONCURRENCY", 64)? as usize,
                timeout: Duration::from_secs(positive("HF_TIMEOUT_SECS", 60)?),
            },
            rate_limit: RateLimitSettings {
                per_minute: positive("PRECIS_RATE_LIMIT_PER_MINUTE", 20)?.min(u32::MAX as u64)
                    as u32,
                burst: positive("PRECIS_RATE_LIMIT_BURST", 5)?.min(u32::MAX as u64) as u32,
            },
            local_workers: positive("PRECIS_LOCAL_WORKERS", cores as u64)? as usize,
            queue_timeout: Duration::from_secs(positive("PRECIS_QUEUE_TIMEOUT_SECS", 30)?),
            engine: EngineSettings {
                models_dir: PathBuf::from(
                    get("PRECIS_MODELS_DIR").unwrap_or_else(|| "models".into()),
                ),
                queue: positive("PRECIS_INFERENCE_QUEUE", 64)? as usize,
                batching: flag("PRECIS_EMBED_BATCHING", true)?,
                hub_models: get("PRECIS_HF_MODELS")
                    .map(|v| comma_list(&v))
                    .unwrap_or_default(),
                preload: flag("PRECIS_PRELOAD_MODELS", true)?,
            },
            auth: AuthSettings {
                anonymous_allowed: flag("PRECIS_ALLOW_ANONYMOUS", true)?,
                session_lifetime: Duration::from_secs(
                    positive("PRECIS_SESSION_DAYS", 30)?.min(3650) * 24 * 3600,
                ),
                login: LoginLimitSettings {
                    account_burst: positive("PRECIS_LOGIN_ACCOUNT_BURST", 10)?.min(u32::MAX as u64)
                        as u32,
                    account_every: Duration::from_secs(60),
                    ip_burst: positive("PRECIS_LOGIN_IP_BURST", 30)?.min(u32::MAX as u64) as u32,
                    ip_every: Duration::from_secs(6),
                },
            },
            ask,
            sort,
        })
    }
}

/// A comma-separated list in a variable: `"a, b,,c"` is `["a", "b", "c"]`.
pub(crate) fn comma_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn a_comma_list_drops_blanks_and_spaces() {
        assert_eq!(comma_list(" a, b,,c ,"), ["a", "b", "c"]);
        assert!(comma_list(" , ").is_empty());
    }

    #[test]
    fn defaults_run_locally_without_a_token() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.addr.to_string(), "127.0.0.1:3000");
        assert!(s.hf.token.is_none());
        assert_eq!(s.hf.base_url, DEFAULT_HF_BASE_URL);
        assert_eq!(s.database_url, "sqlite://data/precis.db");
        assert_eq!(s.durability, crate::server::db::Durability::Normal);
    }

    #[test]
    fn reads_every_variable() {
        let s = settings(&[
            ("LEPTOS_SITE_ADDR", "0.0.0.0:8080"),
            ("HF_TOKEN", "hf_abc"),
            ("HF_BASE_URL", "http://127.0.0.1:9/"),
            ("PRECIS_RATE_LIMIT_BURST", "3"),
            ("PRECIS_DATA_DIR", "/var/lib/precis"),
            ("PRECIS_SQLITE_SYNCHRONOUS", "FULL"),
        ])
        .unwrap();
        assert_eq!(s.durability, crate::server::db::Durability::Full);
        assert_eq!(s.addr.port(), 8080);
        assert_eq!(s.hf.token.as_ref().map(Secret::expose), Some("hf_abc"));
        assert_eq!(s.hf.base_url, "http://127.0.0.1:9");
        assert_eq!(s.rate_limit.burst, 3);
        assert_eq!(s.database_url, "sqlite:///var/lib/precis/precis.db");
    }

    #[test]
    fn rejects_nonsense_with_the_variable_name() {
        let e = settings(&[("PRECIS_RATE_LIMIT_BURST", "lots")]).unwrap_err();
        assert!(e.to_string().contains("PRECIS_RATE_LIMIT_BURST"));
        assert!(settings(&[("HF_MAX_CONCURRENCY", "0")]).is_err());
        assert!(settings(&[("LEPTOS_SITE_ADDR", "localhost")]).is_err());
        let e = settings(&[("PRECIS_SQLITE_SYNCHRONOUS", "off")]).unwrap_err();
        assert!(e.to_string().contains("PRECIS_SQLITE_SYNCHRONOUS"), "{e}");
    }

    #[test]
    fn token_is_not_printed() {
        let s = settings(&[("HF_TOKEN", "hf_secret")]).unwrap();
        assert!(!format!("{s:?}").contains("hf_secret"));
    }
}
