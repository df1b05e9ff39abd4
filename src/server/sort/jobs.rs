//! Training the classifier again, as a background job (operators only).
//!
//! One job at a time. It runs `precis_sort::train::run` on the blocking pool with the preset's
//! settings; its progress is kept in memory (read by `GET /api/v1/classifier/jobs/{id}`) and
//! written to its row every few seconds. At the end its models are saved under
//! `sort/models/{id}/` and become the active ones — on disk, then in memory — only when their
//! default model ranks unseen-font pages at least as well as the active models' do
//! (`precis_sort::train::at_least_as_good`). A cancelled job stops at its next progress tick;
//! a stop of Precis cancels it; a job a crash left queued or running is marked failed
//! (`interrupted`) at the next start, never succeeded.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use precis_sort::bundle::Bundle;
use precis_sort::report::SetKind;
use precis_sort::train::{self, PipelineError, Stage, TrainConfig};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{shelf, Classifier, SortError};
use crate::domain::date::rfc3339;
use crate::domain::settings::Lang;
use crate::domain::sort::training::{JobState, Preset, TrainJob, TrainOutcome, TrainStage};
use crate::i18n::{numbers, texts};
use crate::server::db::Db;
use crate::server::identity::UserId;
use crate::server::service::now_ms;

/// How often a running job's progress is written to its row.
const PERSIST_EVERY: Duration = Duration::from_secs(2);

/// Why a job failed, as kept in its row.
const INTERRUPTED: &str = "interrupted";
const DATA_MISSING: &str = "data_missing";
const FAILED: &str = "failed";

pub struct Trainer {
    db: Db,
    live: Mutex<Option<Live>>,
    /// Precis is stopping: a job that stops now was interrupted, not cancelled.
    stopping: AtomicBool,
}

/// The job running now.
#[derive(Clone)]
struct Live {
    id: String,
    cancel: Arc<AtomicBool>,
    status: Arc<Mutex<Status>>,
}

#[derive(Clone, Default)]
struct Status {
    progress: f64,
    stage: Option<TrainStage>,
}

/// What a succeeded job keeps in its row.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    activated: bool,
    default_model: String,
    roc_auc: Option<f64>,
    active_roc_auc: Option<f64>,
    saved_to: String,
}

/// A job as its row holds it (and the live progress when it is running).
#[derive(Debug, Clone)]
pub struct Job {
    pub id: String,
    pub state: JobState,
    pub preset: Preset,
    pub progress: f64,
    pub stage: Option<TrainStage>,
    pub cancel_requested: bool,
    pub created_at: i64,
    pub finished_at: Option<i64>,
    error: Option<String>,
    outcome: Option<Stored>,
}

impl Job {
    /// As the API shows it, its sentences in `lang`.
    pub fn view(&self, lang: Lang) -> TrainJob {
        let t = &texts(lang).sort;
        let auc = |v: Option<f64>| v.map_or("—".to_string(), |v| numbers::fixed(lang, v, 3));
        TrainJob {
            id: self.id.clone(),
            state: self.state,
            preset: self.preset,
            progress: self.progress.clamp(0.0, 1.0),
            stage: self.stage.clone(),
            cancel_requested: self.cancel_requested && self.state.is_active(),
            created_at: rfc3339(self.created_at),
            finished_at: self.finished_at.map(rfc3339),
            outcome: self.outcome.as_ref().map(|o| TrainOutcome {
                activated: o.activated,
                reason: if o.activated {
                    (t.activated)(&auc(o.roc_auc), &auc(o.active_roc_auc))
                } else {
                    (t.kept)(&auc(o.roc_auc), &auc(o.active_roc_auc))
                },
                default_model: o.default_model.clone(),
                roc_auc_unseen_fonts: o.roc_auc,
                active_roc_auc_unseen_fonts: o.active_roc_auc,
                saved_to: o.saved_to.clone(),
            }),
            error: self.error.as_deref().map(|e| {
                match e {
                    INTERRUPTED => SortError::Interrupted,
                    DATA_MISSING => SortError::DataMissing {
                        detail: String::new(),
                    },
                    other => SortError::TrainingFailed(other.to_string()),
                }
                .public_in(lang)
            }),
        }
    }
}

