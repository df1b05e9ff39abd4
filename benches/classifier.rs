//! Throughput of `POST /api/v1/classifier/predict` (run it through `scripts/bench_sort.sh --api`).
//!
//! The release `precis` binary is started as its own process with `PRECIS_SERVICES=classifier` on
//! a free port, its classifier rate limit out of the way; a few unseen-font test pages are rendered
//! here (Sort's generator, deterministic) and encoded as PNG; then closed-loop clients (1, 2, 4, 8
//! by default) send them in turn as multipart uploads (field `file`) for a fixed time. Reported:
//! pages/s, p50/p99 latency, failures (any status but 200, or no answer), and where the CPU went
//! (Precis, this process, everything else), read from /proc.
//!
//! Options (after `--`): `--duration-secs N` (measured seconds per run, default 10),
//! `--warmup-secs N` (default 2), `--clients 1,2,4,8`, `--pages N` (distinct pages, default 4),
//! `--jsonl PATH` (also write one JSON line per run there). Environment: `PRECIS_BIN` (default
//! `$CARGO_TARGET_DIR/release/precis`), `PRECIS_CLASSIFIER_WORKERS` (passed on; Precis's default is
//! the number of cores).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, COOKIE};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

mod support;

use support::server::Server;
use support::BenchResult;

const PREDICT: &str = "/api/v1/classifier/predict";
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
const USAGE: &str = "usage: classifier [--duration-secs N] [--warmup-secs N] [--clients 1,2,4,8] \
                     [--pages N] [--jsonl PATH]";

