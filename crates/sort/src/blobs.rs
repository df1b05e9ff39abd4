//! The connected blobs of an ink mask (8-connected), each with its bounding box and area: what
//! the page preparation measures the writing size from, and what the texture features read the
//! regularity of letters from.

use image::{GrayImage, Luma};
use imageproc::region_labelling::{connected_components, Connectivity};

/// One blob: its bounding box (inclusive pixel bounds) and how many pixels it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Blob {
    pub left: u32,
    pub right: u32,
    pub top: u32,
    pub bottom: u32,
    pub area: u32,
}

impl Blob {
    pub fn width(&self) -> u32 {
        self.right - self.left + 1
    }

    pub fn height(&self) -> u32 {
        self.bottom - self.top + 1
    }
}

/// The blobs of the non-zero pixels of `mask`, in label order.
pub fn blobs(mask: &GrayImage) -> Vec<Blob> {
    let labels = connected_components(mask, Connectivity::Eight, Luma([0u8]));
    let mut out: Vec<Blob> = Vec::new();
    for (x, y, p) in labels.enumerate_pixels() {
        let l = p[0] as usize;
        if l == 0 {
            continue;
        }
        if out.len() < l {
            out.resize(
                l,
                Blob {
                    left: u32::MAX,
                    right: 0,
                    top: u32::MAX,
                    bottom: 0,
                    area: 0,
                },
            );
        }
        let b = &mut out[l - 1];
        b.left = b.left.min(x);
        b.right = b.right.max(x);
        b.top = b.top.min(y);
        b.bottom = b.bottom.max(y);
        b.area += 1;
    }
    out
}

/// The grey-level histogram of some pixels, and its quantiles.
pub struct Histogram {
    counts: [u32; 256],
    total: u32,
}

impl Histogram {
    pub fn of(pixels: impl IntoIterator<Item = u8>) -> Histogram {
        let mut counts = [0u32; 256];
        for p in pixels {
            counts[p as usize] += 1;
        }
        Histogram {
            total: counts.iter().sum(),
            counts,
        }
    }

    /// The lowest grey level at or below which a share `q` (0–1) of the pixels lie.
    pub fn quantile(&self, q: f32) -> u8 {
        let mut acc = 0;
        for (v, n) in self.counts.iter().enumerate() {
            acc += n;
            if acc as f32 >= q * self.total as f32 {
                return v as u8;
            }
        }
        255
    }

    /// The share of the pixels darker than `level`.
    pub fn share_below(&self, level: u8) -> f32 {
        self.counts[..level as usize].iter().sum::<u32>() as f32 / self.total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_have_their_boxes_and_areas() {
        let mut mask = GrayImage::new(10, 6);
        // an L of 4 pixels, and a lone pixel touching nothing (diagonals connect)
        for (x, y) in [(1, 1), (1, 2), (1, 3), (2, 3), (3, 4), (8, 0)] {
            mask.put_pixel(x, y, Luma([255]));
        }
        let found = blobs(&mask);
        assert_eq!(found.len(), 2);
        let l = found
            .iter()
            .find(|b| b.area == 5)
            .expect("the L and its diagonal");
        assert_eq!((l.left, l.right, l.top, l.bottom), (1, 3, 1, 4));
        assert_eq!((l.width(), l.height()), (3, 4));
        let dot = found.iter().find(|b| b.area == 1).expect("the dot");
        assert_eq!((dot.width(), dot.height()), (1, 1));
        assert!(blobs(&GrayImage::new(4, 4)).is_empty());
    }

    #[test]
    fn quantiles_count_from_the_dark_end() {
        // 10 pixels: 0 ×1, 100 ×8, 255 ×1
        let h = Histogram::of([0u8, 100, 100, 100, 100, 100, 100, 100, 100, 255]);
        assert_eq!(h.quantile(0.01), 0);
        assert_eq!(h.quantile(0.1), 0);
        assert_eq!(h.quantile(0.5), 100);
        assert_eq!(h.quantile(0.9), 100);
        assert_eq!(h.quantile(0.95), 255);
        assert!((h.share_below(100) - 0.1).abs() < 1e-6);
        assert_eq!(h.share_below(0), 0.0);
    }
}
