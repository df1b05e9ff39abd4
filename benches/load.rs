//! Load benchmark for `POST /api/v1/summaries` (run it through `scripts/loadtest.sh`).
//!
//! Two mock HuggingFace upstreams run in this process: one answers at once, one after 200 ms.
//! For each, the release `precis` binary is started as a separate process pointed at it, and
//! closed-loop clients (1, 64, 512 by default) send summarize requests for a fixed time. The same
//! load is also sent straight to the mock: that is the baseline, and Precis's added latency is
//! its p50/p99 minus the baseline's. The Precis process's memory and CPU time, and how busy the
//! machine was, are read from /proc.
//!
//! The results go to stdout and to `target/loadtest/results.md`. Latency targets are reported,
//! not asserted; the run fails only when a request fails (any status but 201, or no answer).
//!
//! Options (after `--`): `--duration-secs N` (measured seconds per run, default 8),
//! `--warmup-secs N` (default 1), `--clients 1,64,512`. Environment: `PRECIS_BIN` overrides the
//! binary (default `target/release/precis`).

use std::collections::BTreeMap;
use std::error::Error;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE, COOKIE};
use reqwest::StatusCode;
use serde_json::json;
use tokio::sync::oneshot;

mod support;

use support::server::Server;
use support::{upstream, BenchResult};

const DEFAULT_DURATION: Duration = Duration::from_secs(8);
const DEFAULT_WARMUP: Duration = Duration::from_secs(1);
const DEFAULT_CLIENTS: [usize; 3] = [1, 64, 512];
/// How long the slow mock upstream takes to answer.
const SLOW_UPSTREAM: Duration = Duration::from_millis(200);
/// Client starts are spread over this long (at most the warm-up), see [`run_load`].
const RAMP: Duration = SLOW_UPSTREAM;
/// The model Precis calls by default, so the direct baseline hits the same route.
const MODEL_PATH: &str = "/models/facebook/bart-large-cnn";
/// A client gives up on a request after this long (counted as an error).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How often the Precis process's RSS is sampled during a run.
const RSS_SAMPLE_EVERY: Duration = Duration::from_millis(100);

/// The text summarized by every request: one paragraph of about 120 words.
const PARAGRAPH: &str = "The city council approved a new transport budget on Tuesday after a \
    debate that lasted well into the evening. The plan raises spending on buses and trams by ten \
    percent and adds three new routes linking the northern suburbs to the city centre. \
    Supporters said the investment would cut traffic, reduce air pollution and give families \
    without cars better access to jobs and schools. Opponents warned that the cost would \
    eventually be passed on to residents through higher property taxes, and questioned whether \
    the ridership forecasts were realistic. The mayor promised an independent review of the \
    routes after the first year of service. The measure passed by seven votes to four, and \
    construction of the first new stops is expected to begin next spring.";

// ------------------------------------------------------------------------------------------
// Options
// ------------------------------------------------------------------------------------------

struct Options {
    duration: Duration,
    warmup: Duration,
    clients: Vec<usize>,
}

