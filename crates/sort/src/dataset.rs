//! Pages as training and test samples: [`generate`] makes one page of one font family from a
//! seed, bit for bit the same for the same seed; [`Generator`] makes the pages of a split,
//! handwritten and typed in turn, and within a class the font *groups* in turn (not the
//! families: a group with six families gets no more pages than a group with one), each page
//! from a seed fixed by its split and index.

use image::GrayImage;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::degrade::{scan, DegradeError, Ruling};
use crate::fonts::{Catalogue, Class, Family, Split};
use crate::render::{render, Layout};
use crate::text::{Lang, TextSource};

/// One page and what it is.
#[derive(Clone, Debug)]
pub struct Sample {
    pub image: GrayImage,
    pub label: Class,
    pub group: String,
    pub family: String,
    /// The font file of the family the page is set in.
    pub face: String,
    pub lang: Lang,
    pub split: Split,
    pub seed: u64,
}

/// Why a page could not be made.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("font family {0} covers none of French, English and Portuguese")]
    NoLanguage(String),
    #[error("split {0} has no {1} fonts")]
    EmptySplit(Split, Class),
    #[error(transparent)]
    Degrade(#[from] DegradeError),
}

/// The training folds (the probe is never trained on; the test split is for the end).
pub const TRAINING: [Split; 3] = [Split::Fold0, Split::Fold1, Split::Fold2];

