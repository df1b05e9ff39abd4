//! What the models folder holds, checked at start-up: each model is ready, or unavailable with
//! a reason and the command that fixes it. Never panics on a missing or damaged file.
//!
//! Loaded models are kept per file for the whole process, so every part of Precis (and every
//! test app in one test binary) shares one copy of the weights.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::batcher::EmbedBatcher;
use super::embed::{self, Embedder};
use super::hub::{self, HubModel};
use super::llm::Llm;
use super::pool::InferencePool;
use super::EngineError;

/// The embedding model the set-up script fetches, as a folder of the models directory.
pub const EMBEDDER_DIR: &str = "all-MiniLM-L6-v2";
/// The default local language model the set-up script fetches.
pub const DEFAULT_GGUF: &str = "SmolLM2-135M-Instruct.Q4_1.gguf";
/// What an operator runs to fetch or repair the default models.
pub const FIX_COMMAND: &str = "bash scripts/models.sh";

pub struct LlmEntry {
    /// Model id in the catalog: `local/` + the file name without `.gguf`.
    pub id: String,
    pub label: String,
    pub llm: Result<Arc<Llm>, ModelProblem>,
}

pub struct LocalModels {
    pub dir: PathBuf,
    pub pool: InferencePool,
    pub embedder: Result<EmbedBatcher, ModelProblem>,
    pub llms: Vec<LlmEntry>,
}

/// Why a local model cannot run. The server tells the person in their language, with what the
/// operator can do ([`FIX_COMMAND`]); the details (a path, a parser's error) are logged when the
/// problem is found, never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelProblem {
    /// The default language model's file is not in the models folder.
    NotInstalled,
    /// One of the embedding model's files is not there.
    EmbedderNotInstalled {
        file: &'static str,
    },
    /// A language model's file could not be read as one.
    Damaged,
    EmbedderDamaged,
    /// The models folder could not be read at all.
    DiscoveryFailed,
    /// A model named in `PRECIS_HF_MODELS` could not be fetched from HuggingFace.
    DownloadFailed,
}

static EMBEDDERS: OnceLock<Mutex<HashMap<PathBuf, Arc<Embedder>>>> = OnceLock::new();
static LLMS: OnceLock<Mutex<HashMap<PathBuf, Arc<Llm>>>> = OnceLock::new();

fn shared<T, E>(
    cache: &'static OnceLock<Mutex<HashMap<PathBuf, Arc<T>>>>,
    path: &Path,
    load: impl FnOnce() -> Result<T, E>,
) -> Result<Arc<T>, E> {
    let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut map = cache
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(found) = map.get(&key) {
        return Ok(found.clone());
    }
    let loaded = Arc::new(load()?);
    map.insert(key, loaded.clone());
    Ok(loaded)
}

