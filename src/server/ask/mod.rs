//! Ask: the knowledge base's two services over one store.
//!
//! - the **ingestion service** ([`ingest`]): reads a document, splits it into passages, embeds
//!   them on the inference pool and writes them to the [`VectorStore`], in the request for a
//!   short document, as a background job with progress for a long one;
//! - the **question service** ([`retrieve`], [`answer`]): finds the passages that answer a
//!   question (dense + keyword, fused) and has the answer written from them, with citations.
//!
//! The store is `precis_knowledge`'s: SQLite + sqlite-vec in Precis's own file by default,
//! PostgreSQL + pgvector when `PRECIS_KNOWLEDGE_URL` names one. Routes are in [`routes`].

pub mod answer;
pub mod cli;
pub mod error;
pub mod ingest;
pub mod jobs;
pub mod retrieve;
pub mod routes;
pub mod settings;
pub mod view;

use std::sync::Arc;

use precis_engine::batcher::EmbedBatcher;
use precis_engine::registry::{LocalModels, ModelProblem};
use precis_knowledge::split::Splitter;
use precis_knowledge::store::{EmbedderId, VectorStore};

pub use error::AskError;

use crate::server::error::AppError;
use crate::server::identity::UserId;

use self::jobs::Indexer;
use self::retrieve::Retrieval;

/// Which services this instance runs (`PRECIS_SERVICES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Services {
    /// The studio, Ask's page and both services (the default, one container).
    #[default]
    All,
    /// Only the ingestion service's API (documents).
    Ingest,
    /// Only the question service's API (questions, and reading the document list).
    Ask,
    /// Only Sort's classifier (`/api/v1/classifier`: handwritten or typed).
    Classifier,
}

impl Services {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Some(Self::All),
            "ingest" => Some(Self::Ingest),
            "ask" => Some(Self::Ask),
            "classifier" => Some(Self::Classifier),
            _ => None,
        }
    }

    pub fn ingests(self) -> bool {
        matches!(self, Self::All | Self::Ingest)
    }

    pub fn answers(self) -> bool {
        matches!(self, Self::All | Self::Ask)
    }

    /// Runs Sort's classifier (`/api/v1/classifier`).
    pub fn classifies(self) -> bool {
        matches!(self, Self::All | Self::Classifier)
    }

    /// Serves the knowledge base's routes (documents, questions).
    pub fn knows(self) -> bool {
        self.ingests() || self.answers()
    }

    pub fn pages(self) -> bool {
        self == Self::All
    }

    /// Whether this instance serves `method path` (as the OpenAPI document writes them), for the
    /// document each service publishes; `tests/api/services.rs` checks it against the routes.
    pub fn serves(self, method: &str, path: &str) -> bool {
        let api = crate::server::openapi::API_PREFIX;
        let common = matches!(path, "/healthz" | "/readyz") || !path.starts_with(api);
        let documents = path.starts_with("/api/v1/documents");
        let reads = method == "get";
        match self {
            Self::All => true,
            Self::Ingest => common || documents,
            Self::Ask => common || path.starts_with("/api/v1/questions") || (documents && reads),
            Self::Classifier => common || crate::server::sort::routes::is_classifier_path(path),
        }
    }
}

/// How documents are cut into passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassageSize {
    /// `PRECIS_PASSAGE_TOKENS`: most tokens of the embedding model in one passage.
    pub tokens: usize,
    /// `PRECIS_PASSAGE_OVERLAP`: tokens shared by consecutive passages.
    pub overlap: usize,
}

impl Default for PassageSize {
    /// Chosen with the retrieval benchmark (README, "Ask: retrieval"): 240–256 tokens beat 128
    /// and 192 in every mode and language; 240 rather than 256 because MiniLM embeds at most
    /// 254 tokens (256 with its two markers), so nothing of a full passage goes unembedded; no
    /// overlap, because passages already end at headings, paragraphs and sentences and the
    /// overlap did not help (hybrid MRR@10 73.2 without, 70.5 with 32 tokens, mean of en/fr/pt).
    fn default() -> Self {
        Self {
            tokens: 240,
            overlap: 0,
        }
    }
}

/// The knowledge base as the routes see it: cheap to clone.
#[derive(Clone)]
pub struct Knowledge {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<dyn VectorStore>,
    /// Language models behind OpenAI-compatible APIs, and the client that calls them.
    remote: Vec<answer::remote::RemoteModel>,
    http: reqwest::Client,
    /// Upper bound of one answer by the operator's server, and by HuggingFace.
    llm_timeout: std::time::Duration,
    hf_timeout: std::time::Duration,
    /// The writer of answers when a question names none.
    default_model: String,
    /// The embedder and the splitter sized in its tokens, or why there is none.
    embedding: Result<(EmbedBatcher, Arc<Splitter>), ModelProblem>,
    local: Arc<LocalModels>,
    retrieval: Retrieval,
    indexer: Indexer,
}

/// Who writes answers besides the quotes and the local models, and which writer answers a
/// question that names none.
#[derive(Debug, Clone)]
pub struct Writers {
    /// Language models behind OpenAI-compatible APIs.
    pub remote: Vec<answer::remote::RemoteModel>,
    /// `PRECIS_ASK_MODEL`, if set.
    pub default_model: Option<String>,
    /// Upper bound of one answer by the operator's server, and by HuggingFace.
    pub llm_timeout: std::time::Duration,
    pub hf_timeout: std::time::Duration,
}

