//! The question service's search: the passages that answer a question.
//!
//! Hybrid by default: the question's embedding finds passages close in meaning (cosine), its
//! words find passages that share them (BM25), and the two rankings are fused (reciprocal-rank
//! fusion). A relevance floor decides whether the best passages hold an answer at all; below
//! it the answer is "not in your documents", with the closest passages still shown.

use precis_knowledge::fusion::{Fused, Fusion};
use precis_knowledge::store::{Scope, Status, StoredPassage};

use super::{AskError, Knowledge};
use crate::domain::ask::highlight;
use crate::domain::errors::Field;
use crate::server::error::AppError;

/// Which rankings a search uses (the benchmark compares them; the service uses `Hybrid`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Hybrid,
    Dense,
    Keyword,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "hybrid" => Some(Self::Hybrid),
            "dense" => Some(Self::Dense),
            "keyword" => Some(Self::Keyword),
            _ => None,
        }
    }
}

/// When the best passages are taken to hold the answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Floor {
    /// `PRECIS_ASK_MIN_SIMILARITY`: a passage this close in meaning (cosine) is relevant.
    pub min_cosine: f32,
    /// `PRECIS_ASK_MIN_COVERAGE`: or one holding this share of the question's words.
    pub min_coverage: f32,
}

impl Default for Floor {
    /// The best balanced accuracy of the retrieval benchmark's grid (mean over en/fr/pt of the
    /// share of answerable questions grounded and unanswerable ones refused): 80% against 69%
    /// for the earlier 0.45 / 0.75, which refused only 35% of the French and 10% of the
    /// Portuguese unanswerable questions (English-only MiniLM finds any French or Portuguese
    /// passage somewhat close). Tuned on 20 unanswerable questions per language: optimistic.
    fn default() -> Self {
        Self {
            min_cosine: 0.65,
            min_coverage: 0.60,
        }
    }
}

/// The keyword ranking's weight in the fusion, the dense ranking's being 1
/// (`PRECIS_ASK_KEYWORD_WEIGHT`). By the retrieval benchmark 3 is best over en/fr/pt: keyword
/// search finds French and Portuguese answers far more often than English-only MiniLM, and
/// English loses nothing (hybrid MRR@10, 240-token passages: 77.5 / 68.0 / 74.2 against
/// 80.3 / 65.1 / 69.1 with equal weights). With a multilingual embedding model, 1 may be better.
pub const KEYWORD_WEIGHT: f32 = 3.0;

/// How questions are searched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Retrieval {
    pub mode: Mode,
    pub fusion: Fusion,
    pub floor: Floor,
    /// Candidates taken from each ranking before fusion.
    pub candidates: usize,
}

impl Default for Retrieval {
    fn default() -> Self {
        Self {
            mode: Mode::Hybrid,
            fusion: Fusion {
                dense: 1.0,
                keyword: KEYWORD_WEIGHT,
                ..Fusion::default()
            },
            floor: Floor::default(),
            candidates: 40,
        }
    }
}

/// What a search found.
#[derive(Debug, Clone)]
pub struct Found {
    /// Best first, at most `top_k`.
    pub passages: Vec<(StoredPassage, Fused)>,
    /// The passages hold an answer (above the relevance floor).
    pub grounded: bool,
    /// The question's embedding (the extractive answer compares sentences with it).
    pub vector: Vec<f32>,
}

