//! A run's outcome as the comparison report.

use super::{Outcome, Scored};
use crate::eval::{Bootstrap, EvalError, Prediction, THRESHOLD};
use crate::models::Kind;
use crate::report::{Counts, ModelInfo, Protocol, Report, SetKind, SetReport};

fn predictions(pages: &[Scored]) -> Vec<Prediction> {
    pages
        .iter()
        .map(|p| Prediction {
            truth: p.truth,
            probability: p.probability.clamp(0.0, 1.0),
            group: p.group.clone(),
        })
        .collect()
}

/// The report of `outcome`: every model on every set, with intervals and the paired test.
pub fn report(outcome: &Outcome) -> Result<Report, EvalError> {
    let bootstrap = Bootstrap {
        resamples: outcome.config.resamples,
        seed: outcome.config.seed,
    };
    let mut sets = Vec::new();
    let mut training = Counts::default();
    for set in SetKind::ALL {
        let per_model: Vec<(&str, Vec<Prediction>)> = Kind::ALL
            .iter()
            .filter_map(|k| {
                let e = outcome
                    .evaluations
                    .iter()
                    .find(|e| e.set == set && e.kind == *k)?;
                Some((k.as_str(), predictions(&e.pages)))
            })
            .collect();
        if per_model.is_empty() {
            continue;
        }
        if set == SetKind::CrossValidation {
            training = Counts::of(&per_model[0].1);
        }
        let refs: Vec<(&str, &[Prediction])> =
            per_model.iter().map(|(n, p)| (*n, &p[..])).collect();
        sets.push(SetReport::evaluate(set, &refs, THRESHOLD, &bootstrap)?);
    }
    let models = outcome
        .costs
        .iter()
        .map(|c| ModelInfo {
            name: c.kind.as_str().to_string(),
            description: c.kind.description().to_string(),
            training_seconds: c.train_seconds,
            prediction_ms_per_page: c.predict_ms,
            size_bytes: c.size_bytes as u64,
        })
        .collect();
    Ok(Report {
        protocol: Protocol {
            seed: outcome.config.seed,
            folds: 3,
            threshold: THRESHOLD,
            bootstrap,
            training,
        },
        models,
        sets,
    })
}
