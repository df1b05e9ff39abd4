//! Ink onto paper, then through a scanner: paper tone and texture, uneven lighting, ruled paper
//! drawn under the text (plain, lined, Seyès, squared), pen or toner colour as a grey tone, then
//! skew, blur, noise and dust, sometimes a 1-bit threshold, and JPEG re-encoding. Every
//! parameter is drawn from the RNG it is given, so the same RNG state gives the same bytes.

use image::{GrayImage, Luma};
use imageproc::filter::gaussian_blur_f32;
use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};
use rand::RngExt;

use crate::ink::InkMap;
use crate::page::Layout;

/// The paper's printed lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ruling {
    Plain,
    /// One line under every baseline, and a margin line.
    Lined,
    /// French school paper: a strong line under every baseline, three faint ones between, faint
    /// vertical lines every line pitch and a margin line.
    Seyes,
    /// Squared paper, one square a quarter or a half of the line pitch.
    Squared,
}

/// Why a page could not be re-encoded (the JPEG round trip stays in memory).
#[derive(Debug, thiserror::Error)]
#[error("JPEG re-encoding failed: {0}")]
pub struct DegradeError(#[from] image::ImageError);

/// Puts `ink` on paper ruled as `ruling` (aligned with `layout`'s baselines) and scans it.
/// `ink_grey` is the grey level of full ink.
pub fn scan<R: rand::Rng>(
    ink: &InkMap,
    layout: &Layout,
    ruling: Ruling,
    ink_grey: f32,
    rng: &mut R,
) -> Result<GrayImage, DegradeError> {
    let (w, h) = (ink.width, ink.height);
    let mut page = paper(w, h, rng);
    rule(&mut page, w, h, layout, ruling, rng);
    for (p, &a) in page.iter_mut().zip(&ink.data) {
        *p = *p * (1.0 - a) + ink_grey * a;
    }
    let mut img = GrayImage::from_fn(w, h, |x, y| {
        Luma([page[(y * w + x) as usize].clamp(0.0, 255.0) as u8])
    });
    // The scan: skew, the optics' blur, sensor noise, dust.
    let background = Luma([rng.random_range(200..=255u8)]);
    let skew = rng.random_range(-1.5f32..1.5).to_radians();
    img = rotate_about_center(
        &img,
        skew,
        Interpolation::Bilinear,
        Border::Constant(background),
    );
    img = gaussian_blur_f32(&img, rng.random_range(0.35..1.2));
    let sigma = rng.random_range(1.0f32..7.0);
    for p in img.pixels_mut() {
        p.0[0] = (p.0[0] as f32 + sigma * gaussian(rng)).clamp(0.0, 255.0) as u8;
    }
    for _ in 0..rng.random_range(0..40) {
        let (x, y) = (rng.random_range(0..w), rng.random_range(0..h));
        let v = rng.random_range(40..180u8);
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)]
            .into_iter()
            .take(rng.random_range(1..=4))
        {
            if x + dx < w && y + dy < h {
                img.put_pixel(x + dx, y + dy, Luma([v]));
            }
        }
    }
    if rng.random_bool(0.12) {
        // a 1-bit scan (fax, archive): a threshold, and no JPEG afterwards
        let t = rng.random_range(110..170u8);
        for p in img.pixels_mut() {
            p.0[0] = if p.0[0] < t { 0 } else { 255 };
        }
        return Ok(img);
    }
    if rng.random_bool(0.85) {
        img = jpeg_round_trip(&img, rng.random_range(30..=95))?;
    }
    Ok(img)
}

/// The paper: a tone, a lighting gradient across the page, and fibre texture.
fn paper<R: rand::Rng>(w: u32, h: u32, rng: &mut R) -> Vec<f32> {
    let base = rng.random_range(215.0f32..252.0);
    let dir = rng.random_range(0.0f32..std::f32::consts::TAU);
    let (dx, dy) = (dir.cos(), dir.sin());
    let strength = rng.random_range(0.0f32..0.18);
    let diag = ((w * w + h * h) as f32).sqrt();
    let coarse = value_noise(
        w,
        h,
        rng.random_range(24..96),
        rng.random_range(1.0..6.0),
        rng,
    );
    let fine = value_noise(
        w,
        h,
        rng.random_range(2..5),
        rng.random_range(0.5..3.0),
        rng,
    );
    let mut out = Vec::with_capacity((w * h) as usize);
    for y in 0..h {
        for x in 0..w {
            let i = (y * w + x) as usize;
            let t =
                ((x as f32 - w as f32 / 2.0) * dx + (y as f32 - h as f32 / 2.0) * dy) / diag + 0.5;
            out.push(base * (1.0 - strength * t) + coarse[i] + fine[i]);
        }
    }
    out
}

