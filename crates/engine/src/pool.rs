//! The dedicated inference pool: a fixed set of OS threads (sized to the cores) fed by a
//! bounded queue. Model work never runs on the async workers.
//!
//! * Full queue → [`PoolError::Busy`] at once, with an honest "try again in N s" computed from
//!   the queue length and the recent average job time. Nobody hangs.
//! * Every job carries a [`Cancel`] token that trips when the caller's future is dropped (the
//!   person pressed Cancel, or the connection closed). A job still waiting is skipped; a running
//!   job checks the token between tokens and stops.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::sync::oneshot;

/// Shared flag telling a job its caller is gone.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Cancels the token when dropped, unless disarmed.
struct CancelOnDrop(Option<Cancel>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            c.cancel();
        }
    }
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum PoolError {
    #[error("inference queue full ({queued} waiting)")]
    Busy { queued: usize, retry_after: u64 },
    #[error("inference job panicked or the pool stopped")]
    Crashed,
}

type Task = Box<dyn FnOnce() + Send + 'static>;

struct Shared {
    queued: AtomicUsize,
    running: AtomicUsize,
    /// Exponential moving average of job duration, in ms.
    avg_ms: AtomicU64,
    capacity: usize,
    workers: usize,
}

#[derive(Clone)]
pub struct InferencePool {
    tx: SyncSender<Task>,
    shared: Arc<Shared>,
}

/// A snapshot for health checks and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    pub workers: usize,
    pub capacity: usize,
    pub queued: usize,
    pub running: usize,
}

