//! A file classified: decoded into pages, each page cut into tiles and judged by every model,
//! on tokio's blocking pool, at most `PRECIS_CLASSIFIER_WORKERS` files at once.

use std::collections::BTreeMap;

use precis_sort::bundle::{Bundle, ClassifyError};
use precis_sort::decode::decode;
use precis_sort::models::Kind;

use super::{Active, Classifier, SortError};
use crate::domain::sort::prediction::{PagePrediction, Prediction, Tile, Verdict};
use crate::domain::sort::ModelName;

/// Seconds a request told the workers are busy is asked to wait.
const BUSY_RETRY_SECS: u64 = 5;

impl Classifier {
    /// Classifies the file `bytes` with `model` (the active models' default when `None`).
    pub async fn predict(
        &self,
        bytes: Vec<u8>,
        model: Option<ModelName>,
    ) -> Result<Prediction, SortError> {
        let active = self.active();
        let kind = answering(&active, model)?;
        let permit = tokio::time::timeout(
            self.inner.queue_timeout,
            self.inner.workers.clone().acquire_owned(),
        )
        .await
        .map_err(|_| SortError::Busy {
            retry_after: BUSY_RETRY_SECS,
        })?
        .map_err(|_| SortError::Internal("the workers' semaphore is closed".into()))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            classify_file(&active.bundle, &bytes, kind)
        })
        .await
        .map_err(|e| SortError::Internal(format!("a classifier worker stopped: {e}")))?
    }
}

/// The engine's model answering a request for `model`.
fn answering(active: &Active, model: Option<ModelName>) -> Result<Kind, SortError> {
    let kind = match model {
        Some(m) => Kind::parse(m.as_str()).ok_or_else(|| SortError::UnknownModel {
            name: m.as_str().into(),
        })?,
        None => active.bundle.default_model,
    };
    match active.bundle.model(kind) {
        Some(_) => Ok(kind),
        None => Err(SortError::UnknownModel {
            name: kind.as_str().into(),
        }),
    }
}

/// Every page of the file classified; `kind` answers.
pub fn classify_file(bundle: &Bundle, bytes: &[u8], kind: Kind) -> Result<Prediction, SortError> {
    let decoded = decode(bytes)?;
    let mut skipped = decoded.skipped_pages;
    let mut first_refusal = None;
    let mut pages = Vec::new();
    for image in &decoded.pages {
        match bundle.classify(image) {
            Ok(classified) => {
                let number = pages.len() as u32 + 1;
                pages.push(page(number, image.dimensions(), &classified, kind)?);
            }
            // a page with no writing (a blank back, a cover) is left out
            Err(ClassifyError::Prepare(e)) => {
                skipped += 1;
                first_refusal.get_or_insert(e);
            }
            Err(ClassifyError::Model(e)) => {
                return Err(SortError::Internal(format!("{kind} failed: {e}")))
            }
        }
    }
    if pages.is_empty() {
        return Err(first_refusal.map_or(SortError::NoWriting, SortError::from));
    }
    // the document: the mean of its pages' probabilities, model by model
    let mut per_model = BTreeMap::new();
    for name in pages[0].per_model.keys() {
        let mean = pages
            .iter()
            .filter_map(|p| p.per_model.get(name))
            .map(|v| v.probability_handwritten)
            .sum::<f64>()
            / pages.len() as f64;
        per_model.insert(name.clone(), Verdict::of(mean));
    }
    let answer = per_model
        .get(kind.as_str())
        .cloned()
        .ok_or_else(|| SortError::Internal(format!("{kind} gave no verdict")))?;
    Ok(Prediction {
        label: answer.label,
        probability: answer.probability,
        probability_handwritten: answer.probability_handwritten,
        model: kind.as_str().to_string(),
        per_model,
        pages,
        skipped_pages: skipped.min(u32::MAX as usize) as u32,
    })
}

fn page(
    number: u32,
    (width, height): (u32, u32),
    classified: &precis_sort::bundle::Classified,
    kind: Kind,
) -> Result<PagePrediction, SortError> {
    let per_model: BTreeMap<String, Verdict> = classified
        .verdicts
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), Verdict::of(v.probability as f64)))
        .collect();
    let (_, verdict) = classified
        .verdicts
        .iter()
        .find(|(k, _)| *k == kind)
        .ok_or_else(|| SortError::Internal(format!("{kind} gave no verdict")))?;
    let answer = Verdict::of(verdict.probability as f64);
    let tiles = classified
        .tiles
        .iter()
        .zip(&verdict.tiles)
        .map(|(&(x, y, side), p)| Tile {
            x,
            y,
            side,
            probability_handwritten: (*p as f64).clamp(0.0, 1.0),
        })
        .collect();
    Ok(PagePrediction {
        page: number,
        width,
        height,
        label: answer.label,
        probability: answer.probability,
        probability_handwritten: answer.probability_handwritten,
        per_model,
        tiles,
    })
}
