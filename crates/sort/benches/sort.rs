//! Benchmarks of Sort's classifier engine (run it through `scripts/bench_sort.sh`):
//!
//! 1. **Predict latency per page** of the shipped models (`Bundle::builtin`), one thread: the
//!    first `--latency-pages` pages of the unseen-font test split, rendered deterministically and
//!    encoded as PNG; for each page the time to decode it, prepare it (page → tiles), compute HOG
//!    and texture features, score it with each model, and the whole `Bundle::classify`.
//! 2. **Training time per model**: the final fit as `train/fit.rs` makes it (the SVM on the same
//!    seeded tile subset, the logistic regression and the CNN on every tile of the preset's three
//!    folds), then accuracy (page score > 0) and ROC-AUC on the test pages (page score = mean of
//!    clipped tile scores, as Precis decides a page).
//! 3. **Export** for the Python reference (`bench/sort_reference.py`): the training and test tiles
//!    (raw u8), labels, page ids, Precis's HOG and texture matrices and the SVM's tile subset, as
//!    `.npy` files.
//!
//! One JSON line per measurement on stdout; progress on stderr.
//!
//! Options (after `--`): `--out DIR` (default `target/bench-sort`), `--quick` (the quick preset's
//! sizes), `--pages-per-fold N`, `--test-pages N`, `--latency-pages N` (default 100, quick 16),
//! `--render-threads N` (rendering and feature extraction of the training data, not timed;
//! default: the cores), `--no-cnn-training`. Thread count of what is timed: `RAYON_NUM_THREADS`
//! / `CANDLE_NUM_THREADS` (the script sets 1); the models themselves are single-threaded except
//! candle's kernels.

use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use image::{GrayImage, ImageFormat};
use serde_json::{json, Value};

use precis_sort::bundle::Bundle;
use precis_sort::dataset::{Generator, TRAINING};
use precis_sort::decode;
use precis_sort::features::{hog, texture};
use precis_sort::fonts::{default_data_dir, Catalogue, Split};
use precis_sort::models::cnn::Cnn;
use precis_sort::models::{linear, Kind, Scorer, TileFeatures};
use precis_sort::prepare::{prepare, TILE};
use precis_sort::text::TextSource;
use precis_sort::train::data::{rendered, PageData};
use precis_sort::train::fit::{self, subset};
use precis_sort::train::TrainConfig;

type BenchResult<T> = Result<T, Box<dyn Error>>;

const USAGE: &str = "usage: sort [--out DIR] [--quick] [--pages-per-fold N] [--test-pages N] \
                     [--latency-pages N] [--render-threads N] [--no-cnn-training]";

struct Options {
    out: PathBuf,
    quick: bool,
    pages_per_fold: Option<u64>,
    test_pages: Option<u64>,
    latency_pages: Option<u64>,
    render_threads: usize,
    cnn_training: bool,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        out: PathBuf::from("target/bench-sort"),
        quick: false,
        pages_per_fold: None,
        test_pages: None,
        latency_pages: None,
        render_threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        cnn_training: true,
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
        let number = |v: String| -> Result<u64, String> {
            v.parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(format!("{name}: {v:?} is not a number above zero"))
        };
        match name.as_str() {
            // `cargo bench` appends `--bench` to every bench binary's arguments
            "--bench" => {}
            "--out" => o.out = PathBuf::from(value()?),
            "--quick" => o.quick = true,
            "--pages-per-fold" => o.pages_per_fold = Some(number(value()?)?),
            "--test-pages" => o.test_pages = Some(number(value()?)?),
            "--latency-pages" => o.latency_pages = Some(number(value()?)?),
            "--render-threads" => o.render_threads = number(value()?)? as usize,
            "--no-cnn-training" => o.cnn_training = false,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    Ok(o)
}

fn main() {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&options) {
        eprintln!("sort benchmark failed: {e}");
        std::process::exit(1);
    }
}

/// `/proc/loadavg`'s first three numbers.
fn loadavg() -> Vec<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// Print one JSON line (with the load average at that moment) and flush.
fn emit(mut line: Value) {
    line["loadavg"] = json!(loadavg());
    println!("{line}");
    let _ = std::io::stdout().flush();
}

