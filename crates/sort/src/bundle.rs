//! A trained set of models, as saved and loaded: a directory (or any named-file store, such as
//! files compiled into the binary) holding
//!
//! | file | what |
//! | --- | --- |
//! | `manifest.json` | format version, training config, each model's kind, calibration and weights file, the comparison report, the default model |
//! | `hog-svm.json`, `texture-logistic.json` | the linear models (means, scales, weights, bias) |
//! | `cnn.safetensors` | the network's weights |
//!
//! and what a caller does with it: [`Bundle::classify`] a page image.
//!
//! The models a fresh set-up starts with are compiled in ([`Bundle::builtin`]): the bundle in
//! `crates/sort/model/`, trained by `precis classifier train --preset standard` (README, "Sort")
//! and checked by a test that trains again and compares.

use std::path::Path;

use image::GrayImage;
use serde::{Deserialize, Serialize};

use crate::models::cnn::Cnn;
use crate::models::{Calibration, Kind, Model, PageVerdict, Scorer, TileFeatures, TrainError};
use crate::prepare::{prepare, PrepareError};
use crate::report::{Report, SetKind};
use crate::train::{Outcome, TrainConfig};

/// The manifest's format; a bundle of another format is refused.
pub const FORMAT: u32 = 1;
pub const MANIFEST: &str = "manifest.json";

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("cannot read {0}: {1}")]
    Read(String, String),
    #[error("{0} is not a model file this version reads: {1}")]
    Parse(String, String),
    #[error("the bundle is format {0}, this version reads format {FORMAT}")]
    Format(u32),
    #[error(transparent)]
    Model(#[from] TrainError),
}

/// The shipped bundle's files.
const BUILTIN: [(&str, &[u8]); 4] = [
    (MANIFEST, include_bytes!("../model/manifest.json")),
    ("hog-svm.json", include_bytes!("../model/hog-svm.json")),
    (
        "texture-logistic.json",
        include_bytes!("../model/texture-logistic.json"),
    ),
    (
        "cnn.safetensors",
        include_bytes!("../model/cnn.safetensors"),
    ),
];

#[derive(Serialize, Deserialize)]
struct Entry {
    kind: Kind,
    calibration: Calibration,
    file: String,
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    format: u32,
    config: TrainConfig,
    default_model: Kind,
    models: Vec<Entry>,
    report: Report,
}

/// Trained models with their report.
pub struct Bundle {
    pub config: TrainConfig,
    pub models: Vec<Model>,
    pub report: Report,
    /// The model answering when the caller names none: the best on unseen fonts.
    pub default_model: Kind,
}

/// A page's tiles and every model's verdict on it.
#[derive(Debug)]
pub struct Classified {
    /// Each tile's square on the image (x, y, side), in the image's pixels.
    pub tiles: Vec<(u32, u32, u32)>,
    pub verdicts: Vec<(Kind, PageVerdict)>,
}

fn file_name(kind: Kind) -> String {
    match kind {
        Kind::Cnn => "cnn.safetensors".into(),
        k => format!("{}.json", k.as_str()),
    }
}

impl Bundle {
    /// The trained models of a run, with `report` (made from the same run).
    pub fn new(outcome: Outcome, report: Report) -> Bundle {
        let default_model = report
            .set(SetKind::UnseenFonts)
            .and_then(|s| s.results.first())
            .and_then(|r| Kind::parse(&r.model))
            .unwrap_or(Kind::TextureLogistic);
        Bundle {
            config: outcome.config,
            models: outcome.models,
            report,
            default_model,
        }
    }

    /// The files of the bundle, by name.
    pub fn files(&self) -> Result<Vec<(String, Vec<u8>)>, BundleError> {
        let json = |v: &dyn erased::Json| {
            v.bytes()
                .map_err(|e| BundleError::Parse(MANIFEST.into(), e))
        };
        let mut files = Vec::new();
        let mut entries = Vec::new();
        for m in &self.models {
            let name = file_name(m.kind);
            let bytes = match &m.scorer {
                Scorer::Linear(l) => json(l)?,
                Scorer::Cnn(c) => c.to_bytes()?,
            };
            files.push((name.clone(), bytes));
            entries.push(Entry {
                kind: m.kind,
                calibration: m.calibration,
                file: name,
            });
        }
        let manifest = Manifest {
            format: FORMAT,
            config: self.config.clone(),
            default_model: self.default_model,
            models: entries,
            report: self.report.clone(),
        };
        files.insert(0, (MANIFEST.into(), json(&manifest)?));
        Ok(files)
    }

    /// Write the bundle into `dir` (created if missing).
    pub fn save(&self, dir: &Path) -> Result<(), BundleError> {
        let io = |e: std::io::Error| BundleError::Read(dir.display().to_string(), e.to_string());
        std::fs::create_dir_all(dir).map_err(io)?;
        for (name, bytes) in self.files()? {
            std::fs::write(dir.join(name), bytes).map_err(io)?;
        }
        Ok(())
    }

