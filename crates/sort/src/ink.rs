//! Ink before paper: the [`InkMap`] of a page, and words drawn into it glyph by glyph with
//! ab_glyph (kerning, sub-pixel positions), straight or rotated and slanted about the start of
//! their baseline (handwriting), each glyph with its own amount of ink: [`Pen`] varies it the
//! way a hand, a typewriter or a printer does, around the same mean.

use std::sync::PoisonError;

use ab_glyph::{point, Font, Glyph, GlyphId, OutlinedGlyph, PxScale, ScaleFont};
use rand::RngExt;

use crate::fonts::Face;

/// Each glyph's ink, on average, relative to the page's ink strength, in every class: a pen's
/// varies from word to word and stroke to stroke (0.8–1 times 0.9–1), a typewriter's from key
/// to key (0.71–1), a printer's not at all.
pub const MEAN_INK: f32 = 0.855;

/// How the ink varies over a page, around [`MEAN_INK`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pen {
    Hand,
    Typewriter,
    Printer,
}

impl Pen {
    /// The ink of a word.
    pub(crate) fn word<R: rand::Rng>(self, rng: &mut R) -> f32 {
        match self {
            Pen::Hand => rng.random_range(0.8..1.0),
            Pen::Typewriter | Pen::Printer => 1.0,
        }
    }

    /// The ink of a glyph of a word whose ink is `word`.
    pub(crate) fn glyph<R: rand::Rng>(self, word: f32, rng: &mut R) -> f32 {
        match self {
            Pen::Hand => word * rng.random_range(0.9..1.0),
            Pen::Typewriter => rng.random_range(0.71..1.0),
            Pen::Printer => MEAN_INK,
        }
    }
}

/// How much ink each pixel holds, 0 (none) to 1 (full), row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct InkMap {
    pub width: u32,
    pub height: u32,
    pub data: Vec<f32>,
}

impl InkMap {
    /// A map without ink.
    pub fn new(width: u32, height: u32) -> InkMap {
        InkMap {
            width,
            height,
            data: vec![0.0; (width * height) as usize],
        }
    }

    /// Adds ink `v` at (x, y), as two layers of ink add (never over 1); outside is ignored.
    pub(crate) fn add(&mut self, x: i32, y: i32, v: f32) {
        if x >= 0 && y >= 0 && (x as u32) < self.width && (y as u32) < self.height {
            let p = &mut self.data[(y as u32 * self.width + x as u32) as usize];
            *p = *p + v - *p * v;
        }
    }

    /// The box `(x0, y0, x1, y1)` (x1, y1 exclusive) around every pixel with ink over `min`.
    pub fn bounds(&self, min: f32) -> Option<(u32, u32, u32, u32)> {
        let mut b: Option<(u32, u32, u32, u32)> = None;
        for (i, &v) in self.data.iter().enumerate() {
            if v > min {
                let (x, y) = (i as u32 % self.width, i as u32 / self.width);
                let (x0, y0, x1, y1) = b.unwrap_or((x, y, x + 1, y + 1));
                b = Some((x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1)));
            }
        }
        b
    }
}

/// The advance width of `word` at `scale`, with kerning.
pub fn word_width(face: &Face, scale: f32, word: &str) -> f32 {
    glyphs(face, scale, word).1
}

/// The glyphs of `word` positioned from (0, 0) on the baseline, and the word's advance width.
/// Digits are drawn at the face's digit scale ([`crate::glyphs`]).
fn glyphs(face: &Face, scale: f32, word: &str) -> (Vec<Glyph>, f32) {
    let sf = face.font.as_scaled(PxScale::from(scale));
    let mut x = 0.0;
    let mut prev = None;
    let mut out = Vec::with_capacity(word.len());
    for c in word.chars() {
        let id = face.glyph_id(c);
        if let Some(p) = prev {
            x += sf.kern(p, id);
        }
        let k = if c.is_ascii_digit() {
            face.metrics.digit_scale
        } else {
            1.0
        };
        out.push(id.with_scale_and_position(scale * k, point(x, 0.0)));
        x += sf.h_advance(id) * k;
        prev = Some(id);
    }
    (out, x)
}

impl Face {
    /// The glyph of `c` (as [`Font::glyph_id`]), each looked up in the font's tables once.
    pub fn glyph_id(&self, c: char) -> GlyphId {
        let cached = self
            .ids
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&c)
            .copied();
        cached.unwrap_or_else(|| {
            let id = self.font.glyph_id(c);
            self.ids
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(c, id);
            id
        })
    }

    /// `glyph` outlined (as [`Font::outline_glyph`]), each outline read from the font once: a
    /// page draws the same few dozen glyphs thousands of times.
    pub fn outline_glyph(&self, glyph: Glyph) -> Option<OutlinedGlyph> {
        let cached = self
            .outlines
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&glyph.id)
            .cloned();
        let outline = match cached {
            Some(o) => o,
            None => {
                let o = self.font.outline(glyph.id);
                self.outlines
                    .write()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(glyph.id, o.clone());
                o
            }
        }?;
        let scale_factor = self.font.as_scaled(glyph.scale).scale_factor();
        Some(OutlinedGlyph::new(glyph, outline, scale_factor))
    }
}

