//! The studio's state, shared by its components through context, and the summarize flow.

use leptos::prelude::*;

use super::browser::sleep_ms;
use crate::api::summarize;
use crate::domain::errors::{ErrorCode, ErrorResponse, Field, PublicError};
use crate::domain::models::{check_model_id, custom_hf_model, Catalog, ModelInfo};
use crate::domain::params::{default_params, Invalid, SummaryParams};
use crate::domain::summary::{SummarizeRequest, Summary};

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
    pub catalog: StoredValue<Catalog>,
    pub text: RwSignal<String>,
    pub params: RwSignal<SummaryParams>,
    /// The picker's value: a catalog id or [`CUSTOM_MODEL`].
    pub choice: RwSignal<String>,
    pub custom_model: RwSignal<String>,
    /// What the page knows of the chosen model, recomputed only when the choice changes.
    model: Memo<Option<ModelInfo>>,
    pub turns: RwSignal<Vec<Summary>>,
    pub error: RwSignal<Option<PublicError>>,
    pub phase: RwSignal<Phase>,
    /// Bumped whenever the history changes, to reload the list.
    pub history_version: RwSignal<u32>,
    run: Action<SummarizeRequest, ()>,
    abort: StoredValue<Option<ActionAbortHandle>>,
}

impl Studio {
    pub fn new(catalog: Catalog) -> Self {
        let choice = RwSignal::new(catalog.default_model.clone());
        let turns = RwSignal::new(Vec::new());
        let error = RwSignal::new(None);
        let phase = RwSignal::new(Phase::Idle);
        let history_version = RwSignal::new(0);
        let run = Action::new_local(move |request: &SummarizeRequest| {
            let request = request.clone();
            async move {
                let result = summarize_with_warmup(request, phase).await;
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
        let custom_model = RwSignal::new(String::new());
        Effect::watch(
            move || (choice.track(), custom_model.track()),
            move |_, _, _| clear_when_edited(|f| f == Field::Model),
            false,
        );
        let catalog = StoredValue::new(catalog);
        let model = Memo::new(move |_| {
            let choice = choice.get();
            if choice == CUSTOM_MODEL {
                let id = custom_model.get().trim().to_string();
                (!id.is_empty()).then(|| custom_hf_model(&id))
            } else {
                catalog.with_value(|c| c.get(&choice).cloned())
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
            error,
            phase,
            history_version,
            run,
            abort: StoredValue::new(None),
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

    /// The request as it would be sent now, with only the parameters the model honours.
    pub fn request(&self) -> SummarizeRequest {
        let params = self.params.get();
        let parameters = match self.model() {
            Some(m) => params.retain(&m.honours),
            None => params,
        };
        SummarizeRequest {
            text: self.text.get(),
            model: Some(self.model_id()),
            parameters,
        }
    }

    /// Rules broken by the current model and parameters, live as the person moves a slider.
    /// (The text is only judged on submit, so typing never re-runs this.)
    pub fn problems(&self) -> Vec<Invalid> {
        let params = match self.model() {
            Some(m) => self.params.get().retain(&m.honours),
            None => self.params.get(),
        };
        let mut out = Vec::new();
        if self.choice.get() == CUSTOM_MODEL {
            if let Err(e) = check_model_id(&self.model_id()) {
                out.push(e);
            }
        }
        out.extend(params.problems());
        out
    }

    pub fn problem_for(&self, field: Field) -> Option<String> {
        let live = self
            .problems()
            .into_iter()
            .find(|p| p.field == field)
            .map(|p| p.message);
        live.or_else(|| {
            self.error
                .get()
                .filter(|e| e.field == Some(field))
                .map(|e| e.message)
        })
    }

    pub fn busy(&self) -> bool {
        matches!(self.phase.get(), Phase::Working | Phase::WarmingUp { .. })
    }

    pub fn submit(&self) {
        if self.busy() {
            return;
        }
        let request = self.request();
        if let Err(problem) = request.validate() {
            self.error.set(Some(problem.into()));
            return;
        }
        self.error.set(None);
        self.phase.set(Phase::Working);
        let handle = self.run.dispatch_local(request);
        self.abort.set_value(Some(handle));
    }

    /// Stops the request in flight: the browser drops the connection, and the server stops
    /// waiting for the model.
    pub fn cancel(&self) {
        if let Some(handle) = self.abort.try_update_value(Option::take).flatten() {
            handle.abort();
        }
        if self.busy() {
            self.phase.set(Phase::Cancelled);
        }
    }

    pub fn reset_params(&self) {
        self.params.set(default_params());
    }
}

/// Sends the request; if the model is warming up on HuggingFace, counts down its estimate while
/// asking once more with `wait_for_model`, which holds the request until the model is ready.
async fn summarize_with_warmup(
    request: SummarizeRequest,
    phase: RwSignal<Phase>,
) -> Result<Summary, ErrorResponse> {
    match summarize(request.clone()).await {
        Err(e) if e.error.code == ErrorCode::ModelLoading && !request.parameters.wait_for_model => {
            let remaining = e.error.retry_after.unwrap_or(20);
            phase.set(Phase::WarmingUp { remaining });
            let mut retry = request;
            retry.parameters.wait_for_model = true;
            let countdown = async move {
                loop {
                    sleep_ms(1000).await;
                    phase.update(|p| {
                        if let Phase::WarmingUp { remaining } = p {
                            *remaining = remaining.saturating_sub(1);
                        }
                    });
                }
            };
            let retry = summarize(retry);
            futures::pin_mut!(retry, countdown);
            match futures::future::select(retry, countdown).await {
                futures::future::Either::Left((result, _)) => result,
                futures::future::Either::Right(((), retry)) => retry.await,
            }
        }
        other => other,
    }
}
