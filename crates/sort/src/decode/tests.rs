use super::*;
use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, Luma};
use lopdf::{dictionary, Object, Stream};

fn page(w: u32, h: u32) -> GrayImage {
    GrayImage::from_fn(w, h, |x, y| {
        Luma([if (x / 4 + y / 6) % 3 == 0 { 20 } else { 235 }])
    })
}

fn png(img: &GrayImage) -> Vec<u8> {
    let mut out = Vec::new();
    DynamicImage::ImageLuma8(img.clone())
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// A JPEG whose EXIF says "rotate 90° clockwise to view" (orientation 6).
fn jpeg_rotated(img: &GrayImage) -> Vec<u8> {
    // TIFF header (little endian), one IFD entry: 0x0112 Orientation, SHORT, 1, value 6
    let exif = vec![
        b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0,
    ];
    let mut out = Vec::new();
    let mut enc = JpegEncoder::new_with_quality(&mut out, 90);
    enc.set_exif_metadata(exif).unwrap();
    enc.write_image(
        img.as_raw(),
        img.width(),
        img.height(),
        image::ExtendedColorType::L8,
    )
    .unwrap();
    out
}

#[test]
fn empty_text_and_other_formats_are_named() {
    assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
    assert_eq!(
        decode(b"Dear Sir, this is a letter").unwrap_err(),
        DecodeError::NotAnImage
    );
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    assert!(matches!(decode(gif).unwrap_err(), DecodeError::Unsupported(f) if f == "GIF"));
}

#[test]
fn png_is_read_grey_and_a_cut_one_is_corrupt() {
    let bytes = png(&page(300, 200));
    let d = decode(&bytes).unwrap();
    assert_eq!((d.format, d.pages.len()), (Format::Png, 1));
    assert_eq!(d.pages[0].dimensions(), (300, 200));
    assert!(matches!(
        decode(&bytes[..bytes.len() / 2]).unwrap_err(),
        DecodeError::Corrupt(_)
    ));
}

#[test]
fn a_phone_jpeg_is_turned_upright_by_its_exif() {
    let d = decode(&jpeg_rotated(&page(120, 60))).unwrap();
    assert_eq!(d.format, Format::Jpeg);
    assert_eq!(d.pages[0].dimensions(), (60, 120));
}

#[test]
fn large_pages_are_shrunk_and_huge_ones_refused() {
    let d = decode(&png(&page(4500, 300))).unwrap();
    assert_eq!(d.pages[0].dimensions(), (WORKING_SIDE, 200));
    let wide = png(&GrayImage::new(MAX_SIDE + 1, 2));
    assert_eq!(
        decode(&wide).unwrap_err(),
        DecodeError::TooLarge {
            width: MAX_SIDE + 1,
            height: 2
        }
    );
}

#[test]
fn a_one_bit_ccitt_tiff_from_a_scanner_is_read() {
    let bytes = include_bytes!("../../tests/fixtures/bilevel-g4.tif");
    let d = decode(bytes).unwrap();
    assert_eq!(d.format, Format::Tiff);
    assert_eq!(d.pages[0].dimensions(), (240, 120));
    let dark = d.pages[0].pixels().filter(|p| p[0] < 128).count();
    assert!(dark > 100 && dark < 240 * 120 / 2, "{dark}");
}

/// A PDF of `images` (one page each; `None`: a page with no image).
fn pdf(images: Vec<Option<Stream>>) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for image in images {
        let mut resources = lopdf::Dictionary::new();
        if let Some(stream) = image {
            let id = doc.add_object(stream);
            resources.set("XObject", dictionary! { "Im0" => id });
        }
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => resources,
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn image_stream(w: u32, h: u32, filter: Option<&str>, space: &str, content: Vec<u8>) -> Stream {
    let mut dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => w as i64,
        "Height" => h as i64,
        "ColorSpace" => space,
        "BitsPerComponent" => 8,
    };
    if let Some(f) = filter {
        dict.set("Filter", f);
    }
    Stream::new(dict, content)
}

#[test]
fn a_scanned_pdf_gives_its_page_images() {
    let grey = page(200, 100);
    let jpeg = {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .write_image(grey.as_raw(), 200, 100, image::ExtendedColorType::L8)
            .unwrap();
        out
    };
    let mut flate = image_stream(200, 100, None, "DeviceGray", grey.as_raw().clone());
    flate.compress().unwrap();
    let rgb: Vec<u8> = grey.as_raw().iter().flat_map(|&v| [v, v, v]).collect();
    let bytes = pdf(vec![
        Some(image_stream(
            200,
            100,
            Some("DCTDecode"),
            "DeviceGray",
            jpeg,
        )),
        None,
        Some(flate),
        Some(image_stream(200, 100, None, "DeviceRGB", rgb)),
    ]);
    let d = decode(&bytes).unwrap();
    assert_eq!(
        (d.format, d.pages.len(), d.skipped_pages),
        (Format::Pdf, 3, 1)
    );
    for p in &d.pages {
        assert_eq!(p.dimensions(), (200, 100));
    }
    assert_eq!(d.pages[1].as_raw(), grey.as_raw());
}

#[test]
fn a_pdf_without_images_or_broken_says_so() {
    assert_eq!(
        decode(&pdf(vec![None, None])).unwrap_err(),
        DecodeError::PdfNoImage
    );
    assert!(matches!(
        decode(b"%PDF-1.4\n garbage").unwrap_err(),
        DecodeError::PdfCorrupt(_)
    ));
}
