//! What the studio sends and when: the request, the problems that stop it, submit, cancel
//! and reset.

use leptos::prelude::*;

use super::{Draft, Phase, Studio, CUSTOM_MODEL};
use crate::domain::errors::{ErrorCode, Field, PublicError};
use crate::domain::models::check_model_id;
use crate::domain::params::{Invalid, Reason};
use crate::domain::summary::SummarizeRequest;

impl Studio {
    /// The request as it would be sent now, with only the parameters the model honours.
    pub fn request(&self) -> SummarizeRequest {
        let params = self.params.get();
        let parameters = match self.model() {
            Some(m) => {
                let mut p = params.retain(&m.honours);
                if !m.samples {
                    p.do_sample = None;
                    p.seed = None;
                }
                p
            }
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

    /// Why the chosen model cannot be used here, if it cannot.
    pub fn model_problem(&self) -> Option<Invalid> {
        let model = self.model()?;
        let why = model.unavailable?;
        Some(Invalid::new(
            ErrorCode::ModelUnavailable,
            Field::Model,
            Reason::ModelUnavailable {
                label: model.label,
                why,
            },
        ))
    }

    /// What is wrong with the Seed box, when the model uses it.
    pub fn seed_problem(&self) -> Option<String> {
        let text = self.seed_text.get();
        let text = text.trim();
        let used = self.model().is_some_and(|m| m.samples);
        (used && !text.is_empty() && text.parse::<u64>().is_err())
            .then(|| self.prefs.t().seed_invalid.to_string())
    }

    /// Sets the Seed box and the seed parameter together.
    pub fn set_seed_text(&self, text: String) {
        let seed = text.trim().parse::<u64>().ok();
        self.seed_text.set(text);
        self.params.update(|p| p.seed = seed);
    }

    pub fn problem_for(&self, field: Field) -> Option<String> {
        let live = self
            .problems()
            .into_iter()
            .find(|p| p.field == field)
            .map(|p| p.message_in(self.prefs.lang()));
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
            self.error
                .set(Some(problem.public_in(self.prefs.t_untracked().lang)));
            return;
        }
        if let Some(problem) = self.model_problem() {
            self.error
                .set(Some(problem.public_in(self.prefs.t_untracked().lang)));
            return;
        }
        if let Some(message) = self.seed_problem() {
            self.error
                .set(Some(PublicError::new(ErrorCode::InvalidParameter, message)));
            return;
        }
        self.error.set(None);
        self.phase.set(Phase::Working);
        self.draft.set(Some(Draft {
            source: request.text.clone(),
            model: request.model.clone().unwrap_or_default(),
            ..Draft::default()
        }));
        let handle = self.run.dispatch_local(request);
        self.abort.set_value(Some(handle));
    }

    /// Stops the request in flight: the browser drops the connection, and the server stops
    /// generating. What was written so far is dropped.
    pub fn cancel(&self) {
        if let Some(handle) = self.abort.try_update_value(Option::take).flatten() {
            handle.abort();
        }
        if self.busy() {
            self.draft.set(None);
            self.phase.set(Phase::Cancelled);
        }
    }

    /// Back to the defaults this studio started from (the person's own, else the built-in ones).
    pub fn reset_params(&self) {
        let params = self.defaults.get_value();
        self.params.set(params);
        self.seed_text
            .set(params.seed.map(|s| s.to_string()).unwrap_or_default());
    }
}
