//! Hand-crafted measures of a tile that differ between a hand and a machine:
//!
//! | block | length | what it captures |
//! | --- | ---: | --- |
//! | stroke width | 4 | a pen's line swells and thins; a font's strokes repeat the same few widths |
//! | orientation | 14 | print is made of verticals and horizontals; a hand slants and curves (12-bin gradient histogram, its entropy, its vertical + horizontal share) |
//! | line profile | 4 | typed lines have clean gaps between them and between letters; handwriting's ascenders, descenders and joins fill them |
//! | blobs | 5 | typed letters are separate blobs of regular size; a hand joins and varies them |
//! | LBP | 59 | local binary patterns (imageproc), the uniform ones each in a bin, the rest together |
//!
//! 86 numbers in all ([`LEN`]); none of them is the amount of ink (a page's fill is not the class).

use image::{GrayImage, Luma};
use imageproc::distance_transform::euclidean_squared_distance_transform;
use imageproc::gradients::{horizontal_sobel, vertical_sobel};
use imageproc::local_binary_patterns::{count_transitions, local_binary_pattern};

use crate::blobs::{self, Blob};

/// The number of texture features.
pub const LEN: usize = 4 + 14 + 4 + 5 + 59;
const ORIENTATIONS: usize = 12;

/// Mean and coefficient of variation (0 when empty).
fn mean_cv(v: &[f32]) -> (f32, f32) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let mean = v.iter().sum::<f32>() / v.len() as f32;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f32>() / v.len() as f32;
    (mean, if mean > 0.0 { var.sqrt() / mean } else { 0.0 })
}

/// Ink pixels (255) of a contrast-stretched tile.
fn ink(tile: &GrayImage) -> GrayImage {
    GrayImage::from_fn(tile.width(), tile.height(), |x, y| {
        Luma([if tile.get_pixel(x, y)[0] < 128 {
            255
        } else {
            0
        }])
    })
}

/// Stroke width on the ridges of the ink (local maxima of the distance to paper).
fn stroke_width(mask: &GrayImage, out: &mut Vec<f32>) {
    let paper = GrayImage::from_fn(mask.width(), mask.height(), |x, y| {
        Luma([255 - mask.get_pixel(x, y)[0]])
    });
    let dist = euclidean_squared_distance_transform(&paper);
    let (w, h) = mask.dimensions();
    let mut ridge = Vec::new();
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let d = dist.get_pixel(x, y)[0];
            // (a tile with no paper at all has no finite distance)
            if mask.get_pixel(x, y)[0] == 0 || d <= 0.0 || !d.is_finite() {
                continue;
            }
            let is_max = [(0, 1), (2, 1), (1, 0), (1, 2)]
                .iter()
                .all(|&(dx, dy)| dist.get_pixel(x + dx - 1, y + dy - 1)[0] <= d);
            if is_max {
                ridge.push(2.0 * (d as f32).sqrt());
            }
        }
    }
    let (mean, cv) = mean_cv(&ridge);
    let mut sorted = ridge;
    sorted.sort_by(f32::total_cmp);
    let q = |p: f32| {
        sorted
            .get((p * (sorted.len().max(1) - 1) as f32) as usize)
            .copied()
    };
    let spread = match (q(0.9), q(0.1)) {
        (Some(hi), Some(lo)) if hi > 0.0 => (hi - lo) / hi,
        _ => 0.0,
    };
    out.extend([mean / 8.0, cv, spread, sorted.len() as f32 / 400.0]);
}

/// Gradient orientation histogram (magnitude-weighted, 0–180°), its entropy and the share of
/// gradient energy within 15° of vertical or horizontal strokes.
fn orientation(tile: &GrayImage, out: &mut Vec<f32>) {
    let (gx, gy) = (horizontal_sobel(tile), vertical_sobel(tile));
    let mut hist = [0f32; ORIENTATIONS];
    let mut axis = 0f32;
    for (a, b) in gx.pixels().zip(gy.pixels()) {
        let (dx, dy) = (a[0] as f32, b[0] as f32);
        let m = (dx * dx + dy * dy).sqrt();
        if m < 40.0 {
            continue;
        }
        let angle = dy.atan2(dx).rem_euclid(std::f32::consts::PI);
        let bin =
            ((angle / std::f32::consts::PI * ORIENTATIONS as f32) as usize).min(ORIENTATIONS - 1);
        hist[bin] += m;
        let deg = angle.to_degrees();
        if !(15.0..=165.0).contains(&deg) || (deg - 90.0).abs() < 15.0 {
            axis += m;
        }
    }
    let total: f32 = hist.iter().sum();
    if total <= 0.0 {
        out.extend([0.0; ORIENTATIONS + 2]);
        return;
    }
    let entropy = -hist
        .iter()
        .filter(|&&h| h > 0.0)
        .map(|&h| (h / total) * (h / total).ln())
        .sum::<f32>()
        / (ORIENTATIONS as f32).ln();
    out.extend(hist.iter().map(|h| h / total));
    out.extend([entropy, axis / total]);
}

/// Rows and columns without ink, and how uneven the rows' ink is.
fn profile(mask: &GrayImage, out: &mut Vec<f32>) {
    let (w, h) = mask.dimensions();
    let rows: Vec<f32> = (0..h)
        .map(|y| (0..w).filter(|&x| mask.get_pixel(x, y)[0] > 0).count() as f32)
        .collect();
    let cols: Vec<f32> = (0..w)
        .map(|x| (0..h).filter(|&y| mask.get_pixel(x, y)[0] > 0).count() as f32)
        .collect();
    let empty = |v: &[f32]| v.iter().filter(|&&c| c == 0.0).count() as f32 / v.len().max(1) as f32;
    let (_, row_cv) = mean_cv(&rows);
    // how sharply the rows' ink switches on and off (a typed line's top and baseline are edges)
    let jumps = rows.windows(2).map(|p| (p[1] - p[0]).abs()).sum::<f32>()
        / rows.iter().sum::<f32>().max(1.0);
    out.extend([empty(&rows), empty(&cols), row_cv / 3.0, jumps]);
}

