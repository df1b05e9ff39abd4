//! Text to ink: lays the blocks of a page out in lines (word wrap, margins, line pitch) and
//! draws them with the font into an [`InkMap`] ([`crate::ink`]), the amount of ink on each pixel
//! before any paper or scanning ([`crate::degrade`] puts it on paper).
//!
//! Typed pages have straight baselines, regular spaces, sometimes justified lines, and (with a
//! typewriter face) uneven ink from letter to letter. Handwritten pages have baselines that drift
//! and wobble, words each slightly rotated, slanted and scaled, uneven spaces, a left margin that
//! wanders, and ink that varies from word to word. The ink's mean is the same in both classes
//! ([`crate::ink::MEAN_INK`] times the page's strength): only how it varies differs.
//!
//! A page is written down to its target line, then to the end of the sentence it is in; or to
//! the bottom margin, wherever that falls.

use ab_glyph::{Font, PxScale, ScaleFont};
use rand::RngExt;

use crate::fonts::{Class, Face};
use crate::ink::{draw_word, word_width, InkMap, Pen};
use crate::page::Layout;
use crate::text::Block;
use crate::wrap::{ends_sentence, row_width, wrap};

/// Why the renderer stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The target line was reached, at the end of a block or a sentence.
    Target,
    /// The next line would be below the bottom margin.
    Bottom,
    /// The blocks ran out first.
    Text,
}

/// A rendered page: its ink, and what was written.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub ink: InkMap,
    /// Line pitches used, from the first baseline to the last line written (blank lines
    /// between paragraphs included).
    pub lines: usize,
    /// The words of each line written.
    pub rows: Vec<String>,
    pub end: End,
}

/// A laid-out word: its text and where its baseline starts.
struct Placed<'a> {
    word: &'a str,
    x: f32,
    baseline: f32,
}

