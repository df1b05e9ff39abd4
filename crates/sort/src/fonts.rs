//! The font catalogue: the font files `scripts/sort_data.sh` fetched, read from the data dir's
//! `index.tsv` into families, each with its class (handwritten or typed), its group (the unit of
//! the grouped split: a design lineage or a designer) and its split.
//!
//! Only `fonts/<class>/<family>/<file>.{ttf,otf}` rows are read; the real material (split `real`)
//! and the licence files are not fonts. Families and faces are sorted by name, so that the same
//! data dir always gives the same catalogue (the generator indexes into it with seeded draws).
//! A family whose letters carry ruled lines (Ecolier lignes: Seyès ruling drawn in every glyph)
//! is left out: its ruling breaks into pieces between words and under handwriting's jitter, and
//! clashes with the paper's own ruling ([`Catalogue::left_out`] names it).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use ab_glyph::{FontVec, GlyphId, Outline};

use crate::glyphs::Metrics;

/// Why the catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error(
        "cannot read {path}: {source} (run `bash scripts/sort_data.sh` to fetch the Sort data)"
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} line {line}: {reason}")]
    Index {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("{path} is not a font ab_glyph can read: {reason}")]
    Font { path: PathBuf, reason: String },
}

/// What a page shows: the label the classifier learns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Handwritten,
    Typed,
}

impl Class {
    /// The name used in `index.tsv` and in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Handwritten => "handwritten",
            Class::Typed => "typed",
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a font family belongs (docs/data.md, "Splits"): three training folds, the unseen-font
/// test, and the probe (ambiguous designs, reported apart and never trained on).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Split {
    Fold0,
    Fold1,
    Fold2,
    Test,
    Probe,
}

impl Split {
    /// Every split, in order.
    pub const ALL: [Split; 5] = [
        Split::Fold0,
        Split::Fold1,
        Split::Fold2,
        Split::Test,
        Split::Probe,
    ];

    /// The name used in `index.tsv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Fold0 => "fold0",
            Split::Fold1 => "fold1",
            Split::Fold2 => "fold2",
            Split::Test => "test",
            Split::Probe => "probe",
        }
    }

    fn parse(s: &str) -> Option<Split> {
        Split::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One font file of a family (Regular, Bold, Italic, ...).
pub struct Face {
    /// The file name, e.g. `Caveat_400Regular.ttf`.
    pub file: String,
    pub font: FontVec,
    /// Measured once, when loaded.
    pub metrics: Metrics,
    /// Glyph ids and outlines looked up so far ([`Face::glyph_id`], [`Face::outline_glyph`]).
    pub(crate) ids: RwLock<HashMap<char, GlyphId>>,
    pub(crate) outlines: RwLock<HashMap<GlyphId, Option<Outline>>>,
}

impl Face {
    /// The face of `file`, measured.
    pub fn new(file: String, font: FontVec) -> Face {
        let metrics = Metrics::measure(&font);
        Face {
            file,
            font,
            metrics,
            ids: RwLock::default(),
            outlines: RwLock::default(),
        }
    }

    /// Whether the face has a glyph for every non-space character of `text` (a missing
    /// character maps to glyph 0, `.notdef`, which renders as a box or nothing).
    pub fn covers(&self, text: &str) -> bool {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| self.glyph_id(c).0 != 0)
    }

    /// Italic, oblique, bold or semibold faces: a typed page is rarely set in them throughout.
    pub fn is_emphasis(&self) -> bool {
        let f = self.file.to_ascii_lowercase();
        ["italic", "oblique", "bold", "demi", "semibold", "black"]
            .iter()
            .any(|w| f.contains(w))
    }
}

impl fmt::Debug for Face {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Face").field("file", &self.file).finish()
    }
}

/// A font family: one folder under `fonts/<class>/`.
#[derive(Debug)]
pub struct Family {
    /// The folder name, e.g. `caveat`, `nimbus-roman`.
    pub name: String,
    pub class: Class,
    pub group: String,
    pub split: Split,
    /// Sorted by file name; never empty.
    pub faces: Vec<Face>,
}

/// Every font family of the data dir.
#[derive(Debug)]
pub struct Catalogue {
    /// Sorted by name.
    pub families: Vec<Family>,
    /// The families of the index left out because their letters carry ruled lines, by name.
    pub left_out: Vec<String>,
}