fn run(o: &Options) -> BenchResult<()> {
    let mut config = if o.quick {
        TrainConfig::quick()
    } else {
        TrainConfig::standard()
    };
    if let Some(n) = o.pages_per_fold {
        config.pages_per_fold = n;
    }
    if let Some(n) = o.test_pages {
        config.test_pages = n;
    }
    let latency_pages = o
        .latency_pages
        .unwrap_or(if o.quick { 16 } else { 100 })
        .min(config.test_pages);
    let threads = candle_core::utils::get_num_threads();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")?
                .split_once(':')
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    emit(json!({
        "impl": "precis", "part": "setup", "preset": config.name,
        "pages_per_fold": config.pages_per_fold, "test_pages": config.test_pages,
        "latency_pages": latency_pages, "max_tiles": config.max_tiles,
        "svm_tiles": config.svm_tiles, "svm_c": config.svm_c,
        "logistic_alpha": config.logistic_alpha, "cnn_epochs": config.cnn.epochs,
        "threads": threads, "render_threads": o.render_threads,
        "cores": std::thread::available_parallelism().map_or(1, |n| n.get()), "cpu": cpu,
        "profile": if cfg!(debug_assertions) { "debug" } else { "release" },
    }));

    let catalogue = Catalogue::load(&default_data_dir())?;
    let text = TextSource::builtin();
    let generator = Generator {
        catalogue: &catalogue,
        text: &text,
        width: config.width,
    };
    let bundle = Bundle::builtin()?;

    // the data, rendered in parallel (not what is measured)
    let started = Instant::now();
    let mut folds: Vec<Vec<PageData>> = Vec::new();
    for split in TRAINING {
        eprintln!("rendering {} pages of {split}", config.pages_per_fold);
        folds.push(rendered(
            &generator,
            split,
            0..config.pages_per_fold,
            config.max_tiles,
            o.render_threads,
            &mut |_| true,
        )?);
    }
    eprintln!("rendering {} test pages", config.test_pages);
    let test = rendered(
        &generator,
        Split::Test,
        0..config.test_pages,
        config.max_tiles,
        o.render_threads,
        &mut |_| true,
    )?;
    let train: Vec<&PageData> = folds.iter().flatten().collect();
    emit(json!({
        "impl": "precis", "part": "data", "seconds": started.elapsed().as_secs_f64(),
        "train_pages": train.len(), "train_tiles": train.iter().map(|p| p.tiles.len()).sum::<usize>(),
        "test_pages": test.len(), "test_tiles": test.iter().map(|p| p.tiles.len()).sum::<usize>(),
    }));

    latency(&generator, &bundle, &config, latency_pages)?;
    let scores = training(&train, &test, &bundle, &config, o.cnn_training)?;
    export(&o.out.join("data"), &train, &test, &config, &scores)?;
    Ok(())
}

// ------------------------------------------------------------------------------------------
// 1. Predict latency
// ------------------------------------------------------------------------------------------

