//! From the bytes a person uploads to grey page images: PNG, JPEG (turned upright by its EXIF
//! orientation, as phones save them), TIFF (scanners' 1-bit CCITT ones included; the first page),
//! or a PDF whose pages are scanned images (each page's largest image). Pages are greyed and
//! shrunk so their longest side is at most [`WORKING_SIDE`]: the classifier never needs more.

use std::io::Cursor;

use image::imageops::{self, FilterType};
use image::{DynamicImage, GrayImage, ImageDecoder, ImageFormat, ImageReader, Limits};

mod pdf;

/// The longest side a page is worked on at.
pub const WORKING_SIDE: u32 = 3000;
/// The largest image accepted: sides and pixel count (a 25 MB phone photo is ~ 50 MP at most).
pub const MAX_SIDE: u32 = 16_000;
pub const MAX_PIXELS: u64 = 100_000_000;
/// The most pages read from one PDF.
pub const MAX_PDF_PAGES: usize = 20;

/// Why a file gives no page.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not an image (PNG, JPEG, TIFF) nor a PDF")]
    NotAnImage,
    #[error("{0} images are not read (PNG, JPEG, TIFF or PDF)")]
    Unsupported(String),
    #[error("the image is damaged or cut short: {0}")]
    Corrupt(String),
    #[error("the image is {width}×{height} pixels, over the limit")]
    TooLarge { width: u32, height: u32 },
    #[error("the PDF holds no page image (it is not a scan)")]
    PdfNoImage,
    #[error("the PDF cannot be read: {0}")]
    PdfCorrupt(String),
}

/// The format a file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
    Tiff,
    Pdf,
}

/// The pages of a file.
#[derive(Debug)]
pub struct Decoded {
    pub format: Format,
    pub pages: Vec<GrayImage>,
    /// PDF pages left out: over [`MAX_PDF_PAGES`], or with no image.
    pub skipped_pages: usize,
}

/// Grey, and no side over [`WORKING_SIDE`].
pub fn working_copy(image: &DynamicImage) -> GrayImage {
    let grey = image.to_luma8();
    to_working_size(grey)
}

fn to_working_size(grey: GrayImage) -> GrayImage {
    let (w, h) = grey.dimensions();
    let long = w.max(h);
    if long <= WORKING_SIDE {
        return grey;
    }
    let f = WORKING_SIDE as f32 / long as f32;
    let (nw, nh) = (
        ((w as f32 * f) as u32).max(1),
        ((h as f32 * f) as u32).max(1),
    );
    if f < 0.5 {
        crate::shrink::shrink(&grey, nw, nh)
    } else {
        imageops::resize(&grey, nw, nh, FilterType::Triangle)
    }
}

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_SIDE);
    l.max_image_height = Some(MAX_SIDE);
    // decoded bytes: 4 per pixel at most (RGBA 8-bit)
    l.max_alloc = Some(MAX_PIXELS * 4);
    l
}

fn image_error(e: image::ImageError, dims: Option<(u32, u32)>) -> DecodeError {
    use image::error::{ImageError as E, LimitErrorKind};
    match e {
        E::Limits(l)
            if matches!(
                l.kind(),
                LimitErrorKind::DimensionError | LimitErrorKind::InsufficientMemory
            ) =>
        {
            let (width, height) = dims.unwrap_or((0, 0));
            DecodeError::TooLarge { width, height }
        }
        E::Unsupported(u) => DecodeError::Unsupported(format!("{:?}", u.format_hint())),
        other => DecodeError::Corrupt(other.to_string()),
    }
}

/// Read an image file (not a PDF) into one page.
pub fn image_page(bytes: &[u8]) -> Result<(Format, GrayImage), DecodeError> {
    let format = match image::guess_format(bytes) {
        Ok(ImageFormat::Png) => Format::Png,
        Ok(ImageFormat::Jpeg) => Format::Jpeg,
        Ok(ImageFormat::Tiff) => Format::Tiff,
        Ok(other) => {
            return Err(DecodeError::Unsupported(
                format!("{other:?}").to_uppercase(),
            ))
        }
        Err(_) => return Err(DecodeError::NotAnImage),
    };
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    reader.limits(limits());
    // a header over the limits is refused before its size is known: read the size alone
    let header = || {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .ok()
            .and_then(|r| r.into_dimensions().ok())
    };
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| image_error(e, header()))?;
    let dims = decoder.dimensions();
    if dims.0 > MAX_SIDE || dims.1 > MAX_SIDE || dims.0 as u64 * dims.1 as u64 > MAX_PIXELS {
        return Err(DecodeError::TooLarge {
            width: dims.0,
            height: dims.1,
        });
    }
    let orientation = decoder
        .orientation()
        .map_err(|e| image_error(e, Some(dims)))?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| image_error(e, Some(dims)))?;
    image.apply_orientation(orientation);
    Ok((format, working_copy(&image)))
}

/// Read an uploaded file into its pages.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.starts_with(b"%PDF-") {
        return pdf::pages(bytes);
    }
    let (format, page) = image_page(bytes)?;
    Ok(Decoded {
        format,
        pages: vec![page],
        skipped_pages: 0,
    })
}

#[cfg(test)]
mod tests;
