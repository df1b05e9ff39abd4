//! What the generator measures on a face's outlines, once when the catalogue is loaded: its
//! x-height and cap height (the size a page asks for is an x-height), how much its digits must be
//! scaled down to stay in proportion with its letters, and whether its letters carry ruled lines
//! (such a face is left out: [`crate::fonts::Catalogue::load`]).
//!
//! Digits: in almost every face a digit is about as tall as a capital and at most about 1.3
//! times as wide as a lower-case letter. A face whose digits are far taller than its capitals,
//! or far wider than its letters (Sacramento: upright figures 2.3 times as wide as its script
//! letters), would write every number line in outsize figures; such digits are drawn smaller,
//! down to [`MAX_DIGIT_HEIGHT`] times the cap height and [`MAX_DIGIT_WIDTH`] times the letters'
//! advance. No typed face of the catalogue is affected.

use ab_glyph::{Font, FontVec};

/// A digit may be this many times as tall as the face's capitals before it is scaled down.
pub const MAX_DIGIT_HEIGHT: f32 = 1.15;
/// A digit may be this many times as wide (advance) as the face's lower-case letters.
pub const MAX_DIGIT_WIDTH: f32 = 1.5;

/// A face's proportions, in font units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// The line height (ascent to descent): ab_glyph's scale is this many pixels.
    pub line: f32,
    /// The height of 'x' (0.3 of the line when the face has no usable 'x').
    pub x_height: f32,
    /// The median height of H T E I N B D L (1.5 x-heights when the face has none).
    pub cap_height: f32,
    /// The median height of the digits, before [`Metrics::digit_scale`].
    pub digit_height: f32,
    /// What digits are drawn at, relative to the face's size (1 for most faces).
    pub digit_scale: f32,
    /// The letters carry ruled lines ('x' is as tall as the whole line, as in Ecolier lignes).
    pub ruled_glyphs: bool,
}

impl Metrics {
    /// Measures `font`.
    pub fn measure(font: &FontVec) -> Metrics {
        let line = font.height_unscaled();
        let height = |c: char| {
            font.outline(font.glyph_id(c))
                .map(|o| (o.bounds.max.y - o.bounds.min.y).abs())
                .filter(|&h| h > 1.0)
        };
        let median = |chars: &str| {
            let mut v: Vec<f32> = chars.chars().filter_map(height).collect();
            v.sort_by(f32::total_cmp);
            v.get(v.len() / 2).copied()
        };
        let advance = |chars: &str| {
            let v: Vec<f32> = chars
                .chars()
                .map(|c| font.h_advance_unscaled(font.glyph_id(c)))
                .filter(|&a| a > 1.0)
                .collect();
            (!v.is_empty()).then(|| v.iter().sum::<f32>() / v.len() as f32)
        };
        let raw_x = height('x');
        let ruled_glyphs = raw_x.is_some_and(|h| h > 0.7 * line);
        let x_height = raw_x.filter(|&h| h < 0.7 * line).unwrap_or(0.3 * line);
        let cap_height = median("HTEINBDL")
            .filter(|&h| h < 0.7 * line)
            .unwrap_or(1.5 * x_height);
        let digit_height = median("0123456789").unwrap_or(cap_height);
        let mut digit_scale = (MAX_DIGIT_HEIGHT * cap_height / digit_height).min(1.0);
        if let (Some(d), Some(l)) = (advance("0123456789"), advance("aeinorst")) {
            digit_scale = digit_scale.min(MAX_DIGIT_WIDTH * l / d);
        }
        Metrics {
            line,
            x_height,
            cap_height,
            digit_height,
            digit_scale,
            ruled_glyphs,
        }
    }

    /// The face's size (ab_glyph's scale, in px) for an x-height in pixels, made smaller where
    /// the capitals or the (scaled) digits would be over 2.4 times as tall (script faces with
    /// tiny lower case and large capitals).
    pub fn scale_for_x_height(&self, x_height: f32) -> f32 {
        let cap = self
            .cap_height
            .max(self.digit_height * self.digit_scale)
            .max(self.x_height);
        (x_height * self.line / self.x_height).min(2.4 * x_height * self.line / cap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{test_catalogue, Class};
    use ab_glyph::{PxScale, ScaleFont};

    #[test]
    fn faces_get_a_readable_size() {
        let Some(cat) = test_catalogue() else { return };
        for family in &cat.families {
            for face in &family.faces {
                let scale = face.metrics.scale_for_x_height(10.0);
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
    fn digits_stay_in_proportion_with_the_letters() {
        let Some(cat) = test_catalogue() else { return };
        for family in &cat.families {
            for face in &family.faces {
                let m = face.metrics;
                let h = m.digit_height * m.digit_scale;
                assert!(
                    h <= MAX_DIGIT_HEIGHT * m.cap_height + 1.0,
                    "{}: digits {h} vs capitals {}",
                    face.file,
                    m.cap_height
                );
                // typed faces keep their digits as designed
                if family.class == Class::Typed {
                    assert_eq!(m.digit_scale, 1.0, "{}", face.file);
                }
            }
        }
        // Sacramento's figures are twice as wide as its letters: drawn at two thirds
        let sacramento = &cat
            .families
            .iter()
            .find(|f| f.name == "sacramento")
            .expect("sacramento")
            .faces[0];
        let s = sacramento.metrics.digit_scale;
        assert!((0.6..0.75).contains(&s), "{s}");
        // ...so a number is no longer twice the x-height
        let m = sacramento.metrics;
        assert!(m.digit_height * s / m.x_height < 1.7);
    }
}
