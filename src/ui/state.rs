//! The studio's state, shared by its components through context: the model picker, the
//! text and parameters, the conversation. What it sends is in `submit`; the summarize flow
//! (the streamed draft, the warm-up retry) in `stream`.

use leptos::prelude::*;

use super::prefs::Prefs;
use crate::domain::errors::{ErrorCode, Field, PublicError};
use crate::domain::models::{check_model_id, custom_hf_model, Catalog, ModelInfo};
use crate::domain::params::{default_params, SummaryParams};
use crate::domain::settings::UserSettings;
use crate::domain::summary::{SummarizeRequest, Summary};

mod stream;
mod submit;

use stream::summarize_with_warmup;
pub use stream::Draft;

/// Value of the picker's "Other HuggingFace model…" option.
pub const CUSTOM_MODEL: &str = "__custom__";

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Idle,
    Working,
    /// The model is loading on HuggingFace; Precis retries once it should be up.
    WarmingUp {
        remaining: u64,
    },
    Cancelled,
}

#[derive(Clone, Copy)]
pub struct Studio {
    /// The server's models, described in the page's language (fetched again when it changes).
    pub catalog: RwSignal<Catalog>,
    pub text: RwSignal<String>,
    pub params: RwSignal<SummaryParams>,
    /// The picker's value: a catalog id or [`CUSTOM_MODEL`].
    pub choice: RwSignal<String>,
    pub custom_model: RwSignal<String>,
    /// What the page knows of the chosen model, recomputed only when the choice changes.
    model: Memo<Option<ModelInfo>>,
    pub turns: RwSignal<Vec<Summary>>,
    /// The summary being streamed, if any.
    pub draft: RwSignal<Option<Draft>>,
    /// What the Seed box holds (empty: a random seed); `params.seed` is its value when valid.
    pub seed_text: RwSignal<String>,
    pub error: RwSignal<Option<PublicError>>,
    pub phase: RwSignal<Phase>,
    /// Bumped whenever the history changes, to reload the list.
    pub history_version: RwSignal<u32>,
    /// The page's language: the messages the studio writes itself are in it.
    pub prefs: Prefs,
    /// What Reset restores: the person's saved default parameters, else the built-in ones.
    defaults: StoredValue<SummaryParams>,
    run: Action<SummarizeRequest, ()>,
    abort: StoredValue<Option<ActionAbortHandle>>,
}

impl Studio {
    pub fn new(catalog: Catalog, prefs: Prefs) -> Self {
        let choice = RwSignal::new(initial_choice(&catalog));
        let turns = RwSignal::new(Vec::new());
        let draft = RwSignal::new(None);
        let error = RwSignal::new(None);
        let phase = RwSignal::new(Phase::Idle);
        let history_version = RwSignal::new(0);
        // Effects run in the browser only, once the studio is hydrated.
        Effect::new(stream::preload);
        let run = Action::new_local(move |request: &SummarizeRequest| {
            let request = request.clone();
            async move {
                let texts = prefs.t_untracked();
                let result = summarize_with_warmup(request, phase, draft, texts).await;
                draft.set(None);
                match result {
                    Ok(summary) => {
                        turns.update(|t| t.push(summary));
                        history_version.update(|v| *v += 1);
                        phase.set(Phase::Idle);
                    }
                    Err(e) => {
                        error.set(Some(e.error));
                        phase.set(Phase::Idle);
                    }
                }
            }
        });
        let text = RwSignal::new(String::new());
        let params = RwSignal::new(default_params());
        // An error about an input goes away as soon as the person edits that input.
        let clear_when_edited = move |is_about: fn(Field) -> bool| {
            error.update(|e| {
                if e.as_ref().and_then(|e| e.field).is_some_and(is_about) {
                    *e = None;
                }
            });
        };
        Effect::watch(
            move || text.track(),
            move |_, _, _| clear_when_edited(|f| f == Field::Text),
            false,
        );
        Effect::watch(
            move || params.track(),
            move |_, _, _| clear_when_edited(|f| !matches!(f, Field::Text | Field::Model)),
            false,
        );
        let seed_text = RwSignal::new(String::new());
        // A refused seed (an error about no field, see `submit`) goes when the seed is edited.
        Effect::watch(
            move || seed_text.track(),
            move |_, _, _| {
                error.update(|e| {
                    if e.as_ref()
                        .is_some_and(|e| e.field.is_none() && e.code == ErrorCode::InvalidParameter)
                    {
                        *e = None;
                    }
                })
            },
            false,
        );
        let custom_model = RwSignal::new(String::new());
        Effect::watch(
            move || (choice.track(), custom_model.track()),
            move |_, _, _| clear_when_edited(|f| f == Field::Model),
            false,
        );
        let catalog = RwSignal::new(catalog);
        // The server describes its models in the page's language: ask again when it changes.
        #[cfg(feature = "hydrate")]
        Effect::watch(
            move || prefs.lang(),
            move |lang, _, _| {
                let lang = *lang;
                leptos::task::spawn_local(async move {
                    if let Ok(described) = crate::api::catalog::get_catalog(Some(lang)).await {
                        catalog.set(described);
                    }
                });
            },
            false,
        );
        let model = Memo::new(move |_| {
            let choice = choice.get();
            if choice == CUSTOM_MODEL {
                let id = custom_model.get().trim().to_string();
                (!id.is_empty()).then(|| custom_hf_model(&id))
            } else {
                catalog.with(|c| c.get(&choice).cloned())
            }
        });
        Self {
            catalog,
            model,
            text,
            params,
            choice,
            custom_model,
            turns,
            draft,
            seed_text,
            error,
            phase,
            history_version,
            prefs,
            defaults: StoredValue::new(default_params()),
            run,
            abort: StoredValue::new(None),
        }
    }

