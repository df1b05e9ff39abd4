//! The active models scored again on one evaluation set, as the engine does it
//! (`precis_sort::train::evaluate`: the same pages as at training, from the same seeds).
//!
//! Rendering the pages takes seconds to a minute on two cores, and the answer cannot change
//! while the same models are active: each set is computed once per active models, one set at
//! a time, on the blocking pool, in a task of its own (a client hanging up does not waste it),
//! and every request for it — during and after — gets that one result. A request waits for it
//! `PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS` at most, then is told to ask again
//! ([`Evaluation::Computing`]). Cross-validation needs no computing: it is in the models'
//! report.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use precis_sort::train::PipelineError;
use tokio::sync::{OnceCell, Semaphore};

use super::{mirror, Classifier, SortError};
use crate::domain::sort::report::{SetName, SetReport};

/// Seconds a request told the set is still being computed is asked to wait.
pub const RETRY_SECS: u64 = 5;

/// What an evaluation request gets.
#[derive(Debug)]
pub enum Evaluation {
    Done(Box<SetReport>),
    /// Still being computed: ask again in a few seconds.
    Computing,
}

/// A set's result, once computed (and the computation's place while it runs).
type Slot = Arc<OnceCell<SetReport>>;

/// Computed sets, by (generation of the active models, set).
pub struct Evaluations {
    done: Mutex<HashMap<(u64, SetName), Slot>>,
    /// One evaluation at a time: each uses every core.
    turn: Arc<Semaphore>,
}

impl Default for Evaluations {
    fn default() -> Self {
        Self {
            done: Mutex::default(),
            turn: Arc::new(Semaphore::new(1)),
        }
    }
}

impl Classifier {
    /// The active models on `set`, or `Computing` when they take longer than the wait allowed.
    pub async fn evaluate(&self, set: SetName) -> Result<Evaluation, SortError> {
        self.evaluate_within(set, self.inner.settings.evaluate_wait)
            .await
    }

    async fn evaluate_within(
        &self,
        set: SetName,
        wait: std::time::Duration,
    ) -> Result<Evaluation, SortError> {
        let active = self.active();
        let kind = mirror::set_kind(set);
        if set == SetName::CrossValidation {
            let report = active.bundle.report.set(kind).ok_or_else(|| {
                SortError::Internal("the models' report has no cross-validation".into())
            })?;
            return Ok(Evaluation::Done(Box::new(mirror::set_report(report)?)));
        }
        let data = self.data()?;
        let cell = {
            let mut done = self
                .inner
                .evaluations
                .done
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            // results of models no longer active are of no use
            done.retain(|(generation, _), _| *generation == active.generation);
            done.entry((active.generation, set)).or_default().clone()
        };
        if let Some(done) = cell.get() {
            return Ok(Evaluation::Done(Box::new(done.clone())));
        }
        let turn = self.inner.evaluations.turn.clone();
        let job = tokio::spawn(async move {
            cell.get_or_try_init(move || async move {
                let _turn = turn
                    .acquire_owned()
                    .await
                    .map_err(|_| SortError::Internal("evaluation turn closed".into()))?;
                let started = std::time::Instant::now();
                let report = tokio::task::spawn_blocking(move || {
                    precis_sort::train::evaluate(&data, &active.bundle, kind, &mut |_| true)
                })
                .await
                .map_err(|e| SortError::Internal(format!("evaluation stopped: {e}")))?
                .map_err(pipeline_error)?;
                tracing::info!(
                    set = set.as_str(),
                    seconds = started.elapsed().as_secs_f32(),
                    "classifier evaluated"
                );
                mirror::set_report(&report)
            })
            .await
            .cloned()
        });
        match tokio::time::timeout(wait, job).await {
            Ok(finished) => finished
                .map_err(|e| SortError::Internal(format!("evaluation task: {e}")))?
                .map(|report| Evaluation::Done(Box::new(report))),
            // the task carries on: the next request may find it done
            Err(_) => Ok(Evaluation::Computing),
        }
    }
}

/// The engine's failure as ours: missing data is the operator's to install.
pub fn pipeline_error(e: PipelineError) -> SortError {
    use precis_sort::fonts::FontError;
    match e {
        PipelineError::Font(FontError::Read { .. }) | PipelineError::Real(_) => {
            SortError::DataMissing {
                detail: e.to_string(),
            }
        }
        PipelineError::Cancelled => SortError::Internal("cancelled".into()),
        other => SortError::Internal(other.to_string()),
    }
}
