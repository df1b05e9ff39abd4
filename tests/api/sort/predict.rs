//! `POST /api/v1/classifier/predict`: pages classified, and every file refused with its status,
//! code and sentence, in English and in French.

use image::{GrayImage, ImageFormat, Luma};
use lopdf::{dictionary, Object, Stream};
use precis_sort::fonts::Class;
use serde_json::Value;

use super::{data, encode, french, png, rendered, sort_app, typed_page};
use crate::helpers::expect_error;

/// The shape every prediction has: the document's verdict is the answering model's mean over
/// its pages, each page has every model's verdict and its tiles on the page.
fn check_shape(p: &Value) {
    let models = ["cnn", "hog-svm", "texture-logistic"];
    let label = p["label"].as_str().expect("label");
    let ph = p["probability_handwritten"]
        .as_f64()
        .expect("p(handwritten)");
    let confidence = p["probability"].as_f64().expect("probability");
    assert_eq!(
        label,
        if ph >= 0.5 { "handwritten" } else { "typed" },
        "{p}"
    );
    let expected = if ph >= 0.5 { ph } else { 1.0 - ph };
    assert!(
        (confidence - expected).abs() < 1e-9 && confidence >= 0.5,
        "{p}"
    );
    let model = p["model"].as_str().expect("model");
    assert_eq!(p["per_model"][model]["probability_handwritten"], ph);
    let keys: Vec<&String> = p["per_model"]
        .as_object()
        .expect("per_model")
        .keys()
        .collect();
    assert_eq!(keys, models);
    let pages = p["pages"].as_array().expect("pages");
    assert!(!pages.is_empty());
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page["page"], i as u64 + 1);
        let (w, h) = (
            page["width"].as_u64().expect("width"),
            page["height"].as_u64().expect("height"),
        );
        assert!(w.max(h) <= 3000, "{w}×{h}");
        assert_eq!(
            page["probability_handwritten"],
            page["per_model"][model]["probability_handwritten"]
        );
        let tiles = page["tiles"].as_array().expect("tiles");
        assert!(
            !tiles.is_empty() && tiles.len() <= 24,
            "{} tiles",
            tiles.len()
        );
        for t in tiles {
            let (x, y, side) = (
                t["x"].as_u64().unwrap(),
                t["y"].as_u64().unwrap(),
                t["side"].as_u64().unwrap(),
            );
            assert!(
                side > 0 && x + side <= w + 1 && y + side <= h + 1,
                "{t} on {w}×{h}"
            );
            let tp = t["probability_handwritten"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&tp));
        }
    }
}

#[tokio::test]
async fn rendered_pages_are_told_apart_by_the_default_model() {
    let app = sort_app(&[]).await;
    let user = app.user();
    let default = user.classifier_models().await["default_model"].clone();
    let typed = user.predicted("letter.png", png(&typed_page()), None).await;
    check_shape(&typed);
    assert_eq!(typed["model"], default);
    assert_eq!(typed["skipped_pages"], 0);
    assert_eq!(typed["pages"].as_array().unwrap().len(), 1);
    if data().is_none() {
        return;
    }
    assert_eq!(typed["label"], "typed", "{typed}");
    assert_eq!(typed["pages"][0]["width"], 1024);
    let hand = rendered(Class::Handwritten).expect("rendered");
    // a JPEG, as a phone or a scanner saves it
    let handwritten = user
        .predicted("note.jpg", encode(&hand, ImageFormat::Jpeg), None)
        .await;
    check_shape(&handwritten);
    assert_eq!(handwritten["label"], "handwritten", "{handwritten}");
    assert!(
        handwritten["probability_handwritten"].as_f64() > typed["probability_handwritten"].as_f64()
    );
    // and a TIFF
    let tiff = user
        .predicted("scan.tif", encode(&hand, ImageFormat::Tiff), None)
        .await;
    assert_eq!(tiff["label"], "handwritten");
}

#[tokio::test]
async fn a_real_handwritten_scan_is_read_and_classified() {
    let Some(dir) = data() else { return };
    let bytes = std::fs::read(dir.join("real/handwritten/ocrmypdf/kcs.png")).expect("kcs.png");
    let app = sort_app(&[]).await;
    let p = app.user().predicted("kcs.png", bytes, None).await;
    check_shape(&p);
    // one page, judged on tiles of its writing by the three models; whether each gets this page
    // right is the report's business (docs/sort/report.md, with intervals), not this test's
    assert_eq!(p["pages"].as_array().map(Vec::len), Some(1), "{p}");
    assert_eq!(p["pages"][0]["width"], 1915, "{p}");
    let tiles = p["pages"][0]["tiles"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!tiles.is_empty() && tiles.len() <= 16, "{p}");
    let per_model = p["per_model"].as_object().cloned().unwrap_or_default();
    assert_eq!(per_model.len(), 3, "{p}");
    for (name, v) in &per_model {
        let ph = v["probability_handwritten"].as_f64().unwrap_or(-1.0);
        let want = if ph >= 0.5 { "handwritten" } else { "typed" };
        assert_eq!(v["label"], want, "{name}: {p}");
    }
}