impl Knowledge {
    /// The `top_k` passages among `scope`'s documents that best answer `question`.
    pub async fn search(
        &self,
        scope: &Scope,
        question: &str,
        top_k: usize,
    ) -> Result<Found, AppError> {
        let store = self.store();
        // The question is embedded while the documents are listed (at 100,000 passages in
        // 1,000 documents the listing takes ~4 ms); they are checked first, as before.
        let (documents, vector) = futures::join!(
            store.documents(scope),
            self.embed(vec![question.to_string()])
        );
        let documents = documents.map_err(AskError::from)?;
        if let Some(ids) = &scope.documents {
            if ids.iter().any(|id| !documents.iter().any(|d| &d.id == id)) {
                return Err(AskError::DocumentNotFound {
                    field: Some(Field::DocumentIds),
                }
                .into());
            }
        }
        if documents.is_empty() {
            return Err(AskError::NoDocuments.into());
        }
        if !documents.iter().any(|d| d.status == Status::Ready) {
            return Err(AskError::StillIndexing.into());
        }
        let vector = vector?.pop().unwrap_or_default();
        let settings = self.retrieval();
        let k = settings.candidates.max(top_k);
        let (dense, keyword) = match settings.mode {
            Mode::Hybrid => futures::try_join!(
                store.dense(scope, &vector, k),
                store.keyword(scope, question, k)
            )
            .map_err(AskError::from)?,
            Mode::Dense => (
                store
                    .dense(scope, &vector, k)
                    .await
                    .map_err(AskError::from)?,
                Vec::new(),
            ),
            Mode::Keyword => (
                Vec::new(),
                store
                    .keyword(scope, question, k)
                    .await
                    .map_err(AskError::from)?,
            ),
        };
        let mut fused = settings.fusion.fuse(&dense, &keyword);
        fused.truncate(top_k);
        let ids: Vec<i64> = fused.iter().map(|f| f.passage).collect();
        let stored = store.passages(&ids).await.map_err(AskError::from)?;
        let passages: Vec<(StoredPassage, Fused)> = stored
            .into_iter()
            .filter_map(|p| {
                let f = fused.iter().find(|f| f.passage == p.id).copied()?;
                Some((p, f))
            })
            .collect();
        // the cosine of passages found by keywords only is not known: compare them too
        let grounded = settings.floor.holds(question, &passages, &dense);
        Ok(Found {
            passages,
            grounded,
            vector,
        })
    }
}

impl Floor {
    /// Whether the best passages hold an answer: one is close enough in meaning, or holds
    /// enough of the question's words.
    pub fn holds(
        &self,
        question: &str,
        passages: &[(StoredPassage, Fused)],
        dense: &[precis_knowledge::store::Hit],
    ) -> bool {
        let best_cosine = dense.first().map_or(f32::MIN, |h| h.score);
        if best_cosine >= self.min_cosine {
            return true;
        }
        let terms = highlight::terms(question);
        if terms.is_empty() {
            return false;
        }
        passages.iter().any(|(p, _)| {
            highlight::covered(&p.text, &terms) as f32 / terms.len() as f32 >= self.min_coverage
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use precis_knowledge::store::Hit;

    fn passage(text: &str) -> (StoredPassage, Fused) {
        (
            StoredPassage {
                id: 1,
                document_id: "d".into(),
                title: "t".into(),
                ordinal: 0,
                start: 0,
                end: text.chars().count() as u32,
                text: text.into(),
            },
            Fused {
                passage: 1,
                score: 0.1,
                dense: None,
                keyword: None,
            },
        )
    }

    #[test]
    fn a_close_passage_or_enough_shared_words_hold_an_answer() {
        let floor = Floor::default();
        let close = [Hit {
            passage: 1,
            score: 0.8,
        }];
        let far = [Hit {
            passage: 1,
            score: 0.1,
        }];
        let p = [passage("The reactor was commissioned in 1984 near Lyon.")];
        assert!(floor.holds("anything at all", &p, &close));
        assert!(floor.holds("When was the reactor commissioned?", &p, &far));
        assert!(!floor.holds("Who painted the Mona Lisa?", &p, &far));
        assert!(!floor.holds("the", &p, &far));
        // a plural finds its singular, and "how many … do I get" is only framing
        let handbook = [passage(
            "Holidays. Every employee has 25 days of paid holiday a year. \
             Expenses are refunded within 30 days.",
        )];
        assert!(floor.holds("How many days of holiday do I get?", &handbook, &far));
        assert!(!floor.holds("How many sick days do I get?", &handbook, &far));
    }
}