impl InferencePool {
    /// `workers` threads; at most `capacity` jobs waiting (beyond the running ones).
    pub fn new(workers: usize, capacity: usize) -> Self {
        let workers = workers.max(1);
        let (tx, rx) = mpsc::sync_channel::<Task>(capacity);
        let rx = Arc::new(Mutex::new(rx));
        let shared = Arc::new(Shared {
            queued: AtomicUsize::new(0),
            running: AtomicUsize::new(0),
            avg_ms: AtomicU64::new(2_000),
            capacity,
            workers,
        });
        for i in 0..workers {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("precis-infer-{i}"))
                .spawn(move || loop {
                    let task = match rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    match task {
                        Ok(task) => task(),
                        Err(_) => return, // pool dropped
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start an inference thread");
            }
        }
        Self { tx, shared }
    }

    pub fn stats(&self) -> PoolStats {
        PoolStats {
            workers: self.shared.workers,
            capacity: self.shared.capacity,
            queued: self.shared.queued.load(Ordering::Relaxed),
            running: self.shared.running.load(Ordering::Relaxed),
        }
    }

    /// Seconds until a slot is likely free: the jobs ahead, spread over the workers, at the
    /// recent average duration; between 1 and 120.
    pub fn retry_after(&self) -> u64 {
        let ahead = self.shared.queued.load(Ordering::Relaxed) + 1;
        let avg = self.shared.avg_ms.load(Ordering::Relaxed);
        let ms = ahead as u64 * avg / self.shared.workers as u64;
        ms.div_ceil(1000).clamp(1, 120)
    }

    /// Runs `job` on the pool. Dropping the returned future cancels the job (skipped if still
    /// queued; a running job sees [`Cancel::is_cancelled`]).
    pub async fn run<T, F>(&self, job: F) -> Result<T, PoolError>
    where
        T: Send + 'static,
        F: FnOnce(&Cancel) -> T + Send + 'static,
    {
        let cancel = Cancel::new();
        let mut guard = CancelOnDrop(Some(cancel.clone()));
        let (done_tx, done_rx) = oneshot::channel();
        let shared = self.shared.clone();
        let task: Task = Box::new(move || {
            shared.queued.fetch_sub(1, Ordering::Relaxed);
            if cancel.is_cancelled() || done_tx.is_closed() {
                return; // the caller left while waiting
            }
            shared.running.fetch_add(1, Ordering::Relaxed);
            let started = Instant::now();
            let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&cancel)));
            let ms = started.elapsed().as_millis() as u64;
            let avg = shared.avg_ms.load(Ordering::Relaxed);
            shared.avg_ms.store((avg * 4 + ms) / 5, Ordering::Relaxed);
            shared.running.fetch_sub(1, Ordering::Relaxed);
            match out {
                Ok(out) => {
                    let _ = done_tx.send(out);
                }
                Err(_) => tracing::error!("an inference job panicked"),
            }
        });
        self.shared.queued.fetch_add(1, Ordering::Relaxed);
        match self.tx.try_send(task) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                let queued = self.shared.queued.fetch_sub(1, Ordering::Relaxed) - 1;
                guard.0 = None;
                return Err(PoolError::Busy {
                    queued,
                    retry_after: self.retry_after(),
                });
            }
            Err(TrySendError::Disconnected(_)) => {
                self.shared.queued.fetch_sub(1, Ordering::Relaxed);
                guard.0 = None;
                return Err(PoolError::Crashed);
            }
        }
        let out = done_rx.await.map_err(|_| PoolError::Crashed);
        guard.0 = None;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;
    use std::time::Duration;

    /// A job that holds a worker until told to go.
    fn blocker(pool: &InferencePool) -> (std::sync::mpsc::Sender<()>, tokio::task::JoinHandle<()>) {
        let (go_tx, go_rx) = channel::<()>();
        let p = pool.clone();
        let h = tokio::spawn(async move {
            let _ = p
                .run(move |_| {
                    let _ = go_rx.recv();
                })
                .await;
        });
        (go_tx, h)
    }

    async fn until(mut f: impl FnMut() -> bool) {
        for _ in 0..500 {
            if f() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("condition never held");
    }

    #[tokio::test]
    async fn runs_jobs_off_the_async_workers() {
        let pool = InferencePool::new(2, 4);
        let name = pool
            .run(|_| std::thread::current().name().map(str::to_string))
            .await
            .unwrap();
        assert!(name.unwrap().starts_with("precis-infer-"));
    }

    #[tokio::test]
    async fn a_full_queue_answers_busy_at_once_with_a_retry_time() {
        let pool = InferencePool::new(1, 2);
        let (go, running) = blocker(&pool);
        until(|| pool.stats().running == 1).await;
        let (go2, q1) = blocker(&pool);
        let (go3, q2) = blocker(&pool);
        until(|| pool.stats().queued == 2).await;

        let err = pool.run(|_| ()).await.unwrap_err();
        match err {
            PoolError::Busy {
                queued,
                retry_after,
            } => {
                assert_eq!(queued, 2);
                assert!((1..=120).contains(&retry_after));
            }
            other => panic!("{other:?}"),
        }
        for g in [go, go2, go3] {
            g.send(()).unwrap();
        }
        for h in [running, q1, q2] {
            h.await.unwrap();
        }
        assert_eq!(pool.stats().queued, 0);
        // Room again.
        assert_eq!(pool.run(|_| 5).await, Ok(5));
    }

    #[tokio::test]
    async fn a_queued_job_whose_caller_left_never_runs() {
        let pool = InferencePool::new(1, 4);
        let (go, running) = blocker(&pool);
        until(|| pool.stats().running == 1).await;
        let ran = Arc::new(AtomicBool::new(false));
        let flag = ran.clone();
        let p = pool.clone();
        let waiting =
            tokio::spawn(async move { p.run(move |_| flag.store(true, Ordering::SeqCst)).await });
        until(|| pool.stats().queued == 1).await;
        waiting.abort();
        let _ = waiting.await;
        go.send(()).unwrap();
        running.await.unwrap();
        until(|| pool.stats().queued == 0).await;
        assert_eq!(pool.run(|_| 1).await, Ok(1));
        assert!(!ran.load(Ordering::SeqCst));
    }

    #[tokio::test]
    async fn a_running_job_sees_its_caller_leave() {
        let pool = InferencePool::new(1, 4);
        let saw_cancel = Arc::new(AtomicBool::new(false));
        let flag = saw_cancel.clone();
        let p = pool.clone();
        let started = Arc::new(AtomicBool::new(false));
        let s = started.clone();
        let job = tokio::spawn(async move {
            p.run(move |cancel| {
                s.store(true, Ordering::SeqCst);
                for _ in 0..2_000 {
                    if cancel.is_cancelled() {
                        flag.store(true, Ordering::SeqCst);
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
            })
            .await
        });
        until(|| started.load(Ordering::SeqCst)).await;
        job.abort();
        until(|| saw_cancel.load(Ordering::SeqCst)).await;
    }

    #[tokio::test]
    async fn a_panicking_job_is_reported_and_the_worker_survives() {
        let pool = InferencePool::new(1, 2);
        let r: Result<(), _> = pool.run(|_| panic!("boom")).await;
        assert_eq!(r, Err(PoolError::Crashed));
        assert_eq!(pool.run(|_| 2).await, Ok(2));
    }
}
