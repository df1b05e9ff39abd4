//! Per-class statistics of generated pages, to check that nothing but the writing tells the
//! classes apart: `cargo run -p precis-sort --release --example page_stats -- [PAIRS] [WIDTH]`
//! (default 100 pairs of pages per split of fold0, fold1, fold2 and test, 512 px wide).
//!
//! Per class: ink (mean ink of the page before paper and scan), dark pixels (share of pixels of
//! the scanned page 50 grey levels darker than its median), ruled paper, x-height, ink grey,
//! written share of the text area; then each family's ink per line and squared x-height (its
//! own density).

use std::collections::BTreeMap;

use precis_sort::dataset::{Generator, Sample};
use precis_sort::degrade::Ruling;
use precis_sort::fonts::{default_data_dir, Catalogue, Class, Split};
use precis_sort::text::TextSource;

/// Mean, 10th, 50th and 90th percentiles, min and max.
fn describe(mut v: Vec<f32>) -> String {
    v.sort_by(f32::total_cmp);
    let n = v.len();
    let mean = v.iter().sum::<f32>() / n as f32;
    format!(
        "mean {mean:.4}  p10 {:.4}  p50 {:.4}  p90 {:.4}  min {:.4}  max {:.4}",
        v[n / 10],
        v[n / 2],
        v[9 * n / 10],
        v[0],
        v[n - 1]
    )
}

fn dark_share(s: &Sample) -> f32 {
    let mut v: Vec<u8> = s.image.pixels().map(|p| p.0[0]).collect();
    v.sort_unstable();
    let paper = i32::from(v[v.len() / 2]);
    let dark = v.iter().filter(|&&p| i32::from(p) < paper - 50).count();
    dark as f32 / v.len() as f32
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let pairs: u64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(100);
    let width: u32 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(512);
    let catalogue = Catalogue::load(&default_data_dir())?;
    let text = TextSource::builtin();
    let g = Generator {
        catalogue: &catalogue,
        text: &text,
        width,
    };
    let mut rows: BTreeMap<Class, Vec<[f32; 6]>> = BTreeMap::new();
    let mut density: BTreeMap<(Class, String), Vec<f32>> = BTreeMap::new();
    for split in [Split::Fold0, Split::Fold1, Split::Fold2, Split::Test] {
        for s in g.split(split, 2 * pairs) {
            let s = s?;
            let l = &s.page.layout;
            let area = (l.width * l.height) as f32;
            let per_line = s.ink * area / (s.lines.max(1) as f32 * l.pitch * l.x_height);
            density
                .entry((s.label, s.family.clone()))
                .or_default()
                .push(per_line);
            rows.entry(s.label).or_default().push([
                s.ink,
                dark_share(&s),
                f32::from(u8::from(s.page.ruling != Ruling::Plain)),
                s.page.x_height_mm(),
                s.page.ink_grey,
                s.lines as f32 / s.page.capacity() as f32,
            ]);
        }
    }
    let names = ["ink", "dark px", "ruled", "x-height", "ink grey", "written"];
    for (class, r) in &rows {
        println!("{class} ({} pages)", r.len());
        for (i, name) in names.iter().enumerate() {
            println!("  {name:9} {}", describe(r.iter().map(|x| x[i]).collect()));
        }
    }
    println!("ink per line and x-height², by family:");
    for ((class, family), v) in &density {
        let mean = v.iter().sum::<f32>() / v.len() as f32;
        println!("  {class:11} {family:22} {mean:.2} ({} pages)", v.len());
    }
    Ok(())
}
