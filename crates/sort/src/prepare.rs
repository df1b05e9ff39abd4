//! From any page image to the tiles the models look at.
//!
//! Scans come at any resolution (a 300 dpi A4 is 2,480 px wide, a phone photo 4,000, a rendered
//! training page 1,024), so the page is first brought to one **writing size**: the median height of
//! its ink blobs (letters, or pieces of joined-up words) becomes [`GLYPH_HEIGHT`] pixels. Then the
//! page is cut into [`TILE`]-pixel squares, and the squares with some writing in them (neither
//! blank margin nor a solid blot) are the tiles. Every model scores tiles; the page's decision is
//! made from its tiles' scores (`models::page`), and the tiles' places show where the decision came
//! from.

use image::imageops::{self, FilterType};
use image::{GrayImage, Luma};
use imageproc::contrast::adaptive_threshold;

use crate::blobs::{blobs, Blob, Histogram};
use crate::shrink::shrink;

/// Side of a tile, in pixels of the normalised page.
pub const TILE: u32 = 64;
/// The median ink-blob height a page is scaled to (about two lines of text per tile).
pub const GLYPH_HEIGHT: f32 = 16.0;
/// The longest side the writing size is measured on (enough for letters to stay apart).
const MEASURE_SIDE: u32 = 800;
/// Ink fraction a tile needs to count as writing, and above which it is a blot or a photo.
const INK_MIN: f32 = 0.03;
const INK_MAX: f32 = 0.45;
/// Grey levels between paper and ink below which a tile holds no writing.
const MIN_CONTRAST: usize = 48;

/// Why a page gives no tiles.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PrepareError {
    #[error("the image is {0}×{1} pixels, too small to hold writing")]
    TooSmall(u32, u32),
    #[error("the page is blank: no writing was found on it")]
    Blank,
}

/// A square of the page with writing in it.
#[derive(Clone, Debug)]
pub struct Tile {
    /// Where the square is on the original image, in its pixels.
    pub x: u32,
    pub y: u32,
    pub side: u32,
    /// The square at the normalised writing size, [`TILE`]×[`TILE`], ink dark on white,
    /// contrast stretched.
    pub image: GrayImage,
    /// The share of its pixels that are ink.
    pub ink: f32,
}

/// A page ready for the models.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub tiles: Vec<Tile>,
    /// The median ink-blob height on the original image, in its pixels.
    pub glyph_height: f32,
    /// Original pixels per normalised pixel (a tile's side on the image is `TILE · scale`).
    pub scale: f32,
}

/// Ink mask: 255 where a pixel is clearly darker than its neighbourhood.
fn ink_mask(image: &GrayImage, radius: u32) -> GrayImage {
    let mut mask = adaptive_threshold(image, radius.max(1), 12);
    // adaptive_threshold paints the background white; ink is what is left black
    imageops::invert(&mut mask);
    mask
}

/// The median height of the page's ink blobs, in pixels of `image`, if there are enough of them.
fn blob_height(image: &GrayImage) -> Option<f32> {
    let mask = ink_mask(image, (image.width().max(image.height()) / 60).max(8));
    // blobs taller than this are rules, frames or pictures (a one-line strip allows more)
    let limit = if image.height() < 400 {
        image.height() * 3 / 4
    } else {
        image.height() / 8
    };
    let mut heights: Vec<u32> = blobs(&mask)
        .iter()
        .filter(|b| b.area >= 6)
        .map(Blob::height)
        .filter(|&h| h >= 3 && h <= limit)
        .collect();
    if heights.len() < 8 {
        return None;
    }
    let mid = heights.len() / 2;
    let (_, median, _) = heights.select_nth_unstable(mid);
    Some(*median as f32)
}

/// Whether most of the image is dark (its median grey below a third).
fn mostly_dark(image: &GrayImage) -> bool {
    let step = (image.width() as usize * image.height() as usize / 20_000).max(1);
    let dark = image
        .as_raw()
        .iter()
        .step_by(step)
        .filter(|&&p| p < 85)
        .count();
    let all = image.as_raw().len().div_ceil(step);
    dark * 2 > all
}

