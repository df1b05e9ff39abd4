//! The Ask services' settings, read with the rest at start-up (see README, "Configuration").

use super::answer::remote::RemoteModel;
use precis_knowledge::fusion::Fusion;

use super::retrieve::{Floor, Retrieval};
use super::{PassageSize, Services};
use crate::server::config::{comma_list, ConfigError, RateLimitSettings, Secret};

/// HuggingFace's OpenAI-compatible chat API (`PRECIS_ASK_HF_URL` overrides it).
pub const HF_CHAT_URL: &str = "https://router.huggingface.co/v1";

#[derive(Debug, Clone)]
pub struct AskSettings {
    /// `PRECIS_SERVICES`: `all` (default), `ingest`, `ask` or `classifier`.
    pub services: Services,
    /// `PRECIS_KNOWLEDGE_URL`: a `postgres://` URL puts the knowledge base in PostgreSQL +
    /// pgvector; by default it lives in Precis's own SQLite file (sqlite-vec).
    pub store_url: Option<String>,
    pub passages: PassageSize,
    pub retrieval: Retrieval,
    /// `PRECIS_ASK_RATE_LIMIT_PER_MINUTE` (60) and `PRECIS_ASK_RATE_LIMIT_BURST` (20): questions
    /// and documents added by one person.
    pub rate_limit: RateLimitSettings,
    /// Language models behind OpenAI-compatible chat APIs: `PRECIS_ASK_LLM_MODELS` on
    /// `PRECIS_ASK_LLM_URL` (key: `PRECIS_ASK_LLM_KEY`), and `PRECIS_ASK_HF_MODELS` on
    /// HuggingFace's router with `HF_TOKEN`.
    pub remote: Vec<RemoteModel>,
    /// `PRECIS_ASK_LLM_TIMEOUT_SECS` (120): the longest a whole answer of the operator's server
    /// may take (HuggingFace's models have `HF_TIMEOUT_SECS`).
    pub llm_timeout: std::time::Duration,
    /// `PRECIS_ASK_MODEL`: who writes answers when a question names nobody (`extractive`
    /// unless set).
    pub default_model: Option<String>,
}

