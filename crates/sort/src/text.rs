//! What a page says: French, English and Portuguese sentences, and the lines documents have
//! besides prose (dates, amounts in euros, phone and invoice numbers, times), drawn from a seeded
//! RNG. The content does not depend on the page's class: a handwritten and a typed page draw
//! from the same text, so the classifier can only learn from how the text looks.
//!
//! Sentences come built in (`data/{fr,en,pt}.txt`, everyday letters and notes written for this
//! crate) or from the Debian FAQ text that `bench/retrieval/fetch.sh` fetches
//! ([`TextSource::from_faq_dir`]). Every draw is checked against the font: a line with a
//! character the face lacks (glyph 0) is never returned.

use std::path::Path;

use rand::seq::SliceRandom;
use rand::RngExt;

use crate::numbers::{city, date, number_line};

/// A page's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
    Pt,
}

impl Lang {
    /// Every language, in order.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Pt];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Pt => "pt",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One block of a page, laid out by the renderer.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Running text, wrapped to the text width.
    Paragraph(String),
    /// One short line at the left margin (a number line, a list item, a greeting).
    Line(String),
    /// One short line set against the right margin (place and date of a letter).
    RightLine(String),
}

/// The characters of text [`TextSource::page`] gives at least (bytes, a little more than
/// characters with accents): the smallest text (1.6 mm x-height, 2.4 x-heights apart) in the
/// narrowest face on the widest text area holds about 7,700 (a test checks that no page runs
/// dry).
pub const PAGE_CHARS: usize = 12_000;

/// The sentences pages are made of, per language.
#[derive(Clone, Debug)]
pub struct TextSource {
    sentences: [Vec<String>; 3],
}

impl TextSource {
    /// The sentences shipped with the crate (30 a language).
    pub fn builtin() -> TextSource {
        let lines = |s: &str| s.lines().map(str::to_string).collect();
        TextSource {
            sentences: [
                lines(include_str!("../data/fr.txt")),
                lines(include_str!("../data/en.txt")),
                lines(include_str!("../data/pt.txt")),
            ],
        }
    }

    /// Sentences of the Debian FAQ (`<dir>/<lang>/*.txt`, as `bench/retrieval/fetch.sh` writes
    /// them): prose sentences of 30 to 200 characters, without paths, URLs or commands.
    pub fn from_faq_dir(dir: &Path) -> std::io::Result<TextSource> {
        let mut sentences: [Vec<String>; 3] = Default::default();
        for lang in Lang::ALL {
            let mut files: Vec<_> = std::fs::read_dir(dir.join(lang.code()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for file in files {
                let text = std::fs::read_to_string(&file)?;
                for para in text.split("\n\n").skip(1) {
                    let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
                    for s in para.split_inclusive(". ") {
                        let s = s.trim();
                        let prose = (30..=200).contains(&s.chars().count())
                            && !s.contains(['/', '_', '<', '>', '$', '`', '@'])
                            && s.starts_with(|c: char| c.is_uppercase());
                        if prose {
                            sentences[lang.index()].push(s.to_string());
                        }
                    }
                }
            }
        }
        Ok(TextSource { sentences })
    }

    /// The sentences of one language.
    pub fn sentences(&self, lang: Lang) -> &[String] {
        &self.sentences[lang.index()]
    }

    /// The languages in which `covers` accepts at least half of the sentences (Ecolier, which
    /// lacks ã õ á í ó ú, cannot write most Portuguese).
    pub fn languages(&self, covers: &dyn Fn(&str) -> bool) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|&l| {
                let s = self.sentences(l);
                !s.is_empty() && 2 * s.iter().filter(|t| covers(t)).count() >= s.len()
            })
            .collect()
    }

    /// A sentence that `covers` accepts, or `None` after 20 tries.
    pub fn sentence<R: rand::Rng>(
        &self,
        lang: Lang,
        rng: &mut R,
        covers: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let s = self.sentences(lang);
        (0..20)
            .map(|_| &s[rng.random_range(0..s.len())])
            .find(|t| covers(t))
            .cloned()
    }

    /// The blocks of one page: perhaps a place and date, then paragraphs with number lines
    /// between them, at least [`PAGE_CHARS`] characters of them: more than the fullest page
    /// holds, so that no page runs out of text before its target (the renderer stops there).
    pub fn page<R: rand::Rng>(
        &self,
        lang: Lang,
        rng: &mut R,
        covers: &dyn Fn(&str) -> bool,
    ) -> Vec<Block> {
        let mut blocks = Vec::new();
        if rng.random_bool(0.4) {
            if let Some(d) = covered(rng, covers, |r| {
                format!("{}, {}", city(lang, r), date(lang, r))
            }) {
                blocks.push(Block::RightLine(d));
            }
        }
        // Each sentence the font can write once, in a shuffled order, before any comes again.
        let all = self.sentences(lang);
        let mut order: Vec<usize> = (0..all.len()).filter(|&i| covers(&all[i])).collect();
        let mut next = order.len();
        let mut chars = 0;
        while chars < PAGE_CHARS && !order.is_empty() {
            if rng.random_bool(0.3) {
                for _ in 0..rng.random_range(1..=4) {
                    if let Some(l) = covered(rng, covers, |r| number_line(lang, r)) {
                        chars += l.len();
                        blocks.push(Block::Line(l));
                    }
                }
            }
            let mut para = Vec::new();
            for _ in 0..rng.random_range(1..=5) {
                if next == order.len() {
                    order.shuffle(rng);
                    next = 0;
                }
                para.push(all[order[next]].as_str());
                next += 1;
            }
            let para = para.join(" ");
            chars += para.len();
            blocks.push(Block::Paragraph(para));
        }
        blocks
    }
}

