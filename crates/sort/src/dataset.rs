//! Pages as training and test samples: [`generate`] makes one page of one font family from a
//! seed, bit for bit the same for the same seed; [`Generator`] makes the pages of a split,
//! handwritten and typed in turn, and within a class the font *groups* in turn (not the
//! families: a group with six families gets no more pages than a group with one), each page
//! from a seed fixed by its split and index. Pages 2k (handwritten) and 2k+1 (typed) share their
//! [`Page`]: the same ruling, text size, margins, target line count and ink, so that over a
//! split nothing but the writing differs between the classes.

use image::GrayImage;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::degrade::{scan, DegradeError};
use crate::fonts::{Catalogue, Class, Family, Split};
use crate::page::Page;
use crate::render::render;
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
    /// Ruling, layout, target, ink: drawn the same way for both classes.
    pub page: Page,
    /// Line pitches written ([`crate::render::Rendered::lines`]).
    pub lines: usize,
    /// The mean ink of the page before paper and scan (0 to 1).
    pub ink: f32,
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

/// The salt of the seed a page's setting is drawn from (apart from its content's).
const SETTING: u64 = 0x9A6E_5E77_1265_0001;

/// One page in `family`, `width` pixels wide (A4 proportions: 1024 px is about 124 dpi),
/// everything drawn from `seed`: the page's setting ([`Page::draw`], the same for both classes),
/// then face, language, text, pen, degradation ([`generate_on`]).
pub fn generate(
    family: &Family,
    text: &TextSource,
    width: u32,
    seed: u64,
) -> Result<Sample, GenerateError> {
    let page = Page::draw(width, &mut ChaCha8Rng::seed_from_u64(seed ^ SETTING));
    generate_on(family, text, page, seed)
}

/// One page in `family` on `page` (its setting), the rest drawn from `seed`; a sample's `page`
/// and `seed` make it again, bit for bit.
pub fn generate_on(
    family: &Family,
    text: &TextSource,
    page: Page,
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
    let out = render(
        face,
        family.class,
        &blocks,
        &page.layout,
        page.target_lines,
        page.ink_strength,
        &mut rng,
    );
    let ink = out.ink.data.iter().sum::<f32>() / out.ink.data.len() as f32;
    let image = scan(&out.ink, &page.layout, page.ruling, page.ink_grey, &mut rng)?;
    Ok(Sample {
        image,
        label: family.class,
        group: family.group.clone(),
        family: family.name.clone(),
        face: face.file.clone(),
        lang,
        split: family.split,
        seed,
        page,
        lines: out.lines,
        ink,
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
    /// the family within the group drawn from the page's seed; the setting shared with the
    /// other page of the pair (`index / 2`).
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
        let pair = page_seed(split, index / 2) ^ SETTING;
        let page = Page::draw(self.width, &mut ChaCha8Rng::seed_from_u64(pair));
        generate_on(families[pick], self.text, page, seed)
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
    use crate::degrade::Ruling;
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

    /// Kolmogorov–Smirnov distance between two samples.
    fn ks(a: &[f32], b: &[f32]) -> f32 {
        let cdf = |v: &[f32], x: f32| v.iter().filter(|&&y| y <= x).count() as f32 / v.len() as f32;
        a.iter()
            .chain(b)
            .map(|&x| (cdf(a, x) - cdf(b, x)).abs())
            .fold(0.0, f32::max)
    }

    /// Nothing but the writing may tell the classes apart. Over about 200 pages a class: each
    /// handwritten page shares its setting (ruling, x-height, margins, target, ink tone and
    /// strength) with a typed one, so those have one distribution in both classes; and what the
    /// face decides on top of it, how much of the text area is written and how much ink it
    /// takes, stays close. Before, a classifier could learn that ruled paper (66% vs 13% of
    /// pages), large letters (2.5 vs 2.0 mm mean x-height, typed never over 2.5) and blue ink
    /// meant handwriting, and more ink (1.5 times) print.
    #[test]
    fn the_page_does_not_tell_the_classes_apart() {
        let Some(cat) = test_catalogue() else { return };
        let text = TextSource::builtin();
        let g = Generator {
            catalogue: cat,
            text: &text,
            width: 96,
        };
        let (mut fill, mut ink) = ([vec![], vec![]], [vec![], vec![]]);
        let (mut ruled, mut x_heights) = (0, vec![]);
        for split in TRAINING {
            let pages: Vec<Sample> = g.split(split, 134).map(Result::unwrap).collect();
            for pair in pages.chunks(2) {
                let (h, t) = (&pair[0], &pair[1]);
                assert_eq!((h.label, t.label), (Class::Handwritten, Class::Typed));
                assert_eq!(h.page, t.page, "{split} {}", h.seed);
                ruled += usize::from(h.page.ruling != Ruling::Plain);
                x_heights.push(h.page.x_height_mm());
                for (i, s) in [h, t].into_iter().enumerate() {
                    fill[i].push(s.lines as f32 / s.page.capacity() as f32);
                    ink[i].push(s.ink);
                }
            }
        }
        let n = x_heights.len();
        assert_eq!(n, 201);
        // the shared setting: about 45% ruled, x-heights from 1.6 to 3.2 mm in both classes
        assert!((70..110).contains(&ruled), "{ruled} ruled");
        assert!(x_heights.iter().any(|&x| x < 1.75) && x_heights.iter().any(|&x| x > 3.05));
        let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
        let why = format!(
            "fill {} vs {}, ink {} vs {} (handwritten vs typed)",
            mean(&fill[0]),
            mean(&fill[1]),
            mean(&ink[0]),
            mean(&ink[1])
        );
        // Fill: the same targets; only how far the sentence runs past one depends on the face.
        assert!((mean(&fill[0]) - mean(&fill[1])).abs() < 0.03, "{why}");
        assert!(ks(&fill[0], &fill[1]) < 0.1, "{why}");
        // Ink: the same fill, size, strength and mean ink per glyph; what is left is the faces'
        // own density (stroke weight, letter spacing: the writing itself), the print faces 20 to
        // 25% denser on average, both classes' ranges overlapping. Before: 1.5 times.
        let ratio = mean(&ink[1]) / mean(&ink[0]);
        assert!((0.8..1.35).contains(&ratio), "ink ratio {ratio}: {why}");
    }
}