impl AskSettings {
    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let number = |name: &'static str, default: u64, min: u64| -> Result<u64, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => match v.trim().parse::<u64>() {
                    Ok(n) if n >= min => Ok(n),
                    _ => Err(ConfigError::Invalid {
                        name,
                        value: v,
                        expected: if min == 0 {
                            "a whole number"
                        } else {
                            "a whole number above zero"
                        },
                    }),
                },
            }
        };
        let share = |name: &'static str, default: f32| -> Result<f32, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => match v.trim().parse::<f32>() {
                    Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
                    _ => Err(ConfigError::Invalid {
                        name,
                        value: v,
                        expected: "a number from 0 to 1",
                    }),
                },
            }
        };
        let weight = |name: &'static str, default: f32| -> Result<f32, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => match v.trim().parse::<f32>() {
                    Ok(x) if x.is_finite() && (0.0..=100.0).contains(&x) => Ok(x),
                    _ => Err(ConfigError::Invalid {
                        name,
                        value: v,
                        expected: "a number from 0 to 100",
                    }),
                },
            }
        };
        let services = match get("PRECIS_SERVICES") {
            None => Services::All,
            Some(v) => Services::parse(&v).ok_or(ConfigError::Invalid {
                name: "PRECIS_SERVICES",
                value: v,
                expected: "all, ingest, ask or classifier",
            })?,
        };
        let tokens = number(
            "PRECIS_PASSAGE_TOKENS",
            PassageSize::default().tokens as u64,
            16,
        )?;
        let overlap = number(
            "PRECIS_PASSAGE_OVERLAP",
            PassageSize::default().overlap as u64,
            0,
        )?;
        if overlap >= tokens {
            return Err(ConfigError::Invalid {
                name: "PRECIS_PASSAGE_OVERLAP",
                value: overlap.to_string(),
                expected: "fewer tokens than PRECIS_PASSAGE_TOKENS",
            });
        }
        let list = |name: &str| get(name).map(|v| comma_list(&v)).unwrap_or_default();
        let mut remote = Vec::new();
        let server_models = list("PRECIS_ASK_LLM_MODELS");
        match get("PRECIS_ASK_LLM_URL") {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                let key = get("PRECIS_ASK_LLM_KEY").map(Secret::new);
                for name in &server_models {
                    let model = RemoteModel::on_server(name, &url, key.clone());
                    if crate::domain::models::check_model_id(&model.id).is_err()
                        || remote.iter().any(|m: &RemoteModel| m.id == model.id)
                    {
                        return Err(ConfigError::Invalid {
                            name: "PRECIS_ASK_LLM_MODELS",
                            value: name.clone(),
                            expected: "the server's model names, comma-separated, each once",
                        });
                    }
                    remote.push(model);
                }
            }
            Some(url) => {
                return Err(ConfigError::Invalid {
                    name: "PRECIS_ASK_LLM_URL",
                    value: url,
                    expected: "an http:// or https:// URL (the API's /v1)",
                })
            }
            None if !server_models.is_empty() => {
                return Err(ConfigError::Invalid {
                    name: "PRECIS_ASK_LLM_MODELS",
                    value: server_models.join(","),
                    expected: "set together with PRECIS_ASK_LLM_URL",
                })
            }
            None => {}
        }
        let hf_models = list("PRECIS_ASK_HF_MODELS");
        match get("HF_TOKEN").filter(|t| !t.trim().is_empty()) {
            Some(token) => {
                let base = get("PRECIS_ASK_HF_URL").unwrap_or_else(|| HF_CHAT_URL.to_string());
                for id in &hf_models {
                    if crate::domain::models::check_model_id(id).is_err() {
                        return Err(ConfigError::Invalid {
                            name: "PRECIS_ASK_HF_MODELS",
                            value: id.clone(),
                            expected: "HuggingFace model ids (owner/name), comma-separated",
                        });
                    }
                    let token = Secret::new(token.clone());
                    remote.push(RemoteModel::on_huggingface(id, &base, token));
                }
            }
            None if !hf_models.is_empty() => {
                return Err(ConfigError::Invalid {
                    name: "PRECIS_ASK_HF_MODELS",
                    value: hf_models.join(","),
                    expected: "set together with HF_TOKEN",
                })
            }
            None => {}
        }
        let floor = Floor::default();
        let fusion = Retrieval::default().fusion;
        let small = |n: u64| n.min(u32::MAX as u64) as u32;
        Ok(Self {
            services,
            store_url: get("PRECIS_KNOWLEDGE_URL"),
            passages: PassageSize {
                tokens: tokens as usize,
                overlap: overlap as usize,
            },
            retrieval: Retrieval {
                floor: Floor {
                    min_cosine: share("PRECIS_ASK_MIN_SIMILARITY", floor.min_cosine)?,
                    min_coverage: share("PRECIS_ASK_MIN_COVERAGE", floor.min_coverage)?,
                },
                fusion: Fusion {
                    keyword: weight("PRECIS_ASK_KEYWORD_WEIGHT", fusion.keyword)?,
                    ..fusion
                },
                ..Retrieval::default()
            },
            rate_limit: RateLimitSettings {
                per_minute: small(number("PRECIS_ASK_RATE_LIMIT_PER_MINUTE", 60, 1)?),
                burst: small(number("PRECIS_ASK_RATE_LIMIT_BURST", 20, 1)?),
            },
            remote,
            llm_timeout: std::time::Duration::from_secs(number(
                "PRECIS_ASK_LLM_TIMEOUT_SECS",
                120,
                1,
            )?),
            default_model: get("PRECIS_ASK_MODEL"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(vars: &[(&str, &str)]) -> Result<AskSettings, ConfigError> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        AskSettings::from_lookup(&|k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn defaults_run_everything_embedded() {
        let s = read(&[]).unwrap();
        assert_eq!(s.services, Services::All);
        assert_eq!(s.store_url, None);
        assert_eq!(s.passages, PassageSize::default());
        assert_eq!(s.retrieval, Retrieval::default());
        assert_eq!(s.rate_limit.burst, 20);
    }

    #[test]
    fn every_variable_is_read_and_checked() {
        let s = read(&[
            ("PRECIS_SERVICES", "Ingest"),
            ("PRECIS_KNOWLEDGE_URL", "postgres://db/precis"),
            ("PRECIS_PASSAGE_TOKENS", "128"),
            ("PRECIS_PASSAGE_OVERLAP", "0"),
            ("PRECIS_ASK_MIN_SIMILARITY", "0.5"),
            ("PRECIS_ASK_KEYWORD_WEIGHT", "1.5"),
        ])
        .unwrap();
        assert_eq!(s.retrieval.fusion.keyword, 1.5);
        assert_eq!(s.retrieval.fusion.dense, 1.0);
        assert_eq!(s.services, Services::Ingest);
        assert_eq!(s.store_url.as_deref(), Some("postgres://db/precis"));
        assert_eq!(s.passages.tokens, 128);
        assert_eq!(s.retrieval.floor.min_cosine, 0.5);
        let s = read(&[
            ("PRECIS_ASK_LLM_URL", "http://ollama:11434/v1"),
            ("PRECIS_ASK_LLM_MODELS", "llama3.2:3b, qwen2.5:7b"),
            ("HF_TOKEN", "hf_x"),
            ("PRECIS_ASK_HF_MODELS", "meta-llama/Llama-3.1-8B-Instruct"),
        ])
        .unwrap();
        let ids: Vec<&str> = s.remote.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "server/llama3.2-3b",
                "server/qwen2.5-7b",
                "meta-llama/Llama-3.1-8B-Instruct"
            ]
        );
        assert_eq!(s.remote[2].base, HF_CHAT_URL);
        assert_eq!(s.llm_timeout.as_secs(), 120);
        assert!(read(&[("PRECIS_ASK_LLM_MODELS", "x")]).is_err());
        assert!(read(&[("PRECIS_ASK_HF_MODELS", "meta-llama/Llama-3.1-8B-Instruct")]).is_err());
        assert!(read(&[("HF_TOKEN", "hf_x"), ("PRECIS_ASK_HF_MODELS", "a b")]).is_err());
        let twice = [
            ("PRECIS_ASK_LLM_URL", "http://ollama:11434/v1"),
            ("PRECIS_ASK_LLM_MODELS", "qwen:7b,qwen-7b"),
        ];
        assert!(read(&twice).is_err());
        assert!(read(&[("PRECIS_ASK_LLM_URL", "ollama:11434")]).is_err());
        for bad in [
            ("PRECIS_SERVICES", "both"),
            ("PRECIS_PASSAGE_TOKENS", "8"),
            ("PRECIS_PASSAGE_OVERLAP", "240"),
            ("PRECIS_ASK_MIN_SIMILARITY", "1.5"),
            ("PRECIS_ASK_KEYWORD_WEIGHT", "-1"),
            ("PRECIS_ASK_KEYWORD_WEIGHT", "NaN"),
            ("PRECIS_ASK_RATE_LIMIT_BURST", "0"),
            ("PRECIS_ASK_LLM_TIMEOUT_SECS", "0"),
        ] {
            assert!(read(&[bad]).is_err(), "{bad:?}");
        }
    }
}