const USAGE: &str = "usage: load [--duration-secs N] [--warmup-secs N] [--clients 1,64,512]";

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        duration: DEFAULT_DURATION,
        warmup: DEFAULT_WARMUP,
        clients: DEFAULT_CLIENTS.to_vec(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // `--name=value` and `--name value` are both accepted.
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
        match name.as_str() {
            // `cargo bench` appends `--bench` to every bench binary's arguments.
            "--bench" => {}
            "--duration-secs" => options.duration = Duration::from_secs(seconds(&value()?)?),
            "--warmup-secs" => options.warmup = Duration::from_secs(seconds(&value()?)?),
            "--clients" => {
                options.clients = value()?
                    .split(',')
                    .map(|c| match c.trim().parse::<usize>() {
                        Ok(n) if n > 0 => Ok(n),
                        _ => Err(format!("--clients: {c:?} is not a number above zero")),
                    })
                    .collect::<Result<_, _>>()?;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    if options.duration.is_zero() {
        return Err("--duration-secs must be above zero".into());
    }
    Ok(options)
}

fn seconds(text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a whole number of seconds"))
}

// ------------------------------------------------------------------------------------------
// Entry point
// ------------------------------------------------------------------------------------------

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match support::run("load benchmark", run(options)) {
        Some(0) => ExitCode::SUCCESS,
        Some(errors) => {
            eprintln!("load benchmark: {errors} request(s) failed (see the table above)");
            ExitCode::FAILURE
        }
        None => ExitCode::FAILURE,
    }
}

/// Runs every scenario, prints and writes the report; returns the number of failed requests.
async fn run(options: Options) -> BenchResult<u64> {
    let began = Instant::now();
    let bin = support::precis_bin("scripts/loadtest.sh")?;
    let out_dir = support::target_dir().join("loadtest");
    std::fs::create_dir_all(&out_dir)?;
    let facts = Facts::gather(&bin, &options);
    eprintln!("{}", facts.summary());

    let upstreams = [("instant", None), ("200 ms", Some(SLOW_UPSTREAM))];
    let mut rows = Vec::new();
    for (label, delay) in upstreams {
        let mock = upstream::start(delay).await?;
        let log_path = out_dir.join(format!("precis-{}.log", label.replace(' ', "")));
        let data_dir = tempfile::tempdir()?;
        let mut env = upstream::precis_env(mock).to_vec();
        // One person sends everything; keep the per-person limit out of the way.
        env.push(("PRECIS_RATE_LIMIT_BURST", "1000000000".into()));
        env.push(("PRECIS_RATE_LIMIT_PER_MINUTE", "1000000000".into()));
        std::fs::write(&log_path, "")?;
        let mut precis = Server::start(&bin, data_dir.path(), &env, &log_path).await?;
        let cookie = support::identity_cookie(&precis.base, "/api/v1/summaries").await?;
        // Let start-up work settle before reading memory at rest.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let rest_kb = status_kb(&precis, "VmRSS")?;
        eprintln!(
            "upstream {label}: mock on {mock}, precis pid {} on {}, RSS at rest {:.1} MB (log: {})",
            precis.pid(),
            precis.base,
            mb(rest_kb),
            log_path.display()
        );

        let direct = Arc::new(Target::direct(mock)?);
        let via_precis = Arc::new(Target::precis(&precis.base, &cookie)?);
        for &clients in &options.clients {
            let direct_stats = run_load(&direct, clients, &options, precis.pid()).await?;
            let sampler = RssSampler::start(precis.pid());
            let precis_stats = run_load(&via_precis, clients, &options, precis.pid()).await?;
            let load_kb = sampler.stop().await;
            let peak_kb = status_kb(&precis, "VmHWM")?;
            let row = Row {
                upstream: label,
                clients,
                precis: precis_stats,
                direct: direct_stats,
                rest_kb,
                load_kb,
                peak_kb,
            };
            eprintln!("  {}", row.progress_line());
            rows.push(row);
        }
        if let Some(status) = precis.exited()? {
            return Err(format!(
                "precis exited during the run ({status}); see {}",
                log_path.display()
            )
            .into());
        }
    }

    let report = render_report(&facts, &rows, began.elapsed());
    println!("{report}");
    let results = out_dir.join("results.md");
    std::fs::write(&results, &report)?;
    eprintln!("results written to {}", results.display());
    Ok(rows
        .iter()
        .map(|r| r.precis.error_total() + r.direct.error_total())
        .sum())
}

/// A `kB` field of `/proc/<pid>/status` of Precis (VmRSS: resident now, VmHWM: resident at
/// most).
fn status_kb(precis: &Server, field: &str) -> BenchResult<u64> {
    proc_status_kb(precis.pid(), field).ok_or_else(|| {
        format!(
            "cannot read {field} of precis (pid {}): has it exited?",
            precis.pid()
        )
        .into()
    })
}

fn proc_status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.trim().trim_end_matches("kB").trim().parse().ok()
    })
}

/// Samples a process's VmRSS in the background; `stop` returns the largest value seen (kB).
struct RssSampler {
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<u64>,
}

impl RssSampler {
    fn start(pid: u32) -> Self {
        let (stop, mut stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let mut max_kb = 0;
            let mut tick = tokio::time::interval(RSS_SAMPLE_EVERY);
            loop {
                tokio::select! {
                    _ = &mut stopped => break,
                    _ = tick.tick() => {
                        max_kb = max_kb.max(proc_status_kb(pid, "VmRSS").unwrap_or(0));
                    }
                }
            }
            max_kb
        });
        Self { stop, task }
    }

    async fn stop(self) -> u64 {
        let _ = self.stop.send(());
        self.task.await.expect("the RSS sampler does not panic")
    }
}

