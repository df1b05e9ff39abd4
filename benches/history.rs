//! History at 100,000 rows: how fast one person's history lists, pages, searches, filters and
//! exports when it holds 100,000 summaries, next to other people's.
//!
//! Fills a temporary SQLite database (Precis's own migrations: FTS5 index, triggers, indexes)
//! with 100,000 successful summaries for one person — texts of ~60–1,000 words, summaries of
//! 2–5 sentences, English with French and Portuguese words, six models with uneven shares,
//! dates spread over a year — plus 100,000 rows of four other people and some failed requests.
//! Then measures, through the same `History` service the routes use (no HTTP), each query
//! repeatedly and prints the median and 95th percentile.
//!
//! ```sh
//! RUSTFLAGS="-C target-cpu=native" cargo bench --no-default-features --features ssr --bench history
//! ```
//! Options (after `--`): `--runs N` (repetitions of each list query, default 50),
//! `--export-runs N` (default 3), `--db PATH` (keep the database there and reuse it next time:
//! filling takes a while).

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use futures::StreamExt;
use precis::domain::history::{ExportFormat, HistoryParams, HistoryQuery};
use precis::server::db::Db;
use precis::server::history::History;
use precis::server::identity::UserId;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

type R<T> = Result<T, Box<dyn Error + Send + Sync>>;

const ROWS: usize = 100_000;
const OTHER_PEOPLE: usize = 4;
const OTHER_ROWS_EACH: usize = 25_000;
/// Failed requests are logged in the same table (never listed or indexed).
const FAILED_ROWS: usize = 5_000;
/// 2026-01-01 00:00 UTC; rows are spread over the year that follows.
const YEAR_START_MS: i64 = 1_767_225_600_000;
const YEAR_MS: i64 = 365 * 86_400_000;

/// Models and their share of the summaries (out of 100).
const MODELS: [(&str, u32); 6] = [
    ("facebook/bart-large-cnn", 40),
    ("local/textrank", 20),
    ("sshleifer/distilbart-cnn-12-6", 17),
    ("local/semantic", 10),
    ("google/pegasus-xsum", 10),
    ("local/SmolLM2-135M-Instruct.Q4_1", 3),
];

/// Common words first (they are drawn most often); accented French and Portuguese words in
/// the middle; after them, generated rare words make a vocabulary of ~20,000 terms.
const WORDS: &str = "the of and to in a is that for on was with as by at from it be this \
    are have has were which an not but or they their its also more after new been would will \
    said year about two people first other than can over when into last some city council \
    government public report budget plan state water school health market price energy \
    transport police court law data study research company workers years week month \
    local national project service services support local growth rate cost costs building \
    road rail bus train station harbour port river bridge forest farm food climate rain \
    storm heat election vote minister party meeting members board committee decision \
    agreement talks contract bank loan tax taxes income jobs industry factory trade export \
    import goods science university students teachers hospital doctors patients care \
    museum music festival film book art team match season league club coach player goal \
    résumé café été élection économie région réunion conseil société santé éducation \
    développement transports étude enquête municipalité ministère hôpital université \
    câmara orçamento município saúde educação governo ministério eleição economia região \
    reunião conselho transporte pesquisa universidade estação cidade população água \
    Lisboa Porto São Paulo Brasil França Portugal Montréal Québec Genève";

