//! Crash test: a summary Precis acknowledged (`201`) is never lost when the process is killed
//! (run it through `scripts/crash-test.sh`).
//!
//! The release `precis` binary runs as its own process, one data folder for the whole test, in
//! front of a mock HuggingFace that answers at once (so writes, not summaries, are the work).
//! Each round, closed-loop clients (64 by default) send `POST /api/v1/summaries` and keep the id
//! of every `201` they read in full; at a random moment the process gets `SIGKILL`. The
//! database file is then opened as the crash left it: its integrity is checked and every
//! acknowledged id is looked up. Precis is started again on the same folder for the next round.
//!
//! The test fails (exit 1) if any acknowledged summary is missing, the file is damaged, or a
//! round acknowledged nothing (the kill came too early to test anything).
//!
//! Options (after `--`): `--kills N` (rounds, default 12), `--clients N` (default 64),
//! `--min-ms N` / `--max-ms N` (when the kill comes, after the clients start; default 300 and
//! 2500), `--seed N` (default: from the clock, printed), `--synchronous normal|full` (passed
//! as `PRECIS_SQLITE_SYNCHRONOUS`; default: Precis's default). Environment: `PRECIS_BIN`.

use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::header::{HeaderValue, CONTENT_TYPE, COOKIE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

mod support;

use support::server::Server;
use support::{upstream, BenchResult};

const USAGE: &str = "usage: crash [--kills N] [--clients N] [--min-ms N] [--max-ms N] [--seed N] \
                     [--synchronous normal|full]";

/// What every client summarizes (the text does not matter; its row does).
const TEXT: &str = "The council approved the transport budget after a long debate. Buses and \
    trams get more money, and two new lines will open next year. Critics said fares should \
    have been frozen; the mayor replied that the plan pays for itself within five years.";

struct Options {
    kills: u32,
    clients: usize,
    min_ms: u64,
    max_ms: u64,
    seed: u64,
    synchronous: Option<String>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        kills: 12,
        clients: 64,
        min_ms: 300,
        max_ms: 2500,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
        synchronous: None,
    };
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        if flag == "--bench" {
            continue; // cargo bench passes it
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag} takes a whole number, not {value:?}\n{USAGE}"))
        };
        match flag.as_str() {
            "--kills" => o.kills = number()?.clamp(1, 10_000) as u32,
            "--clients" => o.clients = number()?.clamp(1, 4096) as usize,
            "--min-ms" => o.min_ms = number()?,
            "--max-ms" => o.max_ms = number()?,
            "--seed" => o.seed = number()?,
            "--synchronous" if ["normal", "full"].contains(&value.as_str()) => {
                o.synchronous = Some(value.clone())
            }
            _ => return Err(format!("unknown option {flag} {value}\n{USAGE}")),
        }
    }
    if o.min_ms >= o.max_ms {
        return Err(format!("--min-ms must be below --max-ms\n{USAGE}"));
    }
    Ok(o)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match support::run("crash test", run(options)) {
        Some(true) => ExitCode::SUCCESS,
        Some(false) | None => ExitCode::FAILURE,
    }
}

/// What one round saw.
struct Round {
    acknowledged: usize,
    missing: usize,
    killed_after: Duration,
    integrity: String,
}