// ------------------------------------------------------------------------------------------
// Load generation
// ------------------------------------------------------------------------------------------

/// One kind of request, sent over and over.
struct Target {
    url: String,
    headers: HeaderMap,
    body: Bytes,
    /// The status that counts as success.
    expect: StatusCode,
}

impl Target {
    /// The HuggingFace-shaped request Precis itself sends, straight to the mock.
    fn direct(mock: SocketAddr) -> BenchResult<Self> {
        let body = json!({
            "inputs": PARAGRAPH,
            "parameters": { "max_length": 60 },
            "options": { "use_cache": true, "wait_for_model": false },
        });
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer bench"));
        Ok(Self {
            url: format!("http://{mock}{MODEL_PATH}"),
            headers,
            body: Bytes::from(serde_json::to_vec(&body)?),
            expect: StatusCode::OK,
        })
    }

    /// A summarize request to Precis's REST API, as one known person.
    fn precis(base: &str, cookie: &HeaderValue) -> BenchResult<Self> {
        let body = json!({ "text": PARAGRAPH, "parameters": { "max_length": 60 } });
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(COOKIE, cookie.clone());
        Ok(Self {
            url: format!("{base}/api/v1/summaries"),
            headers,
            body: Bytes::from(serde_json::to_vec(&body)?),
            expect: StatusCode::CREATED,
        })
    }
}

/// How one failure kind went: how often, and the first one's details.
#[derive(Debug, Clone)]
struct Failures {
    count: u64,
    example: String,
}

/// What one load run measured.
#[derive(Debug, Default)]
struct Stats {
    /// Latency of every successful request sent inside the window, in microseconds, sorted.
    latencies_us: Vec<u32>,
    /// Successful requests that finished inside the measured window.
    in_window: u64,
    window: Duration,
    /// Failures by kind ("HTTP 503", "timeout", ...).
    errors: BTreeMap<String, Failures>,
    /// Where the CPU went during the measured window (None if /proc could not be read).
    cpu: Option<CpuUse>,
}

impl Stats {
    fn merge(&mut self, other: Stats) {
        self.latencies_us.extend(other.latencies_us);
        self.in_window += other.in_window;
        for (kind, f) in other.errors {
            self.errors
                .entry(kind)
                .and_modify(|mine| mine.count += f.count)
                .or_insert(f);
        }
    }

    fn record_error(&mut self, kind: String, example: String) {
        self.errors
            .entry(kind)
            .or_insert(Failures { count: 0, example })
            .count += 1;
    }

    fn requests_per_sec(&self) -> f64 {
        self.in_window as f64 / self.window.as_secs_f64()
    }

    /// Nearest-rank percentile in milliseconds; `None` without samples.
    fn percentile_ms(&self, q: f64) -> Option<f64> {
        let n = self.latencies_us.len();
        if n == 0 {
            return None;
        }
        let rank = ((q * n as f64).ceil() as usize).clamp(1, n);
        Some(f64::from(self.latencies_us[rank - 1]) / 1000.0)
    }

    fn error_total(&self) -> u64 {
        self.errors.values().map(|f| f.count).sum()
    }

    /// Precis's CPU time per request answered in the window, in milliseconds; `None` when
    /// there was too little of it to measure.
    fn server_cpu_ms_per_request(&self) -> Option<f64> {
        let cpu = self.cpu.as_ref()?;
        (self.in_window > 0 && cpu.server_ticks >= MIN_TICKS)
            .then(|| cpu.server_cores * cpu.wall.as_secs_f64() * 1000.0 / self.in_window as f64)
    }
}

/// CPU counters from /proc, in clock ticks (USER_HZ, which Linux fixes at 100 per second).
#[derive(Debug, Clone, Copy)]
struct CpuSnapshot {
    at: Instant,
    /// All cores: time not idle.
    machine_busy: u64,
    /// This process: the load generator and the mock upstreams.
    bench: u64,
    /// The Precis process.
    server: u64,
}

/// CPU used during a window, in cores (1.0 = one core busy all the time).
#[derive(Debug, Clone, Copy)]
struct CpuUse {
    wall: Duration,
    /// Precis's CPU time in clock ticks (10 ms each): below [`MIN_TICKS`], too coarse to divide.
    server_ticks: u64,
    server_cores: f64,
    bench_cores: f64,
    /// Everything else on the machine (other processes, the kernel's own threads).
    other_cores: f64,
}

