//! Training the classifiers again (`POST /api/v1/classifier/train`, operators only): the job,
//! its progress and its outcome.

use serde::{Deserialize, Serialize};

use crate::domain::errors::PublicError;

/// How much to train on.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Little data, every step: a few minutes.
    Quick,
    /// The shipped models' data: much longer.
    #[default]
    Standard,
}

impl Preset {
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Quick => "quick",
            Preset::Standard => "standard",
        }
    }

    pub fn parse(s: &str) -> Option<Preset> {
        [Preset::Quick, Preset::Standard]
            .into_iter()
            .find(|p| p.as_str() == s)
    }
}

/// `POST /api/v1/classifier/train` (the body is optional).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainRequest {
    /// `standard` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
}

/// Where a job is.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Running => "running",
            JobState::Succeeded => "succeeded",
            JobState::Failed => "failed",
            JobState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        [
            JobState::Queued,
            JobState::Running,
            JobState::Succeeded,
            JobState::Failed,
            JobState::Cancelled,
        ]
        .into_iter()
        .find(|j| j.as_str() == s)
    }

    /// Queued or running: it may still change.
    pub fn is_active(self) -> bool {
        matches!(self, JobState::Queued | JobState::Running)
    }
}

/// What a running job is doing.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "kebab-case")]
pub enum TrainStage {
    /// Rendering and preparing the pages.
    Pages,
    /// Cross-validation: fold `fold` (from 1) of `folds`, training `model`.
    CrossValidation {
        fold: u32,
        folds: u32,
        model: String,
    },
    /// Training `model` on all the training pages.
    FinalModel { model: String },
    /// Scoring the evaluation sets.
    Evaluation,
}

/// What a finished job made of its models.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainOutcome {
    /// The new models answer predictions now.
    pub activated: bool,
    /// Why, in a sentence (in the request's language).
    pub reason: String,
    /// The new models' default model, and its ROC-AUC on the unseen fonts.
    pub default_model: String,
    pub roc_auc_unseen_fonts: Option<f64>,
    /// The ROC-AUC on unseen fonts of the models that were active when the job ended.
    pub active_roc_auc_unseen_fonts: Option<f64>,
    /// Where the new models were saved, under the server's data folder.
    pub saved_to: String,
}

/// A training job.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainJob {
    /// 32 hex digits.
    pub id: String,
    pub state: JobState,
    pub preset: Preset,
    /// The share of the work done, from 0 to 1.
    pub progress: f64,
    /// What it is doing (while running; the last stage reached once it ended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<TrainStage>,
    /// A cancellation was asked for and the job has not stopped yet.
    pub cancel_requested: bool,
    /// RFC 3339, UTC.
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
    /// Succeeded: what became of the new models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<TrainOutcome>,
    /// Failed: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<PublicError>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_presets_round_trip() {
        for s in ["queued", "running", "succeeded", "failed", "cancelled"] {
            let state = JobState::parse(s).unwrap();
            assert_eq!(state.as_str(), s);
            assert_eq!(serde_json::to_string(&state).unwrap(), format!("\"{s}\""));
        }
        assert_eq!(Preset::parse("quick"), Some(Preset::Quick));
        assert_eq!(Preset::default(), Preset::Standard);
        let stage = TrainStage::CrossValidation {
            fold: 1,
            folds: 3,
            model: "cnn".into(),
        };
        assert_eq!(
            serde_json::to_value(&stage).unwrap(),
            serde_json::json!({"name": "cross-validation", "fold": 1, "folds": 3, "model": "cnn"})
        );
        let none: TrainRequest = serde_json::from_str("{}").unwrap();
        assert_eq!(none.preset, None);
        assert!(serde_json::from_str::<TrainRequest>(r#"{"preset": "slow"}"#).is_err());
    }
}
