//! What the server runs on besides its database: the embedded engine's models and the
//! knowledge base over them.

use std::sync::Arc;

use precis_engine::hub::HubModel;
use precis_engine::pool::InferencePool;
use precis_engine::registry::LocalModels;
use precis_knowledge::store::postgres::PgStore;
use precis_knowledge::store::sqlite::SqliteStore;
use precis_knowledge::store::{EmbedderId, VectorStore};

use super::StartupError;
use crate::server::ask::Knowledge;
use crate::server::config::Settings;
use crate::server::db::Db;

/// The knowledge base's store (PostgreSQL when `PRECIS_KNOWLEDGE_URL` names one, else Precis's
/// own SQLite file) and the services over it.
pub(crate) async fn knowledge(
    settings: &Settings,
    db: &Db,
    local: Arc<LocalModels>,
) -> Result<Knowledge, StartupError> {
    let embedder = Knowledge::embedder_id(&local).unwrap_or_else(|| EmbedderId {
        model: precis_engine::registry::EMBEDDER_DIR.to_string(),
        dims: 384,
    });
    let store: Arc<dyn VectorStore> = match &settings.ask.store_url {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Arc::new(PgStore::connect(url, embedder).await?)
        }
        Some(url) => {
            return Err(StartupError::KnowledgeUrl { url: url.clone() });
        }
        None => Arc::new(SqliteStore::open(db.write.clone(), db.read.clone(), embedder).await?),
    };
    tracing::info!(store = store.kind(), "knowledge base opened");
    Ok(Knowledge::with_writers(
        store,
        local,
        settings.ask.passages,
        settings.ask.retrieval,
        crate::server::ask::Writers::from_settings(&settings.ask, settings.hf.timeout),
    ))
}

/// The embedded engine's pool and models; language models start loading in the background.
pub(crate) async fn local_models(settings: &Settings) -> LocalModels {
    let engine = &settings.engine;
    let pool = InferencePool::new(settings.local_workers, engine.queue);
    let hub: Vec<HubModel> = engine
        .hub_models
        .iter()
        .filter_map(|m| {
            let parsed = HubModel::parse(m);
            if parsed.is_none() {
                tracing::warn!(entry = %m, "PRECIS_HF_MODELS entry ignored: expected owner/repo or owner/repo/file.gguf");
            }
            parsed
        })
        .collect();
    let models =
        LocalModels::discover(engine.models_dir.clone(), pool, &hub, engine.batching).await;
    if engine.preload {
        for entry in &models.llms {
            if let Ok(llm) = &entry.llm {
                let llm = llm.clone();
                tokio::task::spawn_blocking(move || llm.load());
            }
        }
    }
    models
}