/// Queries measured, each run `runs` times.
fn queries(deep_cursor: i64) -> Vec<(&'static str, HistoryParams)> {
    let p = |pairs: &[(&str, &str)]| {
        let mut params = HistoryParams::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "q" => params.q = v,
                "model" => params.model = v,
                "from" => params.from = v,
                "to" => params.to = v,
                "before" => params.before = v,
                _ => unreachable!("bench query key {k}"),
            }
        }
        params
    };
    let deep = deep_cursor.to_string();
    vec![
        ("first page (50)", p(&[])),
        ("deep page, cursor at row 90,000", p(&[("before", &deep)])),
        ("search: common word \"council\"", p(&[("q", "council")])),
        (
            "search: rare word \"orcamento\" (orçamento)",
            p(&[("q", "orcamento")]),
        ),
        (
            "search: two words \"harbour storm\"",
            p(&[("q", "harbour storm")]),
        ),
        (
            "typing \"b\" (whole word: under 3 letters)",
            p(&[("q", "b")]),
        ),
        ("typing \"bu\"", p(&[("q", "bu")])),
        ("typing \"bud\" (prefix: budget, …)", p(&[("q", "bud")])),
        ("typing \"budg\"", p(&[("q", "budg")])),
        ("typing \"budget\"", p(&[("q", "budget")])),
        (
            "prefix of the commonest words \"the\" (the, they, their)",
            p(&[("q", "the")]),
        ),
        (
            "prefix \"thei\" (4 letters: merged lists)",
            p(&[("q", "thei")]),
        ),
        (
            "search: words no summary has",
            p(&[("q", "zzzunknown qqqnothing")]),
        ),
        (
            "model (10% of rows)",
            p(&[("model", "google/pegasus-xsum")]),
        ),
        (
            "model + one month (June)",
            p(&[
                ("model", "google/pegasus-xsum"),
                ("from", "2026-06-01"),
                ("to", "2026-06-30"),
            ]),
        ),
        (
            "one month, the oldest (January)",
            p(&[("from", "2026-01-01"), ("to", "2026-01-31")]),
        ),
        (
            "search + model + month",
            p(&[
                ("q", "council"),
                ("model", "facebook/bart-large-cnn"),
                ("from", "2026-06-01"),
                ("to", "2026-06-30"),
            ]),
        ),
        ("model with no rows", p(&[("model", "no/such-model")])),
    ]
}

