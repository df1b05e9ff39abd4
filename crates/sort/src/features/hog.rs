//! HOG descriptor of a tile: imageproc's implementation (Dalal & Triggs), 9 unsigned orientations,
//! 8-pixel cells, 2×2-cell blocks every other cell (non-overlapping), each block L2-normalised.

use image::GrayImage;
use imageproc::hog::{hog, HogOptions};

use crate::prepare::TILE;

fn options() -> HogOptions {
    HogOptions::new(9, false, 8, 2, 2)
}

/// The descriptor's length for a [`TILE`]-pixel tile: 4 × 4 blocks × 4 cells × 9 bins.
pub const LEN: usize = (TILE as usize / 16) * (TILE as usize / 16) * 4 * 9;

/// The HOG descriptor of one tile (a [`TILE`]-pixel square).
pub fn describe(tile: &GrayImage) -> Vec<f32> {
    // the tile size is fixed and divisible by the cell, so imageproc cannot refuse it
    hog(tile, options()).unwrap_or_else(|_| vec![0.0; LEN])
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    #[test]
    fn the_descriptor_has_its_length_and_sees_orientation() {
        let mut vertical = GrayImage::from_pixel(TILE, TILE, Luma([255]));
        let mut horizontal = vertical.clone();
        for i in 0..TILE {
            for j in (0..TILE).step_by(8) {
                vertical.put_pixel(j, i, Luma([0]));
                horizontal.put_pixel(i, j, Luma([0]));
            }
        }
        let (v, h) = (describe(&vertical), describe(&horizontal));
        assert_eq!((v.len(), h.len()), (LEN, LEN));
        assert!(v.iter().all(|x| x.is_finite()));
        // the first block's first cell: all of a vertical line's energy is in one bin,
        // a horizontal line's in another
        let peak = |d: &[f32]| (0..9).max_by(|&a, &b| d[a].total_cmp(&d[b])).unwrap_or(0);
        assert_ne!(peak(&v), peak(&h));
    }
}