/// Draws `word` with its baseline starting at `origin`, rotated by `angle` (radians) and
/// slanted by `shear` around the origin; each glyph's ink is scaled by `glyph_ink()`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_word(
    ink: &mut InkMap,
    face: &Face,
    scale: f32,
    word: &str,
    origin: (f32, f32),
    angle: f32,
    shear: f32,
    glyph_ink: &mut dyn FnMut() -> f32,
) {
    let straight = angle == 0.0 && shear == 0.0;
    // Straight: each glyph right onto the page, at its sub-pixel position.
    let offset = if straight { origin } else { (0.0, 0.0) };
    let outlined: Vec<(OutlinedGlyph, f32)> = glyphs(face, scale, word)
        .0
        .into_iter()
        .filter_map(|mut g| {
            g.position = point(g.position.x + offset.0, g.position.y + offset.1);
            face.outline_glyph(g)
        })
        .map(|o| (o, glyph_ink()))
        .collect();
    if straight {
        for (g, k) in &outlined {
            let b = g.px_bounds();
            let (gx, gy) = (b.min.x as i32, b.min.y as i32);
            g.draw(|x, y, v| ink.add(gx + x as i32, gy + y as i32, (v * k).min(1.0)));
        }
        return;
    }
    // Otherwise into a buffer around the origin, then onto the page through the transform.
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (o, _) in &outlined {
        let b = o.px_bounds();
        (x0, y0, x1, y1) = (
            x0.min(b.min.x),
            y0.min(b.min.y),
            x1.max(b.max.x),
            y1.max(b.max.y),
        );
    }
    if outlined.is_empty() {
        return;
    }
    let (bx, by) = (x0.floor() as i32, y0.floor() as i32);
    let (w, h) = (
        (x1.ceil() as i32 - bx) as usize,
        (y1.ceil() as i32 - by) as usize,
    );
    let mut buf = vec![0.0f32; w * h];
    for (o, k) in &outlined {
        let b = o.px_bounds();
        let (ox, oy) = (b.min.x as i32 - bx, b.min.y as i32 - by);
        o.draw(|x, y, v| {
            let (px, py) = (ox + x as i32, oy + y as i32);
            if px >= 0 && py >= 0 && (px as usize) < w && (py as usize) < h {
                let p = &mut buf[py as usize * w + px as usize];
                *p = (*p + v * k).min(1.0);
            }
        });
    }
    let (sin, cos) = angle.sin_cos();
    // forward: slant (x - shear * y), then rotate; the corners give the page box to fill
    let fwd = |x: f32, y: f32| {
        let xs = x - shear * y;
        (xs * cos - y * sin, xs * sin + y * cos)
    };
    let corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)].map(|(x, y)| fwd(x, y));
    let min_x = corners.iter().map(|c| c.0).fold(f32::MAX, f32::min) + origin.0;
    let max_x = corners.iter().map(|c| c.0).fold(f32::MIN, f32::max) + origin.0;
    let min_y = corners.iter().map(|c| c.1).fold(f32::MAX, f32::min) + origin.1;
    let max_y = corners.iter().map(|c| c.1).fold(f32::MIN, f32::max) + origin.1;
    let sample = |x: i32, y: i32| {
        if x < 0 || y < 0 || x as usize >= w || y as usize >= h {
            0.0
        } else {
            buf[y as usize * w + x as usize]
        }
    };
    for py in min_y.floor() as i32..=max_y.ceil() as i32 {
        for px in min_x.floor() as i32..=max_x.ceil() as i32 {
            let (dx, dy) = (px as f32 + 0.5 - origin.0, py as f32 + 0.5 - origin.1);
            // inverse: rotate back, then undo the slant
            let (rx, ry) = (dx * cos + dy * sin, -dx * sin + dy * cos);
            let (sx, sy) = (rx + shear * ry - bx as f32 - 0.5, ry - by as f32 - 0.5);
            let (ix, iy) = (sx.floor() as i32, sy.floor() as i32);
            let (fx, fy) = (sx - ix as f32, sy - iy as f32);
            let v = sample(ix, iy) * (1.0 - fx) * (1.0 - fy)
                + sample(ix + 1, iy) * fx * (1.0 - fy)
                + sample(ix, iy + 1) * (1.0 - fx) * fy
                + sample(ix + 1, iy + 1) * fx * fy;
            if v > 0.0 {
                ink.add(px, py, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn ink_has_the_same_mean_in_every_class() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        for pen in [Pen::Hand, Pen::Typewriter, Pen::Printer] {
            let n = 20_000;
            let sum: f32 = (0..n)
                .map(|_| {
                    let w = pen.word(&mut rng);
                    pen.glyph(w, &mut rng)
                })
                .sum();
            let mean = sum / n as f32;
            assert!((mean - MEAN_INK).abs() < 0.005, "{pen:?}: {mean}");
        }
    }
}