struct Options {
    runs: usize,
    export_runs: usize,
    db: Option<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        runs: 50,
        export_runs: 3,
        db: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--bench" => {} // cargo bench adds it
            "--runs" => options.runs = value()?.parse().map_err(|_| "--runs: a number")?,
            "--export-runs" => {
                options.export_runs = value()?.parse().map_err(|_| "--export-runs: a number")?
            }
            "--db" => options.db = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    if options.runs == 0 || options.export_runs == 0 {
        return Err("runs must be above zero".into());
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\nusage: history [--runs N] [--export-runs N] [--db PATH]");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("history benchmark failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> R<()> {
    let temp = tempfile::tempdir()?;
    let path = options
        .db
        .clone()
        .unwrap_or_else(|| temp.path().join("bench.db"));
    let db = Db::connect(&format!("sqlite://{}", path.display())).await?;
    let me = UserId::parse(&"a".repeat(32)).ok_or("bench user id")?;
    let have: i64 =
        sqlx::query_scalar("SELECT count(*) FROM summaries WHERE user_id = ? AND outcome = 'ok'")
            .bind(me.as_str())
            .fetch_one(&db.read)
            .await?;
    if have as usize != ROWS {
        let started = Instant::now();
        fill(&db, &me).await?;
        println!(
            "filled {} in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    let size = std::fs::metadata(&path)?.len();
    let fts_pages: i64 =
        sqlx::query_scalar("SELECT count(*) FROM dbstat WHERE name LIKE 'summaries_fts%'")
            .fetch_one(&db.read)
            .await
            .unwrap_or(0);
    println!(
        "database: {:.0} MB ({:.0} MB of it the search index); {} rows of yours, {} of {} other \
         people, {} failed requests",
        size as f64 / 1e6,
        fts_pages as f64 * 4096.0 / 1e6,
        ROWS,
        OTHER_PEOPLE * OTHER_ROWS_EACH,
        OTHER_PEOPLE,
        FAILED_ROWS
    );

    let history = History::start(db.clone()).await?;
    // the id 90,000 rows down from the newest: where "Load more" has taken someone far back
    let deep_cursor: i64 = sqlx::query_scalar(
        "SELECT id FROM summaries WHERE user_id = ? AND outcome = 'ok' ORDER BY id DESC LIMIT 1 OFFSET 90000",
    )
    .bind(me.as_str())
    .fetch_one(&db.read)
    .await?;

    println!();
    println!("| query | rows (of 50) | median ms | p95 ms |");
    println!("|---|--:|--:|--:|");
    for (name, params) in queries(deep_cursor) {
        let query = HistoryQuery::parse(&params).map_err(|e| e.message())?;
        let mut times = Vec::with_capacity(options.runs);
        let mut rows = 0;
        for _ in 0..options.runs {
            let started = Instant::now();
            let page = history.list(&me, &query).await?;
            times.push(started.elapsed());
            rows = page.summaries.len();
        }
        let (median, p95) = stats(&mut times);
        println!("| {name} | {rows} | {median:.2} | {p95:.2} |");
    }
    {
        let mut times = Vec::with_capacity(options.runs);
        let mut models = 0;
        for _ in 0..options.runs {
            let started = Instant::now();
            models = history.models(&me).await?.len();
            times.push(started.elapsed());
        }
        let (median, p95) = stats(&mut times);
        println!("| the model filter's choices | {models} models | {median:.2} | {p95:.2} |");
    }

    println!();
    println!("| export (all {ROWS} rows) | MB | median s | p95 s | rows/s | MB/s |");
    println!("|---|--:|--:|--:|--:|--:|");
    for format in [ExportFormat::Json, ExportFormat::Markdown] {
        let mut times = Vec::with_capacity(options.export_runs);
        let mut bytes = 0;
        for _ in 0..options.export_runs {
            let started = Instant::now();
            let mut body = history
                .export(me.clone(), HistoryQuery::default(), format, YEAR_START_MS)
                .await?;
            bytes = 0;
            while let Some(chunk) = body.next().await {
                bytes += chunk?.len();
            }
            times.push(started.elapsed());
        }
        let (median_ms, p95_ms) = stats(&mut times);
        let median = median_ms / 1000.0;
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {:.0} | {:.0} |",
            format.as_str(),
            bytes as f64 / 1e6,
            median,
            p95_ms / 1000.0,
            ROWS as f64 / median,
            bytes as f64 / 1e6 / median
        );
    }
    Ok(())
}

/// Median and 95th percentile, milliseconds.
fn stats(times: &mut [Duration]) -> (f64, f64) {
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times[i].as_secs_f64() * 1000.0
    };
    (at(0.5), at(0.95))
}

// ------------------------------------------------------------------------------------------
// The data
// ------------------------------------------------------------------------------------------

struct Corpus {
    words: Vec<String>,
}

impl Corpus {
    fn new(rng: &mut StdRng) -> Self {
        let mut words: Vec<String> = WORDS.split_whitespace().map(str::to_string).collect();
        const SYLLABLES: [&str; 24] = [
            "ka", "lo", "mi", "ren", "tor", "sul", "vex", "an", "do", "pri", "mel", "quo", "ste",
            "zu", "bra", "ni", "gal", "or", "te", "vis", "ham", "ul", "cre", "dan",
        ];
        while words.len() < 20_000 {
            let n = rng.random_range(2..=4);
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.random_range(0..SYLLABLES.len())])
                .collect();
            words.push(w);
        }
        Self { words }
    }

    /// A word, the first ones far more often (roughly Zipf-like).
    fn word(&self, rng: &mut StdRng) -> &str {
        let u: f64 = rng.random();
        let i = (u.powi(4) * self.words.len() as f64) as usize;
        &self.words[i.min(self.words.len() - 1)]
    }

    fn sentence(&self, rng: &mut StdRng, out: &mut String) {
        let n = rng.random_range(8..=24);
        for i in 0..n {
            let w = self.word(rng);
            if i == 0 {
                let mut chars = w.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(w);
            }
        }
        out.push_str(". ");
    }