/// `image` as a JPEG whose EXIF orientation is `orientation` (6: "turn 90° clockwise to view").
fn jpeg_with_orientation(image: &GrayImage, orientation: u8) -> Vec<u8> {
    use image::codecs::jpeg::JpegEncoder;
    use image::ImageEncoder;
    // a TIFF header (little endian) and one IFD entry: 0x0112 Orientation, SHORT, 1, the value
    let exif = vec![
        b'I',
        b'I',
        42,
        0,
        8,
        0,
        0,
        0,
        1,
        0,
        0x12,
        0x01,
        3,
        0,
        1,
        0,
        0,
        0,
        orientation,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
    ];
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, 90);
    encoder.set_exif_metadata(exif).expect("exif");
    encoder
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            image::ExtendedColorType::L8,
        )
        .expect("jpeg");
    out
}

/// What scanners and phones really send: a 1-bit CCITT Group 4 TIFF, and a JPEG stored sideways
/// with the EXIF orientation that turns it upright.
#[tokio::test]
async fn a_bilevel_tiff_and_a_sideways_phone_jpeg_are_read() {
    let app = sort_app(&[]).await;
    let user = app.user();

    let tiff = include_bytes!("../../../crates/sort/tests/fixtures/bilevel-g4.tif");
    let p = user.predicted("scan.tif", tiff.to_vec(), None).await;
    check_shape(&p);
    assert_eq!(p["pages"][0]["width"], 240, "{p}");
    assert_eq!(p["pages"][0]["height"], 120, "{p}");

    let page = typed_page();
    let (w, h) = page.dimensions();
    // stored turned a quarter counter-clockwise: the EXIF's quarter clockwise stands it up
    let sideways = image::imageops::rotate270(&page);
    let p = user
        .predicted("phone.jpg", jpeg_with_orientation(&sideways, 6), None)
        .await;
    check_shape(&p);
    assert_eq!(p["pages"][0]["width"], w, "upright: {p}");
    assert_eq!(p["pages"][0]["height"], h, "upright: {p}");
    // the same bytes saying "as stored" (orientation 1) are read as stored: sideways
    let p = user
        .predicted("phone.jpg", jpeg_with_orientation(&sideways, 1), None)
        .await;
    assert_eq!(p["pages"][0]["width"], h, "as stored: {p}");
}

#[tokio::test]
async fn the_model_asked_for_answers() {
    let app = sort_app(&[]).await;
    let user = app.user();
    let page = png(&typed_page());
    for model in ["cnn", "hog-svm", "texture-logistic"] {
        let p = user.predicted("page.png", page.clone(), Some(model)).await;
        check_shape(&p);
        assert_eq!(p["model"], model);
        assert_eq!(
            p["probability_handwritten"],
            p["per_model"][model]["probability_handwritten"]
        );
    }
    // an empty `model` part is no choice: the default answers
    let p = user.predicted("page.png", page.clone(), Some(" ")).await;
    assert_eq!(p["model"], user.classifier_models().await["default_model"]);

    let e = expect_error(
        user.predict("page.png", page.clone(), Some("resnet")).await,
        404,
        "model_not_found",
    )
    .await;
    assert_eq!(e["field"], "model");
    let en = e["message"].as_str().unwrap().to_string();
    assert!(
        en.contains("resnet") && en.contains("texture-logistic"),
        "{en}"
    );
    let fr = expect_error(
        french(&app).predict("page.png", page, Some("resnet")).await,
        404,
        "model_not_found",
    )
    .await;
    let fr = fr["message"].as_str().unwrap();
    assert!(fr.starts_with("Il n’y a pas de modèle"), "{fr}");
}

/// A PDF whose pages hold `images` (JPEG each; `None`: a page without image).
fn pdf(images: Vec<Option<&GrayImage>>) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for image in images {
        let mut resources = lopdf::Dictionary::new();
        if let Some(image) = image {
            let stream = Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Image",
                    "Width" => image.width() as i64,
                    "Height" => image.height() as i64,
                    "ColorSpace" => "DeviceGray",
                    "BitsPerComponent" => 8,
                    "Filter" => "DCTDecode",
                },
                encode(image, ImageFormat::Jpeg),
            );
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
    doc.save_to(&mut out).expect("pdf");
    out
}

#[tokio::test]
async fn a_scanned_pdf_is_classified_page_by_page() {
    let app = sort_app(&[]).await;
    let user = app.user();
    let typed = typed_page();
    let blank = GrayImage::from_pixel(600, 800, Luma([240]));
    // a typed page, a page with no image, a blank page, the typed page again
    let bytes = pdf(vec![Some(&typed), None, Some(&blank), Some(&typed)]);
    let p = user.predicted("scan.pdf", bytes, None).await;
    check_shape(&p);
    assert_eq!(p["pages"].as_array().unwrap().len(), 2, "{p}");
    assert_eq!(p["skipped_pages"], 2);
    assert_eq!(p["pages"][1]["page"], 2);
    if data().is_some() {
        assert_eq!(p["label"], "typed");
    }
    // no page image at all: not a scan
    let e = expect_error(
        user.predict("text.pdf", pdf(vec![None, None]), None).await,
        422,
        "pdf_without_image",
    )
    .await;
    assert_eq!(e["field"], "file");
    let e = expect_error(
        user.predict("cut.pdf", b"%PDF-1.4\n garbage".to_vec(), None)
            .await,
        422,
        "corrupt_image",
    )
    .await;
    assert!(e["message"].as_str().unwrap().contains("PDF"), "{e}");
}