/// Nearest-rank percentile of `xs` (sorted here), in the unit given.
fn percentile(xs: &[f64], q: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

fn summary(xs: &[f64]) -> Value {
    json!({
        "median_ms": percentile(xs, 0.5),
        "p95_ms": percentile(xs, 0.95),
        "mean_ms": xs.iter().sum::<f64>() / xs.len().max(1) as f64,
        "max_ms": percentile(xs, 1.0),
        "n": xs.len(),
    })
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn latency(
    generator: &Generator,
    bundle: &Bundle,
    config: &TrainConfig,
    pages: u64,
) -> BenchResult<()> {
    eprintln!("predict latency: {pages} unseen-font pages, one at a time");
    let kinds: Vec<Kind> = bundle.models.iter().map(|m| m.kind).collect();
    let (mut decode_ms, mut prepare_ms, mut hog_ms, mut texture_ms, mut lbp_ms) =
        (vec![], vec![], vec![], vec![], vec![]);
    let mut score_ms: Vec<Vec<f64>> = vec![vec![]; kinds.len()];
    let mut classify_ms = vec![];
    let (mut tiles_total, mut skipped, mut png_bytes) = (0usize, 0usize, 0usize);
    let mut lbp_checked = false;
    for index in 0..pages {
        let sample = generator.page(Split::Test, index)?;
        let mut png = Vec::new();
        sample
            .image
            .write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png)?;
        png_bytes += png.len();
        if index == 0 {
            // warm-up: first calls allocate (candle's kernels, the bundle's buffers)
            let _ = bundle.classify(&sample.image);
        }
        let t = Instant::now();
        let decoded = decode::decode(&png)?;
        decode_ms.push(ms(t));
        let image = &decoded.pages[0];

        let t = Instant::now();
        let prepared = match prepare(image, config.max_tiles) {
            Ok(p) => p,
            Err(_) => {
                skipped += 1;
                decode_ms.pop();
                continue;
            }
        };
        prepare_ms.push(ms(t));
        tiles_total += prepared.tiles.len();
        let t = Instant::now();
        let hogs: Vec<Vec<f32>> = prepared
            .tiles
            .iter()
            .map(|t| hog::describe(&t.image))
            .collect();
        hog_ms.push(ms(t));
        let t = Instant::now();
        let textures: Vec<Vec<f32>> = prepared
            .tiles
            .iter()
            .map(|t| texture::describe(&t.image))
            .collect();
        texture_ms.push(ms(t));
        let t = Instant::now();
        let lbps: Vec<Vec<f32>> = prepared
            .tiles
            .iter()
            .map(|t| texture::lbp_histogram(&t.image))
            .collect();
        lbp_ms.push(ms(t));
        if !lbp_checked {
            let tail = &textures[0][texture::LEN - 59..];
            if lbps[0].iter().zip(tail).any(|(a, b)| (a - b).abs() > 1e-6) {
                return Err("the LBP copy differs from texture::describe's".into());
            }
            lbp_checked = true;
        }
        let features: Vec<TileFeatures> = hogs
            .into_iter()
            .zip(textures)
            .map(|(hog, texture)| TileFeatures { hog, texture })
            .collect();
        for (m, model) in bundle.models.iter().enumerate() {
            let t = Instant::now();
            let verdict = model.verdict(&prepared.tiles, &features)?;
            score_ms[m].push(ms(t));
            std::hint::black_box(verdict);
        }
        let t = Instant::now();
        let classified = bundle.classify(image)?;
        classify_ms.push(ms(t));
        std::hint::black_box(classified);
    }
    let n = prepare_ms.len();
    let tiles_per_page = tiles_total as f64 / n.max(1) as f64;
    let base = |step: &str, xs: &[f64]| {
        let mut v = summary(xs);
        v["impl"] = json!("precis");
        v["part"] = json!("latency");
        v["step"] = json!(step);
        v["tiles_per_page"] = json!(tiles_per_page);
        v
    };
    emit(json!({
        "impl": "precis", "part": "latency", "step": "pages", "pages": n, "skipped": skipped,
        "tiles_per_page": tiles_per_page, "png_kb_per_page": png_bytes as f64 / 1024.0 / pages.max(1) as f64,
        "width": config.width,
    }));
    emit(base("decode png", &decode_ms));
    emit(base("prepare", &prepare_ms));
    emit(base("hog", &hog_ms));
    emit(base("texture", &texture_ms));
    emit(base("lbp (part of texture)", &lbp_ms));
    // per tile: each page's total over its tiles
    let per_tile = |xs: &[f64]| xs.iter().sum::<f64>() / tiles_total.max(1) as f64;
    emit(json!({
        "impl": "precis", "part": "features per tile", "tiles": tiles_total,
        "hog_ms": per_tile(&hog_ms), "texture_ms": per_tile(&texture_ms), "lbp_ms": per_tile(&lbp_ms),
        "hog_len": hog::LEN, "texture_len": texture::LEN,
    }));
    for (m, kind) in kinds.iter().enumerate() {
        let features: &[f64] = match kind {
            Kind::HogSvm => &hog_ms,
            Kind::TextureLogistic => &texture_ms,
            Kind::Cnn => &[],
        };
        // the page's time with this model alone: preparation + its features + scoring
        let total: Vec<f64> = (0..n)
            .map(|i| prepare_ms[i] + features.get(i).copied().unwrap_or(0.0) + score_ms[m][i])
            .collect();
        let mut v = base("model", &total);
        v["model"] = json!(kind.as_str());
        v["score"] = summary(&score_ms[m]);
        if !features.is_empty() {
            v["features"] = summary(features);
        }
        emit(v);
    }
    let mut v = base("classify (all models)", &classify_ms);
    v["model"] = json!("all");
    emit(v);
    Ok(())
}

// ------------------------------------------------------------------------------------------
// 2. Training
// ------------------------------------------------------------------------------------------

/// ROC-AUC: the chance that a handwritten page scores above a typed one (ties count half).
fn auc(scores: &[f32], truth: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let mut ranks = vec![0f64; scores.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[i]] {
            j += 1;
        }
        for k in i..=j {
            ranks[order[k]] = (i + j) as f64 / 2.0 + 1.0;
        }
        i = j + 1;
    }
    let pos = truth.iter().filter(|t| **t).count() as f64;
    let neg = truth.len() as f64 - pos;
    let sum: f64 = ranks
        .iter()
        .zip(truth)
        .filter(|(_, t)| **t)
        .map(|(r, _)| r)
        .sum();
    (sum - pos * (pos + 1.0) / 2.0) / (pos * neg).max(1.0)
}