/// A line from `make` that `covers` accepts, or `None` after 10 tries.
fn covered<R: rand::Rng>(
    rng: &mut R,
    covers: &dyn Fn(&str) -> bool,
    mut make: impl FnMut(&mut R) -> String,
) -> Option<String> {
    (0..10).map(|_| make(rng)).find(|t| covers(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn pages_are_deterministic_and_in_the_language() {
        let src = TextSource::builtin();
        let all = |_: &str| true;
        let a = src.page(Lang::Pt, &mut ChaCha8Rng::seed_from_u64(7), &all);
        let b = src.page(Lang::Pt, &mut ChaCha8Rng::seed_from_u64(7), &all);
        let c = src.page(Lang::Pt, &mut ChaCha8Rng::seed_from_u64(8), &all);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().any(|b| matches!(b, Block::Paragraph(p) if src.sentences(Lang::Pt).iter().any(|s| p.contains(s.as_str())))));
    }

    #[test]
    fn a_font_without_euro_or_tilde_is_never_given_them() {
        let src = TextSource::builtin();
        // what Ecolier lacks (docs/data.md)
        let covers = |t: &str| !t.contains(['€', 'ã', 'õ', 'á', 'í', 'ó', 'ú']);
        assert_eq!(src.languages(&covers), [Lang::Fr, Lang::En]);
        for seed in 0..20 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            for lang in [Lang::Fr, Lang::En, Lang::Pt] {
                for block in src.page(lang, &mut rng, &covers) {
                    let (Block::Paragraph(t) | Block::Line(t) | Block::RightLine(t)) = block;
                    assert!(covers(&t), "{t}");
                }
            }
        }
    }

    #[test]
    fn ecolier_writes_french_and_english_and_kristi_all_three() {
        let Some(cat) = crate::fonts::test_catalogue() else {
            return;
        };
        let src = TextSource::builtin();
        let face = |n: &str| &cat.families.iter().find(|f| f.name == n).unwrap().faces[0];
        let ecolier = face("ecolier-court");
        assert_eq!(src.languages(&|t| ecolier.covers(t)), [Lang::Fr, Lang::En]);
        let kristi = face("kristi");
        assert_eq!(src.languages(&|t| kristi.covers(t)), Lang::ALL);
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let lines = src.page(Lang::Fr, &mut rng, &|t| kristi.covers(t));
        assert!(lines.iter().any(|b| matches!(b, Block::Line(_))));
        assert!(!format!("{lines:?}").contains('€'));
    }

    #[test]
    fn no_page_runs_out_of_text() {
        // The smallest text (1.6 mm x-height, 2.4 x-heights apart) on the widest text area, in
        // the ten narrowest faces (per x-height) of the catalogue, the densest pages there are.
        let Some(cat) = crate::fonts::test_catalogue() else {
            return;
        };
        let src = TextSource::builtin();
        let mm = 400.0 / 210.0;
        let l = crate::page::Layout {
            width: 400,
            height: 566,
            left: 15.0 * mm,
            right: 12.0 * mm,
            top: 15.0 * mm,
            bottom: 15.0 * mm,
            first_baseline: 15.0 * mm + 3.1 * mm,
            pitch: 3.84 * mm,
            x_height: 1.6 * mm,
        };
        let mut faces: Vec<(f32, &crate::fonts::Family, &crate::fonts::Face)> = (cat.families)
            .iter()
            .flat_map(|f| f.faces.iter().map(move |face| (f, face)))
            .map(|(f, face)| {
                let scale = face.metrics.scale_for_x_height(10.0);
                let w = crate::ink::word_width(face, scale, src.sentences(Lang::En)[0].as_str());
                (w, f, face)
            })
            .collect();
        faces.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut most = 0;
        for &(_, family, face) in &faces[..10] {
            let covers = |t: &str| face.covers(t);
            for lang in src.languages(&covers) {
                let mut rng = ChaCha8Rng::seed_from_u64(1);
                let blocks = src.page(lang, &mut rng, &covers);
                let out = crate::render::render(
                    face,
                    family.class,
                    &blocks,
                    &l,
                    usize::MAX,
                    1.0,
                    &mut rng,
                );
                let end = out.end;
                assert_eq!(end, crate::render::End::Bottom, "{}", face.file);
                most = most.max(out.rows.iter().map(|r| r.len() + 1).sum::<usize>());
            }
        }
        // and with room to spare
        assert!(most < PAGE_CHARS * 3 / 4, "{most} characters on a page");
    }

    #[test]
    fn the_faq_gives_prose_when_fetched() {
        let dir = crate::fonts::default_data_dir().with_file_name("retrieval");
        let Ok(src) = TextSource::from_faq_dir(&dir) else {
            eprintln!(
                "skipped: no Debian FAQ in {} (bench/retrieval/fetch.sh)",
                dir.display()
            );
            return;
        };
        for lang in Lang::ALL {
            assert!(src.sentences(lang).len() > 200, "{}", lang.code());
        }
    }
}
