//! Tests of [`crate::extract`]. Fixtures are in `tests/data/` (see its README).

mod clean;
mod detect;
mod html;
mod pdf;
mod properties;
mod text;

use super::{extract, ExtractError, Extracted, Format};

/// A fixture's bytes.
fn fixture(name: &str) -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
    std::fs::read(format!("{path}{name}")).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Extracts what must extract.
fn read(bytes: &[u8], format: Format) -> Extracted {
    extract(bytes, format).unwrap_or_else(|e| panic!("{format:?}: {e:?}"))
}

/// A PDF made of `objects` (numbered from 1, the first the catalog), with a correct xref
/// table; `trailer` is added to the trailer dictionary.
fn pdf_of(objects: &[String], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let size = objects.len() + 1;
    out.extend(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {size} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

/// A one-page PDF showing `content` (a content stream; font `/F1` is Helvetica), with an Info
/// dictionary when `info` is given.
fn page_pdf(content: &str, info: Option<&str>) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let trailer = match info {
        Some(info) => {
            objects.push(info.to_string());
            "/Info 6 0 R"
        }
        None => "",
    };
    pdf_of(&objects, trailer)
}

#[test]
fn format_names_round_trip() {
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Pdf] {
        assert_eq!(Format::parse(format.as_str()), Some(format));
    }
    assert_eq!(Format::Markdown.as_str(), "markdown");
    assert_eq!(Format::parse("PDF"), None);
    assert_eq!(Format::parse("docx"), None);
}

#[test]
fn errors_say_what_went_wrong() {
    let unsupported = ExtractError::Unsupported {
        what: "image/png".into(),
    };
    assert_eq!(unsupported.to_string(), "unsupported document: image/png");
    let damaged = ExtractError::DamagedPdf {
        why: "it is password-protected".into(),
    };
    assert!(damaged.to_string().ends_with("it is password-protected"));
}