/// The paper's grey: the 90th percentile.
fn paper_level(image: &GrayImage) -> u8 {
    let mut hist = [0usize; 256];
    for p in image.pixels() {
        hist[p[0] as usize] += 1;
    }
    let total = image.as_raw().len();
    let mut acc = 0;
    for (v, n) in hist.iter().enumerate() {
        acc += n;
        if acc * 10 >= total * 9 {
            return v as u8;
        }
    }
    255
}

/// The share of ink in the square of `side` at (x0, y0): pixels darker than halfway
/// between its paper (the 90th percentile) and its darkest ink (the 1st), when the two differ
/// enough to be writing rather than paper grain or shading.
fn tile_ink(page: &GrayImage, x0: u32, y0: u32, side: u32) -> f32 {
    // a large square is sampled on a grid of about 64 × 64 points
    let stride = (side / TILE).max(1) as usize;
    let hist = Histogram::of((y0..y0 + side).step_by(stride).flat_map(|y| {
        (x0..x0 + side)
            .step_by(stride)
            .map(move |x| page.get_pixel(x, y)[0])
    }));
    let (ink, paper) = (hist.quantile(0.01), hist.quantile(0.90));
    if (paper as usize) < ink as usize + MIN_CONTRAST {
        return 0.0;
    }
    hist.share_below(((ink as u16 + paper as u16) / 2) as u8)
}

/// Stretch a tile's grey levels so that its background is white and its darkest ink black
/// (ink colour and scan contrast are not what tells handwriting from print).
fn stretch(tile: &mut GrayImage) {
    let hist = Histogram::of(tile.pixels().map(|p| p[0]));
    let (lo, hi) = (hist.quantile(0.01) as f32, hist.quantile(0.90) as f32);
    if hi - lo < 8.0 {
        return;
    }
    for p in tile.pixels_mut() {
        let v = ((p[0] as f32 - lo) / (hi - lo) * 255.0).clamp(0.0, 255.0);
        p[0] = v as u8;
    }
}

