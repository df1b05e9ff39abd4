//! The set of providers this server runs, and which one serves a given model id.

use std::sync::Arc;

use precis_engine::registry::{LocalModels, ModelProblem};

use super::huggingface::{self, HuggingFace};
use super::local::LocalEngine;
use super::SummaryProvider;
use crate::domain::models::{Catalog, ModelInfo, LOCAL_TEXTRANK};
use crate::domain::settings::Lang;
use crate::i18n::texts;
use crate::server::config::Settings;

#[derive(Clone)]
pub struct Providers {
    providers: Vec<Arc<dyn SummaryProvider>>,
    /// The catalog described in each language, in [`Lang::ALL`]'s order.
    catalogs: Arc<[Catalog; 3]>,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("could not build the HTTP client: {0}")]
    Http(#[from] reqwest::Error),
}

/// Why a model id cannot be served, told to the person in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// A `local/` id this server does not have (and it has no HuggingFace token for others).
    NoSuchLocal { id: String },
    /// A HuggingFace id, and no token.
    NeedsToken { id: String },
    /// A listed model that cannot run here.
    Model(ModelProblem),
}

impl Unavailable {
    pub fn tell(&self, lang: Lang) -> String {
        let t = &texts(lang).server;
        match self {
            Self::NoSuchLocal { id } => (t.no_such_local_model)(id),
            Self::NeedsToken { id } => (t.needs_hf_token)(id),
            Self::Model(problem) => super::local::tell(*problem, lang),
        }
    }
}

impl Providers {
    /// HuggingFace when a token is set (and then its default model), the local engine always.
    pub fn from_settings(
        settings: &Settings,
        local: Arc<LocalModels>,
    ) -> Result<Self, CatalogError> {
        let mut providers: Vec<Arc<dyn SummaryProvider>> = Vec::new();
        if let Some(token) = &settings.hf.token {
            providers.push(Arc::new(HuggingFace::new(
                &settings.hf,
                token.clone(),
                settings.queue_timeout,
            )?));
        }
        providers.push(Arc::new(LocalEngine::new(local)));
        let default_model = if settings.hf.token.is_some() {
            huggingface::DEFAULT_MODEL
        } else {
            LOCAL_TEXTRANK
        };
        Ok(Self::new(providers, default_model))
    }

    pub fn new(providers: Vec<Arc<dyn SummaryProvider>>, default_model: &str) -> Self {
        let custom_models = providers
            .iter()
            .any(|p| p.describe_other("owner/name").is_some());
        let catalogs = Lang::ALL.map(|lang| Catalog {
            models: providers.iter().flat_map(|p| p.models(lang)).collect(),
            default_model: default_model.to_string(),
            custom_models,
        });
        Self {
            providers,
            catalogs: Arc::new(catalogs),
        }
    }

    /// The catalog, its descriptions in `lang`.
    pub fn catalog(&self, lang: Lang) -> &Catalog {
        let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.catalogs[at]
    }

    /// The provider and description of `model` (the default when `None`).
    pub fn resolve(
        &self,
        model: Option<&str>,
    ) -> Result<(ModelInfo, Arc<dyn SummaryProvider>), Unavailable> {
        let catalog = self.catalog(Lang::En);
        let id = model.unwrap_or(&catalog.default_model);
        if let Some(info) = catalog.get(id) {
            if let Some(p) = self.providers.iter().find(|p| p.kind() == info.provider) {
                if let Some(problem) = p.problem(id) {
                    return Err(Unavailable::Model(problem));
                }
                return Ok((info.clone(), p.clone()));
            }
        }
        for p in &self.providers {
            if let Some(info) = p.describe_other(id) {
                return Ok((info, p.clone()));
            }
        }
        let id = id.to_string();
        Err(if catalog.custom_models || id.starts_with("local/") {
            Unavailable::NoSuchLocal { id }
        } else {
            Unavailable::NeedsToken { id }
        })
    }
}
