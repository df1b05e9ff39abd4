//! Text to ink: lays the blocks of a page out in lines (word wrap, margins, line pitch) and
//! draws them with the font into an [`InkMap`] ([`crate::ink`]), the amount of ink on each pixel
//! before any paper or scanning ([`crate::degrade`] puts it on paper).
//!
//! Typed pages have straight baselines, regular spaces, sometimes justified lines, and (with a
//! typewriter face) uneven ink from letter to letter. Handwritten pages have baselines that drift
//! and wobble, words each slightly rotated, slanted and scaled, uneven spaces, a left margin that
//! wanders, and ink that varies from word to word.

use ab_glyph::{Font, PxScale, ScaleFont};
use rand::RngExt;

use crate::fonts::{Class, Face};
use crate::ink::{draw_word, word_width, InkMap};
use crate::text::Block;

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

/// The face's size (ab_glyph's scale, in px) for an x-height in pixels, made smaller where the
/// capitals or digits would be over 2.4 times as tall (script faces with tiny lower case and
/// large figures, like Sacramento).
/// A face whose letters carry ruled lines (Ecolier lignes) is taken to have an x-height of 0.3
/// of its line height.
pub fn scale_for_x_height(face: &Face, x_height: f32) -> f32 {
    let f = &face.font;
    let line = f.height_unscaled();
    let height = |c: char| {
        f.outline(f.glyph_id(c))
            .map(|o| (o.bounds.max.y - o.bounds.min.y).abs())
            .filter(|&h| h > 1.0 && h < 0.7 * line)
    };
    let xh = height('x').unwrap_or(0.3 * line);
    let cap = height('H')
        .unwrap_or(1.5 * xh)
        .max(height('0').unwrap_or(0.0));
    (x_height * line / xh).min(2.4 * x_height * line / cap)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::test_catalogue;
    use crate::text::{Lang, TextSource};
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn layout() -> Layout {
        Layout {
            width: 600,
            height: 848,
            left: 60.0,
            right: 50.0,
            top: 70.0,
            bottom: 60.0,
            first_baseline: 95.0,
            pitch: 34.0,
            x_height: 10.0,
        }
    }

    /// Renders a page in `family` and checks it has ink, all of it inside the margins (give or
    /// take one x-height for handwriting's jitter).
    fn check(family: &str, class: Class) {
        let Some(cat) = test_catalogue() else { return };
        let family = cat.families.iter().find(|f| f.name == family).unwrap();
        assert_eq!(family.class, class);
        let face = &family.faces[0];
        let covers = |t: &str| face.covers(t);
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let blocks = TextSource::builtin().page(Lang::Fr, &mut rng, &covers);
        let l = layout();
        let ink = render(face, class, &blocks, &l, usize::MAX, &mut rng);
        let total: f32 = ink.data.iter().sum();
        let share = total / ink.data.len() as f32;
        assert!(
            (0.02..0.4).contains(&share),
            "{}: ink on {share} of the page",
            family.name
        );
        let (x0, y0, x1, y1) = ink.bounds(0.05).unwrap();
        let slack = l.x_height;
        assert!(
            x0 as f32 >= l.left - slack,
            "{}: ink from x={x0}",
            family.name
        );
        assert!(
            x1 as f32 <= l.width as f32 - l.right + slack,
            "{}: to x={x1}",
            family.name
        );
        assert!(y0 as f32 >= l.top - 2.0 * l.pitch && y0 as f32 <= l.first_baseline);
        assert!(
            y1 as f32 <= l.height as f32 - l.bottom + l.pitch,
            "{}: to y={y1}",
            family.name
        );
        // the text goes down the page, not only one line
        assert!(y1 - y0 > l.height / 2, "{}: {y0}..{y1}", family.name);
    }

    #[test]
    fn a_handwritten_page_has_ink_inside_the_margins() {
        check("caveat", Class::Handwritten);
        check("dancing-script", Class::Handwritten);
    }

    #[test]
    fn a_typed_page_has_ink_inside_the_margins() {
        check("liberation-serif", Class::Typed);
        check("gnu-typewriter", Class::Typed);
    }

    #[test]
    fn faces_get_a_readable_size() {
        let Some(cat) = test_catalogue() else { return };
        for family in &cat.families {
            for face in &family.faces {
                let scale = scale_for_x_height(face, 10.0);
                let sf = face.font.as_scaled(PxScale::from(scale));
                let line = sf.ascent() - sf.descent();
                assert!(
                    (15.0..60.0).contains(&line),
                    "{} {}: line {line}",
                    family.name,
                    face.file
                );
            }
        }
    }

    #[test]
    fn max_lines_stops_the_page() {
        let Some(cat) = test_catalogue() else { return };
        let face = &cat
            .families
            .iter()
            .find(|f| f.name == "carlito")
            .unwrap()
            .faces[0];
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let blocks = TextSource::builtin().page(Lang::En, &mut rng, &|_| true);
        let l = layout();
        let ink = render(face, Class::Typed, &blocks, &l, 2, &mut rng);
        let (_, _, _, y1) = ink.bounds(0.05).unwrap();
        assert!((y1 as f32) < l.first_baseline + 2.0 * l.pitch, "{y1}");
    }
}