fn accuracy(scores: &[f32], truth: &[bool], threshold: f32) -> f64 {
    let right = scores
        .iter()
        .zip(truth)
        .filter(|(s, t)| (**s > threshold) == **t)
        .count();
    right as f64 / scores.len().max(1) as f64
}

/// The pages' scores under `scorer` (the mean of their tiles', as the training protocol takes
/// them).
fn page_scores(scorer: &Scorer, kind: Kind, pages: &[PageData]) -> BenchResult<Vec<f32>> {
    let refs: Vec<&PageData> = pages.iter().collect();
    Ok(fit::page_scores(scorer, kind, &refs)?)
}

fn training(
    train: &[&PageData],
    test: &[PageData],
    bundle: &Bundle,
    config: &TrainConfig,
    cnn_training: bool,
) -> BenchResult<Vec<(String, Vec<f32>)>> {
    let mut kept = Vec::new();
    let ys: Vec<bool> = train
        .iter()
        .flat_map(|p| p.tiles.iter().map(|_| p.truth))
        .collect();
    let truth: Vec<bool> = test.iter().map(|p| p.truth).collect();
    let common = |kind: Kind, tiles: usize| {
        json!({
            "impl": "precis", "part": "train", "model": kind.as_str(),
            "train_pages": train.len(), "train_tiles": tiles, "test_pages": test.len(),
        })
    };

    // the shipped models on the same test pages (calibrated: probability ≥ 0.5)
    for model in &bundle.models {
        let scores = page_scores(&model.scorer, model.kind, test)?;
        let probability: Vec<f32> = scores
            .iter()
            .map(|s| model.calibration.probability(*s))
            .collect();
        emit(json!({
            "impl": "precis", "part": "shipped", "model": model.kind.as_str(),
            "test_pages": test.len(), "auc": auc(&scores, &truth),
            "accuracy_at_0": accuracy(&scores, &truth, 0.0),
            "accuracy_calibrated": accuracy(&probability, &truth, 0.5),
        }));
        kept.push((format!("shipped_{}", model.kind.as_str()), scores));
    }

    let hogs: Vec<Vec<f32>> = train
        .iter()
        .flat_map(|p| p.features.iter().map(|f| f.hog.clone()))
        .collect();
    let order = subset(hogs.len(), config.svm_tiles, config.seed);
    let sub_x: Vec<Vec<f32>> = order.iter().map(|&i| hogs[i].clone()).collect();
    let sub_y: Vec<bool> = order.iter().map(|&i| ys[i]).collect();
    eprintln!(
        "training hog-svm on {} of {} tiles",
        sub_x.len(),
        hogs.len()
    );
    let t = Instant::now();
    let svm = linear::fit_svm(&sub_x, &sub_y, config.svm_c, config.seed)?;
    let seconds = t.elapsed().as_secs_f64();
    let same = |fitted: &linear::Linear, kind: Kind| -> Option<f32> {
        match &bundle.model(kind)?.scorer {
            Scorer::Linear(l) if l.len() == fitted.len() => Some(
                l.weights
                    .iter()
                    .zip(&fitted.weights)
                    .map(|(a, b)| (a - b).abs())
                    .fold(0.0, f32::max),
            ),
            _ => None,
        }
    };
    let diff = same(&svm, Kind::HogSvm);
    let scorer = Scorer::Linear(svm);
    let scores = page_scores(&scorer, Kind::HogSvm, test)?;
    let mut v = common(Kind::HogSvm, sub_x.len());
    v["seconds"] = json!(seconds);
    v["auc"] = json!(auc(&scores, &truth));
    v["accuracy_at_0"] = json!(accuracy(&scores, &truth, 0.0));
    v["learner"] = json!(format!("smartcore SVC, linear kernel, C={}", config.svm_c));
    v["max_weight_diff_vs_shipped"] = json!(diff);
    emit(v);
    kept.push((Kind::HogSvm.as_str().to_string(), scores));

    let textures: Vec<Vec<f32>> = train
        .iter()
        .flat_map(|p| p.features.iter().map(|f| f.texture.clone()))
        .collect();
    eprintln!("training texture-logistic on {} tiles", textures.len());
    let t = Instant::now();
    let logistic = linear::fit_logistic(&textures, &ys, config.logistic_alpha)?;
    let seconds = t.elapsed().as_secs_f64();
    let diff = same(&logistic, Kind::TextureLogistic);
    let scorer = Scorer::Linear(logistic);
    let scores = page_scores(&scorer, Kind::TextureLogistic, test)?;
    let mut v = common(Kind::TextureLogistic, textures.len());
    v["seconds"] = json!(seconds);
    v["auc"] = json!(auc(&scores, &truth));
    v["accuracy_at_0"] = json!(accuracy(&scores, &truth, 0.0));
    v["learner"] = json!(format!(
        "smartcore LogisticRegression (L-BFGS), alpha={}",
        config.logistic_alpha
    ));
    v["max_weight_diff_vs_shipped"] = json!(diff);
    emit(v);
    kept.push((Kind::TextureLogistic.as_str().to_string(), scores));

    if cnn_training {
        let tiles: Vec<&GrayImage> = train
            .iter()
            .flat_map(|p| p.tiles.iter().map(|t| &t.image))
            .collect();
        eprintln!(
            "training the cnn on {} tiles, {} epochs",
            tiles.len(),
            config.cnn.epochs
        );
        let t = Instant::now();
        let cnn = Cnn::train(&tiles, &ys, &config.cnn, &mut |_, _, _| true)?;
        let seconds = t.elapsed().as_secs_f64();
        // the same weights, byte for byte, as the shipped network (same data, seed and CPU kind)
        let identical = match bundle.model(Kind::Cnn).map(|m| &m.scorer) {
            Some(Scorer::Cnn(shipped)) => Some(shipped.to_bytes()? == cnn.to_bytes()?),
            _ => None,
        };
        let scorer = Scorer::Cnn(cnn);
        let scores = page_scores(&scorer, Kind::Cnn, test)?;
        let mut v = common(Kind::Cnn, tiles.len());
        v["seconds"] = json!(seconds);
        v["auc"] = json!(auc(&scores, &truth));
        v["accuracy_at_0"] = json!(accuracy(&scores, &truth, 0.0));
        v["learner"] = json!(format!(
            "candle, AdamW, {} epochs, batch {}",
            config.cnn.epochs, config.cnn.batch
        ));
        v["identical_to_shipped"] = json!(identical);
        emit(v);
        kept.push((Kind::Cnn.as_str().to_string(), scores));
    }
    Ok(kept)
}