impl Catalogue {
    /// Reads `<data_dir>/index.tsv` and loads every font file it lists.
    pub fn load(data_dir: &Path) -> Result<Catalogue, FontError> {
        let index = data_dir.join("index.tsv");
        let text = std::fs::read_to_string(&index).map_err(|source| FontError::Read {
            path: index.clone(),
            source,
        })?;
        let mut families: Vec<Family> = Vec::new();
        for (i, row) in text.lines().enumerate().skip(1) {
            let bad = |reason: String| FontError::Index {
                path: index.clone(),
                line: i + 1,
                reason,
            };
            let cols: Vec<&str> = row.split('\t').collect();
            let [_, path, class, group, split, _] = cols[..] else {
                return Err(bad(format!("expected 6 columns, found {}", cols.len())));
            };
            let parts: Vec<&str> = path.split('/').collect();
            let ["fonts", _, family, file] = parts[..] else {
                continue;
            };
            if !(file.ends_with(".ttf") || file.ends_with(".otf")) {
                continue;
            }
            let class = match class {
                "handwritten" => Class::Handwritten,
                "typed" => Class::Typed,
                other => return Err(bad(format!("unknown class '{other}'"))),
            };
            let split =
                Split::parse(split).ok_or_else(|| bad(format!("unknown split '{split}'")))?;
            let full = data_dir.join(path);
            let bytes = std::fs::read(&full).map_err(|source| FontError::Read {
                path: full.clone(),
                source,
            })?;
            let font = FontVec::try_from_vec(bytes).map_err(|e| FontError::Font {
                path: full.clone(),
                reason: e.to_string(),
            })?;
            let face = Face::new(file.to_string(), font);
            match families.iter_mut().find(|f| f.name == family) {
                Some(f) if f.class == class && f.group == group && f.split == split => {
                    f.faces.push(face)
                }
                Some(_) => {
                    return Err(bad(format!(
                        "family {family}: files disagree on class, group or split"
                    )))
                }
                None => families.push(Family {
                    name: family.to_string(),
                    class,
                    group: group.to_string(),
                    split,
                    faces: vec![face],
                }),
            }
        }
        let (ruled, mut families): (Vec<Family>, Vec<Family>) = families
            .into_iter()
            .partition(|f| f.faces.iter().any(|face| face.metrics.ruled_glyphs));
        let mut left_out: Vec<String> = ruled.into_iter().map(|f| f.name).collect();
        left_out.sort();
        families.sort_by(|a, b| a.name.cmp(&b.name));
        for f in &mut families {
            f.faces.sort_by(|a, b| a.file.cmp(&b.file));
        }
        Ok(Catalogue { families, left_out })
    }

    /// The families of one split and class, sorted by name.
    pub fn families(&self, split: Split, class: Class) -> impl Iterator<Item = &Family> {
        self.families
            .iter()
            .filter(move |f| f.split == split && f.class == class)
    }

    /// The groups of one split and class, sorted, each once.
    pub fn groups(&self, split: Split, class: Class) -> Vec<&str> {
        let mut g: Vec<&str> = self
            .families(split, class)
            .map(|f| f.group.as_str())
            .collect();
        g.sort_unstable();
        g.dedup();
        g
    }
}

/// Where `scripts/sort_data.sh` puts the data: `${PRECIS_CACHE_DIR:-~/.cache/precis}/sort-data`.
pub fn default_data_dir() -> PathBuf {
    let cache = std::env::var_os("PRECIS_CACHE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME").unwrap_or_default();
            Path::new(&home).join(".cache/precis")
        });
    cache.join("sort-data")
}

/// Tests that need the fetched fonts: the catalogue, or `None` (with a message saying why the
/// test is skipped) when the data dir is missing.
#[cfg(test)]
pub(crate) fn test_catalogue() -> Option<&'static Catalogue> {
    use std::sync::OnceLock;
    static CAT: OnceLock<Option<Catalogue>> = OnceLock::new();
    CAT.get_or_init(|| {
        let dir = default_data_dir();
        match Catalogue::load(&dir) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("skipped: no Sort fonts in {} ({e})", dir.display());
                None
            }
        }
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_group_and_no_family_is_in_two_splits() {
        let Some(cat) = test_catalogue() else { return };
        let mut group_split: HashMap<&str, Split> = HashMap::new();
        for f in &cat.families {
            let s = *group_split.entry(&f.group).or_insert(f.split);
            assert_eq!(s, f.split, "group {} is in {s} and {}", f.group, f.split);
        }
        let mut names: Vec<&str> = cat.families.iter().map(|f| f.name.as_str()).collect();
        names.dedup();
        assert_eq!(names.len(), cat.families.len(), "a family is listed twice");
    }

    #[test]
    fn catalogue_matches_the_data_card() {
        let Some(cat) = test_catalogue() else { return };
        let count = |c| cat.families.iter().filter(|f| f.class == c).count();
        // 23 handwriting families fetched, one left out (Seyès ruling in its glyphs)
        assert_eq!(count(Class::Handwritten), 22);
        assert_eq!(cat.left_out, ["ecolier-lignes-court"]);
        assert_eq!(count(Class::Typed), 32);
        for split in [Split::Fold0, Split::Fold1, Split::Fold2, Split::Test] {
            for class in [Class::Handwritten, Class::Typed] {
                assert!(!cat.groups(split, class).is_empty(), "{split} {class}");
            }
        }
        assert_eq!(
            cat.groups(Split::Fold1, Class::Typed),
            ["avant-garde", "bookman", "courier"]
        );
    }

    #[test]
    fn coverage_agrees_with_the_data_card() {
        let Some(cat) = test_catalogue() else { return };
        let family = |n: &str| cat.families.iter().find(|f| f.name == n).unwrap();
        assert!(!family("kristi").faces[0].covers("12,50 €"));
        assert!(!family("ecolier-court").faces[0].covers("não"));
        assert!(family("ecolier-court").faces[0].covers("été"));
        assert!(family("caveat").faces[0].covers("Ação: 12,50 € à l'été"));
    }
}