/// A bad file and what it is answered with: (file name, bytes, status, code, words of the
/// English sentence, words of the French one).
type BadFile = (
    &'static str,
    Vec<u8>,
    u16,
    &'static str,
    &'static str,
    &'static str,
);

fn bad_files() -> Vec<BadFile> {
    let page = png(&typed_page());
    vec![
        ("empty.png", Vec::new(), 422, "empty_file", "empty", "vide"),
        (
            "letter.txt",
            b"Dear Sir, this is a letter.".to_vec(),
            415,
            "unsupported_image",
            "PNG, JPEG or TIFF",
            "PNG, JPEG ou TIFF",
        ),
        (
            "anim.gif",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            415,
            "unsupported_image",
            "GIF images are not read",
            "Les images GIF",
        ),
        (
            "cut.png",
            page[..page.len() / 2].to_vec(),
            422,
            "corrupt_image",
            "damaged",
            "endommagée",
        ),
        (
            "blank.png",
            png(&GrayImage::from_pixel(600, 800, Luma([240]))),
            422,
            "no_writing",
            "No writing",
            "Aucune écriture",
        ),
        (
            "tiny.png",
            png(&GrayImage::from_pixel(10, 10, Luma([0]))),
            422,
            "image_too_small",
            "10 × 10",
            "10\u{a0}×\u{a0}10",
        ),
        (
            "wide.png",
            png(&GrayImage::new(16_001, 2)),
            413,
            "image_too_large",
            "16,001 × 2 pixels; the limit is 16,000 pixels a side and 100 megapixels",
            "16\u{202f}000 pixels de côté",
        ),
    ]
}

#[tokio::test]
async fn every_bad_file_is_refused_with_its_sentence_in_english_and_french() {
    let app = sort_app(&[]).await;
    let (en, fr) = (app.user(), french(&app));
    for (name, bytes, status, code, english, french_words) in bad_files() {
        let e = expect_error(en.predict(name, bytes.clone(), None).await, status, code).await;
        assert_eq!(e["field"], "file", "{name}");
        let message = e["message"].as_str().unwrap();
        assert!(message.contains(english), "{name}: {message}");
        let f = expect_error(fr.predict(name, bytes, None).await, status, code).await;
        let message = f["message"].as_str().unwrap();
        assert!(message.contains(french_words), "{name}: {message}");
        assert_eq!(f["field"], "file");
    }
}

#[tokio::test]
async fn a_request_without_its_file_is_refused() {
    let app = sort_app(&[]).await;
    let user = app.user();
    // multipart, but no `file` part
    let form = reqwest::multipart::Form::new().text("model", "cnn");
    let e = expect_error(user.predict_form(form).await, 400, "invalid_request").await;
    assert_eq!(e["field"], "file");
    assert!(e["message"].as_str().unwrap().contains("“file”"), "{e}");
    // two files
    let page = png(&typed_page());
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(page.clone()))
        .part("file", reqwest::multipart::Part::bytes(page));
    expect_error(user.predict_form(form).await, 400, "invalid_request").await;
    // not multipart at all
    let res = user
        .send(
            user.http
                .post(format!("{}{}", app.address, super::PREDICT))
                .json(&serde_json::json!({"file": "page.png"})),
        )
        .await;
    expect_error(res, 400, "invalid_request").await;
    let fr = expect_error(
        french(&app)
            .predict_form(reqwest::multipart::Form::new().text("model", "cnn"))
            .await,
        400,
        "invalid_request",
    )
    .await;
    assert!(fr["message"].as_str().unwrap().contains("nommée"), "{fr}");
}

#[tokio::test]
async fn a_file_over_30_mib_is_refused_before_it_is_read() {
    let app = sort_app(&[]).await;
    let big = vec![0u8; 31 * 1024 * 1024];
    let e = expect_error(
        app.user().predict("big.png", big.clone(), None).await,
        413,
        "file_too_large",
    )
    .await;
    assert_eq!(e["field"], "file");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("the limit is 30 MB") && message.starts_with("The file is 31"),
        "{message}"
    );
    let f = expect_error(
        french(&app).predict("big.png", big, None).await,
        413,
        "file_too_large",
    )
    .await;
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("la limite est de 30\u{a0}Mo"),
        "{f}"
    );
    // just under the limit is read (and refused for what it is, not for its size)
    let under = vec![0u8; 29 * 1024 * 1024];
    expect_error(
        app.user().predict("zeros.bin", under, None).await,
        415,
        "unsupported_image",
    )
    .await;
}
