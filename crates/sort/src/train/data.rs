//! Pages made ready for training and evaluation: rendered or real, prepared into tiles, each
//! tile's features computed once; in parallel, in a fixed order.

use std::time::Instant;

use image::GrayImage;

use super::PipelineError;
use crate::dataset::Generator;
use crate::fonts::{Class, Split};
use crate::models::TileFeatures;
use crate::prepare::{prepare, Tile};
use crate::real::RealPage;

/// One page with its tiles and their features.
pub struct PageData {
    pub name: String,
    pub truth: bool,
    pub group: String,
    pub tiles: Vec<Tile>,
    pub features: Vec<TileFeatures>,
    /// Seconds spent preparing the page, and computing HOG and texture features.
    pub prepare_s: f64,
    pub hog_s: f64,
    pub texture_s: f64,
}

/// Prepare one page; `None` when it has no writing the preparation can find.
fn page(
    name: String,
    truth: bool,
    group: String,
    image: &GrayImage,
    max_tiles: usize,
) -> Option<PageData> {
    let t = Instant::now();
    let prepared = prepare(image, max_tiles).ok()?;
    let prepare_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let hog: Vec<Vec<f32>> = prepared
        .tiles
        .iter()
        .map(|t| crate::features::hog::describe(&t.image))
        .collect();
    let hog_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let texture: Vec<Vec<f32>> = prepared
        .tiles
        .iter()
        .map(|t| crate::features::texture::describe(&t.image))
        .collect();
    let texture_s = t.elapsed().as_secs_f64();
    let features = hog
        .into_iter()
        .zip(texture)
        .map(|(hog, texture)| TileFeatures { hog, texture })
        .collect();
    Some(PageData {
        name,
        truth,
        group,
        tiles: prepared.tiles,
        features,
        prepare_s,
        hog_s,
        texture_s,
    })
}

/// Run `work` on indices `0..n` over `threads` threads, results in index order; `tick` after
/// every finished round of `threads` items, stopping everything when it returns false.
fn parallel<T: Send>(
    n: usize,
    threads: usize,
    work: &(dyn Fn(usize) -> Result<T, PipelineError> + Sync),
    tick: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<T>, PipelineError> {
    let threads = threads.max(1);
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    while start < n {
        let end = (start + threads).min(n);
        let round: Vec<Result<T, PipelineError>> = std::thread::scope(|s| {
            let handles: Vec<_> = (start..end).map(|i| s.spawn(move || work(i))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(Err(PipelineError::Worker)))
                .collect()
        });
        for r in round {
            out.push(r?);
        }
        start = end;
        if !tick(start) {
            return Err(PipelineError::Cancelled);
        }
    }
    Ok(out)
}

/// Rendered pages `range` of `split`; pages with no tile are left out (counted by the caller).
pub fn rendered(
    generator: &Generator,
    split: Split,
    range: std::ops::Range<u64>,
    max_tiles: usize,
    threads: usize,
    tick: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<PageData>, PipelineError> {
    let first = range.start;
    let n = (range.end - range.start) as usize;
    let work = |i: usize| -> Result<Option<PageData>, PipelineError> {
        let index = first + i as u64;
        let s = generator.page(split, index)?;
        let name = format!("{split}/{index} {}", s.family);
        Ok(page(
            name,
            s.label == Class::Handwritten,
            s.group,
            &s.image,
            max_tiles,
        ))
    };
    Ok(parallel(n, threads, &work, tick)?
        .into_iter()
        .flatten()
        .collect())
}

/// The real pages, prepared; the ones with no tile are returned apart by name.
pub fn real(
    pages: &[RealPage],
    max_tiles: usize,
    threads: usize,
    tick: &mut dyn FnMut(usize) -> bool,
) -> Result<(Vec<PageData>, Vec<String>), PipelineError> {
    let work = |i: usize| -> Result<Option<PageData>, PipelineError> {
        let p = &pages[i];
        Ok(page(
            p.name.clone(),
            p.label == Class::Handwritten,
            p.group.clone(),
            &p.image,
            max_tiles,
        ))
    };
    let done = parallel(pages.len(), threads, &work, tick)?;
    let skipped = pages
        .iter()
        .zip(&done)
        .filter(|(_, d)| d.is_none())
        .map(|(p, _)| p.name.clone())
        .collect();
    Ok((done.into_iter().flatten().collect(), skipped))
}