/// Renders `blocks` in `face` into an ink map, down to line `target_lines` (then to the end of
/// the sentence) or the bottom margin; full ink is `ink_strength`.
pub fn render<R: rand::Rng>(
    face: &Face,
    class: Class,
    blocks: &[Block],
    layout: &Layout,
    target_lines: usize,
    ink_strength: f32,
    rng: &mut R,
) -> Rendered {
    let hand = class == Class::Handwritten;
    let mut out = Rendered {
        ink: InkMap::new(layout.width, layout.height),
        lines: 0,
        rows: Vec::new(),
        end: End::Text,
    };
    let scale = face.metrics.scale_for_x_height(layout.x_height);
    let sf = face.font.as_scaled(PxScale::from(scale));
    let space = sf.h_advance(face.font.glyph_id(' ')).max(0.25 * scale);
    let text_width = layout.width as f32 - layout.left - layout.right;
    // Handwriting's left edge wanders by up to 0.3 x-height: lines a little shorter to make room.
    let wrap_width = text_width - if hand { 0.3 * layout.x_height } else { 0.0 };
    let justify = !hand && rng.random_bool(0.4);
    let indent = if rng.random_bool(0.5) {
        4.0 * space
    } else {
        0.0
    };
    let gap_lines = usize::from(rng.random_bool(0.6));
    let pen = match (hand, rng.random_bool(0.3)) {
        (true, _) => Pen::Hand,
        (false, true) => Pen::Typewriter,
        (false, false) => Pen::Printer,
    };
    let slope = if hand {
        rng.random_range(-0.012f32..0.012)
    } else {
        0.0
    };
    let mut line = 0usize;
    let width = |w: &str| word_width(face, scale, w);
    for block in blocks {
        let (text, right, first_indent) = match block {
            Block::Paragraph(t) => (t, false, indent),
            Block::Line(t) => (t, false, 0.0),
            Block::RightLine(t) => (t, true, 0.0),
        };
        // Handwriting's spaces are uneven, and drawn before the wrap so that its lines fill the
        // same width as typed ones.
        let gap = || {
            space
                * if hand {
                    rng.random_range(0.9..1.6)
                } else {
                    1.0
                }
        };
        let rows = wrap(text, wrap_width, first_indent, width, gap);
        let last = rows.len() - 1;
        for (r, row) in rows.iter().enumerate() {
            let baseline = layout.first_baseline + line as f32 * layout.pitch;
            if baseline > layout.height as f32 - layout.bottom {
                out.end = End::Bottom;
                return out;
            }
            let mut row = &row[..];
            let mut finish = false;
            if line >= target_lines {
                if r == 0 {
                    out.end = End::Target;
                    return out;
                }
                // Past the target in a paragraph: up to the end of the sentence.
                if let Some(i) = row.iter().position(|w| ends_sentence(w.text)) {
                    row = &row[..=i];
                    finish = true;
                }
            }
            let natural = row_width(row);
            let mut x = layout.left + if r == 0 { first_indent } else { 0.0 };
            if right {
                x = layout.left + wrap_width - natural;
            }
            let mut stretch = 0.0;
            if justify && r < last && !finish && row.len() > 1 {
                stretch = (wrap_width - natural - (x - layout.left)) / (row.len() as f32 - 1.0);
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
                    x += w.gap;
                    let drift = (x - layout.left) * slope
                        + wobble.0 * ((x / wobble.1) * std::f32::consts::TAU + wobble.2).sin();
                    let y = baseline + drift + rng.random_range(-0.06..0.06) * layout.x_height;
                    placed.push(Placed {
                        word: w.text,
                        x,
                        baseline: y,
                    });
                    x += w.width;
                }
            } else {
                for (i, w) in row.iter().enumerate() {
                    x += w.gap + if i > 0 { stretch } else { 0.0 };
                    placed.push(Placed {
                        word: w.text,
                        x,
                        baseline,
                    });
                    x += w.width;
                }
            }
            for p in placed {
                let (s, angle, shear) = if hand {
                    (
                        scale * rng.random_range(0.94..1.06),
                        rng.random_range(-0.035f32..0.035),
                        rng.random_range(-0.12f32..0.12),
                    )
                } else {
                    (scale, 0.0, 0.0)
                };
                let word_ink = pen.word(rng);
                let mut glyph_ink = || ink_strength * pen.glyph(word_ink, rng);
                draw_word(
                    &mut out.ink,
                    face,
                    s,
                    p.word,
                    (p.x, p.baseline),
                    angle,
                    shear,
                    &mut glyph_ink,
                );
            }
            out.rows
                .push(row.iter().map(|w| w.text).collect::<Vec<_>>().join(" "));
            line += 1;
            out.lines = line;
            if finish {
                out.end = End::Target;
                return out;
            }
            if r == last && matches!(block, Block::Paragraph(_)) {
                line += gap_lines;
            }
        }
    }
    out
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
        let out = render(face, class, &blocks, &l, usize::MAX, 1.0, &mut rng);
        assert_eq!(out.end, End::Bottom);
        let ink = out.ink;
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
    fn a_page_stops_at_its_target_at_the_end_of_a_sentence() {
        let Some(cat) = test_catalogue() else { return };
        let src = TextSource::builtin();
        let l = layout();
        for name in ["caveat", "sacramento", "kalam", "carlito", "gnu-typewriter"] {
            let family = cat.families.iter().find(|f| f.name == name).unwrap();
            let face = &family.faces[0];
            let covers = |t: &str| face.covers(t);
            for seed in 0..12u64 {
                let target = 1 + seed as usize % 8;
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                let blocks = src.page(Lang::En, &mut rng, &covers);
                let out = render(face, family.class, &blocks, &l, target, 1.0, &mut rng);
                assert_eq!(out.end, End::Target, "{name} {seed}");
                // at the target (one line short when a blank line between paragraphs reached
                // it), or a few lines on to finish the sentence
                assert!(
                    (target - 1..target + 4).contains(&out.lines),
                    "{name} {seed}: {} lines for {target}",
                    out.lines
                );
                let last = out.rows.last().unwrap().split(' ').next_back().unwrap();
                let ends_a_line = blocks.iter().any(|b| match b {
                    Block::Line(t) | Block::RightLine(t) => t.ends_with(last),
                    Block::Paragraph(_) => false,
                });
                assert!(
                    ends_sentence(last) || ends_a_line,
                    "{name} {seed}: ends with {:?}",
                    out.rows.last()
                );
                let (_, _, _, y1) = out.ink.bounds(0.05).unwrap();
                let below = l.first_baseline + out.lines as f32 * l.pitch;
                assert!((y1 as f32) < below, "{name} {seed}: ink at {y1}");
            }
        }
    }
}