/// How a job ended, short of success.
enum End {
    Cancelled,
    Failed(SortError),
}

impl From<SortError> for End {
    fn from(e: SortError) -> Self {
        End::Failed(e)
    }
}

impl Trainer {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            live: Mutex::new(None),
            stopping: AtomicBool::new(false),
        }
    }

    fn live(&self) -> Option<Live> {
        self.live.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The id of the job running here now, if one is.
    pub fn running(&self) -> Option<String> {
        self.live().map(|l| l.id)
    }

    /// Marks the jobs a stop left queued or running as failed (at start-up).
    pub async fn interrupt_unfinished(&self) -> Result<(), SortError> {
        let done = sqlx::query(
            "UPDATE classifier_jobs SET state = 'failed', error = ?, finished_at = ? \
             WHERE state IN ('queued', 'running')",
        )
        .bind(INTERRUPTED)
        .bind(now_ms())
        .execute(&self.db.write)
        .await?
        .rows_affected();
        if done > 0 {
            tracing::warn!(
                jobs = done,
                "classifier training jobs interrupted by the restart marked failed"
            );
        }
        Ok(())
    }

    /// Asks the running job to stop (Precis is stopping): it ends failed, `interrupted`.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::Relaxed);
        if let Some(live) = self.live() {
            live.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Job `id`, with its live progress when it is running here.
    pub async fn job(&self, id: &str) -> Result<Job, SortError> {
        if !crate::domain::ask::document::is_document_id(id) {
            return Err(SortError::JobNotFound);
        }
        let row = sqlx::query(
            "SELECT id, state, preset, progress, stage, created_at, finished_at, error, outcome \
             FROM classifier_jobs WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.db.read)
        .await?
        .ok_or(SortError::JobNotFound)?;
        let text = |name: &str| -> Result<Option<String>, sqlx::Error> { row.try_get(name) };
        let state: String = row.try_get("state")?;
        let preset: String = row.try_get("preset")?;
        let mut job = Job {
            id: row.try_get("id")?,
            state: JobState::parse(&state)
                .ok_or_else(|| SortError::Internal(format!("job state {state:?}")))?,
            preset: Preset::parse(&preset)
                .ok_or_else(|| SortError::Internal(format!("job preset {preset:?}")))?,
            progress: row.try_get("progress")?,
            stage: text("stage")?.and_then(|s| serde_json::from_str(&s).ok()),
            cancel_requested: false,
            created_at: row.try_get("created_at")?,
            finished_at: row.try_get("finished_at")?,
            error: text("error")?,
            outcome: text("outcome")?.and_then(|s| serde_json::from_str(&s).ok()),
        };
        if let Some(live) = self.live().filter(|l| l.id == job.id) {
            if job.state.is_active() {
                let status = live
                    .status
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .clone();
                job.progress = status.progress;
                job.stage = status.stage.or(job.stage);
                job.cancel_requested = live.cancel.load(Ordering::Relaxed);
            }
        }
        Ok(job)
    }

    /// Asks job `id` to stop; the job as it is now.
    pub async fn cancel(&self, id: &str) -> Result<Job, SortError> {
        if let Some(live) = self.live().filter(|l| l.id == id) {
            live.cancel.store(true, Ordering::Relaxed);
            tracing::info!(job = %id, "classifier training: cancellation asked");
        }
        self.job(id).await
    }

    /// Writes `state` (and what goes with it) into job `id`'s row, if it is still unfinished.
    async fn finish(
        &self,
        id: &str,
        state: JobState,
        status: &Status,
        error: Option<&str>,
        outcome: Option<&Stored>,
    ) -> Result<bool, SortError> {
        let outcome = outcome.and_then(|o| serde_json::to_string(o).ok());
        let stage = status
            .stage
            .as_ref()
            .and_then(|s| serde_json::to_string(s).ok());
        let done = sqlx::query(
            "UPDATE classifier_jobs SET state = ?, progress = ?, stage = ?, error = ?, \
             outcome = ?, finished_at = ? WHERE id = ? AND state IN ('queued', 'running')",
        )
        .bind(state.as_str())
        .bind(status.progress)
        .bind(stage)
        .bind(error)
        .bind(outcome)
        .bind(now_ms())
        .bind(id)
        .execute(&self.db.write)
        .await?
        .rows_affected();
        Ok(done == 1)
    }

    async fn persist_progress(&self, id: &str, status: &Status) -> Result<(), sqlx::Error> {
        let stage = status
            .stage
            .as_ref()
            .and_then(|s| serde_json::to_string(s).ok());
        sqlx::query(
            "UPDATE classifier_jobs SET progress = ?, stage = ? WHERE id = ? AND state = 'running'",
        )
        .bind(status.progress)
        .bind(stage)
        .bind(id)
        .execute(&self.db.write)
        .await?;
        Ok(())
    }
}

/// The stage as the API names it.
fn stage(stage: Stage) -> TrainStage {
    match stage {
        Stage::Pages => TrainStage::Pages,
        Stage::Fold { fold, kind } => TrainStage::CrossValidation {
            fold: fold as u32 + 1,
            folds: 3,
            model: kind.as_str().to_string(),
        },
        Stage::Final { kind } => TrainStage::FinalModel {
            model: kind.as_str().to_string(),
        },
        Stage::Evaluate => TrainStage::Evaluation,
    }
}

/// The unseen-font ROC-AUC of `bundle`'s default model (what `at_least_as_good` compares).
pub fn unseen_auc(bundle: &Bundle) -> Option<f64> {
    bundle
        .report
        .set(SetKind::UnseenFonts)?
        .results
        .iter()
        .find(|r| r.model == bundle.default_model.as_str())?
        .metrics
        .roc_auc
        .map(|e| e.value)
}

impl Classifier {
    /// Starts a training job with `preset` for the operator `account`: queued, then running
    /// in the background. Refused while another one runs.
    pub async fn train(&self, account: &UserId, preset: Preset) -> Result<Job, SortError> {
        let data = self.data()?;
        let trainer = self.trainer();
        let live = Live {
            id: uuid::Uuid::new_v4().simple().to_string(),
            cancel: Arc::default(),
            status: Arc::default(),
        };
        {
            let mut slot = trainer.live.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(running) = &*slot {
                return Err(SortError::TrainingInProgress {
                    job: running.id.clone(),
                });
            }
            *slot = Some(live.clone());
        }
        let inserted = sqlx::query(
            "INSERT INTO classifier_jobs (id, user_id, preset, state, created_at) \
             VALUES (?, ?, ?, 'queued', ?)",
        )
        .bind(&live.id)
        .bind(account.as_str())
        .bind(preset.as_str())
        .bind(now_ms())
        .execute(&trainer.db.write)
        .await;
        if let Err(e) = inserted {
            *trainer.live.lock().unwrap_or_else(|p| p.into_inner()) = None;
            return Err(e.into());
        }
        tracing::info!(job = %live.id, preset = preset.as_str(), "classifier training started");
        let job = trainer.job(&live.id).await?;
        tokio::spawn(self.clone().run_job(live, preset, data));
        Ok(job)
    }

    async fn run_job(self, live: Live, preset: Preset, data: std::path::PathBuf) {
        let trainer = self.trainer();
        let started = std::time::Instant::now();
        let ended = self.work(&live, preset, data).await;
        let status = live
            .status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let written = match &ended {
            Ok(stored) => {
                tracing::info!(job = %live.id, activated = stored.activated, roc_auc = ?stored.roc_auc,
                    seconds = started.elapsed().as_secs(), "classifier training succeeded");
                let done = Status {
                    progress: 1.0,
                    ..status
                };
                trainer
                    .finish(&live.id, JobState::Succeeded, &done, None, Some(stored))
                    .await
            }
            Err(End::Cancelled) if trainer.stopping.load(Ordering::Relaxed) => {
                tracing::warn!(job = %live.id, "classifier training interrupted: Precis is stopping");
                trainer
                    .finish(&live.id, JobState::Failed, &status, Some(INTERRUPTED), None)
                    .await
            }
            Err(End::Cancelled) => {
                tracing::info!(job = %live.id, "classifier training cancelled");
                trainer
                    .finish(&live.id, JobState::Cancelled, &status, None, None)
                    .await
            }
            Err(End::Failed(e)) => {
                let kind = match e {
                    SortError::DataMissing { .. } => DATA_MISSING,
                    _ => FAILED,
                };
                tracing::error!(job = %live.id, error = %e, "classifier training failed");
                trainer
                    .finish(&live.id, JobState::Failed, &status, Some(kind), None)
                    .await
            }
        };
        match written {
            Ok(true) => {}
            Ok(false) => {
                tracing::warn!(job = %live.id, "the job's row was no longer running: left as it is")
            }
            Err(e) => tracing::error!(job = %live.id, error = %e, "the job's end not recorded"),
        }
        let mut slot = trainer.live.lock().unwrap_or_else(|p| p.into_inner());
        if slot.as_ref().is_some_and(|l| l.id == live.id) {
            *slot = None;
        }
    }

    /// The job's work: train, save, compare, maybe activate.
    async fn work(
        &self,
        live: &Live,
        preset: Preset,
        data: std::path::PathBuf,
    ) -> Result<Stored, End> {
        let trainer = self.trainer();
        if live.cancel.load(Ordering::Relaxed) {
            return Err(End::Cancelled);
        }
        sqlx::query(
            "UPDATE classifier_jobs SET state = 'running' WHERE id = ? AND state = 'queued'",
        )
        .bind(&live.id)
        .execute(&trainer.db.write)
        .await
        .map_err(SortError::from)?;
        // the progress, written down now and then
        let persist = {
            let this = self.clone();
            let live = live.clone();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(PERSIST_EVERY);
                loop {
                    tick.tick().await;
                    let now = live
                        .status
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .clone();
                    if let Err(e) = this.trainer().persist_progress(&live.id, &now).await {
                        tracing::warn!(error = %e, "training progress not recorded");
                    }
                }
            })
        };
        let config = TrainConfig::preset(preset.as_str())
            .ok_or_else(|| SortError::Internal(format!("no preset {}", preset.as_str())))?;
        let dir = shelf::job_dir(self.home(), &live.id);
        let trained = {
            let (live, dir) = (live.clone(), dir.clone());
            tokio::task::spawn_blocking(move || -> Result<Bundle, End> {
                let mut progress = |stage_now: Stage, at: f32| {
                    let mut s = live.status.lock().unwrap_or_else(|p| p.into_inner());
                    s.progress = (at as f64).clamp(0.0, 1.0);
                    s.stage = Some(stage(stage_now));
                    !live.cancel.load(Ordering::Relaxed)
                };
                let outcome = train::run(&data, &config, &mut progress).map_err(|e| match e {
                    PipelineError::Cancelled
                    | PipelineError::Train(precis_sort::models::TrainError::Cancelled) => {
                        End::Cancelled
                    }
                    e => End::Failed(super::evaluate::pipeline_error(e)),
                })?;
                let report = train::report(&outcome)
                    .map_err(|e| SortError::TrainingFailed(format!("report: {e}")))?;
                let bundle = Bundle::new(outcome, report);
                shelf::save(&bundle, &dir).map_err(SortError::TrainingFailed)?;
                Ok(bundle)
            })
            .await
        };
        persist.abort();
        let bundle =
            trained.map_err(|e| SortError::Internal(format!("training thread: {e}")))??;
        if live.cancel.load(Ordering::Relaxed) {
            // cancelled as it ended: its models are not kept
            let _ = std::fs::remove_dir_all(&dir);
            return Err(End::Cancelled);
        }
        let active = self.active();
        let activated = train::at_least_as_good(&bundle, &active.bundle);
        let stored = Stored {
            activated,
            default_model: bundle.default_model.as_str().to_string(),
            roc_auc: unseen_auc(&bundle),
            active_roc_auc: unseen_auc(&active.bundle),
            saved_to: format!("sort/models/{}", live.id),
        };
        if activated {
            let (home, id) = (self.home().to_path_buf(), live.id.clone());
            tokio::task::spawn_blocking(move || shelf::activate(&home, &dir, &id))
                .await
                .map_err(|e| SortError::Internal(format!("activation thread: {e}")))?
                .map_err(|e| SortError::TrainingFailed(format!("activation: {e}")))?;
            self.replace(bundle, Some(live.id.clone()));
            tracing::info!(job = %live.id, "classifier: the new models answer now");
        }
        Ok(stored)
    }
}