/// Smooth random values (amplitude `amp`, features about `cell` pixels wide): bilinear
/// interpolation of a random grid.
fn value_noise<R: rand::Rng>(w: u32, h: u32, cell: u32, amp: f32, rng: &mut R) -> Vec<f32> {
    let (gw, gh) = (w / cell + 2, h / cell + 2);
    let grid: Vec<f32> = (0..gw * gh).map(|_| rng.random_range(-amp..amp)).collect();
    let mut out = Vec::with_capacity((w * h) as usize);
    for y in 0..h {
        let (gy, fy) = (y / cell, (y % cell) as f32 / cell as f32);
        for x in 0..w {
            let (gx, fx) = (x / cell, (x % cell) as f32 / cell as f32);
            let g = |i: u32, j: u32| grid[((gy + j) * gw + gx + i) as usize];
            let top = g(0, 0) * (1.0 - fx) + g(1, 0) * fx;
            let bottom = g(0, 1) * (1.0 - fx) + g(1, 1) * fx;
            out.push(top * (1.0 - fy) + bottom * fy);
        }
    }
    out
}

/// Draws the paper's lines: horizontal ones through the layout's baselines, over the whole page.
fn rule<R: rand::Rng>(page: &mut [f32], w: u32, h: u32, l: &Layout, ruling: Ruling, rng: &mut R) {
    if ruling == Ruling::Plain {
        return;
    }
    let strong = rng.random_range(140.0f32..200.0);
    let faint = rng.random_range(195.0f32..225.0);
    let width = rng.random_range(1.0f32..2.2);
    let hline = |page: &mut [f32], y: f32, grey: f32| {
        for x in 0..w {
            darken_row(page, w, h, x, y, width, grey);
        }
    };
    // Lines at the baselines (j a multiple of per_strong: strong) and `step` apart around them.
    let (step, per_strong) = match ruling {
        Ruling::Seyes => (l.pitch / 4.0, 4),
        Ruling::Squared => (l.pitch / if rng.random_bool(0.5) { 2.0 } else { 4.0 }, 0),
        _ => (l.pitch, 1),
    };
    let j0 = -(l.first_baseline / step).floor() as i32;
    let j1 = ((h as f32 - l.first_baseline) / step).ceil() as i32;
    for j in j0..=j1 {
        let strong_line = per_strong > 0 && j.rem_euclid(per_strong) == 0;
        hline(
            page,
            l.first_baseline + j as f32 * step,
            if strong_line { strong } else { faint },
        );
    }
    let vgrey = if ruling == Ruling::Squared {
        faint
    } else {
        faint + 0.4 * (255.0 - faint)
    };
    if matches!(ruling, Ruling::Seyes | Ruling::Squared) {
        let mut x = l.left - step * (l.left / step).floor();
        let vstep = if ruling == Ruling::Seyes {
            l.pitch
        } else {
            step
        };
        while x < w as f32 {
            for y in 0..h {
                darken_col(page, w, x, y, width, vgrey);
            }
            x += vstep;
        }
    }
    if ruling != Ruling::Squared && rng.random_bool(0.8) {
        // the margin line (red or pink: a mid grey once scanned in grey)
        let x = l.left - rng.random_range(0.2f32..0.8) * l.pitch;
        let grey = rng.random_range(150.0f32..200.0);
        for y in 0..h {
            darken_col(page, w, x, y, width, grey);
        }
    }
}

