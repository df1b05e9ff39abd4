//! Models named by HuggingFace id, fetched with hf-hub into the models folder's `hub/` cache
//! (the layout huggingface_hub uses). A file already in the cache is used without network.
//!
//! `PRECIS_HF_MODELS` lists them, comma-separated:
//! * `owner/repo/file.gguf`: a GGUF language model (llama or qwen2 family);
//! * `owner/repo`: a BERT sentence-transformer (safetensors) that replaces the embedding model.

use std::path::{Path, PathBuf};

use hf_hub::api::tokio::ApiBuilder;
use hf_hub::{Cache, Repo};

use super::embed;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HubModel {
    Gguf { repo: String, file: String },
    Embedder { repo: String },
}

impl HubModel {
    /// Parses one entry of `PRECIS_HF_MODELS`.
    pub fn parse(entry: &str) -> Option<Self> {
        let entry = entry.trim();
        let parts: Vec<&str> = entry.split('/').collect();
        if parts.iter().any(|p| p.is_empty()) {
            return None;
        }
        match parts.as_slice() {
            [owner, repo, file @ ..] if !file.is_empty() && entry.ends_with(".gguf") => {
                Some(HubModel::Gguf {
                    repo: format!("{owner}/{repo}"),
                    file: file.join("/"),
                })
            }
            [owner, repo] => Some(HubModel::Embedder {
                repo: format!("{owner}/{repo}"),
            }),
            _ => None,
        }
    }

    pub fn id(&self) -> String {
        match self {
            HubModel::Gguf { repo, file } => format!("{repo}/{file}"),
            HubModel::Embedder { repo } => repo.clone(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error("could not download {id} from HuggingFace: {why}")]
    Download { id: String, why: String },
}

fn cache_dir(models_dir: &Path) -> PathBuf {
    models_dir.join("hub")
}

/// The local path of `model` (a GGUF file, or a folder with the embedder's files), from the
/// cache when present, else downloaded.
pub async fn fetch(models_dir: &Path, model: &HubModel) -> Result<PathBuf, HubError> {
    let cache = Cache::new(cache_dir(models_dir));
    let fail = |why: String| HubError::Download {
        id: model.id(),
        why,
    };
    let files: Vec<&str> = match model {
        HubModel::Gguf { file, .. } => vec![file.as_str()],
        HubModel::Embedder { .. } => embed::FILES.to_vec(),
    };
    let repo_id = match model {
        HubModel::Gguf { repo, .. } | HubModel::Embedder { repo } => repo.clone(),
    };
    let cached = cache.repo(Repo::model(repo_id.clone()));
    let mut paths = Vec::new();
    let mut api = None;
    for f in &files {
        if let Some(p) = cached.get(f) {
            paths.push(p);
            continue;
        }
        let api = match &api {
            Some(api) => api,
            None => api.insert(
                ApiBuilder::new()
                    .with_cache_dir(cache_dir(models_dir))
                    .with_progress(false)
                    .build()
                    .map_err(|e| fail(e.to_string()))?,
            ),
        };
        tracing::info!(model = %model.id(), file = f, "downloading from HuggingFace");
        let p = api
            .model(repo_id.clone())
            .get(f)
            .await
            .map_err(|e| fail(e.to_string()))?;
        paths.push(p);
    }
    Ok(match model {
        HubModel::Gguf { .. } => paths.remove(0),
        HubModel::Embedder { .. } => paths
            .first()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_parse_into_gguf_files_or_embedding_repos() {
        assert_eq!(
            HubModel::parse(
                " HuggingFaceTB/SmolLM2-360M-Instruct-GGUF/smollm2-360m-instruct-q8_0.gguf "
            ),
            Some(HubModel::Gguf {
                repo: "HuggingFaceTB/SmolLM2-360M-Instruct-GGUF".into(),
                file: "smollm2-360m-instruct-q8_0.gguf".into()
            })
        );
        assert_eq!(
            HubModel::parse("sentence-transformers/all-MiniLM-L6-v2"),
            Some(HubModel::Embedder {
                repo: "sentence-transformers/all-MiniLM-L6-v2".into()
            })
        );
        assert_eq!(HubModel::parse("justone"), None);
        assert_eq!(HubModel::parse("a//b.gguf"), None);
        assert_eq!(HubModel::parse("a/b/c"), None);
    }

    /// The cache layout huggingface_hub and hf-hub share: refs/main names a snapshot folder.
    #[tokio::test]
    async fn a_cached_file_is_used_without_the_network() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("hub/models--someone--tiny-GGUF");
        std::fs::create_dir_all(repo.join("refs")).unwrap();
        std::fs::create_dir_all(repo.join("snapshots/abc123")).unwrap();
        std::fs::write(repo.join("refs/main"), "abc123").unwrap();
        std::fs::write(repo.join("snapshots/abc123/tiny.gguf"), b"GGUF").unwrap();
        let model = HubModel::parse("someone/tiny-GGUF/tiny.gguf").unwrap();
        let path = fetch(dir.path(), &model).await.unwrap();
        assert_eq!(path, repo.join("snapshots/abc123/tiny.gguf"));
    }
}