// ------------------------------------------------------------------------------------------
// 3. Export for the Python reference
// ------------------------------------------------------------------------------------------

/// Write a NumPy `.npy` file (format 1.0, C order).
fn npy(path: &Path, descr: &str, shape: &[usize], data: &[u8]) -> std::io::Result<()> {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let shape = if dims.len() == 1 {
        format!("({},)", dims[0])
    } else {
        format!("({})", dims.join(", "))
    };
    let mut header = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}");
    // magic (6) + version (2) + length (2) + header + newline: a multiple of 64
    let pad = (64 - (10 + header.len() + 1) % 64) % 64;
    header.push_str(&" ".repeat(pad));
    header.push('\n');
    let mut out = Vec::with_capacity(10 + header.len() + data.len());
    out.extend_from_slice(b"\x93NUMPY\x01\x00");
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(data);
    std::fs::write(path, out)
}

fn f32s(xs: impl Iterator<Item = f32>) -> Vec<u8> {
    xs.flat_map(f32::to_le_bytes).collect()
}

fn i32s(xs: impl Iterator<Item = i32>) -> Vec<u8> {
    xs.flat_map(i32::to_le_bytes).collect()
}

/// `test/17 caveat` → 17.
fn page_index(name: &str) -> i32 {
    name.split_once('/')
        .and_then(|(_, rest)| rest.split(' ').next())
        .and_then(|i| i.parse().ok())
        .unwrap_or(-1)
}

