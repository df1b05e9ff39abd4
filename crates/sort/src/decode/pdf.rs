//! The page images of a scanned PDF: each page's largest image XObject, read as JPEG
//! (`DCTDecode`), JPEG 2000 is refused, and uncompressed or Flate/LZW-compressed samples are read
//! as grey, RGB or CMYK at 1 or 8 bits per component.

use image::{DynamicImage, GrayImage, Luma};
use lopdf::Document;

use super::{
    image_page, working_copy, DecodeError, Decoded, Format, MAX_PDF_PAGES, MAX_PIXELS, MAX_SIDE,
};

fn samples(width: u32, height: u32, bits: i64, channels: usize, data: &[u8]) -> Option<GrayImage> {
    let (w, h) = (width as usize, height as usize);
    match (bits, channels) {
        (8, c) => {
            if data.len() < w * h * c {
                return None;
            }
            Some(GrayImage::from_fn(width, height, |x, y| {
                let i = (y as usize * w + x as usize) * c;
                let v = match c {
                    1 => data[i] as f32,
                    3 => {
                        0.299 * data[i] as f32
                            + 0.587 * data[i + 1] as f32
                            + 0.114 * data[i + 2] as f32
                    }
                    // CMYK: paper is 0 ink
                    _ => {
                        255.0
                            - (data[i] as f32 * 0.3
                                + data[i + 1] as f32 * 0.59
                                + data[i + 2] as f32 * 0.11
                                + data[i + 3] as f32)
                                .min(255.0)
                    }
                };
                Luma([v as u8])
            }))
        }
        (1, 1) => {
            let row = w.div_ceil(8);
            if data.len() < row * h {
                return None;
            }
            // DeviceGray 1-bit: 1 is white
            Some(GrayImage::from_fn(width, height, |x, y| {
                let byte = data[y as usize * row + x as usize / 8];
                Luma([if byte >> (7 - x % 8) & 1 == 1 { 255 } else { 0 }])
            }))
        }
        _ => None,
    }
}

pub(super) fn pages(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let doc = Document::load_mem(bytes).map_err(|e| DecodeError::PdfCorrupt(e.to_string()))?;
    let all = doc.get_pages();
    let mut pages = Vec::new();
    let mut skipped = all.len().saturating_sub(MAX_PDF_PAGES);
    for (_, page_id) in all.into_iter().take(MAX_PDF_PAGES) {
        let images = doc.get_page_images(page_id).unwrap_or_default();
        let Some(img) = images
            .iter()
            .max_by_key(|i| i.width.saturating_mul(i.height))
        else {
            skipped += 1;
            continue;
        };
        let (w, h) = (
            img.width.clamp(0, u32::MAX as i64) as u32,
            img.height.clamp(0, u32::MAX as i64) as u32,
        );
        if w == 0 || h == 0 {
            skipped += 1;
            continue;
        }
        if w > MAX_SIDE || h > MAX_SIDE || w as u64 * h as u64 > MAX_PIXELS {
            return Err(DecodeError::TooLarge {
                width: w,
                height: h,
            });
        }
        let filters = img.filters.clone().unwrap_or_default();
        let page = if filters.iter().any(|f| f == "DCTDecode") {
            image_page(img.content)?.1
        } else if filters
            .iter()
            .any(|f| f == "JPXDecode" || f == "CCITTFaxDecode" || f == "JBIG2Decode")
        {
            skipped += 1;
            continue;
        } else {
            let stream = doc
                .get_object(img.id)
                .and_then(|o| o.as_stream())
                .map_err(|e| DecodeError::PdfCorrupt(e.to_string()))?;
            let data = if filters.is_empty() {
                stream.content.clone()
            } else {
                stream
                    .decompressed_content()
                    .map_err(|e| DecodeError::PdfCorrupt(e.to_string()))?
            };
            let channels = match img.color_space.as_deref() {
                Some("DeviceRGB") | Some("CalRGB") => 3,
                Some("DeviceCMYK") => 4,
                _ => 1,
            };
            let bits = img.bits_per_component.unwrap_or(8);
            match samples(w, h, bits, channels, &data) {
                Some(g) => working_copy(&DynamicImage::ImageLuma8(g)),
                None => {
                    skipped += 1;
                    continue;
                }
            }
        };
        pages.push(page);
    }
    if pages.is_empty() {
        return Err(DecodeError::PdfNoImage);
    }
    Ok(Decoded {
        format: Format::Pdf,
        pages,
        skipped_pages: skipped,
    })
}
