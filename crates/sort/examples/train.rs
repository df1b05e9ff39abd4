//! Train and evaluate with a preset, print accuracy per set and model:
//! `cargo run -p precis-sort --release --example train -- [quick|standard]`.

use precis_sort::fonts::default_data_dir;
use precis_sort::train::{run, TrainConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let preset = std::env::args().nth(1).unwrap_or_else(|| "quick".into());
    let config = TrainConfig::preset(&preset).ok_or("preset: quick or standard")?;
    let started = std::time::Instant::now();
    let mut last = -1.0;
    let outcome = run(&default_data_dir(), &config, &mut |stage, f| {
        if f - last >= 0.05 {
            last = f;
            eprintln!("{:>5.1}s {:>3.0}% {stage:?}", started.elapsed().as_secs_f32(), f * 100.0);
        }
        true
    })?;
    for (set, n) in &outcome.counts {
        println!("{set:?}: {n} pages");
    }
    for e in &outcome.evaluations {
        let right = e.pages.iter().filter(|p| (p.probability > 0.5) == p.truth).count();
        println!("{:?} {:>17} acc {:.3} ({right}/{})", e.set, e.kind.as_str(), right as f64 / e.pages.len().max(1) as f64, e.pages.len());
        if format!("{:?}", e.set) == "RealScans" {
            for p in &e.pages {
                println!("    {:.2} {} {}", p.probability, if p.truth { "H" } else { "T" }, p.name);
            }
        }
    }
    for c in &outcome.costs {
        println!("{:>17} train {:.1}s predict {:.1} ms/page size {} B", c.kind.as_str(), c.train_seconds, c.predict_ms, c.size_bytes);
    }
    println!("skipped: {:?}; total {:.0}s", outcome.skipped, started.elapsed().as_secs_f32());
    Ok(())
}
