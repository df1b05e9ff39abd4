//! The page around the writing: paper ruling, text size and line pitch, margins, how much of the
//! page is written, and the ink's tone. [`Page::draw`] is not told the page's class: every one of
//! these is drawn from the same distribution for handwritten and typed pages, so that none of
//! them tells the classes apart (before, handwriting alone had ruled paper most of the time,
//! bigger letters, blue ink and a different amount of text, all shortcuts a classifier could
//! learn instead of the writing). docs/data.md ("The generator") lists the distributions.

use std::ops::Range;

use rand::RngExt;

use crate::degrade::Ruling;

/// The x-height of text on plain paper, in mm: small print or small writing (1.6 mm: 10 pt
/// Times) to large print or large writing (3.2 mm: 16 pt Helvetica).
pub const X_HEIGHT_MM: Range<f32> = 1.6..3.2;

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

/// A page's setting, the same for both classes.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub ruling: Ruling,
    pub layout: Layout,
    /// How many line pitches of the text area are written (blank lines between paragraphs
    /// count); at most [`Page::capacity`]. The renderer ends with the sentence it is in.
    pub target_lines: usize,
    /// The grey (0 black, 255 white) of full ink.
    pub ink_grey: f32,
    /// How much ink the pen or printer lays down, 0 to 1, for the whole page.
    pub ink_strength: f32,
}

impl Page {
    /// A page `width` pixels wide (A4 proportions), everything drawn from `rng`.
    pub fn draw<R: rand::Rng>(width: u32, rng: &mut R) -> Page {
        let mm = width as f32 / 210.0;
        let height = (width as f32 * 297.0 / 210.0).round() as u32;
        let r = rng.random_range(0.0..1.0);
        let ruling = if r < 0.55 {
            Ruling::Plain
        } else if r < 0.75 {
            Ruling::Lined
        } else if r < 0.87 {
            Ruling::Seyes
        } else {
            Ruling::Squared
        };
        let (pitch, x_height) = match ruling {
            // Seyès: 8 mm between strong lines, the writing one 2 mm interval high
            Ruling::Seyes => (8.0, 2.0 * rng.random_range(0.9..1.25)),
            Ruling::Lined | Ruling::Squared => {
                let p: f32 = rng.random_range(6.0..10.0);
                let top = (p / 2.6).min(X_HEIGHT_MM.end);
                (p, rng.random_range(X_HEIGHT_MM.start..top))
            }
            Ruling::Plain => {
                let x = rng.random_range(X_HEIGHT_MM);
                (x * rng.random_range(2.4..3.6), x)
            }
        };
        let top = rng.random_range(15.0..35.0) * mm;
        let layout = Layout {
            width,
            height,
            left: rng.random_range(15.0..30.0) * mm,
            right: rng.random_range(12.0..25.0) * mm,
            top,
            bottom: rng.random_range(15.0..25.0) * mm,
            first_baseline: top + 0.8 * pitch * mm,
            pitch: pitch * mm,
            x_height: x_height * mm,
        };
        let capacity = capacity(&layout);
        // Most pages are written to the bottom; a third stop earlier (a note, a short letter).
        let fill = if rng.random_bool(0.65) {
            1.0
        } else {
            rng.random_range(0.1..0.9)
        };
        let target_lines = ((fill * capacity as f32).ceil() as usize).clamp(1, capacity);
        // Black or dark grey pen and toner, or a blue pen, light toner, a faded ribbon.
        let ink_grey = if rng.random_bool(0.7) {
            rng.random_range(5.0..60.0)
        } else {
            rng.random_range(55.0..110.0)
        };
        Page {
            ruling,
            layout,
            target_lines,
            ink_grey,
            ink_strength: rng.random_range(0.75..1.0),
        }
    }

    /// The number of baselines between the first one and the bottom margin.
    pub fn capacity(&self) -> usize {
        capacity(&self.layout)
    }

    /// The x-height in mm.
    pub fn x_height_mm(&self) -> f32 {
        self.layout.x_height * 210.0 / self.layout.width as f32
    }
}

fn capacity(l: &Layout) -> usize {
    let room = l.height as f32 - l.bottom - l.first_baseline;
    (room / l.pitch).floor().max(0.0) as usize + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn pages_stay_within_their_ranges() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for _ in 0..500 {
            let p = Page::draw(1024, &mut rng);
            let x = p.x_height_mm();
            assert!((1.6..=3.2).contains(&x), "x-height {x} mm");
            assert!(p.layout.pitch >= 2.4 * p.layout.x_height, "{p:?}");
            assert!((1..=p.capacity()).contains(&p.target_lines), "{p:?}");
            let last = p.layout.first_baseline + (p.capacity() - 1) as f32 * p.layout.pitch;
            assert!(last <= p.layout.height as f32 - p.layout.bottom);
            assert!((5.0..110.0).contains(&p.ink_grey));
        }
    }
}