    /// Starts the studio from a person's saved defaults (model and parameters), which Reset
    /// then restores. A saved model this server cannot run is left out: the picker keeps the
    /// server's choice.
    pub fn start_from(&self, settings: &UserSettings) {
        if let Some(params) = settings.default_params {
            self.defaults.set_value(params);
        }
        self.show(settings);
    }

    /// Puts the model and parameters of `settings` in the controls (the settings page edits
    /// them with the studio's own controls); what they leave unset keeps its current value.
    pub fn show(&self, settings: &UserSettings) {
        if let Some(model) = &settings.default_model {
            self.choose_model(model);
        }
        if let Some(params) = settings.default_params {
            self.params.set(params);
            self.seed_text
                .set(params.seed.map(|s| s.to_string()).unwrap_or_default());
        }
    }

    /// Chooses `id` in the picker: a model of the catalog that can run here, or any well-formed
    /// HuggingFace id when the server takes those. Returns whether it was chosen.
    pub fn choose_model(&self, id: &str) -> bool {
        let (known, usable, custom_allowed) = self.catalog.with_untracked(|c| {
            let model = c.get(id);
            (
                model.is_some(),
                model.is_some_and(|m| m.unavailable.is_none()),
                c.custom_models,
            )
        });
        if usable {
            self.choice.set(id.to_string());
            true
        } else if !known && custom_allowed && check_model_id(id).is_ok() {
            self.choice.set(CUSTOM_MODEL.to_string());
            self.custom_model.set(id.to_string());
            true
        } else {
            false
        }
    }

    /// The model id the request will name.
    pub fn model_id(&self) -> String {
        let choice = self.choice.get();
        if choice == CUSTOM_MODEL {
            self.custom_model.get().trim().to_string()
        } else {
            choice
        }
    }

    /// What the page knows of the chosen model.
    pub fn model(&self) -> Option<ModelInfo> {
        self.model.get()
    }
}

/// The model the picker starts on: the server's default, unless it cannot run here; then the
/// first model that can.
fn initial_choice(catalog: &Catalog) -> String {
    let usable = |m: &&ModelInfo| m.unavailable.is_none();
    match catalog.get(&catalog.default_model).filter(usable) {
        Some(m) => m.id.clone(),
        None => catalog
            .models
            .iter()
            .find(usable)
            .map(|m| m.id.clone())
            .unwrap_or_else(|| catalog.default_model.clone()),
    }
}