struct Options {
    duration: Duration,
    warmup: Duration,
    clients: Vec<usize>,
    pages: u64,
    jsonl: Option<PathBuf>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        duration: Duration::from_secs(10),
        warmup: Duration::from_secs(2),
        clients: vec![1, 2, 4, 8],
        pages: 4,
        jsonl: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        let number = |v: &str| -> Result<u64, String> {
            v.trim()
                .parse::<u64>()
                .map_err(|_| format!("{name}: {v:?} is not a whole number"))
        };
        match name.as_str() {
            // `cargo bench` appends `--bench` to every bench binary's arguments
            "--bench" => {}
            "--duration-secs" => o.duration = Duration::from_secs(number(&value()?)?),
            "--warmup-secs" => o.warmup = Duration::from_secs(number(&value()?)?),
            "--pages" => o.pages = number(&value()?)?.max(1),
            "--jsonl" => o.jsonl = Some(PathBuf::from(value()?)),
            "--clients" => {
                o.clients = value()?
                    .split(',')
                    .map(|c| match number(c) {
                        Ok(n) if n > 0 => Ok(n as usize),
                        _ => Err(format!("--clients: {c:?} is not a number above zero")),
                    })
                    .collect::<Result<_, _>>()?;
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    if o.duration.is_zero() {
        return Err("--duration-secs must be above zero".into());
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
    match support::run("classifier benchmark", run(options)) {
        Some(0) => ExitCode::SUCCESS,
        Some(failures) => {
            eprintln!("classifier benchmark: {failures} request(s) failed (see the table)");
            ExitCode::FAILURE
        }
        None => ExitCode::FAILURE,
    }
}

/// `n` unseen-font test pages as PNG files, as a scanner would send them.
fn pages(n: u64) -> BenchResult<Vec<Vec<u8>>> {
    use precis_sort::dataset::Generator;
    use precis_sort::fonts::{default_data_dir, Catalogue, Split};
    let catalogue = Catalogue::load(&default_data_dir())?;
    let text = precis_sort::text::TextSource::builtin();
    let generator = Generator {
        catalogue: &catalogue,
        text: &text,
        width: precis_sort::train::TrainConfig::standard().width,
    };
    (0..n)
        .map(|i| {
            let page = generator.page(Split::Test, i)?;
            let mut png = Vec::new();
            page.image
                .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)?;
            Ok(png)
        })
        .collect()
}

async fn run(o: Options) -> BenchResult<u64> {
    let bin = support::precis_bin("scripts/bench_sort.sh --api")?;
    let pngs = Arc::new(pages(o.pages)?);
    let kb = pngs.iter().map(Vec::len).sum::<usize>() as f64 / 1024.0 / pngs.len() as f64;
    let log_path = std::env::temp_dir().join(format!(
        "precis-classifier-bench-{}.log",
        std::process::id()
    ));
    let data = tempfile::tempdir()?;
    let env = [
        ("PRECIS_SERVICES", "classifier".to_string()),
        // one person sends everything: keep the per-person limits out of the way
        (
            "PRECIS_CLASSIFIER_RATE_LIMIT_PER_MINUTE",
            "1000000000".into(),
        ),
        ("PRECIS_CLASSIFIER_RATE_LIMIT_BURST", "1000000000".into()),
        ("PRECIS_RATE_LIMIT_PER_MINUTE", "1000000000".into()),
        ("PRECIS_RATE_LIMIT_BURST", "1000000000".into()),
    ];
    let mut server = Server::start(&bin, data.path(), &env, &log_path).await?;
    let workers = std::env::var("PRECIS_CLASSIFIER_WORKERS").unwrap_or_else(|_| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .to_string()
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!(
        "precis pid {} on {} ({} cores, {workers} classifier workers), {} pages of {kb:.0} KB, \
         load average {}",
        server.pid(),
        server.base,
        cores,
        pngs.len(),
        support::loadavg()
    );
    let mut out = match &o.jsonl {
        Some(path) => Some(File::create(path)?),
        None => None,
    };
    let mut write = |v: Value| -> BenchResult<()> {
        println!("{v}");
        if let Some(f) = out.as_mut() {
            writeln!(f, "{v}")?;
        }
        Ok(())
    };
    write(json!({
        "impl": "precis", "part": "setup", "bin": bin.display().to_string(), "workers": workers,
        "cores": cores, "pages": pngs.len(), "png_kb": kb, "duration_s": o.duration.as_secs(),
        "warmup_s": o.warmup.as_secs(), "loadavg": support::loadavg(),
    }))?;
    let cookie = identity_cookie(&server.base).await;
    let url = format!("{}{PREDICT}", server.base);
    let mut failures = 0;
    for &clients in &o.clients {
        let stats = load(&url, cookie.clone(), &pngs, clients, &o, server.pid()).await?;
        failures += stats.failures();
        let line = json!({
            "impl": "precis", "part": "load", "clients": clients,
            "pages_per_s": stats.done as f64 / o.duration.as_secs_f64(),
            "p50_ms": stats.percentile_ms(0.5), "p99_ms": stats.percentile_ms(0.99),
            "requests": stats.latencies_us.len(), "failures": stats.failures(),
            "errors": stats.errors.iter().map(|(k, (n, e))| json!({"kind": k, "count": n, "example": e})).collect::<Vec<_>>(),
            "server_cores": stats.cpu.map(|c| c.0), "bench_cores": stats.cpu.map(|c| c.1),
            "other_cores": stats.cpu.map(|c| c.2), "loadavg": support::loadavg(),
        });
        eprintln!(
            "{clients} clients: {:.1} pages/s, p50 {:.0} ms, p99 {:.0} ms, {} failures",
            line["pages_per_s"].as_f64().unwrap_or(0.0),
            stats.percentile_ms(0.5).unwrap_or(f64::NAN),
            stats.percentile_ms(0.99).unwrap_or(f64::NAN),
            stats.failures()
        );
        write(line)?;
        if let Some(status) = server.exited()? {
            return Err(format!("precis exited ({status}); see {}", log_path.display()).into());
        }
    }
    Ok(failures)
}

/// The identity cookie Precis hands out, if it does (every request then counts as one person).
async fn identity_cookie(base: &str) -> Option<HeaderValue> {
    support::identity_cookie(base, "/api/v1/classifier/models")
        .await
        .ok()
}

#[derive(Default)]
struct Stats {
    latencies_us: Vec<u64>,
    /// Answers received inside the measured window.
    done: u64,
    /// Failures by kind: count and the first one's details.
    errors: BTreeMap<String, (u64, String)>,
    /// Cores used during the window: Precis, this process, everything else.
    cpu: Option<(f64, f64, f64)>,
}

impl Stats {
    fn failures(&self) -> u64 {
        self.errors.values().map(|(n, _)| n).sum()
    }

    fn percentile_ms(&self, q: f64) -> Option<f64> {
        let n = self.latencies_us.len();
        if n == 0 {
            return None;
        }
        let rank = ((q * n as f64).ceil() as usize).clamp(1, n);
        Some(self.latencies_us[rank - 1] as f64 / 1000.0)
    }
}

/// Closed-loop clients for the warm-up plus the window; client `i` sends pages `i, i + 1, …`.
async fn load(
    url: &str,
    cookie: Option<HeaderValue>,
    pngs: &Arc<Vec<Vec<u8>>>,
    clients: usize,
    o: &Options,
    server: u32,
) -> BenchResult<Stats> {
    let http = reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .pool_max_idle_per_host(clients)
        .build()?;
    let start = Instant::now();
    let (from, to) = (start + o.warmup, start + o.warmup + o.duration);
    let tasks: Vec<_> = (0..clients)
        .map(|i| {
            let (http, url, cookie, pngs) =
                (http.clone(), url.to_string(), cookie.clone(), pngs.clone());
            tokio::spawn(async move {
                let mut stats = Stats::default();
                let mut next = i;
                while Instant::now() < to {
                    let png = pngs[next % pngs.len()].clone();
                    next += 1;
                    let sent = Instant::now();
                    match send(&http, &url, cookie.as_ref(), png).await {
                        Ok(()) => {
                            let done = Instant::now();
                            if sent >= from {
                                stats.latencies_us.push((done - sent).as_micros() as u64);
                            }
                            if done >= from && done <= to {
                                stats.done += 1;
                            }
                        }
                        Err((kind, example)) => {
                            stats.errors.entry(kind).or_insert((0, example)).0 += 1;
                            tokio::time::sleep(Duration::from_millis(10)).await;
                        }
                    }
                }
                stats
            })
        })
        .collect();
    tokio::time::sleep_until(from.into()).await;
    let before = cpu_ticks(server);
    tokio::time::sleep_until(to.into()).await;
    let after = cpu_ticks(server);
    let mut all = Stats::default();
    if let (Some(a), Some(b)) = (before, after) {
        let secs = (b.0 - a.0).as_secs_f64().max(1e-9);
        let cores = |x: u64| x as f64 / 100.0 / secs;
        let (server, bench) = (b.2.saturating_sub(a.2), b.3.saturating_sub(a.3));
        let busy = b.1.saturating_sub(a.1);
        all.cpu = Some((
            cores(server),
            cores(bench),
            cores(busy.saturating_sub(server + bench)),
        ));
    }
    for task in tasks {
        let s = task.await?;
        all.latencies_us.extend(s.latencies_us);
        all.done += s.done;
        for (k, (n, e)) in s.errors {
            all.errors.entry(k).or_insert((0, e)).0 += n;
        }
    }
    all.latencies_us.sort_unstable();
    Ok(all)
}

async fn send(
    http: &reqwest::Client,
    url: &str,
    cookie: Option<&HeaderValue>,
    png: Vec<u8>,
) -> Result<(), (String, String)> {
    let part = Part::bytes(png)
        .file_name("page.png")
        .mime_str("image/png")
        .map_err(|e| ("request".to_string(), e.to_string()))?;
    let mut request = http.post(url).multipart(Form::new().part("file", part));
    if let Some(c) = cookie {
        request = request.header(COOKIE, c.clone());
    }
    let res = request
        .send()
        .await
        .map_err(|e| (kind(&e), e.to_string()))?;
    let status = res.status();
    let body = res.bytes().await.map_err(|e| (kind(&e), e.to_string()))?;
    if status == StatusCode::OK {
        Ok(())
    } else {
        Err((
            format!("HTTP {}", status.as_u16()),
            String::from_utf8_lossy(&body).chars().take(300).collect(),
        ))
    }
}

fn kind(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "request"
    }
    .into()
}

/// (when, machine busy ticks, Precis's ticks, this process's ticks), from /proc (100 ticks a s).
fn cpu_ticks(server: u32) -> Option<(Instant, u64, u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let t: Vec<u64> = stat
        .lines()
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .map(|v| v.parse().unwrap_or(0))
        .collect();
    let f = |i: usize| t.get(i).copied().unwrap_or(0);
    let busy = f(0) + f(1) + f(2) + f(5) + f(6) + f(7);
    let process = |pid: &str| -> Option<u64> {
        let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let mut fields = s.rsplit_once(')')?.1.split_whitespace().skip(11);
        Some(fields.next()?.parse::<u64>().ok()? + fields.next()?.parse::<u64>().ok()?)
    };
    Some((
        Instant::now(),
        busy,
        process(&server.to_string())?,
        process("self")?,
    ))
}
