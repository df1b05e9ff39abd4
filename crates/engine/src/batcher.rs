//! Embedding requests that arrive together are embedded together.
//!
//! Requests wait in one list; whenever the list is non-empty one job on the inference pool
//! drains it, embeds every waiting sentence in one sorted, batched pass and hands each caller
//! its vectors. Requests that arrive meanwhile form the next batch: no timer, no added delay
//! for a lone request, and under load the forward passes are full (see README, "batching").

use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

use super::embed::Embedder;
use super::pool::{InferencePool, PoolError};
use super::EngineError;

/// Most sentences one drain takes, so a flood cannot starve the pool's other work.
const MAX_SENTENCES_PER_DRAIN: usize = 512;

type Reply = oneshot::Sender<Result<Vec<Vec<f32>>, EngineError>>;

struct Waiting {
    sentences: Vec<String>,
    reply: Reply,
}

#[derive(Default)]
struct Queue {
    waiting: Vec<Waiting>,
    draining: bool,
}

#[derive(Clone)]
pub struct EmbedBatcher {
    embedder: Arc<Embedder>,
    pool: InferencePool,
    queue: Arc<Mutex<Queue>>,
    batching: bool,
}

impl EmbedBatcher {
    pub fn new(embedder: Arc<Embedder>, pool: InferencePool, batching: bool) -> Self {
        Self {
            embedder,
            pool,
            queue: Arc::default(),
            batching,
        }
    }

    pub fn dims(&self) -> usize {
        self.embedder.dims
    }

    /// The model's folder (its `tokenizer.json` sizes passages in its tokens).
    pub fn dir(&self) -> &std::path::Path {
        &self.embedder.dir
    }

    /// Unit-length embeddings of `sentences`, in order.
    pub async fn embed(&self, sentences: Vec<String>) -> Result<Vec<Vec<f32>>, EngineError> {
        if sentences.is_empty() {
            return Ok(Vec::new());
        }
        if !self.batching {
            let embedder = self.embedder.clone();
            return self
                .pool
                .run(move |_| {
                    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
                    embedder.embed(&refs)
                })
                .await?;
        }
        let (reply, answer) = oneshot::channel();
        let start_drain = {
            let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
            q.waiting.push(Waiting { sentences, reply });
            !std::mem::replace(&mut q.draining, true)
        };
        if start_drain {
            let this = self.clone();
            tokio::spawn(async move { this.drain().await });
        }
        answer
            .await
            .map_err(|_| EngineError::Pool(PoolError::Crashed))?
    }

    async fn drain(&self) {
        let embedder = self.embedder.clone();
        let queue = self.queue.clone();
        let ran = self
            .pool
            .run(move |_| loop {
                let batch = take_batch(&queue);
                if batch.is_empty() {
                    return;
                }
                embed_batch(&embedder, batch);
            })
            .await;
        if let Err(e) = ran {
            // The pool refused (busy) or failed: everyone waiting hears it.
            let mut q = self.queue.lock().unwrap_or_else(|p| p.into_inner());
            q.draining = false;
            for w in q.waiting.drain(..) {
                let _ = w.reply.send(Err(EngineError::Pool(e.clone())));
            }
        }
    }
}

/// The next requests to embed (callers that left are dropped); marks the queue idle when empty.
fn take_batch(queue: &Mutex<Queue>) -> Vec<Waiting> {
    let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
    q.waiting.retain(|w| !w.reply.is_closed());
    let mut n = 0;
    let mut take = 0;
    for w in &q.waiting {
        if take > 0 && n + w.sentences.len() > MAX_SENTENCES_PER_DRAIN {
            break;
        }
        n += w.sentences.len();
        take += 1;
    }
    if take == 0 {
        q.draining = false;
    }
    q.waiting.drain(..take).collect()
}

fn embed_batch(embedder: &Embedder, batch: Vec<Waiting>) {
    let all: Vec<&str> = batch
        .iter()
        .flat_map(|w| w.sentences.iter().map(String::as_str))
        .collect();
    match embedder.embed(&all) {
        Ok(mut vectors) => {
            for w in batch.into_iter().rev() {
                let mine = vectors.split_off(vectors.len() - w.sentences.len());
                let _ = w.reply.send(Ok(mine));
            }
        }
        Err(e) => {
            let why = e.to_string();
            for w in batch {
                let _ = w.reply.send(Err(EngineError::Failed(why.clone())));
            }
        }
    }
}