/// Normalise `image` and cut it into at most `max_tiles` tiles (spread evenly over the page's
/// writing when there are more).
pub fn prepare(image: &GrayImage, max_tiles: usize) -> Result<Prepared, PrepareError> {
    let (w, h) = image.dimensions();
    if w < 16 || h < 16 {
        return Err(PrepareError::TooSmall(w, h));
    }
    // light writing on a dark ground (a negative, a blackboard, digits datasets): turn it over
    let inverted;
    let image = if mostly_dark(image) {
        let mut copy = image.clone();
        imageops::invert(&mut copy);
        inverted = copy;
        &inverted
    } else {
        image
    };
    let factor = (w.max(h) as f32 / MEASURE_SIDE as f32).max(1.0);
    let measured = if factor > 1.0 {
        let (mw, mh) = ((w as f32 / factor) as u32, (h as f32 / factor) as u32);
        blob_height(&shrink(image, mw, mh))
    } else {
        blob_height(image)
    };
    let glyph_height = measured.ok_or(PrepareError::Blank)? * factor;
    // never blow a page up more than 4× nor shrink it below a tile
    let mut scale = (glyph_height / GLYPH_HEIGHT).clamp(0.25, 64.0);
    scale = scale.min(w.min(h) as f32 / TILE as f32).max(0.25);
    // a strip narrower than a tile (one line of text) is laid on paper of its own colour
    let side = ((TILE as f32 * scale).round() as u32).max(8);
    let padded;
    let page = if w < side || h < side {
        let mut p = GrayImage::from_pixel(w.max(side), h.max(side), Luma([paper_level(image)]));
        imageops::replace(&mut p, image, 0, 0);
        padded = p;
        &padded
    } else {
        image
    };
    let (pw, ph) = page.dimensions();

    // tiles are chosen on the page as it is; only the chosen ones are resized (a whole page at
    // the writing size would cost ten times more)
    let mut candidates = Vec::new();
    for ty in 0..ph / side {
        for tx in 0..pw / side {
            let (x0, y0) = (tx * side, ty * side);
            let ink = tile_ink(page, x0, y0, side);
            if (INK_MIN..=INK_MAX).contains(&ink) {
                candidates.push((x0, y0, ink));
            }
        }
    }
    if candidates.is_empty() {
        return Err(PrepareError::Blank);
    }
    let step = candidates.len() as f32 / max_tiles.max(1) as f32;
    let chosen: Vec<(u32, u32, f32)> = if step > 1.0 {
        (0..max_tiles)
            .map(|i| candidates[(i as f32 * step) as usize])
            .collect()
    } else {
        candidates
    };
    let tiles = chosen
        .into_iter()
        .map(|(x, y, ink)| {
            let crop = imageops::crop_imm(page, x, y, side, side).to_image();
            let mut tile = if side > TILE {
                shrink(&crop, TILE, TILE)
            } else {
                imageops::resize(&crop, TILE, TILE, FilterType::Triangle)
            };
            stretch(&mut tile);
            Tile {
                x,
                y,
                side,
                image: tile,
                ink,
            }
        })
        .collect();
    Ok(Prepared {
        tiles,
        glyph_height,
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use imageproc::drawing::draw_filled_rect_mut;
    use imageproc::rect::Rect;

    /// A page of `rows` lines of block "letters" `h` pixels high.
    fn blocks(width: u32, height: u32, h: u32, rows: u32) -> GrayImage {
        let mut img = GrayImage::from_pixel(width, height, Luma([235]));
        for r in 0..rows {
            let y = 20 + r * h * 2;
            let mut x = 20;
            while x + h < width - 20 && y + h < height {
                draw_filled_rect_mut(
                    &mut img,
                    Rect::at(x as i32, y as i32).of_size(h / 2, h),
                    Luma([30]),
                );
                x += h;
            }
        }
        img
    }

    #[test]
    fn the_writing_size_is_measured_and_normalised() {
        let small = prepare(&blocks(600, 400, 10, 8), 100).unwrap();
        let large = prepare(&blocks(1800, 1200, 30, 8), 100).unwrap();
        assert!(
            (small.glyph_height - 10.0).abs() <= 1.0,
            "{}",
            small.glyph_height
        );
        assert!(
            (large.glyph_height - 30.0).abs() <= 1.5,
            "{}",
            large.glyph_height
        );
        // the same page at three times the resolution gives about as many tiles
        let (a, b) = (small.tiles.len() as f32, large.tiles.len() as f32);
        assert!((a - b).abs() / a.max(b) < 0.35, "{a} vs {b}");
        assert!((large.scale / small.scale - 3.0).abs() < 0.3);
        for t in &large.tiles {
            assert_eq!(t.image.dimensions(), (TILE, TILE));
            assert!(t.x + t.side <= 1800 + t.side && t.y < 1200);
        }
    }

    #[test]
    fn a_blank_page_and_a_tiny_image_are_refused() {
        let mut blank = GrayImage::from_pixel(800, 1000, Luma([240]));
        // a little paper noise is still blank
        for (i, p) in blank.pixels_mut().enumerate() {
            p[0] = 236 + (i * 7919 % 9) as u8;
        }
        assert_eq!(prepare(&blank, 10).unwrap_err(), PrepareError::Blank);
        assert_eq!(
            prepare(&GrayImage::new(10, 300), 10).unwrap_err(),
            PrepareError::TooSmall(10, 300)
        );
    }

    #[test]
    fn a_negative_and_a_one_line_strip_are_read() {
        let mut negative = blocks(900, 700, 14, 10);
        imageops::invert(&mut negative);
        let p = prepare(&negative, 50).unwrap();
        assert!(!p.tiles.is_empty());
        // the tiles come back dark ink on light paper
        let t = &p.tiles[0].image;
        let light = t.pixels().filter(|q| q[0] > 128).count();
        assert!(light * 2 > t.as_raw().len());
        let strip = blocks(400, 50, 20, 1);
        assert!(!prepare(&strip, 10).unwrap().tiles.is_empty());
    }

    #[test]
    fn tiles_are_capped_and_spread() {
        let p = prepare(&blocks(1200, 1600, 12, 50), 8).unwrap();
        assert_eq!(p.tiles.len(), 8);
        let top = p.tiles.iter().map(|t| t.y).min().unwrap();
        let bottom = p.tiles.iter().map(|t| t.y).max().unwrap();
        assert!(bottom - top > 600, "{top}..{bottom}");
    }
}
