//! The Train panel (operators): a preset, Train, and while the job runs a progress bar fed by
//! asking the server about the job every second, its stage, and Cancel; at the end, what became
//! of the new models (the server's sentence). Everyone sees the panel; those who may not train
//! are told why, and Train stays off.

use leptos::prelude::*;

use super::api;
use super::listing::Listing;
use crate::domain::errors::ErrorCode;
use crate::domain::sort::training::{JobState, Preset, TrainJob, TrainStage};
use crate::i18n::numbers::percent;
use crate::i18n::Texts;
use crate::ui::alert::AlertSlot;
use crate::ui::browser::sleep_ms;
use crate::ui::prefs::{use_prefs, Prefs};

/// How often a running job is asked about.
const POLL_MS: u32 = 1000;

#[derive(Clone, Copy)]
struct Trainer {
    job: RwSignal<Option<TrainJob>>,
    preset: RwSignal<Preset>,
    starting: RwSignal<bool>,
    cancelling: RwSignal<bool>,
    error: RwSignal<Option<String>>,
    prefs: Prefs,
    listing: Listing,
}

impl Trainer {
    fn running(&self) -> bool {
        self.job
            .with(|j| j.as_ref().is_some_and(|j| j.state.is_active()))
    }

    fn start(self) {
        self.starting.set(true);
        self.error.set(None);
        let preset = self.preset.get_untracked();
        leptos::task::spawn_local(async move {
            let t = self.prefs.t_untracked();
            let started = api::train(preset, t).await;
            let _ = self.starting.try_set(false);
            match started {
                Ok(job) => {
                    let id = job.id.clone();
                    let _ = self.job.try_set(Some(job));
                    self.follow(id).await;
                }
                Err(e) => {
                    let running = e.error.code == ErrorCode::TrainingInProgress;
                    let _ = self.error.try_set(Some(e.error.message));
                    if running {
                        // started elsewhere meanwhile: the listing names it, and it is followed
                        self.listing.load();
                    }
                }
            }
        });
    }

    /// Asks about the job until it has ended (or the page left).
    async fn follow(self, id: String) {
        loop {
            sleep_ms(POLL_MS).await;
            if self.job.try_with_untracked(|_| ()).is_none() {
                return; // the page left
            }
            match api::job(&id, self.prefs.t_untracked()).await {
                Ok(job) => {
                    let ended = !job.state.is_active();
                    let activated = job.outcome.as_ref().is_some_and(|o| o.activated);
                    let _ = self.job.try_set(Some(job));
                    if ended {
                        let _ = self.cancelling.try_set(false);
                        // a refusal told while it ran ("already running") is old news now
                        let _ = self.error.try_set(None);
                        if activated {
                            self.listing.load();
                        }
                        return;
                    }
                }
                // the job is gone, or this person may no longer follow it
                Err(e) if matches!(e.error.code, ErrorCode::NotFound | ErrorCode::OperatorOnly) => {
                    let _ = self.error.try_set(Some(e.error.message));
                    return;
                }
                // the connection dropped, the server is busy: ask again
                Err(_) => {}
            }
        }
    }

    /// Follows a job started earlier (from another tab, or before a reload), once.
    fn resume(self, id: String) {
        if self.job.with_untracked(Option::is_some) || self.starting.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(job) = api::job(&id, self.prefs.t_untracked()).await {
                let active = job.state.is_active();
                if self.job.try_update(|j| j.get_or_insert(job).id == id) == Some(true) && active {
                    self.follow(id).await;
                }
            }
        });
    }

    fn cancel(self) {
        let Some(id) = self
            .job
            .with_untracked(|j| j.as_ref().map(|j| j.id.clone()))
        else {
            return;
        };
        self.cancelling.set(true);
        leptos::task::spawn_local(async move {
            match api::cancel(&id, self.prefs.t_untracked()).await {
                Ok(job) => {
                    let _ = self.job.try_set(Some(job));
                }
                Err(e) => {
                    let _ = self.cancelling.try_set(false);
                    let _ = self.error.try_set(Some(e.error.message));
                }
            }
        });
    }
}

/// What a job is doing, in words.
pub fn stage_text(t: &Texts, job: &TrainJob) -> String {
    let p = &t.sort_page;
    match (&job.state, &job.stage) {
        (JobState::Queued, _) | (_, None) => p.queued.to_string(),
        (_, Some(TrainStage::Pages)) => p.stage_pages.to_string(),
        (_, Some(TrainStage::CrossValidation { fold, folds, model })) => {
            (p.stage_cross_validation)(*fold, *folds, model)
        }
        (_, Some(TrainStage::FinalModel { model })) => (p.stage_final)(model),
        (_, Some(TrainStage::Evaluation)) => p.stage_evaluation.to_string(),
    }
}

/// The line under the progress bar while the job runs, and the outcome once it has ended
/// (a failure is told as an alert instead: `None`).
pub fn job_line(t: &Texts, job: &TrainJob) -> Option<String> {
    match job.state {
        JobState::Queued | JobState::Running => {
            let done = percent(t.lang, job.progress.clamp(0.0, 1.0), 0);
            Some((t.sort_page.progress_line)(&done, &stage_text(t, job)))
        }
        JobState::Succeeded => Some(
            job.outcome
                .as_ref()
                .map_or_else(String::new, |o| o.reason.clone()),
        ),
        JobState::Cancelled => Some(t.sort_page.cancelled.to_string()),
        JobState::Failed => None,
    }
}

/// Why a job failed, in words.
pub fn job_failure(t: &Texts, job: &TrainJob) -> Option<String> {
    (job.state == JobState::Failed).then(|| {
        job.error
            .as_ref()
            .map_or_else(|| t.sort.training_failed.to_string(), |e| e.message.clone())
    })
}

