//! Writes sample pages as PNG for eyeballing: `cargo run -p precis-sort --release --example
//! sample_pages -- OUT_DIR [PAGES_PER_CLASS] [SPLIT]` (default 4 pages a class, split fold0).
//! The fonts come from `scripts/sort_data.sh`'s data dir.

use precis_sort::dataset::Generator;
use precis_sort::fonts::{default_data_dir, Catalogue, Split};
use precis_sort::text::TextSource;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(
        args.next()
            .ok_or("usage: sample_pages OUT_DIR [N] [SPLIT]")?,
    );
    let n: u64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(4);
    let split = match args.next().as_deref() {
        None => Split::Fold0,
        Some(s) => Split::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| format!("unknown split {s}"))?,
    };
    let catalogue = Catalogue::load(&default_data_dir())?;
    let text = TextSource::builtin();
    let generator = Generator {
        catalogue: &catalogue,
        text: &text,
        width: 1024,
    };
    std::fs::create_dir_all(&out)?;
    for (i, sample) in generator.split(split, 2 * n).enumerate() {
        let s = sample?;
        let name = format!("{i:02}-{}-{}-{}.png", s.label, s.family, s.lang.code());
        s.image.save(out.join(&name))?;
        println!("{name}  face {}  seed {:016x}", s.face, s.seed);
    }
    Ok(())
}
