//! The models as the server lists them (`GET /api/v1/classifier/models`), loaded once the page
//! runs in the browser and shared by the page's three parts: the model picker, the comparison,
//! and whether Train is offered.

use leptos::prelude::*;

use crate::domain::sort::report::ClassifierModels;
use crate::ui::prefs::Prefs;

#[derive(Clone, Copy)]
pub struct Listing {
    /// `None` while loading; the reason when it could not be.
    pub models: RwSignal<Option<Result<ClassifierModels, String>>>,
    prefs: Prefs,
}

impl Listing {
    pub fn new(prefs: Prefs) -> Self {
        Self {
            models: RwSignal::new(None),
            prefs,
        }
    }

    /// Loads (or loads again, after a training job) the listing.
    pub fn load(self) {
        leptos::task::spawn_local(async move {
            let t = self.prefs.t_untracked();
            let loaded = super::api::models(t).await.map_err(|e| e.error.message);
            let _ = self.models.try_set(Some(loaded));
        });
    }

    /// What was loaded, read with `f` (`None` while loading or after a failure).
    pub fn with<R>(&self, f: impl FnOnce(&ClassifierModels) -> R) -> Option<R> {
        self.models
            .with(|m| m.as_ref().and_then(|r| r.as_ref().ok()).map(f))
    }

    /// The caller may train (an operator).
    pub fn can_train(&self) -> bool {
        self.with(|m| m.can_train).unwrap_or(false)
    }

    /// The training job running now (told to those who may train).
    pub fn running_job(&self) -> Option<String> {
        self.with(|m| m.running_job.clone()).flatten()
    }

    /// Loaded, and this person may not train.
    pub fn refuses_training(&self) -> bool {
        self.with(|m| !m.can_train).unwrap_or(false)
    }
}