    /// Read a bundle whose files `read` gives by name.
    pub fn load_with(read: &dyn Fn(&str) -> Option<Vec<u8>>) -> Result<Bundle, BundleError> {
        let get =
            |name: &str| read(name).ok_or_else(|| BundleError::Read(name.into(), "missing".into()));
        let manifest: Manifest = serde_json::from_slice(&get(MANIFEST)?)
            .map_err(|e| BundleError::Parse(MANIFEST.into(), e.to_string()))?;
        if manifest.format != FORMAT {
            return Err(BundleError::Format(manifest.format));
        }
        let mut models = Vec::new();
        for e in manifest.models {
            let bytes = get(&e.file)?;
            let scorer = match e.kind {
                Kind::Cnn => Scorer::Cnn(Cnn::from_bytes(&bytes)?),
                _ => Scorer::Linear(
                    serde_json::from_slice(&bytes)
                        .map_err(|err| BundleError::Parse(e.file.clone(), err.to_string()))?,
                ),
            };
            models.push(Model {
                kind: e.kind,
                scorer,
                calibration: e.calibration,
            });
        }
        Ok(Bundle {
            config: manifest.config,
            models,
            report: manifest.report,
            default_model: manifest.default_model,
        })
    }

    /// The models shipped in the binary (`crates/sort/model/`).
    pub fn builtin() -> Result<Bundle, BundleError> {
        Bundle::load_with(&|name| {
            BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, bytes)| bytes.to_vec())
        })
    }

    /// Read the bundle in `dir`.
    pub fn load(dir: &Path) -> Result<Bundle, BundleError> {
        Bundle::load_with(&|name| std::fs::read(dir.join(name)).ok())
    }

    pub fn model(&self, kind: Kind) -> Option<&Model> {
        self.models.iter().find(|m| m.kind == kind)
    }

    /// Every model's verdict on a page image.
    pub fn classify(&self, image: &GrayImage) -> Result<Classified, ClassifyError> {
        // as many tiles as the models were trained and calibrated with
        let prepared = prepare(image, self.config.max_tiles)?;
        let features: Vec<TileFeatures> = prepared.tiles.iter().map(TileFeatures::of).collect();
        let mut verdicts = Vec::new();
        for m in &self.models {
            verdicts.push((m.kind, m.verdict(&prepared.tiles, &features)?));
        }
        Ok(Classified {
            tiles: prepared.tiles.iter().map(|t| (t.x, t.y, t.side)).collect(),
            verdicts,
        })
    }
}

/// Why a page could not be classified.
#[derive(Debug, thiserror::Error)]
pub enum ClassifyError {
    #[error(transparent)]
    Prepare(#[from] PrepareError),
    #[error(transparent)]
    Model(#[from] TrainError),
}

/// Serialising any of the bundle's JSON parts.
mod erased {
    pub trait Json {
        fn bytes(&self) -> Result<Vec<u8>, String>;
    }
    impl<T: serde::Serialize> Json for T {
        fn bytes(&self) -> Result<Vec<u8>, String> {
            serde_json::to_vec(self).map_err(|e| e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;
    use imageproc::drawing::draw_filled_rect_mut;
    use imageproc::rect::Rect;

    #[test]
    fn the_builtin_bundle_loads_saves_and_classifies() {
        let bundle = Bundle::builtin().unwrap();
        assert_eq!(bundle.models.len(), 3);
        for kind in Kind::ALL {
            assert!(bundle.model(kind).is_some(), "{kind}");
        }
        assert!(bundle.report.set(SetKind::UnseenFonts).is_some());
        // a round trip through files keeps every model's verdict
        let dir = std::env::temp_dir().join(format!("precis-bundle-{}", std::process::id()));
        bundle.save(&dir).unwrap();
        let again = Bundle::load(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let mut page = GrayImage::from_pixel(600, 800, Luma([240]));
        for row in 0..20 {
            for col in 0..30 {
                let (x, y) = (30 + col * 18, 40 + row * 34);
                draw_filled_rect_mut(&mut page, Rect::at(x, y).of_size(9, 14), Luma([30]));
            }
        }
        let (a, b) = (
            bundle.classify(&page).unwrap(),
            again.classify(&page).unwrap(),
        );
        assert!(!a.tiles.is_empty());
        assert_eq!(a.verdicts, b.verdicts);
        for (_, v) in &a.verdicts {
            assert!((0.0..=1.0).contains(&v.probability));
            assert_eq!(v.tiles.len(), a.tiles.len());
        }
        assert!(matches!(
            bundle.classify(&GrayImage::from_pixel(600, 800, Luma([240]))),
            Err(ClassifyError::Prepare(PrepareError::Blank))
        ));
    }

    #[test]
    fn a_bundle_of_another_format_or_missing_a_file_is_refused() {
        let bundle = Bundle::builtin().unwrap();
        let files = bundle.files().unwrap();
        let get = |skip: &str, format: Option<u32>| {
            let files = files.clone();
            let skip = skip.to_string();
            move |name: &str| {
                if name == skip {
                    return None;
                }
                let bytes = files.iter().find(|(n, _)| n == name)?.1.clone();
                match (name, format) {
                    (MANIFEST, Some(f)) => {
                        let mut v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
                        v["format"] = f.into();
                        serde_json::to_vec(&v).ok()
                    }
                    _ => Some(bytes),
                }
            }
        };
        assert!(matches!(
            Bundle::load_with(&get("cnn.safetensors", None)),
            Err(BundleError::Read(..))
        ));
        assert!(matches!(
            Bundle::load_with(&get("", Some(99))),
            Err(BundleError::Format(99))
        ));
    }
}
