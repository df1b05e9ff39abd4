//! Sort: telling handwritten document images from typed ones, over HTTP. The engine is
//! `precis_sort` (no web types); this module serves it:
//!
//! - [`predict`]: an upload decoded and classified by every model, on tokio's blocking pool,
//!   at most `PRECIS_CLASSIFIER_WORKERS` at once (the other requests wait their turn);
//! - [`evaluate`]: the active models scored again on one evaluation set (computed once per set
//!   and per active models: the same models on the same pages give the same numbers);
//! - [`jobs`]: training again (operators only), one job at a time, in the background, kept in
//!   SQLite; the new models replace the active ones only when they are at least as good;
//! - [`shelf`]: models on disk: `{PRECIS_DATA_DIR}/sort/active/` (loaded at start, else the
//!   models compiled in) and each job's `sort/models/{id}/`;
//! - [`cli`]: `precis classifier train|evaluate`.
//!
//! Routes are in [`routes`].

pub mod cli;
pub mod error;
pub mod evaluate;
pub mod jobs;
pub(crate) mod mirror;
pub mod predict;
pub mod routes;
pub mod settings;
pub mod shelf;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use precis_sort::bundle::Bundle;
use tokio::sync::Semaphore;

pub use error::SortError;

use self::settings::SortSettings;
use crate::domain::sort::report::Origin;
use crate::server::db::Db;

/// The models answering now.
pub struct Active {
    pub bundle: Bundle,
    pub origin: Origin,
    /// The job of this server that trained them, if one did.
    pub job: Option<String>,
    /// Changes whenever other models become active (evaluations are kept per generation).
    pub generation: u64,
}

/// The classifier as the routes see it: cheap to clone.
#[derive(Clone)]
pub struct Classifier {
    inner: Arc<Inner>,
}

struct Inner {
    active: RwLock<Arc<Active>>,
    generations: AtomicU64,
    workers: Arc<Semaphore>,
    queue_timeout: Duration,
    settings: SortSettings,
    /// `{PRECIS_DATA_DIR}/sort`.
    home: PathBuf,
    evaluations: evaluate::Evaluations,
    trainer: jobs::Trainer,
}

impl Classifier {
    /// The active models (`{data_dir}/sort/active/` if an operator trained some, else the
    /// built-in ones). `trains`: this instance serves the classifier, so jobs a stop left
    /// running are marked failed.
    pub async fn start(
        settings: &SortSettings,
        data_dir: &Path,
        queue_timeout: Duration,
        db: Db,
        trains: bool,
    ) -> Result<Self, SortError> {
        let home = data_dir.join("sort");
        let (bundle, origin, job) = match shelf::load_active(&home) {
            Some(Ok((bundle, job))) => {
                tracing::info!(dir = %home.join(shelf::ACTIVE).display(), "classifier: trained models loaded");
                (bundle, Origin::Trained, job)
            }
            Some(Err(e)) => {
                tracing::error!(error = %e, dir = %home.join(shelf::ACTIVE).display(),
                    "classifier: the trained models cannot be read: the built-in ones answer");
                (builtin()?, Origin::Builtin, None)
            }
            None => (builtin()?, Origin::Builtin, None),
        };
        let trainer = jobs::Trainer::new(db);
        if trains {
            trainer.interrupt_unfinished().await?;
        }
        Ok(Self {
            inner: Arc::new(Inner {
                active: RwLock::new(Arc::new(Active {
                    bundle,
                    origin,
                    job,
                    generation: 0,
                })),
                generations: AtomicU64::new(0),
                workers: Arc::new(Semaphore::new(settings.workers.max(1))),
                queue_timeout,
                settings: settings.clone(),
                home,
                evaluations: evaluate::Evaluations::default(),
                trainer,
            }),
        })
    }

    /// The models answering now.
    pub fn active(&self) -> Arc<Active> {
        self.inner
            .active
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Makes `bundle` the models answering from now on.
    fn replace(&self, bundle: Bundle, job: Option<String>) {
        let generation = self.inner.generations.fetch_add(1, Ordering::Relaxed) + 1;
        let active = Arc::new(Active {
            bundle,
            origin: Origin::Trained,
            job,
            generation,
        });
        *self.inner.active.write().unwrap_or_else(|p| p.into_inner()) = active;
    }

    pub fn settings(&self) -> &SortSettings {
        &self.inner.settings
    }

    pub fn home(&self) -> &Path {
        &self.inner.home
    }

    /// Whether the account with `email` may train.
    pub fn is_operator(&self, email: &str) -> bool {
        self.inner.settings.is_operator(email)
    }

    /// The fonts and real scans evaluating and training need, or why they are missing.
    pub fn data(&self) -> Result<PathBuf, SortError> {
        data_dir(&self.inner.settings.data_dir)
    }

    pub fn trainer(&self) -> &jobs::Trainer {
        &self.inner.trainer
    }

    /// Stops a running training job (Precis is stopping): it ends as cancelled.
    pub fn stop_training(&self) {
        self.inner.trainer.stop();
    }
}

/// `dir` if it holds the Sort data (`index.tsv`, made last by `scripts/sort_data.sh`).
pub fn data_dir(dir: &Path) -> Result<PathBuf, SortError> {
    if dir.join("index.tsv").is_file() {
        Ok(dir.to_path_buf())
    } else {
        Err(SortError::DataMissing {
            detail: format!("{} has no index.tsv", dir.display()),
        })
    }
}

/// The models compiled into the binary.
pub fn builtin() -> Result<Bundle, SortError> {
    Bundle::builtin().map_err(|e| SortError::Internal(format!("the built-in models: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pages_rules_are_the_engines() {
        use crate::domain::sort as d;
        use precis_sort::decode as e;
        assert_eq!(d::MAX_SIDE, e::MAX_SIDE);
        assert_eq!(d::MAX_PIXELS, e::MAX_PIXELS);
        assert_eq!(d::MAX_PDF_PAGES, e::MAX_PDF_PAGES);
        assert_eq!(d::WORKING_SIDE, e::WORKING_SIDE);
        assert_eq!(d::THRESHOLD, precis_sort::eval::THRESHOLD);
        let shipped = precis_sort::bundle::Bundle::builtin().expect("the shipped models");
        assert_eq!(
            shipped.config.max_tiles, 16,
            "the API's doc says at most 16 tiles with the shipped models"
        );
        for m in d::ModelName::ALL {
            let kind = precis_sort::models::Kind::parse(m.as_str()).expect("an engine model");
            assert_eq!(kind.as_str(), m.as_str());
        }
        assert_eq!(
            precis_sort::models::Kind::ALL.len(),
            d::ModelName::ALL.len()
        );
    }
}
