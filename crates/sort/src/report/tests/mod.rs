//! The report built from made-up predictions, and a check of SVG well-formedness.

mod sets;
mod svgs;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::eval::THRESHOLD;

pub(super) const NASTY: &str = "Forest <b>&\"'|";

pub(super) const FEW: Bootstrap = Bootstrap {
    resamples: 100,
    seed: 3,
};

/// Truths and groups of `n` pages, then each model's probabilities with noise `noise`.
pub(super) fn pages(n: usize, groups: usize, noise: &[f64], seed: u64) -> Vec<Vec<Prediction>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let truths: Vec<bool> = (0..n).map(|_| rng.random_bool(0.5)).collect();
    noise
        .iter()
        .map(|&spread| {
            truths
                .iter()
                .enumerate()
                .map(|(i, &t)| {
                    let centre: f64 = if t { 0.75 } else { 0.25 };
                    let p = (centre + rng.random_range(-spread..spread)).clamp(0.0, 1.0);
                    Prediction::new(t, p, format!("g{}", i % groups))
                })
                .collect()
        })
        .collect()
}

pub(super) fn model(name: &str, seconds: f64) -> ModelInfo {
    ModelInfo {
        name: name.to_string(),
        description: format!("{name}: features and a classifier"),
        training_seconds: seconds,
        prediction_ms_per_page: 1.25,
        size_bytes: 150_000,
    }
}

pub(super) fn report() -> Report {
    let names = ["Logistic", NASTY, "Boosting"];
    let sizes = [
        (CrossValidation, 300, 12),
        (HeldOutPages, 200, 12),
        (UnseenFonts, 150, 6),
        (RealScans, 26, 3),
    ];
    use SetKind::*;
    let sets = sizes
        .iter()
        .enumerate()
        .map(|(k, &(kind, n, groups))| {
            let preds = pages(n, groups, &[0.6, 0.3, 0.45], k as u64);
            let models: Vec<(&str, &[Prediction])> = names
                .iter()
                .zip(&preds)
                .map(|(n, p)| (*n, &p[..]))
                .collect();
            SetReport::evaluate(kind, &models, THRESHOLD, &FEW).unwrap()
        })
        .collect();
    Report {
        protocol: Protocol {
            seed: 42,
            folds: 5,
            threshold: THRESHOLD,
            bootstrap: FEW,
            training: Counts {
                pages: 1000,
                handwritten: 500,
                typed: 500,
                groups: 40,
            },
        },
        models: names.iter().map(|n| model(n, 2.5)).collect(),
        sets,
    }
}

/// Checks `svg` is one well-formed element tree: every tag closed in order, every `&` an entity.
pub(super) fn assert_well_formed(svg: &str) {
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    for needle in ["role=\"img\"", "<title id=", "<desc id=", "viewBox=\"0 0 "] {
        assert!(svg.contains(needle), "{needle} missing");
    }
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    let mut open: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("unclosed tag") + start;
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "stray < in {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name.trim()), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().unwrap_or(""));
        }
        rest = &rest[end + 1..];
        if open.is_empty() {
            assert!(rest.trim().is_empty(), "content after the root: {rest}");
        }
    }
    assert!(open.is_empty(), "unclosed {open:?}");
    for (i, _) in svg.match_indices('&') {
        let entity = &svg[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "bare & at {}",
            &svg[i..(i + 12).min(svg.len())]
        );
    }
}