impl CpuSnapshot {
    fn take(server: u32) -> Option<Self> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let ticks: Vec<u64> = stat
            .lines()
            .next()?
            .strip_prefix("cpu ")?
            .split_whitespace()
            .map(|v| v.parse().unwrap_or(0))
            .collect();
        // user nice system idle iowait irq softirq steal (guest time is already in user);
        // busy is all but idle and iowait.
        let field = |i: usize| ticks.get(i).copied().unwrap_or(0);
        let busy = field(0) + field(1) + field(2) + field(5) + field(6) + field(7);
        Some(Self {
            at: Instant::now(),
            machine_busy: busy,
            bench: process_ticks("self")?,
            server: process_ticks(&server.to_string())?,
        })
    }

    fn since(&self, earlier: &Self) -> CpuUse {
        let wall = self.at - earlier.at;
        let per_sec = |ticks: u64| ticks as f64 / USER_HZ / wall.as_secs_f64().max(1e-9);
        let busy = self.machine_busy.saturating_sub(earlier.machine_busy);
        let bench = self.bench.saturating_sub(earlier.bench);
        let server = self.server.saturating_sub(earlier.server);
        CpuUse {
            wall,
            server_ticks: server,
            server_cores: per_sec(server),
            bench_cores: per_sec(bench),
            other_cores: per_sec(busy.saturating_sub(bench + server)),
        }
    }
}

/// Fewest ticks of Precis CPU time worth dividing by the request count (±1 tick is ±5%).
const MIN_TICKS: u64 = 20;

/// Clock ticks per second in /proc (USER_HZ: 100 on every Linux architecture in use).
const USER_HZ: f64 = 100.0;

/// User + system CPU time of a process (all its threads), from `/proc/<pid>/stat`.
fn process_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis,
    // where utime and stime are the 12th and 13th.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

/// Runs `clients` closed-loop clients for the warm-up plus the measured window.
/// `server` is the Precis process, whose CPU time is measured along with the machine's.
///
/// Client `i` starts `i / clients` of [`RAMP`] after the first: with an upstream that always
/// takes the same time, clients started together would stay in lockstep and hit Precis in
/// waves of `clients` requests, which no real crowd does. Warm-up and window are one
/// continuous run, so the clients stay spread out when measuring starts.
async fn run_load(
    target: &Arc<Target>,
    clients: usize,
    options: &Options,
    server: u32,
) -> BenchResult<Stats> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .tcp_nodelay(true)
        .timeout(REQUEST_TIMEOUT)
        .build()?;
    let start = Instant::now();
    let window = Window {
        start: start + options.warmup,
        end: start + options.warmup + options.duration,
    };
    let ramp = RAMP.min(options.warmup);
    let tasks: Vec<_> = (0..clients)
        .map(|i| {
            let first = start + ramp.mul_f64(i as f64 / clients as f64);
            tokio::spawn(client_loop(http.clone(), target.clone(), first, window))
        })
        .collect();

    tokio::time::sleep_until(window.start.into()).await;
    let before = CpuSnapshot::take(server);
    tokio::time::sleep_until(window.end.into()).await;
    let after = CpuSnapshot::take(server);

    let mut stats = Stats {
        window: options.duration,
        cpu: before.zip(after).map(|(a, b)| b.since(&a)),
        ..Stats::default()
    };
    for task in futures::future::join_all(tasks).await {
        stats.merge(task.expect("a load task does not panic"));
    }
    stats.latencies_us.sort_unstable();
    Ok(stats)
}

/// The measured part of a run.
#[derive(Debug, Clone, Copy)]
struct Window {
    start: Instant,
    end: Instant,
}

