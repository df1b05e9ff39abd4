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
    /// between them; more than a page holds (the renderer stops when the page is full).
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
        while blocks.len() < 40 && !order.is_empty() {
            if rng.random_bool(0.3) {
                for _ in 0..rng.random_range(1..=4) {
                    if let Some(l) = covered(rng, covers, |r| number_line(lang, r)) {
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
            blocks.push(Block::Paragraph(para.join(" ")));
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

fn pick<'a, R: rand::Rng>(rng: &mut R, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

fn city<R: rand::Rng>(lang: Lang, rng: &mut R) -> &'static str {
    match lang {
        Lang::Fr => pick(
            rng,
            &["Paris", "Lyon", "Nantes", "Bordeaux", "Lille", "Grenoble"],
        ),
        Lang::En => pick(
            rng,
            &["London", "Leeds", "Bristol", "York", "Dublin", "Oxford"],
        ),
        Lang::Pt => pick(
            rng,
            &["Lisboa", "Porto", "Coimbra", "Braga", "Faro", "Évora"],
        ),
    }
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
];

/// A date written out or in digits, the way the language writes it.
pub fn date<R: rand::Rng>(lang: Lang, rng: &mut R) -> String {
    let (d, m, y) = (
        rng.random_range(1..=28),
        rng.random_range(1..=12),
        rng.random_range(1987..=2025),
    );
    let month = MONTHS[lang.index()][m - 1];
    match (lang, rng.random_range(0..3)) {
        (_, 0) => format!("{d:02}/{m:02}/{y}"),
        (Lang::Fr, _) => format!("le {d} {month} {y}"),
        (Lang::En, 1) => format!("{d} {month} {y}"),
        (Lang::En, _) => format!("{month} {d}, {y}"),
        (Lang::Pt, _) => format!("{d} de {month} de {y}"),
    }
}

/// An amount in euros: `1 234,50 €` in French, `1234,50 €` in Portuguese, `€1,234.50` in English.
pub fn amount<R: rand::Rng>(lang: Lang, rng: &mut R) -> String {
    let cents: u32 = if rng.random_bool(0.7) {
        rng.random_range(50..20_000)
    } else {
        rng.random_range(20_000..500_000)
    };
    let (units, c) = (cents / 100, cents % 100);
    let grouped = |sep: &str| {
        if units >= 1000 {
            format!("{}{sep}{:03}", units / 1000, units % 1000)
        } else {
            units.to_string()
        }
    };
    match lang {
        Lang::Fr => format!("{},{c:02} €", grouped(" ")),
        Lang::Pt => format!("{},{c:02} €", grouped(".")),
        Lang::En => format!("€{}.{c:02}", grouped(",")),
    }
}

/// A line of the kind documents have besides prose: a total, a reference, a phone number, a
/// date, an appointment, a quantity times a price.
pub fn number_line<R: rand::Rng>(lang: Lang, rng: &mut R) -> String {
    let n = rng.random_range(1..=9999);
    let y = rng.random_range(2015..=2025);
    let (h, min) = (rng.random_range(8..=19), 5 * rng.random_range(0..12));
    let phone = || {
        format!(
            "0{} {:02} {:02} {:02}",
            (n % 9) + 1,
            n % 100,
            (n * 7) % 100,
            (n * 13) % 100
        )
    };
    let which = rng.random_range(0..6);
    let (amount, date) = (amount(lang, rng), date(lang, rng));
    let qty = rng.random_range(2..=12);
    match (lang, which) {
        (Lang::Fr, 0) => format!("Total : {amount}"),
        (Lang::Fr, 1) => format!("Facture n° {y}-{n:04}"),
        (Lang::Fr, 2) => format!("Tél. : {}", phone()),
        (Lang::Fr, 3) => format!("Rendez-vous {date} à {h}h{min:02}"),
        (Lang::Fr, 4) => format!("{qty} x {amount}"),
        (Lang::Fr, _) => format!("Échéance : {date}"),
        (Lang::En, 0) => format!("Total: {amount}"),
        (Lang::En, 1) => format!("Invoice no. {y}-{n:04}"),
        (Lang::En, 2) => format!("Tel: {}", phone()),
        (Lang::En, 3) => format!("Appointment on {date} at {h}:{min:02}"),
        (Lang::En, 4) => format!("{qty} x {amount}"),
        (Lang::En, _) => format!("Due date: {date}"),
        (Lang::Pt, 0) => format!("Total: {amount}"),
        (Lang::Pt, 1) => format!("Fatura n.º {y}/{n:04}"),
        (Lang::Pt, 2) => format!("Tel.: {}", phone()),
        (Lang::Pt, 3) => format!("Consulta a {date} às {h}h{min:02}"),
        (Lang::Pt, 4) => format!("{qty} x {amount}"),
        (Lang::Pt, _) => format!("Data de vencimento: {date}"),
    }
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
    fn numbers_are_written_the_way_each_language_writes_them() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..50 {
            let fr = amount(Lang::Fr, &mut rng);
            assert!(fr.ends_with(" €") && fr.contains(','), "{fr}");
            let en = amount(Lang::En, &mut rng);
            assert!(en.starts_with('€') && en.contains('.'), "{en}");
        }
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
