//! Where a training page's time goes: rendering, preparation, HOG, texture.
use precis_sort::dataset::Generator;
use precis_sort::fonts::{default_data_dir, Catalogue, Split};
use precis_sort::text::TextSource;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cat = Catalogue::load(&default_data_dir())?;
    let text = TextSource::builtin();
    let g = Generator {
        catalogue: &cat,
        text: &text,
        width: 1024,
    };
    let (mut gen, mut prep, mut hog, mut tex, mut tiles) = (0.0, 0.0, 0.0, 0.0, 0);
    let n = 12;
    for i in 0..n {
        let t = Instant::now();
        let s = g.page(Split::Fold0, i)?;
        gen += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let p = match precis_sort::prepare::prepare(&s.image, 24) {
            Ok(p) => p,
            Err(e) => {
                s.image.save(format!("/tmp/blank-{i}.png"))?;
                println!("page {i} {}: {e}", s.family);
                continue;
            }
        };
        prep += t.elapsed().as_secs_f64();
        tiles += p.tiles.len();
        let t = Instant::now();
        for tile in &p.tiles {
            precis_sort::features::hog::describe(&tile.image);
        }
        hog += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for tile in &p.tiles {
            precis_sort::features::texture::describe(&tile.image);
        }
        tex += t.elapsed().as_secs_f64();
    }
    let ms = |x: f64| 1000.0 * x / n as f64;
    println!(
        "per page: render {:.0} ms, prepare {:.1} ms, hog {:.1} ms, texture {:.1} ms, {:.1} tiles",
        ms(gen),
        ms(prep),
        ms(hog),
        ms(tex),
        tiles as f64 / n as f64
    );
    Ok(())
}
