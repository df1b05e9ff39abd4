//! Text to ink: lays the blocks of a page out in lines (word wrap, margins, line pitch) and
//! rasterises them with the font into an [`InkMap`], the amount of ink on each pixel before any
//! paper or scanning ([`crate::degrade`] puts it on paper).
//!
//! Typed pages have straight baselines, regular spaces, sometimes justified lines, and (with a
//! typewriter face) uneven ink from letter to letter. Handwritten pages have baselines that drift
//! and wobble, words each slightly rotated, slanted and scaled, uneven spaces, a left margin that
//! wanders, and ink that varies from word to word.

use ab_glyph::{point, Font, Glyph, OutlinedGlyph, PxScale, ScaleFont};
use rand::RngExt;

use crate::fonts::{Class, Face};
use crate::text::Block;

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
    fn add(&mut self, x: i32, y: i32, v: f32) {
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

/// Where the text goes on the page, in pixels; chosen before rendering because ruled paper must
/// put its lines under the baselines.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// The first baseline's y; the others follow every `pitch` pixels.
    pub first_baseline: f32,
    pub pitch: f32,
    /// The x-height of the text, in pixels.
    pub x_height: f32,
}

/// A laid-out word: its text and where its baseline starts.
struct Placed<'a> {
    word: &'a str,
    x: f32,
    baseline: f32,
}

/// The face's size (ab_glyph's scale, in px) for an x-height in pixels.
pub fn scale_for_x_height(face: &Face, x_height: f32) -> f32 {
    let f = &face.font;
    let xh = f
        .outline(f.glyph_id('x'))
        .map(|o| (o.bounds.max.y - o.bounds.min.y).abs())
        .filter(|&h| h > 1.0)
        .unwrap_or(0.5 * f.units_per_em().unwrap_or(1000.0));
    x_height * f.height_unscaled() / xh
}

/// Renders `blocks` in `face` into an ink map, as far as the page (or `max_lines`) allows.
pub fn render<R: rand::Rng>(
    face: &Face,
    class: Class,
    blocks: &[Block],
    layout: &Layout,
    max_lines: usize,
    rng: &mut R,
) -> InkMap {
    let hand = class == Class::Handwritten;
    let mut ink = InkMap::new(layout.width, layout.height);
    let scale = scale_for_x_height(face, layout.x_height);
    let sf = face.font.as_scaled(PxScale::from(scale));
    let space = sf.h_advance(face.font.glyph_id(' ')).max(0.25 * scale);
    let text_width = layout.width as f32 - layout.left - layout.right;
    // Room for the handwritten words' jitter, so that lines stay inside the margins.
    let wrap = if hand { 0.9 } else { 1.0 } * text_width;
    let justify = !hand && rng.random_bool(0.4);
    let indent = if rng.random_bool(0.5) {
        4.0 * space
    } else {
        0.0
    };
    let gap_lines = usize::from(rng.random_bool(0.6));
    let typewriter = !hand && rng.random_bool(0.3);
    let pen = if hand {
        rng.random_range(0.75..1.0)
    } else {
        1.0
    };
    let slope = if hand {
        rng.random_range(-0.012f32..0.012)
    } else {
        0.0
    };
    let mut line = 0usize;
    let width = |w: &str| word_width(face, scale, w);
    for block in blocks {
        let (words, right, first_indent): (Vec<&str>, bool, f32) = match block {
            Block::Paragraph(t) => (t.split_whitespace().collect(), false, indent),
            Block::Line(t) => (t.split_whitespace().collect(), false, 0.0),
            Block::RightLine(t) => (t.split_whitespace().collect(), true, 0.0),
        };
        let mut rows: Vec<Vec<&str>> = vec![vec![]];
        let mut used = first_indent;
        for w in words {
            let ww = width(w);
            let row = rows.last_mut().expect("never empty");
            if !row.is_empty() && used + space + ww > wrap {
                rows.push(vec![w]);
                used = ww;
            } else {
                used += if row.is_empty() { 0.0 } else { space } + ww;
                row.push(w);
            }
        }
        let last = rows.len() - 1;
        for (r, row) in rows.iter().enumerate() {
            let baseline = layout.first_baseline + line as f32 * layout.pitch;
            if line >= max_lines || baseline > layout.height as f32 - layout.bottom {
                return ink;
            }
            let natural: f32 =
                row.iter().map(|w| width(w)).sum::<f32>() + space * (row.len() as f32 - 1.0);
            let mut x = layout.left + if r == 0 { first_indent } else { 0.0 };
            if right {
                x = layout.left + wrap - natural;
            }
            let mut gap = space;
            if justify && r < last && row.len() > 1 {
                gap += (wrap - natural - (x - layout.left)) / (row.len() as f32 - 1.0);
            }
            let mut placed = Vec::with_capacity(row.len());
            if hand {
                x += rng.random_range(-0.3..0.3) * layout.x_height;
                let wobble = (
                    rng.random_range(0.02..0.1) * layout.x_height,
                    rng.random_range(100.0f32..400.0),
                    rng.random_range(0.0..std::f32::consts::TAU),
                );
                for w in row {
                    let drift = (x - layout.left) * slope
                        + wobble.0 * ((x / wobble.1) * std::f32::consts::TAU + wobble.2).sin();
                    let y = baseline + drift + rng.random_range(-0.06..0.06) * layout.x_height;
                    placed.push(Placed {
                        word: w,
                        x,
                        baseline: y,
                    });
                    x += width(w) + space * rng.random_range(0.9..1.6);
                }
            } else {
                for w in row {
                    placed.push(Placed {
                        word: w,
                        x,
                        baseline,
                    });
                    x += width(w) + gap;
                }
            }
            for p in placed {
                let (s, angle, shear, dark) = if hand {
                    (
                        scale * rng.random_range(0.94..1.06),
                        rng.random_range(-0.035f32..0.035),
                        rng.random_range(-0.12f32..0.12),
                        pen * rng.random_range(0.8..1.0),
                    )
                } else {
                    (scale, 0.0, 0.0, 1.0)
                };
                let mut glyph_ink = || {
                    if typewriter {
                        rng.random_range(0.55..1.0)
                    } else if hand {
                        dark * rng.random_range(0.9..1.0)
                    } else {
                        1.0
                    }
                };
                draw_word(
                    &mut ink,
                    face,
                    s,
                    p.word,
                    (p.x, p.baseline),
                    angle,
                    shear,
                    &mut glyph_ink,
                );
            }
            line += 1;
            if r == last && matches!(block, Block::Paragraph(_)) {
                line += gap_lines;
            }
        }
    }
    ink
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
fn draw_word(
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