/// One client: from `first`, one request after the other until the window ends. Latencies are
/// kept for requests sent inside the window, throughput counts answers received inside it, and
/// failures count whenever they happen (warm-up included: a failure is a failure).
async fn client_loop(
    http: reqwest::Client,
    target: Arc<Target>,
    first: Instant,
    window: Window,
) -> Stats {
    let mut stats = Stats::default();
    tokio::time::sleep_until(first.into()).await;
    while Instant::now() < window.end {
        let sent = Instant::now();
        match send(&http, &target).await {
            Ok(()) => {
                let done = Instant::now();
                if sent >= window.start {
                    let micros = (done - sent).as_micros();
                    stats
                        .latencies_us
                        .push(u32::try_from(micros).unwrap_or(u32::MAX));
                }
                if (window.start..=window.end).contains(&done) {
                    stats.in_window += 1;
                }
            }
            Err((kind, example)) => {
                stats.record_error(kind, example);
                // Do not spin when the server is down or refusing.
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
    stats
}

/// One request, its body read to the end. Errors: (kind, details).
async fn send(http: &reqwest::Client, target: &Target) -> Result<(), (String, String)> {
    let res = http
        .post(&target.url)
        .headers(target.headers.clone())
        .body(target.body.clone())
        .send()
        .await
        .map_err(|e| describe(&e))?;
    let status = res.status();
    let body = res.bytes().await.map_err(|e| describe(&e))?;
    if status == target.expect {
        Ok(())
    } else {
        let text = String::from_utf8_lossy(&body);
        Err((
            format!("HTTP {}", status.as_u16()),
            text.chars().take(300).collect(),
        ))
    }
}

/// A transport failure's kind and its full chain of causes.
fn describe(e: &reqwest::Error) -> (String, String) {
    let kind = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else if e.is_body() || e.is_decode() {
        "body"
    } else {
        "request"
    };
    let mut detail = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        detail.push_str(": ");
        detail.push_str(&s.to_string());
        source = s.source();
    }
    (kind.to_string(), detail)
}

// ------------------------------------------------------------------------------------------
// Report
// ------------------------------------------------------------------------------------------

struct Row {
    upstream: &'static str,
    clients: usize,
    precis: Stats,
    direct: Stats,
    rest_kb: u64,
    /// Largest VmRSS sampled during the Precis run.
    load_kb: u64,
    /// VmHWM after the run: the most the process has ever held resident.
    peak_kb: u64,
}

impl Row {
    fn added(&self, q: f64) -> Option<f64> {
        Some(self.precis.percentile_ms(q)? - self.direct.percentile_ms(q)?)
    }

    fn progress_line(&self) -> String {
        format!(
            "{} clients: {:.0} req/s, p50 {} ms, p99 {} ms (direct p99 {} ms), {} errors, \
             Precis CPU {} ms/request, other processes {} cores",
            self.clients,
            self.precis.requests_per_sec(),
            ms(self.precis.percentile_ms(0.5)),
            ms(self.precis.percentile_ms(0.99)),
            ms(self.direct.percentile_ms(0.99)),
            self.precis.error_total() + self.direct.error_total(),
            ms(self.precis.server_cpu_ms_per_request()),
            self.precis
                .cpu
                .map_or_else(|| "n/a".into(), |c| format!("{:.2}", c.other_cores)),
        )
    }
}

/// Facts about the machine and the run, printed with the results.
struct Facts {
    cores: usize,
    cpu: String,
    kernel: String,
    open_files: String,
    bin: PathBuf,
    duration: Duration,
    warmup: Duration,
}

impl Facts {
    fn gather(bin: &Path, options: &Options) -> Self {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        let cpu = read("/proc/cpuinfo")
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")?
                    .split_once(':')
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap_or_else(|| "unknown".into());
        let open_files = read("/proc/self/limits")
            .lines()
            .find_map(|l| {
                let rest = l.strip_prefix("Max open files")?;
                let mut parts = rest.split_whitespace();
                Some(format!("{} (hard {})", parts.next()?, parts.next()?))
            })
            .unwrap_or_else(|| "unknown".into());
        Self {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu,
            kernel: read("/proc/sys/kernel/osrelease").trim().to_string(),
            open_files,
            bin: bin.to_path_buf(),
            duration: options.duration,
            warmup: options.warmup,
        }
    }

    fn summary(&self) -> String {
        format!(
            "load benchmark: {} cores ({}), kernel {}, open files {}, {:?} per run after {:?} warm-up, server {}",
            self.cores,
            self.cpu,
            self.kernel,
            self.open_files,
            self.duration,
            self.warmup,
            self.bin.display()
        )
    }
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".into(), |v| format!("{v:.3}"))
}

fn signed_ms(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".into(), |v| format!("{v:+.3}"))
}

fn render_report(facts: &Facts, rows: &[Row], total: Duration) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line("# Precis load test: `POST /api/v1/summaries`".into());
    line(String::new());
    line(format!(
        "- Machine: {} cores ({}), Linux {}, open-file limit {}.",
        facts.cores, facts.cpu, facts.kernel, facts.open_files
    ));
    line(format!(
        "- The load generator, the mock HuggingFace upstreams (both in the bench process) and \
         Precis (`{}`, a separate process) share those {} cores, so at high concurrency they \
         compete for CPU: the numbers are a lower bound for Precis on a machine of its own.",
        facts.bin.display(),
        facts.cores
    ));
    line(format!(
        "- Closed loop: each client sends its next request when the previous one is answered; \
         one keep-alive connection per client; client starts spread over the first {:?} so that \
         they do not move in lockstep. {:?} measured per run after {:?} of warm-up. \
         Total benchmark time: {:.0} s.",
        RAMP.min(facts.warmup),
        facts.duration,
        facts.warmup,
        total.as_secs_f64()
    ));
    line(
        "- *direct* = the same load sent straight to the mock upstream; *added* = Precis minus \
         direct at the same percentile. Errors = any answer but 201 (Precis) / 200 (direct), or \
         no answer, warm-up included; the rate limit is configured out of the way, so no 429 is intended."
            .into(),
    );
    line(
        "- RSS of the Precis process from /proc: at rest after start-up, the largest VmRSS \
         sampled every 100 ms during the run, and VmHWM (the peak since start) after the run."
            .into(),
    );
    line(String::new());
    line(
        "| upstream | clients | requests/s | p50 ms | p99 ms | direct p50 ms | direct p99 ms \
         | added p50 ms | added p99 ms | errors | RSS at rest MB | RSS under load MB \
         | peak RSS MB |"
            .into(),
    );
    line("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|".into());
    for r in rows {
        line(format!(
            "| {} | {} | {:.0} | {} | {} | {} | {} | {} | {} | {} | {:.1} | {:.1} | {:.1} |",
            r.upstream,
            r.clients,
            r.precis.requests_per_sec(),
            ms(r.precis.percentile_ms(0.5)),
            ms(r.precis.percentile_ms(0.99)),
            ms(r.direct.percentile_ms(0.5)),
            ms(r.direct.percentile_ms(0.99)),
            signed_ms(r.added(0.5)),
            signed_ms(r.added(0.99)),
            r.precis.error_total() + r.direct.error_total(),
            mb(r.rest_kb),
            mb(r.load_kb),
            mb(r.peak_kb),
        ));
    }
    line(String::new());
    line(
        "Details of the Precis runs: successful requests (p99 of a small sample is rough), \
         Precis's CPU time per request (n/a: under 0.2 s of CPU in all, too little for /proc's \
         10 ms ticks), and CPU in use during the run, in cores (of the machine's \
         total): Precis, the bench process (clients + mock), and everything else (other \
         processes on the machine). Also the direct runs' throughput."
            .into(),
    );
    line(String::new());
    line(
        "| upstream | clients | Precis requests | Precis CPU ms/request | Precis cores \
         | bench cores | other cores | direct requests | direct requests/s | direct: other cores |"
            .into(),
    );
    line("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|".into());
    let cores = |cpu: Option<CpuUse>, pick: fn(&CpuUse) -> f64| {
        cpu.map_or_else(|| "n/a".to_string(), |c| format!("{:.2}", pick(&c)))
    };
    for r in rows {
        line(format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.0} | {} |",
            r.upstream,
            r.clients,
            r.precis.latencies_us.len(),
            ms(r.precis.server_cpu_ms_per_request()),
            cores(r.precis.cpu, |c| c.server_cores),
            cores(r.precis.cpu, |c| c.bench_cores),
            cores(r.precis.cpu, |c| c.other_cores),
            r.direct.latencies_us.len(),
            r.direct.requests_per_sec(),
            cores(r.direct.cpu, |c| c.other_cores),
        ));
    }
    let failures: Vec<String> = rows
        .iter()
        .flat_map(|r| {
            [("Precis", &r.precis), ("direct", &r.direct)]
                .into_iter()
                .flat_map(move |(who, stats)| {
                    stats.errors.iter().map(move |(kind, f)| {
                        format!(
                            "- {} upstream, {} clients, {who}: {} × {kind}, e.g. `{}`",
                            r.upstream, r.clients, f.count, f.example
                        )
                    })
                })
        })
        .collect();
    line(String::new());
    if failures.is_empty() {
        line("No request failed.".into());
    } else {
        line("Failed requests:".into());
        line(String::new());
        for f in failures {
            line(f);
        }
    }
    out
}