impl Default for Writers {
    fn default() -> Self {
        Self {
            remote: Vec::new(),
            default_model: None,
            llm_timeout: std::time::Duration::from_secs(120),
            hf_timeout: std::time::Duration::from_secs(60),
        }
    }
}

impl Writers {
    /// The writers of the settings; HuggingFace's answers get `hf_timeout` (`HF_TIMEOUT_SECS`).
    pub fn from_settings(
        settings: &settings::AskSettings,
        hf_timeout: std::time::Duration,
    ) -> Self {
        Self {
            remote: settings.remote.clone(),
            default_model: settings.default_model.clone(),
            llm_timeout: settings.llm_timeout,
            hf_timeout,
        }
    }
}

impl Knowledge {
    /// A knowledge base whose answers are quotes or local models' (benchmarks, tools).
    pub fn new(
        store: Arc<dyn VectorStore>,
        local: Arc<LocalModels>,
        size: PassageSize,
        retrieval: Retrieval,
    ) -> Self {
        Self::with_writers(store, local, size, retrieval, Writers::default())
    }

    pub fn with_writers(
        store: Arc<dyn VectorStore>,
        local: Arc<LocalModels>,
        size: PassageSize,
        retrieval: Retrieval,
        writers: Writers,
    ) -> Self {
        let embedding = match &local.embedder {
            Ok(batcher) => {
                let tokenizer = batcher.dir().join("tokenizer.json");
                match Splitter::from_file(&tokenizer, size.tokens, size.overlap) {
                    Ok(s) => Ok((batcher.clone(), Arc::new(s))),
                    Err(e) => {
                        tracing::error!(error = %e, "the embedding model's tokenizer cannot size passages");
                        Err(ModelProblem::EmbedderDamaged)
                    }
                }
            }
            Err(problem) => Err(*problem),
        };
        let known = |id: &str| {
            id == crate::domain::ask::answer::EXTRACTIVE
                || writers.remote.iter().any(|m| m.id == id)
                || local.llm(id).is_some()
        };
        let default_model = match &writers.default_model {
            Some(id) if known(id) => id.clone(),
            Some(id) => {
                tracing::warn!(model = %id, "PRECIS_ASK_MODEL names no model of this server: answers are quotes");
                crate::domain::ask::answer::EXTRACTIVE.to_string()
            }
            None => crate::domain::ask::answer::EXTRACTIVE.to_string(),
        };
        let http = reqwest::Client::builder()
            .user_agent(concat!("precis/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(std::time::Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Self {
            inner: Arc::new(Inner {
                store,
                remote: writers.remote,
                http,
                llm_timeout: writers.llm_timeout,
                hf_timeout: writers.hf_timeout,
                default_model,
                embedding,
                local,
                retrieval,
                indexer: Indexer::default(),
            }),
        }
    }

    /// The embedding model a store must be made for: its folder's name and dimensions.
    pub fn embedder_id(local: &LocalModels) -> Option<EmbedderId> {
        local.embedder.as_ref().ok().map(|b| EmbedderId {
            model: b
                .dir()
                .file_name()
                .map_or_else(|| "embedder".into(), |n| n.to_string_lossy().into_owned()),
            dims: b.dims(),
        })
    }

    pub fn store(&self) -> &Arc<dyn VectorStore> {
        &self.inner.store
    }

    pub fn local(&self) -> &Arc<LocalModels> {
        &self.inner.local
    }

    pub fn retrieval(&self) -> &Retrieval {
        &self.inner.retrieval
    }

    /// Gives an anonymous visitor's documents to the account they just created (as their
    /// history moves). A failure is logged: the documents stay with the anonymous id.
    pub async fn adopt(&self, visitor: &UserId, account: &UserId) {
        match self
            .inner
            .store
            .move_owner(visitor.as_str(), account.as_str())
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(documents = n, "documents moved into the new account"),
            Err(e) => tracing::error!(error = %e, "documents not moved into the new account"),
        }
    }

    /// Stops background indexing (Precis is stopping): see [`Indexer::stop_all`].
    pub fn stop_indexing(&self) {
        self.inner.indexer.stop_all();
    }

    pub(crate) fn indexer(&self) -> &Indexer {
        &self.inner.indexer
    }

    /// The embedder and splitter, or the error saying why documents cannot be indexed here.
    pub(crate) fn embedding_parts(&self) -> Result<(EmbedBatcher, Arc<Splitter>), AskError> {
        match &self.inner.embedding {
            Ok((b, s)) => Ok((b.clone(), s.clone())),
            Err(p) => Err(AskError::EmbedderMissing(*p)),
        }
    }

    /// Embeds texts on the inference pool (a full queue is `busy`, as for summaries).
    pub(crate) async fn embed(&self, texts: Vec<String>) -> Result<Vec<Vec<f32>>, AppError> {
        let (batcher, _) = self.embedding_parts()?;
        batcher.embed(texts).await.map_err(|e| AppError::Provider {
            model: precis_engine::registry::EMBEDDER_DIR.to_string(),
            source: e.into(),
        })
    }
}
