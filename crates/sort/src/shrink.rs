//! Shrinking a grey page by box averaging — the same pixels as `image::imageops::thumbnail`,
//! several times faster.
//!
//! `thumbnail` is generic over pixel types and reads each source pixel through a bounds-checked
//! `get_pixel` into a four-channel sum; on a 300 dpi A4 scan that was a third of the time a page
//! took to prepare. Here the rows of each output line are summed once into one row of `u32`,
//! and each output pixel adds its columns' sums. The windows are computed with the very same
//! `f32` arithmetic and the sum is rounded the same way, so the result is identical (a test
//! compares the two on many sizes) and the trained models see exactly the tiles they were
//! trained on.

use image::{imageops, GrayImage};

/// The half-open source windows `[start, end)` of each output pixel along one axis, as
/// `thumbnail` computes them.
fn windows(from: u32, to: u32) -> Vec<(usize, usize)> {
    let ratio = from as f32 / to as f32;
    (0..to)
        .map(|i| {
            let lowf = i as f32 * ratio;
            let highf = lowf + ratio;
            let low = (lowf.ceil() as u32).clamp(0, from - 1);
            let high = (highf.ceil() as u32).clamp(low, from);
            (low as usize, high as usize)
        })
        .collect()
}

/// `image` shrunk to `width` × `height`, each output pixel the rounded mean of its window.
/// Sizes that are not a shrink on both axes (where `thumbnail` interpolates) are left to
/// `thumbnail` itself.
pub fn shrink(image: &GrayImage, width: u32, height: u32) -> GrayImage {
    let (w, h) = image.dimensions();
    if w == 0 || h == 0 || width == 0 || height == 0 || width > w || height > h {
        return imageops::thumbnail(image, width, height);
    }
    let (columns, rows) = (windows(w, width), windows(h, height));
    if columns.iter().chain(&rows).any(|(low, high)| low == high) {
        return imageops::thumbnail(image, width, height);
    }
    let source = image.as_raw();
    let stride = w as usize;
    let mut out = Vec::with_capacity(width as usize * height as usize);
    let mut sums = vec![0u32; stride];
    for &(top, bottom) in &rows {
        sums.fill(0);
        for row in source[top * stride..bottom * stride].chunks_exact(stride) {
            for (sum, &p) in sums.iter_mut().zip(row) {
                *sum += u32::from(p);
            }
        }
        let tall = (bottom - top) as u32;
        out.extend(columns.iter().map(|&(left, right)| {
            let total: u32 = sums[left..right].iter().sum();
            let n = (right - left) as u32 * tall;
            ((total + n / 2) / n).min(255) as u8
        }));
    }
    GrayImage::from_raw(width, height, out).expect("one byte per output pixel")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    fn noise(w: u32, h: u32, rng: &mut ChaCha8Rng) -> GrayImage {
        GrayImage::from_fn(w, h, |_, _| image::Luma([rng.random::<u8>()]))
    }

    #[test]
    fn it_gives_the_pixels_thumbnail_gives() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        // the measurement's page sizes, the tiles' squares, and awkward ratios
        let cases = [
            (2480, 3508, 565, 800),
            (1024, 1448, 565, 800),
            (3000, 4000, 600, 800),
            (101, 101, 64, 64),
            (65, 65, 64, 64),
            (128, 128, 64, 64),
            (17, 900, 3, 800),
            (5, 5, 5, 5),
            (9, 7, 1, 1),
        ];
        for (w, h, nw, nh) in cases {
            let image = noise(w, h, &mut rng);
            assert_eq!(
                shrink(&image, nw, nh),
                imageops::thumbnail(&image, nw, nh),
                "{w}×{h} → {nw}×{nh}"
            );
        }
        for _ in 0..200 {
            let (w, h) = (rng.random_range(1..300), rng.random_range(1..300));
            let (nw, nh) = (rng.random_range(1..=w), rng.random_range(1..=h));
            let image = noise(w, h, &mut rng);
            assert_eq!(
                shrink(&image, nw, nh),
                imageops::thumbnail(&image, nw, nh),
                "{w}×{h} → {nw}×{nh}"
            );
        }
    }

    #[test]
    fn an_enlargement_is_left_to_thumbnail() {
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let image = noise(10, 40, &mut rng);
        assert_eq!(shrink(&image, 30, 20), imageops::thumbnail(&image, 30, 20));
    }
}