/// Blends pixel (x, ⌊y⌋..) towards `grey` by how much of a line of `width` at `y` covers it.
fn darken_row(page: &mut [f32], w: u32, h: u32, x: u32, y: f32, width: f32, grey: f32) {
    for py in (y - 1.0).floor() as i32..=(y + width).ceil() as i32 {
        if py < 0 || py as u32 >= h {
            continue;
        }
        let cover = ((py as f32 + 1.0).min(y + width) - (py as f32).max(y)).clamp(0.0, 1.0);
        let p = &mut page[(py as u32 * w + x) as usize];
        *p = p.min(*p * (1.0 - cover) + grey * cover);
    }
}

/// Blends pixels of row `y` towards `grey` by how much a vertical line at `x` covers them.
fn darken_col(page: &mut [f32], w: u32, x: f32, y: u32, width: f32, grey: f32) {
    for px in (x - 1.0).floor() as i32..=(x + width).ceil() as i32 {
        if px < 0 || px as u32 >= w {
            continue;
        }
        let cover = ((px as f32 + 1.0).min(x + width) - (px as f32).max(x)).clamp(0.0, 1.0);
        let p = &mut page[(y * w + px as u32) as usize];
        *p = p.min(*p * (1.0 - cover) + grey * cover);
    }
}

/// A standard normal draw (Box–Muller).
fn gaussian<R: rand::Rng>(rng: &mut R) -> f32 {
    let u: f32 = rng.random_range(f32::EPSILON..1.0);
    let v: f32 = rng.random_range(0.0..std::f32::consts::TAU);
    (-2.0 * u.ln()).sqrt() * v.cos()
}

/// Encodes as JPEG at `quality` and decodes again, as a scanner or a mail client would.
pub fn jpeg_round_trip(img: &GrayImage, quality: u8) -> Result<GrayImage, DegradeError> {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality).encode_image(img)?;
    Ok(image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)?.to_luma8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn layout(width: u32, height: u32) -> Layout {
        Layout {
            width,
            height,
            left: 40.0,
            right: 30.0,
            top: 50.0,
            bottom: 40.0,
            first_baseline: 70.0,
            pitch: 32.0,
            x_height: 9.0,
        }
    }

    #[test]
    fn the_scan_keeps_the_page_size_and_is_reproducible() {
        for (seed, ruling) in [Ruling::Plain, Ruling::Lined, Ruling::Seyes, Ruling::Squared]
            .into_iter()
            .enumerate()
        {
            let mut ink = InkMap::new(300, 420);
            for (x, y) in (100..200).flat_map(|x| (194..206).map(move |y| (x, y))) {
                ink.add(x, y, 1.0);
            }
            let l = layout(300, 420);
            let scan_with = |s| scan(&ink, &l, ruling, 35.0, &mut ChaCha8Rng::seed_from_u64(s));
            let a = scan_with(seed as u64).unwrap();
            assert_eq!(a.dimensions(), (300, 420));
            assert_eq!(a, scan_with(seed as u64).unwrap());
            assert_ne!(a, scan_with(seed as u64 + 100).unwrap());
            // the band of ink is darker than the paper above and below it
            let mean = |y: u32| {
                (120..180)
                    .map(|x| a.get_pixel(x, y).0[0] as f32)
                    .sum::<f32>()
                    / 60.0
            };
            assert!(mean(200) + 40.0 < mean(120).max(mean(280)), "{ruling:?}");
        }
    }

    #[test]
    fn ruled_paper_has_lines_under_the_baselines() {
        let (w, h) = (200, 300);
        let l = layout(w, h);
        let mut page = vec![250.0; (w * h) as usize];
        rule(
            &mut page,
            w,
            h,
            &l,
            Ruling::Lined,
            &mut ChaCha8Rng::seed_from_u64(9),
        );
        let row = |y: u32| page[(y * w + w - 5) as usize];
        assert!(
            row(70) < 210.0 && row(102) < 210.0,
            "{} {}",
            row(70),
            row(102)
        );
        assert_eq!(row(86), 250.0);
    }

    #[test]
    fn jpeg_round_trip_keeps_the_size() {
        let img = GrayImage::from_fn(64, 48, |x, y| Luma([((x * 7 + y * 3) % 256) as u8]));
        let out = jpeg_round_trip(&img, 40).unwrap();
        assert_eq!(out.dimensions(), (64, 48));
        assert_ne!(out, img);
    }
}