/// Blob count per unit of ink, regularity of blob heights and widths, and how much of its box a
/// blob fills.
fn blobs(mask: &GrayImage, out: &mut Vec<f32>) {
    let found = blobs::blobs(mask);
    let big: Vec<&Blob> = found.iter().filter(|b| b.area >= 4).collect();
    let area: u32 = big.iter().map(|b| b.area).sum();
    let heights: Vec<f32> = big.iter().map(|b| b.height() as f32).collect();
    let widths: Vec<f32> = big.iter().map(|b| b.width() as f32).collect();
    let fills: Vec<f32> = big
        .iter()
        .map(|b| b.area as f32 / (b.width() * b.height()) as f32)
        .collect();
    let (_, h_cv) = mean_cv(&heights);
    let (_, w_cv) = mean_cv(&widths);
    let (fill, fill_cv) = mean_cv(&fills);
    out.extend([
        big.len() as f32 * 100.0 / area.max(1) as f32,
        h_cv,
        w_cv,
        fill,
        fill_cv,
    ]);
}

/// Histogram of uniform local binary patterns (at most two 0/1 transitions: 58 codes, each its
/// own bin) and one bin for all the others: the last 59 of the texture features.
pub fn lbp_histogram(tile: &GrayImage) -> Vec<f32> {
    let mut bin_of = [58u8; 256];
    let mut next = 0u8;
    for code in 0..=255u8 {
        if count_transitions(code) <= 2 {
            bin_of[code as usize] = next;
            next += 1;
        }
    }
    let mut hist = [0f32; 59];
    let (w, h) = tile.dimensions();
    let mut n = 0.0;
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            if let Some(code) = local_binary_pattern(tile, x, y) {
                hist[bin_of[code as usize] as usize] += 1.0;
                n += 1.0;
            }
        }
    }
    hist.iter().map(|c| c / f32::max(n, 1.0)).collect()
}

fn lbp(tile: &GrayImage, out: &mut Vec<f32>) {
    out.extend(lbp_histogram(tile));
}

/// The [`LEN`] texture features of a contrast-stretched tile.
pub fn describe(tile: &GrayImage) -> Vec<f32> {
    let mask = ink(tile);
    let mut out = Vec::with_capacity(LEN);
    stroke_width(&mask, &mut out);
    orientation(tile, &mut out);
    profile(&mask, &mut out);
    blobs(&mask, &mut out);
    lbp(tile, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use imageproc::drawing::{draw_filled_rect_mut, draw_line_segment_mut};
    use imageproc::rect::Rect;

    fn paper() -> GrayImage {
        GrayImage::from_pixel(64, 64, Luma([255]))
    }

    #[test]
    fn every_tile_gives_len_finite_numbers() {
        let mut scribble = paper();
        for i in 0..12 {
            let y = 8.0 + i as f32 * 4.0;
            draw_line_segment_mut(&mut scribble, (4.0, y), (60.0, y + 9.0), Luma([0]));
        }
        for tile in [paper(), GrayImage::from_pixel(64, 64, Luma([0])), scribble] {
            let f = describe(&tile);
            assert_eq!(f.len(), LEN);
            assert!(f.iter().all(|x| x.is_finite()), "{f:?}");
        }
    }

    #[test]
    fn upright_bars_are_more_axis_aligned_and_more_even_than_slanted_strokes() {
        let mut bars = paper();
        for x in (4..60).step_by(8) {
            draw_filled_rect_mut(&mut bars, Rect::at(x, 10).of_size(3, 20), Luma([0]));
            draw_filled_rect_mut(&mut bars, Rect::at(x, 40).of_size(3, 20), Luma([0]));
        }
        let mut slant = paper();
        for (i, x) in (0..56).step_by(8).enumerate() {
            let w = 1 + (i % 3) as i32;
            for d in 0..w {
                let x = (x + d) as f32;
                draw_line_segment_mut(&mut slant, (x, 30.0), (x + 12.0, 8.0), Luma([0]));
                draw_line_segment_mut(&mut slant, (x, 60.0), (x + 12.0, 38.0), Luma([0]));
            }
        }
        let mut uneven = paper();
        for (i, x) in (2..58).step_by(10).enumerate() {
            let w = 2 + 2 * (i as u32 % 4);
            draw_filled_rect_mut(&mut uneven, Rect::at(x, 10).of_size(w, 44), Luma([0]));
        }
        let (b, s, u) = (describe(&bars), describe(&slant), describe(&uneven));
        let axis = 4 + ORIENTATIONS + 1;
        assert!(b[axis] > 0.8 && s[axis] < 0.5, "{} vs {}", b[axis], s[axis]);
        // stroke width varies more for bars of four widths than for bars of one
        assert!(u[1] > b[1] + 0.1, "cv {} vs {}", u[1], b[1]);
        assert!(u[0] > b[0], "mean width {} vs {}", u[0], b[0]);
        // the bars' rows have ink or not; an empty band separates the two rows of bars
        assert!(b[18] > 0.0);
    }

    #[test]
    fn lbp_histogram_sums_to_one() {
        let mut t = paper();
        draw_filled_rect_mut(&mut t, Rect::at(10, 10).of_size(30, 12), Luma([0]));
        let f = describe(&t);
        let sum: f32 = f[LEN - 59..].iter().sum();
        assert!((sum - 1.0).abs() < 1e-4, "{sum}");
    }
}