    /// `sentences` sentences, in paragraphs of about five.
    fn text(&self, rng: &mut StdRng, sentences: usize) -> String {
        let mut out = String::new();
        for i in 0..sentences {
            if i > 0 && i % 5 == 0 {
                out.push_str("\n\n");
            }
            self.sentence(rng, &mut out);
        }
        out.trim_end().to_string()
    }
}

fn pick_model(rng: &mut StdRng) -> &'static str {
    let mut roll = rng.random_range(0..100);
    for (model, share) in MODELS {
        if roll < share {
            return model;
        }
        roll -= share;
    }
    MODELS[0].0
}

/// Everyone's rows in chronological order (ids rise with time, as in real use), in
/// transactions of 5,000, through the write connection: the triggers fill the search index.
async fn fill(db: &Db, me: &UserId) -> R<()> {
    let mut rng = StdRng::seed_from_u64(20261123);
    let corpus = Corpus::new(&mut rng);
    let others: Vec<UserId> = (0..OTHER_PEOPLE)
        .map(|i| UserId::parse(&format!("{:032x}", i + 1)).ok_or("other id"))
        .collect::<Result<_, _>>()?;
    sqlx::query("DELETE FROM summaries")
        .execute(&db.write)
        .await?;
    for user in std::iter::once(me).chain(&others) {
        sqlx::query("INSERT INTO users (id, created_at) VALUES (?, 0) ON CONFLICT DO NOTHING")
            .bind(user.as_str())
            .execute(&db.write)
            .await?;
    }
    // who made each row, in a random order: mine, the failures (mine too), the others'
    let mut owners: Vec<Option<usize>> = Vec::new();
    owners.extend(std::iter::repeat_n(Some(0), ROWS));
    owners.extend(std::iter::repeat_n(None, FAILED_ROWS));
    for other in 1..=OTHER_PEOPLE {
        owners.extend(std::iter::repeat_n(Some(other), OTHER_ROWS_EACH));
    }
    owners.shuffle(&mut rng);
    let people: Vec<&UserId> = std::iter::once(me).chain(&others).collect();
    let total = owners.len();
    let parameters = r#"{"max_length":120,"use_cache":true,"wait_for_model":false}"#;
    let mut tx = db.write.begin().await?;
    for (i, owner) in owners.into_iter().enumerate() {
        let (user, failed) = match owner {
            Some(person) => (people[person], false),
            None => (me, true),
        };
        let created_at = YEAR_START_MS + (i as i64 * YEAR_MS / total as i64);
        // texts of ~60 to ~1,000 words, most of them short
        let sentences = 4 + (rng.random::<f64>().powi(2) * 60.0) as usize;
        let text = corpus.text(&mut rng, sentences);
        let (outcome, summary, error) = if failed {
            ("error", None, Some("upstream_timeout"))
        } else {
            let n = rng.random_range(2..=5);
            ("ok", Some(corpus.text(&mut rng, n)), None)
        };
        sqlx::query(
            "INSERT INTO summaries (user_id, created_at, completed_at, latency_ms, model, provider, \
             input_text, parameters, outcome, summary, error_code) \
             VALUES (?, ?, ?, 900, ?, 'huggingface', ?, ?, ?, ?, ?)",
        )
        .bind(user.as_str())
        .bind(created_at)
        .bind(created_at + 900)
        .bind(pick_model(&mut rng))
        .bind(text)
        .bind(parameters)
        .bind(outcome)
        .bind(summary)
        .bind(error)
        .execute(&mut *tx)
        .await?;
        if i % 5_000 == 4_999 {
            tx.commit().await?;
            tx = db.write.begin().await?;
        }
    }
    tx.commit().await?;
    // No ANALYZE and no FTS5 'optimize': measured as a live database would be.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&db.write)
        .await?;
    Ok(())
}