/// The page's seed for page `index` of `split` (splitmix64 of both, so nearby indices give
/// unrelated seeds and no two splits share one).
pub fn page_seed(split: Split, index: u64) -> u64 {
    let mut z = (split as u64 + 1)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(index.wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One page in `family`, `width` pixels wide (A4 proportions: 1024 px is about 124 dpi),
/// everything drawn from `seed`: face, language, text, ruling, layout, pen, degradation.
pub fn generate(
    family: &Family,
    text: &TextSource,
    width: u32,
    seed: u64,
) -> Result<Sample, GenerateError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let hand = family.class == Class::Handwritten;
    let plain: Vec<_> = family.faces.iter().filter(|f| !f.is_emphasis()).collect();
    let face = if !hand && !plain.is_empty() && rng.random_bool(0.85) {
        plain[rng.random_range(0..plain.len())]
    } else {
        &family.faces[rng.random_range(0..family.faces.len())]
    };
    let covers = |t: &str| face.covers(t);
    let langs = text.languages(&covers);
    if langs.is_empty() {
        return Err(GenerateError::NoLanguage(family.name.clone()));
    }
    let lang = langs[rng.random_range(0..langs.len())];
    let blocks = text.page(lang, &mut rng, &covers);

    let mm = width as f32 / 210.0;
    let height = (width as f32 * 297.0 / 210.0).round() as u32;
    let r = rng.random_range(0.0..1.0);
    let ruling = match hand {
        true if r < 0.4 => Ruling::Plain,
        true if r < 0.65 => Ruling::Lined,
        true if r < 0.85 => Ruling::Seyes,
        true => Ruling::Squared,
        false if r < 0.86 => Ruling::Plain,
        false if r < 0.93 => Ruling::Lined,
        false if r < 0.96 => Ruling::Seyes,
        false => Ruling::Squared,
    };
    let (pitch, x_height) = match (ruling, hand) {
        (Ruling::Seyes, _) => (8.0, 2.0 * rng.random_range(0.9..1.25)),
        (Ruling::Lined | Ruling::Squared, true) => {
            let p = rng.random_range(7.0..10.0);
            (p, p * rng.random_range(0.26..0.36))
        }
        (Ruling::Lined | Ruling::Squared, false) => {
            let p = rng.random_range(6.0..9.0);
            (p, rng.random_range(1.7..2.4))
        }
        (Ruling::Plain, true) => {
            let x = rng.random_range(2.0..3.4);
            (x * rng.random_range(2.6..3.6), x)
        }
        (Ruling::Plain, false) => {
            let x = rng.random_range(1.6..2.4);
            (x * rng.random_range(2.4..3.3), x)
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
    let max_lines = if rng.random_bool(0.25) {
        rng.random_range(3..15)
    } else {
        usize::MAX
    };
    let ink = render(face, family.class, &blocks, &layout, max_lines, &mut rng);
    let dark = match hand {
        true if rng.random_bool(0.5) => 55.0..110.0, // blue pen
        true => 10.0..60.0,
        false => 5.0..60.0,
    };
    let image = scan(&ink, &layout, ruling, dark, &mut rng)?;
    Ok(Sample {
        image,
        label: family.class,
        group: family.group.clone(),
        family: family.name.clone(),
        face: face.file.clone(),
        lang,
        split: family.split,
        seed,
    })
}

/// Pages of the catalogue's splits.
pub struct Generator<'a> {
    pub catalogue: &'a Catalogue,
    pub text: &'a TextSource,
    /// Page width in pixels.
    pub width: u32,
}

impl Generator<'_> {
    /// Page `index` of `split`: even indices handwritten, odd typed; the class's groups in turn;
    /// the family within the group drawn from the page's seed.
    pub fn page(&self, split: Split, index: u64) -> Result<Sample, GenerateError> {
        let class = if index.is_multiple_of(2) {
            Class::Handwritten
        } else {
            Class::Typed
        };
        let groups = self.catalogue.groups(split, class);
        if groups.is_empty() {
            return Err(GenerateError::EmptySplit(split, class));
        }
        let group = groups[(index / 2) as usize % groups.len()];
        let families: Vec<&Family> = self
            .catalogue
            .families(split, class)
            .filter(|f| f.group == group)
            .collect();
        let seed = page_seed(split, index);
        let pick = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED).random_range(0..families.len());
        generate(families[pick], self.text, self.width, seed)
    }

    /// The first `n` pages of `split`.
    pub fn split(
        &self,
        split: Split,
        n: u64,
    ) -> impl Iterator<Item = Result<Sample, GenerateError>> + '_ {
        (0..n).map(move |i| self.page(split, i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::test_catalogue;
    use std::collections::{HashMap, HashSet};

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let Some(cat) = test_catalogue() else { return };
        let text = TextSource::builtin();
        let family = cat.families.iter().find(|f| f.name == "caveat").unwrap();
        let a = generate(family, &text, 400, 42).unwrap();
        let b = generate(family, &text, 400, 42).unwrap();
        let c = generate(family, &text, 400, 43).unwrap();
        assert_eq!(a.image.as_raw(), b.image.as_raw());
        assert_ne!(a.image.as_raw(), c.image.as_raw());
        assert_eq!((a.image.width(), a.image.height()), (400, 566));
    }

    #[test]
    fn every_family_can_make_a_page() {
        let Some(cat) = test_catalogue() else { return };
        let text = TextSource::builtin();
        for (i, family) in cat.families.iter().enumerate() {
            let s = generate(family, &text, 128, i as u64).unwrap();
            assert_eq!(
                (s.label, s.split, &s.family),
                (family.class, family.split, &family.name)
            );
            if family.group == "ecolier" {
                assert_ne!(s.lang, Lang::Pt, "{} cannot write Portuguese", family.name);
            }
        }
    }

    #[test]
    fn seeds_differ_across_pages_and_splits() {
        let seeds: HashSet<u64> = Split::ALL
            .into_iter()
            .flat_map(|s| (0..1000).map(move |i| page_seed(s, i)))
            .collect();
        assert_eq!(seeds.len(), 5000);
    }

    #[test]
    fn pages_are_balanced_by_class_and_group_and_stay_in_their_split() {
        let Some(cat) = test_catalogue() else { return };
        let text = TextSource::builtin();
        let g = Generator {
            catalogue: cat,
            text: &text,
            width: 256,
        };
        for split in TRAINING {
            let mut per_group: HashMap<(Class, String), usize> = HashMap::new();
            let n = 2 * 9 * 2; // twice round the largest fold's groups
            for s in g.split(split, n) {
                let s = s.unwrap();
                assert_eq!(s.split, split);
                let family = cat.families.iter().find(|f| f.name == s.family).unwrap();
                assert_eq!((family.split, &family.group), (split, &s.group));
                *per_group.entry((s.label, s.group)).or_default() += 1;
            }
            for class in [Class::Handwritten, Class::Typed] {
                let counts: Vec<usize> = per_group
                    .iter()
                    .filter(|(k, _)| k.0 == class)
                    .map(|(_, &v)| v)
                    .collect();
                assert_eq!(counts.len(), cat.groups(split, class).len());
                let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
                assert!(hi - lo <= 1, "{split} {class}: {per_group:?}");
            }
        }
    }
}