impl LocalModels {
    /// Looks at `dir` (and fetches `hub_models`); slow parts run on the blocking pool.
    pub async fn discover(
        dir: PathBuf,
        pool: InferencePool,
        hub_models: &[HubModel],
        batching: bool,
    ) -> Self {
        let mut embedder_dir = dir.join(EMBEDDER_DIR);
        let mut extra_gguf = Vec::new();
        let mut hub_failures = Vec::new();
        for m in hub_models {
            match (hub::fetch(&dir, m).await, m) {
                (Ok(path), HubModel::Embedder { .. }) => embedder_dir = path,
                (Ok(path), HubModel::Gguf { .. }) => extra_gguf.push(path),
                (Err(e), _) => {
                    tracing::warn!(error = %e, "HuggingFace model unavailable");
                    hub_failures.push(m.clone());
                }
            }
        }
        let scan_dir = dir.clone();
        let found = tokio::task::spawn_blocking(move || {
            let embedder = load_embedder(&embedder_dir);
            let mut llms = scan_gguf(&scan_dir, &extra_gguf);
            for m in hub_failures {
                if let HubModel::Gguf { file, .. } = &m {
                    llms.push(LlmEntry {
                        id: gguf_id(Path::new(file)),
                        label: format!("Local · {}", m.id()),
                        llm: Err(ModelProblem::DownloadFailed),
                    });
                }
            }
            (embedder, llms)
        })
        .await;
        let (embedder, llms) = match found {
            Ok(found) => found,
            Err(e) => {
                tracing::error!(error = %e, "model discovery failed");
                (Err(ModelProblem::DiscoveryFailed), Vec::new())
            }
        };
        let embedder = embedder.map(|e| EmbedBatcher::new(e, pool.clone(), batching));
        if let Err(why) = &embedder {
            tracing::warn!(reason = ?why, "semantic models unavailable");
        }
        for e in &llms {
            match &e.llm {
                Ok(l) => {
                    tracing::info!(model = %e.id, arch = ?l.arch, "local language model found")
                }
                Err(why) => {
                    tracing::warn!(model = %e.id, reason = ?why, "local language model unavailable")
                }
            }
        }
        Self {
            dir,
            pool,
            embedder,
            llms,
        }
    }

    pub fn llm(&self, id: &str) -> Option<&LlmEntry> {
        self.llms.iter().find(|e| e.id == id)
    }
}

fn load_embedder(dir: &Path) -> Result<Arc<Embedder>, ModelProblem> {
    for f in embed::FILES {
        if !dir.join(f).is_file() {
            tracing::warn!(file = %dir.join(f).display(), "embedding model file missing");
            return Err(ModelProblem::EmbedderNotInstalled { file: f });
        }
    }
    shared(&EMBEDDERS, dir, || {
        Embedder::load(dir).map_err(|e| {
            tracing::warn!(error = %e, "embedding model unusable");
            ModelProblem::EmbedderDamaged
        })
    })
}

pub fn gguf_id(path: &Path) -> String {
    let stem = path
        .file_name()
        .map(|s| s.to_string_lossy().trim_end_matches(".gguf").to_string())
        .unwrap_or_default();
    format!("local/{stem}")
}

fn label_for(llm: &Llm, path: &Path) -> String {
    if path.file_name().is_some_and(|f| f == DEFAULT_GGUF) {
        return "Local · SmolLM2-135M".to_string();
    }
    format!("Local · {}", llm.name)
}

/// Every `*.gguf` in `dir` (and `extra`), plus the default model even when missing (so the
/// picker can say how to get it).
fn scan_gguf(dir: &Path, extra: &[PathBuf]) -> Vec<LlmEntry> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "gguf") && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths.extend(extra.iter().cloned());
    let default = dir.join(DEFAULT_GGUF);
    let mut out = Vec::new();
    if !paths.contains(&default) {
        out.push(LlmEntry {
            id: gguf_id(&default),
            label: "Local · SmolLM2-135M".to_string(),
            llm: Err(ModelProblem::NotInstalled),
        });
    }
    for path in paths {
        let opened = shared(&LLMS, &path, || {
            Llm::open(&path).map_err(|e| match e {
                EngineError::BadModel { why, .. } => why,
                other => other.to_string(),
            })
        });
        match opened {
            Ok(llm) => out.push(LlmEntry {
                id: gguf_id(&path),
                label: label_for(&llm, &path),
                llm: Ok(llm),
            }),
            // Some other kind of GGUF (an embedding model, another architecture): not listed,
            // unless it is the default model, which then needs repair.
            Err(why) if path == default => {
                tracing::warn!(file = %path.display(), %why, "default language model damaged");
                out.push(LlmEntry {
                    id: gguf_id(&path),
                    label: "Local · SmolLM2-135M".to_string(),
                    llm: Err(ModelProblem::Damaged),
                })
            }
            Err(why) => tracing::info!(file = %path.display(), %why, "GGUF file skipped"),
        }
    }
    out
}
