//! The set of providers this server runs, and which one serves a given model id.

use std::sync::Arc;

use super::huggingface::{self, HuggingFace};
use super::local::LocalEngine;
use super::SummaryProvider;
use crate::domain::models::{Catalog, ModelInfo, LOCAL_TEXTRANK};
use crate::server::config::Settings;
use crate::server::inference::registry::LocalModels;

#[derive(Clone)]
pub struct Providers {
    providers: Vec<Arc<dyn SummaryProvider>>,
    catalog: Arc<Catalog>,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("could not build the HTTP client: {0}")]
    Http(#[from] reqwest::Error),
}

/// Why a model id cannot be served; shown to the person as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

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
        let models = providers.iter().flat_map(|p| p.models()).collect();
        let custom_models = providers
            .iter()
            .any(|p| p.describe_other("owner/name").is_some());
        let catalog = Catalog {
            models,
            default_model: default_model.to_string(),
            custom_models,
        };
        Self {
            providers,
            catalog: Arc::new(catalog),
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The provider and description of `model` (the default when `None`).
    pub fn resolve(
        &self,
        model: Option<&str>,
    ) -> Result<(ModelInfo, Arc<dyn SummaryProvider>), Unavailable> {
        let id = model.unwrap_or(&self.catalog.default_model);
        if let Some(info) = self.catalog.get(id) {
            if let Some(p) = self.providers.iter().find(|p| p.kind() == info.provider) {
                return Ok((info.clone(), p.clone()));
            }
        }
        for p in &self.providers {
            if let Some(info) = p.describe_other(id) {
                return Ok((info, p.clone()));
            }
        }
        Err(Unavailable(if self.catalog.custom_models {
            format!("There is no local model called “{id}”. Choose one from the list.")
        } else {
            format!(
                "“{id}” runs on HuggingFace, and this Precis has no HuggingFace token. Choose a \
                 local model, or ask the operator to set HF_TOKEN."
            )
        }))
    }
}
