//! The questions' state, shared through context: the question box, the model chosen, the
//! answers so far and the one being written; asking, cancelling, and waiting as long as the
//! server asks when questions come too fast.

use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;

use super::upload;
use crate::domain::ask::answer::{Answer, AnswerEvent, AnswerModels, FoundPassage, EXTRACTIVE};
use crate::domain::ask::highlight;
use crate::domain::ask::question::{Question, QuestionRequest};
use crate::domain::errors::{ErrorCode, Field, PublicError};
use crate::ui::browser::{fetch_error, sleep_ms, FetchError};
use crate::ui::prefs::Prefs;

/// A question and its answer, as written so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Turn {
    pub id: u64,
    pub question: String,
    /// The question's words worth marking in the passages.
    pub terms: Vec<String>,
    /// Numbered as the answer cites them, best first (empty until they are found).
    pub passages: Vec<FoundPassage>,
    /// Whether the passages hold the answer; `None` until they are found.
    pub grounded: Option<bool>,
    pub answer: String,
    /// Who wrote it (a model id) and how long it took, once it is done.
    pub model: String,
    pub latency_ms: Option<u64>,
}

impl Turn {
    fn finish(self, answer: Answer) -> Self {
        Self {
            passages: answer.passages,
            grounded: Some(answer.grounded),
            answer: answer.answer,
            model: answer.model,
            latency_ms: Some(answer.latency_ms),
            ..self
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Idle,
    /// Asked: the passages are being found.
    Searching,
    /// The answer is being written.
    Writing,
    Cancelled,
}

#[derive(Clone, Copy)]
pub struct Asker {
    /// What the question box holds.
    pub question: RwSignal<String>,
    /// Who can write answers (`None` until asked, after the page starts in the browser).
    pub models: RwSignal<Option<AnswerModels>>,
    /// The model chosen.
    pub model: RwSignal<String>,
    /// The person chose the model (else the server's default is shown once the list arrives).
    picked: StoredValue<bool>,
    pub turns: RwSignal<Vec<Turn>>,
    /// The answer being written.
    pub draft: RwSignal<Option<Turn>>,
    pub phase: RwSignal<Phase>,
    pub error: RwSignal<Option<PublicError>>,
    /// Seconds before the server takes another question, after it said "too fast".
    pub wait: RwSignal<u64>,
    abort: StoredValue<Option<AbortHandle>>,
    next_id: StoredValue<u64>,
    pub prefs: Prefs,
}

impl Asker {
    pub fn new(prefs: Prefs) -> Self {
        let question = RwSignal::new(String::new());
        let error = RwSignal::new(None::<PublicError>);
        // a problem with the question goes as soon as it is edited
        Effect::watch(
            move || question.track(),
            move |_, _, _| {
                if error.with_untracked(|e| {
                    e.as_ref().is_some_and(|e| e.field == Some(Field::Question))
                }) {
                    error.set(None);
                }
            },
            false,
        );
        Self {
            question,
            models: RwSignal::new(None),
            model: RwSignal::new(EXTRACTIVE.to_string()),
            picked: StoredValue::new(false),
            turns: RwSignal::new(Vec::new()),
            draft: RwSignal::new(None),
            phase: RwSignal::new(Phase::Idle),
            error,
            wait: RwSignal::new(0),
            abort: StoredValue::new(None),
            next_id: StoredValue::new(0),
            prefs,
        }
    }

    /// Asks who can write answers once the page runs in the browser, and again when the
    /// page's language changes (the server describes them in it).
    pub fn load_models(self) {
        Effect::watch(
            move || self.prefs.lang(),
            move |_, _, _| {
                leptos::task::spawn_local(async move {
                    if let Ok(models) = upload::answer_models(self.prefs.t_untracked()).await {
                        // until the person picks one, the server's default (PRECIS_ASK_MODEL)
                        let picked = self.picked.try_get_value().unwrap_or(false);
                        let chosen = self.model.try_with_untracked(|m| {
                            choose_model(&models, if picked { m } else { "" })
                        });
                        if let Some(chosen) = chosen {
                            self.model.set(chosen);
                            self.models.set(Some(models));
                        }
                    }
                });
            },
            true,
        );
    }

    /// The person picks who writes the answers (a model id, `/` and all).
    pub fn pick(&self, id: String) {
        self.picked.set_value(true);
        self.model.set(id);
    }

    /// The label of a model, as the server describes it.
    pub fn model_label(&self, id: &str) -> String {
        let known = self.models.with(|m| {
            m.as_ref()
                .and_then(|m| m.models.iter().find(|m| m.id == id))
                .map(|m| m.label.clone())
        });
        match known {
            Some(label) => label,
            None if id == EXTRACTIVE => self.prefs.t().ask.extractive_label.to_string(),
            None => id.to_string(),
        }
    }

    pub fn busy(&self) -> bool {
        matches!(self.phase.get(), Phase::Searching | Phase::Writing)
    }

    pub fn submit(&self) {
        if self.busy() || self.wait.get_untracked() > 0 {
            return;
        }
        let lang = self.prefs.t_untracked().lang;
        let question = match Question::parse(&self.question.get_untracked()) {
            Ok(q) => q.as_str().to_string(),
            Err(e) => return self.error.set(Some(e.public_in(lang))),
        };
        let model = self.model.get_untracked();
        let request = QuestionRequest {
            question: question.clone(),
            top_k: None,
            model: (!model.is_empty()).then_some(model),
            document_ids: None,
        };
        let id = self.next_id.try_update_value(|n| {
            *n += 1;
            *n
        });
        self.error.set(None);
        self.phase.set(Phase::Searching);
        self.draft.set(Some(Turn {
            id: id.unwrap_or_default(),
            terms: highlight::terms(&question),
            question,
            ..Turn::default()
        }));
        let (run, handle) = abortable(self.run(request, self.question.get_untracked()));
        self.abort.set_value(Some(handle));
        leptos::task::spawn_local(async move {
            let _ = run.await;
        });
    }

    /// Stops the answer being written: the browser closes the connection, and the server
    /// stops. The question goes back in the box.
    pub fn cancel(&self) {
        if let Some(handle) = self.abort.try_update_value(Option::take).flatten() {
            handle.abort();
        }
        if self.busy() {
            if let Some(turn) = self.draft.try_update(Option::take).flatten() {
                self.restore(&turn.question);
            }
            self.phase.set(Phase::Cancelled);
        }
    }

    /// Puts the question back in the box, unless something else was typed there since.
    fn restore(&self, question: &str) {
        let _ = self.question.try_update(|q| {
            if q.trim().is_empty() {
                *q = question.to_string();
            }
        });
    }

    async fn run(self, request: QuestionRequest, asked: String) {
        let t = self.prefs.t_untracked();
        let mut outcome = None;
        let streamed = upload::ask_stream(&request, t, |event| {
            match event {
                AnswerEvent::Passages { passages, grounded } => {
                    let _ = self.phase.try_set(Phase::Writing);
                    let _ = self.draft.try_update(|d| {
                        if let Some(d) = d {
                            d.passages = passages;
                            d.grounded = Some(grounded);
                        }
                    });
                    // the question is on its way: the box is free for the next one
                    let _ = self.question.try_update(|q| {
                        if *q == asked {
                            q.clear();
                        }
                    });
                }
                AnswerEvent::Token { text } => {
                    let _ = self.draft.try_update(|d| {
                        if let Some(d) = d {
                            d.answer.push_str(&text);
                        }
                    });
                }
                AnswerEvent::Done { answer } => outcome = Some(Ok(answer)),
                AnswerEvent::Error { error } => outcome = Some(Err(error)),
            }
            outcome.is_none()
        })
        .await;
        let result = match (outcome, streamed) {
            (Some(outcome), _) => outcome,
            (None, Err(e)) => Err(e.error),
            (None, Ok(())) => Err(fetch_error(FetchError::Interrupted, t).error),
        };
        let Some(Some(turn)) = self.draft.try_update(Option::take) else {
            return; // the page left
        };
        self.phase.set(Phase::Idle);
        self.abort.set_value(None);
        match result {
            Ok(answer) => self.turns.update(|turns| turns.push(turn.finish(answer))),
            Err(error) => {
                self.restore(&turn.question);
                if error.code == ErrorCode::RateLimited {
                    self.hold(error.retry_after.unwrap_or(10));
                }
                self.error.set(Some(error));
            }
        }
    }

    /// No new question for `seconds`, counted down in the status line.
    fn hold(self, seconds: u64) {
        self.wait.set(seconds.min(3_600));
        leptos::task::spawn_local(async move {
            while self.wait.try_get_untracked().unwrap_or(0) > 0 {
                sleep_ms(1000).await;
                let _ = self.wait.try_update(|w| *w = w.saturating_sub(1));
            }
        });
    }
}

/// The model the picker shows: the one chosen if it can still run, else the server's default
/// if it can, else the first that can.
fn choose_model(models: &AnswerModels, current: &str) -> String {
    let usable = |id: &str| {
        models
            .models
            .iter()
            .any(|m| m.id == id && m.unavailable.is_none())
    };
    if usable(current) {
        return current.to_string();
    }
    if usable(&models.default) {
        return models.default.clone();
    }
    models
        .models
        .iter()
        .find(|m| m.unavailable.is_none())
        .map_or_else(|| models.default.clone(), |m| m.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ask::answer::{AnswerModel, AnswerTimings};

    fn model(id: &str, unavailable: bool) -> AnswerModel {
        AnswerModel {
            id: id.into(),
            label: id.into(),
            description: String::new(),
            generative: id != EXTRACTIVE,
            experimental: false,
            unavailable: unavailable.then(|| "No weights.".into()),
        }
    }

    #[test]
    fn the_picker_keeps_a_usable_choice_else_the_default() {
        let models = AnswerModels {
            models: vec![
                model(EXTRACTIVE, false),
                model("local/smol", false),
                model("local/big", true),
            ],
            default: "local/smol".into(),
        };
        assert_eq!(choose_model(&models, EXTRACTIVE), EXTRACTIVE);
        assert_eq!(choose_model(&models, "local/big"), "local/smol");
        assert_eq!(choose_model(&models, ""), "local/smol");
        let models = AnswerModels {
            default: "local/big".into(),
            ..models
        };
        assert_eq!(choose_model(&models, "gone"), EXTRACTIVE);
    }

    #[test]
    fn a_finished_turn_takes_the_checked_answer() {
        let draft = Turn {
            id: 3,
            question: "How many days?".into(),
            terms: vec!["days".into()],
            answer: "Twenty-five [1] [9]".into(),
            ..Turn::default()
        };
        let answer = Answer {
            answer: "Twenty-five [1]".into(),
            grounded: true,
            passages: vec![],
            model: EXTRACTIVE.into(),
            latency_ms: 1_250,
            timings: AnswerTimings::default(),
        };
        let turn = draft.finish(answer);
        assert_eq!((turn.id, turn.question.as_str()), (3, "How many days?"));
        assert_eq!(turn.answer, "Twenty-five [1]");
        assert_eq!(turn.grounded, Some(true));
        assert_eq!(turn.latency_ms, Some(1_250));
    }
}
