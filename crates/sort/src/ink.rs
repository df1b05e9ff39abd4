//! Ink before paper: the [`InkMap`] of a page, and words drawn into it glyph by glyph with
//! ab_glyph (kerning, sub-pixel positions), straight or rotated and slanted about the start of
//! their baseline (handwriting), each glyph with its own amount of ink.

use ab_glyph::{point, Font, Glyph, OutlinedGlyph, PxScale, ScaleFont};

use crate::fonts::Face;

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
fn glyphs(face: &Face, scale: f32, word: &str) -> (Vec<Glyph>, f32) {
    let sf = face.font.as_scaled(PxScale::from(scale));
    let mut x = 0.0;
    let mut prev = None;
    let mut out = Vec::with_capacity(word.len());
    for c in word.chars() {
        let id = face.font.glyph_id(c);
        if let Some(p) = prev {
            x += sf.kern(p, id);
        }
        out.push(id.with_scale_and_position(scale, point(x, 0.0)));
        x += sf.h_advance(id);
        prev = Some(id);
    }
    (out, x)
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
    let outlined: Vec<(OutlinedGlyph, f32)> = glyphs(face, scale, word)
        .0
        .into_iter()
        .filter_map(|g| face.font.outline_glyph(g))
        .map(|o| (o, glyph_ink()))
        .collect();
    if angle == 0.0 && shear == 0.0 {
        // Straight: draw each glyph right onto the page, at sub-pixel position.
        for (o, k) in &outlined {
            let mut g = o.glyph().clone();
            g.position = point(g.position.x + origin.0, g.position.y + origin.1);
            if let Some(g) = face.font.outline_glyph(g) {
                let b = g.px_bounds();
                let (gx, gy) = (b.min.x as i32, b.min.y as i32);
                g.draw(|x, y, v| ink.add(gx + x as i32, gy + y as i32, v * k));
            }
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