fn export_set(dir: &Path, prefix: &str, pages: &[&PageData]) -> BenchResult<usize> {
    let n: usize = pages.iter().map(|p| p.tiles.len()).sum();
    let side = TILE as usize;
    let tiles: Vec<u8> = pages
        .iter()
        .flat_map(|p| {
            p.tiles
                .iter()
                .flat_map(|t| t.image.as_raw().iter().copied())
        })
        .collect();
    npy(
        &dir.join(format!("{prefix}_tiles.npy")),
        "|u1",
        &[n, side, side],
        &tiles,
    )?;
    let labels: Vec<u8> = pages
        .iter()
        .flat_map(|p| p.tiles.iter().map(|_| p.truth as u8))
        .collect();
    npy(
        &dir.join(format!("{prefix}_labels.npy")),
        "|u1",
        &[n],
        &labels,
    )?;
    // page ids: the page's position in the set (0, 1, …); its index in its split is in meta.json
    let ids = i32s(
        pages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.tiles.iter().map(move |_| i as i32)),
    );
    npy(&dir.join(format!("{prefix}_pages.npy")), "<i4", &[n], &ids)?;
    let hog = f32s(
        pages
            .iter()
            .flat_map(|p| p.features.iter().flat_map(|f| f.hog.iter().copied())),
    );
    npy(
        &dir.join(format!("{prefix}_hog.npy")),
        "<f4",
        &[n, hog::LEN],
        &hog,
    )?;
    let tex = f32s(
        pages
            .iter()
            .flat_map(|p| p.features.iter().flat_map(|f| f.texture.iter().copied())),
    );
    npy(
        &dir.join(format!("{prefix}_texture.npy")),
        "<f4",
        &[n, texture::LEN],
        &tex,
    )?;
    Ok(n)
}

/// The sets, the SVM's subset, and the page scores of Precis's models on the test pages
/// (`test_scores_<model>.npy`, in the order of `test_pages` in `meta.json`).
fn export(
    dir: &Path,
    train: &[&PageData],
    test: &[PageData],
    config: &TrainConfig,
    scores: &[(String, Vec<f32>)],
) -> BenchResult<()> {
    std::fs::create_dir_all(dir)?;
    for (name, s) in scores {
        npy(
            &dir.join(format!("test_scores_{name}.npy")),
            "<f4",
            &[s.len()],
            &f32s(s.iter().copied()),
        )?;
    }
    let n_train = export_set(dir, "train", train)?;
    let test_refs: Vec<&PageData> = test.iter().collect();
    let n_test = export_set(dir, "test", &test_refs)?;
    let order = subset(n_train, config.svm_tiles, config.seed);
    npy(
        &dir.join("svm_subset.npy"),
        "<i4",
        &[order.len()],
        &i32s(order.iter().map(|&i| i as i32)),
    )?;
    let pages = |set: &[&PageData]| -> Vec<Value> {
        set.iter()
            .map(|p| json!({"name": p.name, "index": page_index(&p.name), "handwritten": p.truth, "tiles": p.tiles.len()}))
            .collect()
    };
    let meta = json!({
        "config": config,
        "train_tiles": n_train, "test_tiles": n_test,
        "train_pages": pages(train), "test_pages": pages(&test_refs),
        "hog": "imageproc 0.27 hog: 9 unsigned orientations, 8-px cells, 2x2-cell blocks every 2 cells, L2",
        "texture_len": texture::LEN, "hog_len": hog::LEN,
    });
    std::fs::write(dir.join("meta.json"), serde_json::to_vec_pretty(&meta)?)?;
    emit(json!({
        "impl": "precis", "part": "export", "dir": dir.display().to_string(),
        "train_tiles": n_train, "test_tiles": n_test, "svm_subset": order.len(),
    }));
    Ok(())
}
