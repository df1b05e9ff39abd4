//! Train and evaluate with a preset, save the models and write the report:
//! `cargo run -p precis-sort --release --example train -- [quick|standard] [MODEL_DIR] [REPORT_DIR]`.

use std::path::PathBuf;

use precis_sort::bundle::Bundle;
use precis_sort::fonts::default_data_dir;
use precis_sort::report::files;
use precis_sort::train::{report, run, TrainConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let preset = args.next().unwrap_or_else(|| "quick".into());
    let model_dir = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/sort-model".into()));
    let report_dir = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/sort-report".into()));
    let config = TrainConfig::preset(&preset).ok_or("preset: quick or standard")?;
    let started = std::time::Instant::now();
    let mut last = -1.0;
    let outcome = run(&default_data_dir(), &config, &mut |stage, f| {
        if f - last >= 0.05 {
            last = f;
            eprintln!(
                "{:>5.1}s {:>3.0}% {stage:?}",
                started.elapsed().as_secs_f32(),
                f * 100.0
            );
        }
        true
    })?;
    let report = report(&outcome)?;
    std::fs::create_dir_all(&report_dir)?;
    for f in files(&report) {
        std::fs::write(report_dir.join(&f.name), &f.contents)?;
    }
    let skipped = outcome.skipped.clone();
    let bundle = Bundle::new(outcome, report);
    bundle.save(&model_dir)?;
    println!(
        "skipped: {skipped:?}; total {:.0}s; default {}",
        started.elapsed().as_secs_f32(),
        bundle.default_model
    );
    Ok(())
}