/// Runs every round and prints the report; true when nothing acknowledged was lost.
async fn run(o: Options) -> BenchResult<bool> {
    let bin = support::precis_bin("scripts/crash-test.sh")?;
    let out_dir = support::target_dir().join("crash-test");
    std::fs::create_dir_all(&out_dir)?;
    let log = out_dir.join("precis.log");
    std::fs::write(&log, "")?;
    let data = tempfile::tempdir()?;
    let mock = upstream::start(None).await?;
    let mut env = upstream::precis_env(mock).to_vec();
    // every client is one person: keep the per-person limit out of the way
    env.push(("PRECIS_RATE_LIMIT_BURST", "1000000000".into()));
    env.push(("PRECIS_RATE_LIMIT_PER_MINUTE", "1000000000".into()));
    if let Some(mode) = &o.synchronous {
        env.push(("PRECIS_SQLITE_SYNCHRONOUS", mode.clone()));
    }
    eprintln!(
        "crash test: {} kills, {} clients, kill after {}-{} ms, seed {}, synchronous {}, load {}",
        o.kills,
        o.clients,
        o.min_ms,
        o.max_ms,
        o.seed,
        o.synchronous.as_deref().unwrap_or("(default)"),
        support::loadavg()
    );
    let mut rng = StdRng::seed_from_u64(o.seed);
    let began = Instant::now();
    let mut rounds = Vec::new();
    for n in 1..=o.kills {
        let server = Server::start(&bin, data.path(), &env, &log).await?;
        let cookie = support::identity_cookie(&server.base, "/api/v1/summaries").await?;
        let after = Duration::from_millis(rng.random_range(o.min_ms..o.max_ms));
        let acked = load_until_killed(server, &cookie, o.clients, after).await?;
        let (present, integrity) = stored_ids(&data.path().join("precis.db")).await?;
        let missing = acked.iter().filter(|id| !present.contains(id)).count();
        let round = Round {
            acknowledged: acked.len(),
            missing,
            killed_after: after,
            integrity,
        };
        eprintln!(
            "  kill {n:>2} after {:>4} ms: {:>6} acknowledged ({:>5.0}/s), {} missing, integrity {}",
            round.killed_after.as_millis(),
            round.acknowledged,
            round.acknowledged as f64 / round.killed_after.as_secs_f64(),
            round.missing,
            round.integrity
        );
        rounds.push(round);
    }
    let acknowledged: usize = rounds.iter().map(|r| r.acknowledged).sum();
    let missing: usize = rounds.iter().map(|r| r.missing).sum();
    let damaged = rounds.iter().filter(|r| r.integrity != "ok").count();
    let idle = rounds.iter().filter(|r| r.acknowledged == 0).count();
    let loaded: Duration = rounds.iter().map(|r| r.killed_after).sum();
    let report = format!(
        "| kills | clients | acknowledged | missing | damaged files | writes/s under load | \
         synchronous |\n| --- | --- | --- | --- | --- | --- | --- |\n| {} | {} | {} | **{}** | {} \
         | {:.0} | {} |\n\nseed {}, {:.0} s in all, load average {} after.\n",
        rounds.len(),
        o.clients,
        acknowledged,
        missing,
        damaged,
        acknowledged as f64 / loaded.as_secs_f64(),
        o.synchronous.as_deref().unwrap_or("normal (default)"),
        o.seed,
        began.elapsed().as_secs_f64(),
        support::loadavg()
    );
    println!("{report}");
    std::fs::write(out_dir.join("results.md"), &report)?;
    if idle > 0 {
        eprintln!("{idle} round(s) acknowledged nothing before the kill: raise --min-ms");
    }
    Ok(missing == 0 && damaged == 0 && idle == 0)
}

/// Runs `clients` closed-loop clients against `server`, kills it with `SIGKILL` after
/// `after`, and returns the ids of every summary whose `201` was read in full before that.
async fn load_until_killed(
    server: Server,
    cookie: &HeaderValue,
    clients: usize,
    after: Duration,
) -> BenchResult<Vec<i64>> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .pool_max_idle_per_host(clients)
        .build()?;
    let url = format!("{}/api/v1/summaries", server.base);
    let body = serde_json::to_vec(&json!({ "text": TEXT }))?;
    let acked = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (http, url, body) = (http.clone(), url.clone(), body.clone());
            let (cookie, acked, stop) = (cookie.clone(), acked.clone(), stop.clone());
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    let sent = http
                        .post(&url)
                        .header(CONTENT_TYPE, "application/json")
                        .header(COOKIE, cookie.clone())
                        .body(body.clone())
                        .send()
                        .await;
                    let Ok(res) = sent else { continue };
                    if res.status() != StatusCode::CREATED {
                        continue;
                    }
                    // acknowledged only once the whole answer, id included, has arrived
                    let Ok(answer) = res.json::<Value>().await else {
                        continue;
                    };
                    if let Some(id) = answer.get("id").and_then(Value::as_i64) {
                        acked.lock().expect("not poisoned").push(id);
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(after).await;
    server.kill()?;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        task.await?;
    }
    let ids = std::mem::take(&mut *acked.lock().expect("not poisoned"));
    Ok(ids)
}

/// The ids of the summaries in the database file as the crash left it, and what SQLite's
/// integrity check says of the file.
async fn stored_ids(path: &Path) -> BenchResult<(HashSet<i64>, String)> {
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(SqliteConnectOptions::new().filename(path))
        .await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await?;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM summaries WHERE outcome = 'ok'")
        .fetch_all(&pool)
        .await?;
    pool.close().await;
    Ok((ids.into_iter().collect(), integrity))
}