#[component]
pub fn TrainPanel(listing: Listing) -> impl IntoView {
    let prefs = use_prefs();
    let trainer = Trainer {
        job: RwSignal::new(None),
        preset: RwSignal::new(Preset::Quick),
        starting: RwSignal::new(false),
        cancelling: RwSignal::new(false),
        error: RwSignal::new(None),
        prefs,
        listing,
    };
    // a job already running when the page loaded (another tab, a reload): followed here too
    Effect::new(move || {
        if let Some(id) = listing.running_job() {
            trainer.resume(id);
        }
    });
    let locked = move || !listing.can_train() || trainer.running() || trainer.starting.get();
    let failure = Signal::derive(move || {
        trainer.error.get().or_else(|| {
            trainer
                .job
                .with(|j| j.as_ref().and_then(|j| job_failure(prefs.t(), j)))
        })
    });
    let line = move || {
        trainer
            .job
            .with(|j| j.as_ref().and_then(|j| job_line(prefs.t(), j)))
            .unwrap_or_default()
    };
    let progress = move || trainer.job.with(|j| j.as_ref().map_or(0.0, |j| j.progress));
    let preset_choice = move |preset: Preset, label: fn(&Texts) -> &'static str| {
        view! {
            <label class="toggle">
                <input
                    type="radio"
                    name="sort-preset"
                    value=preset.as_str()
                    prop:checked=move || trainer.preset.get() == preset
                    on:change=move |_| trainer.preset.set(preset)
                />
                {move || label(prefs.t())}
            </label>
        }
    };
    view! {
        <section class="card sort-train" aria-labelledby="train-title">
            <h2 id="train-title">{prefs.text(|t| t.sort_page.train_title)}</h2>
            <p class="hint">{prefs.text(|t| t.sort_page.train_intro)}</p>
            <Show when=move || listing.refuses_training()>
                <p id="train-why" class="notice">{prefs.text(|t| t.sort_page.not_operator)}</p>
            </Show>
            <fieldset class="sort-presets">
                <legend>{prefs.text(|t| t.sort_page.preset_legend)}</legend>
                {preset_choice(Preset::Quick, |t| t.sort_page.preset_quick)}
                {preset_choice(Preset::Standard, |t| t.sort_page.preset_standard)}
            </fieldset>
            <div class="form-actions">
                <button
                    type="button"
                    class="primary"
                    disabled=locked
                    aria-describedby=move || listing.refuses_training().then_some("train-why")
                    on:click=move |_| trainer.start()
                >
                    {move || {
                        if trainer.starting.get() {
                            prefs.t().sort_page.starting
                        } else {
                            prefs.t().sort_page.train
                        }
                    }}
                </button>
                <Show when=move || trainer.running()>
                    <button
                        type="button"
                        class="ghost"
                        disabled=move || trainer.cancelling.get()
                        on:click=move |_| trainer.cancel()
                    >
                        {move || {
                            if trainer.cancelling.get() {
                                prefs.t().sort_page.cancelling
                            } else {
                                prefs.t().sort_page.cancel
                            }
                        }}
                    </button>
                </Show>
            </div>
            <Show when=move || trainer.running()>
                <progress
                    class="sort-progress"
                    aria-label=prefs.text(|t| t.sort_page.progress_label)
                    max="1"
                    value=progress
                ></progress>
            </Show>
            <p class="status sort-job" role="status">{line}</p>
            <AlertSlot message=failure/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::Lang;
    use crate::domain::sort::training::TrainOutcome;
    use crate::i18n::texts;

    fn job(state: JobState, stage: Option<TrainStage>) -> TrainJob {
        TrainJob {
            id: "5f0c2a9be4d34c8f9a61f0d2c3b4a5e6".into(),
            state,
            preset: Preset::Quick,
            progress: 0.42,
            stage,
            cancel_requested: false,
            created_at: "2026-12-05T09:30:00Z".into(),
            finished_at: None,
            outcome: None,
            error: None,
        }
    }

    #[test]
    fn a_running_job_says_how_far_it_is_and_what_it_does() {
        let en = texts(Lang::En);
        let running = job(
            JobState::Running,
            Some(TrainStage::CrossValidation {
                fold: 2,
                folds: 3,
                model: "cnn".into(),
            }),
        );
        assert_eq!(
            job_line(en, &running).unwrap(),
            "42% · Cross-validation, fold 2 of 3: cnn"
        );
        let fr = job_line(texts(Lang::Fr), &job(JobState::Queued, None)).unwrap();
        assert_eq!(fr, "42\u{202f}% · En attente de démarrage…");
        assert_eq!(job_failure(en, &running), None);
    }

    #[test]
    fn an_ended_job_tells_its_outcome() {
        let en = texts(Lang::En);
        let mut done = job(JobState::Succeeded, Some(TrainStage::Evaluation));
        done.outcome = Some(TrainOutcome {
            activated: false,
            reason: "The previous models still answer.".into(),
            default_model: "cnn".into(),
            roc_auc_unseen_fonts: None,
            active_roc_auc_unseen_fonts: None,
            saved_to: "sort/models/x".into(),
        });
        assert_eq!(
            job_line(en, &done).as_deref(),
            Some("The previous models still answer.")
        );
        assert_eq!(
            job_line(en, &job(JobState::Cancelled, None)).as_deref(),
            Some(en.sort_page.cancelled)
        );
        let failed = job(JobState::Failed, None);
        assert_eq!(job_line(en, &failed), None);
        assert_eq!(
            job_failure(en, &failed).as_deref(),
            Some(en.sort.training_failed)
        );
    }
}
