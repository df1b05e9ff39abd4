//! Independent fits on worker threads, with one progress bar and cancellation.
//!
//! Each fit runs on one core (smartcore's learners and candle's small convolutions do not spread
//! over threads), so on `threads` cores `threads` fits go at once. Results come back in the jobs'
//! order whatever the order they finish in, so a run is the same on any number of cores.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use super::{PipelineError, Progress, Stage};
use crate::models::{Kind, Scorer};

/// A fit's result: the scorer and the seconds it took.
pub type Fitted = (Scorer, f64);

/// Run `fit` on every job over `threads` threads; the bar moves from `from` to `to` as jobs end.
/// `fit` gets its job and a `live()` check that turns false once the run is cancelled.
pub fn run<F>(
    jobs: &[(Option<usize>, Kind)],
    threads: usize,
    progress: &mut Progress,
    from: f32,
    to: f32,
    fit: F,
) -> Result<Vec<Fitted>, PipelineError>
where
    F: Fn(&(Option<usize>, Kind), &dyn Fn() -> bool) -> Result<Fitted, PipelineError> + Sync,
{
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let cancelled = AtomicBool::new(false);
    let workers = threads.max(1).min(jobs.len());
    let alive = AtomicUsize::new(workers);
    let results: Vec<Mutex<Option<Result<Fitted, PipelineError>>>> =
        jobs.iter().map(|_| Mutex::new(None)).collect();
    let stage_of = |i: usize| match jobs[i] {
        (Some(fold), kind) => Stage::Fold { fold, kind },
        (None, kind) => Stage::Final { kind },
    };
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= jobs.len() || cancelled.load(Ordering::SeqCst) {
                    alive.fetch_sub(1, Ordering::SeqCst);
                    break;
                }
                let live = || !cancelled.load(Ordering::SeqCst);
                let r = fit(&jobs[i], &live);
                if r.is_err() {
                    cancelled.store(true, Ordering::SeqCst);
                }
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(r);
                }
                done.fetch_add(1, Ordering::SeqCst);
            });
        }
        // this thread keeps the bar moving and listens for a cancel
        loop {
            let d = done.load(Ordering::SeqCst);
            let started = next
                .load(Ordering::SeqCst)
                .min(jobs.len().saturating_sub(1));
            let share = from + (to - from) * d as f32 / jobs.len().max(1) as f32;
            if !progress(stage_of(started), share) {
                cancelled.store(true, Ordering::SeqCst);
            }
            if alive.load(Ordering::SeqCst) == 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    });
    if cancelled.load(Ordering::SeqCst) {
        // a failure is told as itself; otherwise it was the caller's cancel
        for slot in &results {
            if let Ok(mut slot) = slot.lock() {
                if let Some(Err(e)) = slot.take() {
                    if !matches!(e, PipelineError::Cancelled) {
                        return Err(e);
                    }
                }
            }
        }
        return Err(PipelineError::Cancelled);
    }
    results
        .into_iter()
        .map(|slot| match slot.into_inner() {
            Ok(Some(r)) => r,
            _ => Err(PipelineError::Worker),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::linear::Linear;

    fn scorer(tag: f32) -> Scorer {
        Scorer::Linear(Linear {
            mean: vec![],
            scale: vec![],
            weights: vec![],
            bias: tag,
        })
    }

    fn jobs() -> Vec<(Option<usize>, Kind)> {
        (0..7).map(|i| (Some(i), Kind::HogSvm)).collect()
    }

    #[test]
    fn results_come_back_in_the_jobs_order_on_any_number_of_threads() {
        for threads in [1, 2, 5] {
            let mut seen = Vec::new();
            let out = run(
                &jobs(),
                threads,
                &mut |_, f| {
                    seen.push(f);
                    true
                },
                0.0,
                1.0,
                |(fold, _), _| {
                    // later jobs finish first
                    std::thread::sleep(Duration::from_millis(10 * (7 - fold.unwrap_or(0)) as u64));
                    Ok((scorer(fold.unwrap_or(0) as f32), 0.0))
                },
            )
            .unwrap();
            let tags: Vec<f32> = out
                .iter()
                .map(|(s, _)| match s {
                    Scorer::Linear(l) => l.bias,
                    Scorer::Cnn(_) => -1.0,
                })
                .collect();
            assert_eq!(tags, vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
            assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
            assert_eq!(seen.last().copied(), Some(1.0));
        }
    }

    #[test]
    fn a_cancel_stops_the_fits_and_a_failure_is_told_as_itself() {
        let r = run(&jobs(), 2, &mut |_, _| false, 0.0, 1.0, |_, live| {
            while live() {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(PipelineError::Cancelled)
        });
        assert!(matches!(r, Err(PipelineError::Cancelled)));
        let r = run(
            &jobs(),
            2,
            &mut |_, _| true,
            0.0,
            1.0,
            |(fold, _), _| match fold {
                Some(3) => Err(PipelineError::Train(crate::models::TrainError::OneClass)),
                _ => Ok((scorer(0.0), 0.0)),
            },
        );
        assert!(matches!(
            r,
            Err(PipelineError::Train(crate::models::TrainError::OneClass))
        ));
    }
}
