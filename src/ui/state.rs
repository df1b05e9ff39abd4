//! The studio's state, shared by its components through context, and the summarize flow.

use leptos::prelude::*;

use super::browser::{fetch_error, post_event_stream, sleep_ms, FetchError};
use super::prefs::Prefs;
use crate::domain::errors::{ErrorCode, ErrorResponse, Field, PublicError};
use crate::domain::models::{check_model_id, custom_hf_model, Catalog, ModelInfo};
use crate::domain::params::{default_params, Invalid, Reason, SummaryParams};
use crate::domain::settings::UserSettings;
use crate::domain::stream::{Stage, SummaryEvent};
use crate::domain::summary::{SummarizeRequest, Summary};
use crate::i18n::Texts;

/// Value of the picker's "Other HuggingFace model…" option.
pub const CUSTOM_MODEL: &str = "__custom__";

/// Where the page streams summaries from. `loading=report`: a model warming up on HuggingFace
/// ends the stream with a `model_loading` error, and the page counts down and retries itself.
const STREAM_URL: &str = "/api/v1/summaries/stream?loading=report";

/// The summary being written, shown as a draft turn while its text streams in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The text being summarized.
    pub source: String,
    pub model: String,
    /// What has been written so far.
    pub output: String,
    /// What the engine is doing, when it works in parts.
    pub stage: Option<Stage>,
}

impl Draft {
    fn apply(&mut self, event: &SummaryEvent) {
        match event {
            SummaryEvent::Progress(stage) => {
                match stage {
                    // the combined summary replaces the parts' summaries
                    Stage::Combining { .. } => self.output.clear(),
                    Stage::Part { .. } if !self.output.trim().is_empty() => {
                        self.output.push_str("\n\n")
                    }
                    Stage::Part { .. } => self.output.clear(),
                }
                self.stage = Some(*stage);
            }
            SummaryEvent::Token { text } => self.output.push_str(text),
            SummaryEvent::Done { .. } | SummaryEvent::Error { .. } => {}
        }
    }
}

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

/// Streams the summary; if the model is warming up on HuggingFace, counts down its estimate
/// while asking once more with `wait_for_model`, which holds the request until the model is
/// ready.
async fn summarize_with_warmup(
    request: SummarizeRequest,
    phase: RwSignal<Phase>,
    draft: RwSignal<Option<Draft>>,
    texts: &'static Texts,
) -> Result<Summary, ErrorResponse> {
    match stream_summary(&request, phase, draft, texts).await {
        Err(e) if e.error.code == ErrorCode::ModelLoading && !request.parameters.wait_for_model => {
            let remaining = e.error.retry_after.unwrap_or(20);
            phase.set(Phase::WarmingUp { remaining });
            draft.update(|d| {
                if let Some(d) = d {
                    d.output.clear();
                    d.stage = None;
                }
            });
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
            let retry = stream_summary(&retry, phase, draft, texts);
            futures::pin_mut!(retry, countdown);
            match futures::future::select(retry, countdown).await {
                futures::future::Either::Left((result, _)) => result,
                futures::future::Either::Right(((), retry)) => retry.await,
            }
        }
        other => other,
    }
}

/// One streamed request: shows progress and text in the draft as events arrive; the finished
/// summary, or what went wrong.
async fn stream_summary(
    request: &SummarizeRequest,
    phase: RwSignal<Phase>,
    draft: RwSignal<Option<Draft>>,
    texts: &'static Texts,
) -> Result<Summary, ErrorResponse> {
    let body = serde_json::to_string(request).map_err(|_| {
        ErrorResponse::from(PublicError::new(
            ErrorCode::InvalidRequest,
            texts.request_unprepared,
        ))
    })?;
    let mut outcome = None;
    let streamed = post_event_stream(STREAM_URL, &body, |data| {
        // Events this page does not know (a newer server) are skipped.
        let Ok(event) = serde_json::from_str::<SummaryEvent>(data) else {
            return true;
        };
        match event {
            SummaryEvent::Done { summary } => outcome = Some(Ok(summary)),
            SummaryEvent::Error { error } => outcome = Some(Err(error.into())),
            event => {
                // the model answers: a warm-up countdown is over
                if matches!(phase.get_untracked(), Phase::WarmingUp { .. }) {
                    phase.set(Phase::Working);
                }
                draft.update(|d| {
                    if let Some(d) = d {
                        d.apply(&event);
                    }
                });
            }
        }
        outcome.is_none()
    })
    .await;
    match (outcome, streamed) {
        (Some(outcome), _) => outcome,
        (None, Err(e)) => Err(fetch_error(e, texts)),
        (None, Ok(())) => Err(fetch_error(FetchError::Interrupted, texts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_accumulate_and_combining_replaces_them() {
        let mut d = Draft::default();
        let token = |t: &str| SummaryEvent::Token { text: t.into() };
        d.apply(&SummaryEvent::Progress(Stage::Part { part: 1, of: 2 }));
        d.apply(&token("One."));
        d.apply(&SummaryEvent::Progress(Stage::Part { part: 2, of: 2 }));
        d.apply(&token("Two"));
        d.apply(&token("."));
        assert_eq!(d.output, "One.\n\nTwo.");
        assert_eq!(d.stage, Some(Stage::Part { part: 2, of: 2 }));
        d.apply(&SummaryEvent::Progress(Stage::Combining { parts: 2 }));
        assert_eq!(d.output, "");
        d.apply(&token("Both."));
        assert_eq!(d.output, "Both.");
    }

    #[test]
    fn server_events_parse() {
        let parse = |s: &str| serde_json::from_str::<SummaryEvent>(s).unwrap();
        assert_eq!(
            parse(r#"{"type":"progress","stage":"part","part":3,"of":7}"#),
            SummaryEvent::Progress(Stage::Part { part: 3, of: 7 })
        );
        assert_eq!(
            parse(r#"{"type":"progress","stage":"combining","parts":7}"#),
            SummaryEvent::Progress(Stage::Combining { parts: 7 })
        );
        assert_eq!(
            parse(r#"{"type":"token","text":" the"}"#),
            SummaryEvent::Token {
                text: " the".into()
            }
        );
        let e = parse(
            r#"{"type":"error","error":{"code":"model_loading","message":"Warming up.","retry_after":20}}"#,
        );
        assert!(matches!(e, SummaryEvent::Error { error } if error.retry_after == Some(20)));
    }
}
