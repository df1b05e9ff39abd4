//! Background indexing of long documents, and resuming what a stop interrupted.
//!
//! One document is indexed at a time (the inference pool also answers questions and
//! summaries); the others wait their turn. A job that finds the pool full waits and tries the
//! batch again rather than failing the document. A stop (or a crash) leaves the document
//! `processing` with the batches written so far; at the next start, [`Knowledge::resume`]
//! splits its stored text again and carries on from the first passage not written.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use precis_knowledge::split::Passage;
use tokio::sync::Semaphore;
use tokio::task::AbortHandle;

use super::Knowledge;
use crate::server::error::AppError;
use crate::server::providers::ProviderError;

/// Times a batch is tried again when the inference pool is full.
const BUSY_RETRIES: u32 = 120;

#[derive(Clone)]
pub struct Indexer {
    turn: Arc<Semaphore>,
    /// The jobs started, to stop them when Precis stops (finished ones are dropped as new ones
    /// start).
    jobs: Arc<Mutex<Vec<AbortHandle>>>,
}

impl Default for Indexer {
    fn default() -> Self {
        Self {
            turn: Arc::new(Semaphore::new(1)),
            jobs: Arc::default(),
        }
    }
}

impl Indexer {
    /// Indexes `passages[from..]` of document `id` in the background.
    pub fn spawn(&self, knowledge: Knowledge, id: String, passages: Vec<Passage>, from: usize) {
        let turn = self.turn.clone();
        let job = tokio::spawn(async move {
            let Ok(_permit) = turn.acquire_owned().await else {
                return;
            };
            let started = std::time::Instant::now();
            match index_patiently(&knowledge, &id, &passages, from).await {
                Ok(()) => tracing::info!(
                    document = %id,
                    passages = passages.len(),
                    seconds = started.elapsed().as_secs_f32(),
                    "document indexed"
                ),
                Err(e) => knowledge.give_up(&id, &e).await,
            }
        });
        let mut jobs = self.jobs.lock().unwrap_or_else(|p| p.into_inner());
        jobs.retain(|j| !j.is_finished());
        jobs.push(job.abort_handle());
    }

    /// Stops every job between two batches' transactions (at shutdown): their documents stay
    /// `processing` with the batches written so far, and resume at the next start.
    pub fn stop_all(&self) {
        let jobs = std::mem::take(&mut *self.jobs.lock().unwrap_or_else(|p| p.into_inner()));
        for job in jobs {
            job.abort();
        }
    }
}

/// [`Knowledge::index`], waiting out a full inference pool.
async fn index_patiently(
    knowledge: &Knowledge,
    id: &str,
    passages: &[Passage],
    from: usize,
) -> Result<(), AppError> {
    let mut from = from;
    let mut retries = 0;
    loop {
        let done_before = from;
        match knowledge.index(id, passages, from).await {
            Ok(()) => return Ok(()),
            Err(AppError::Provider {
                source: ProviderError::Busy { retry_after },
                ..
            }) if retries < BUSY_RETRIES => {
                retries += 1;
                tokio::time::sleep(Duration::from_secs(retry_after.clamp(1, 10))).await;
                // carry on from what is stored
                from = knowledge.progress(id).await.unwrap_or(done_before);
            }
            Err(e) => return Err(e),
        }
    }
}

impl Knowledge {
    /// Passages of document `id` already written (any owner).
    async fn progress(&self, id: &str) -> Option<usize> {
        let unfinished = self.store().unfinished().await.ok()?;
        unfinished
            .iter()
            .find(|(d, _)| d.id == id)
            .map(|(d, _)| d.passages_done as usize)
    }

    /// Picks up documents a stop left `processing` (called once at start-up by an instance
    /// that ingests).
    pub async fn resume(&self) {
        let unfinished = match self.store().unfinished().await {
            Ok(u) => u,
            Err(e) => {
                tracing::error!(error = %e, "could not list documents left processing");
                return;
            }
        };
        let Ok((_, splitter)) = self.embedding_parts() else {
            return;
        };
        for (doc, text) in unfinished {
            let markdown = doc.format == "markdown";
            let splitter = splitter.clone();
            let passages = tokio::task::spawn_blocking(move || splitter.split(&text, markdown))
                .await
                .unwrap_or_default();
            if passages.len() != doc.passages_total as usize {
                // the passage size changed since: the written passages no longer line up
                tracing::warn!(document = %doc.id, "cannot resume indexing: the passage size changed");
                let e = AppError::Internal("passage size changed".into());
                self.give_up(&doc.id, &e).await;
                continue;
            }
            tracing::info!(document = %doc.id, from = doc.passages_done, of = doc.passages_total, "resuming indexing");
            self.indexer().spawn(
                self.clone(),
                doc.id.clone(),
                passages,
                doc.passages_done as usize,
            );
        }
    }
}
