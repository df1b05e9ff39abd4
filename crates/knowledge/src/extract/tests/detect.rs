use super::{fixture, ExtractError, Format};

const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj";
const HTML: &[u8] = b"<!DOCTYPE html><html><body><p>Bonjour</p></body></html>";
const TEXT: &[u8] = b"Bonjour, monde.\n";

fn detect(name: Option<&str>, content_type: Option<&str>, bytes: &[u8]) -> Format {
    Format::detect(name, content_type, bytes)
        .unwrap_or_else(|e| panic!("{name:?} {content_type:?}: {e:?}"))
}

fn unsupported(name: Option<&str>, content_type: Option<&str>, bytes: &[u8]) -> String {
    match Format::detect(name, content_type, bytes) {
        Err(ExtractError::Unsupported { what }) => what,
        other => panic!("{name:?} {content_type:?}: expected Unsupported, got {other:?}"),
    }
}

#[test]
fn by_extension_in_any_case() {
    let cases = [
        ("notes.txt", Format::Text),
        ("NOTES.TXT", Format::Text),
        ("notes.text", Format::Text),
        ("guide.md", Format::Markdown),
        ("Guide.Markdown", Format::Markdown),
        ("page.html", Format::Html),
        ("PAGE.HTM", Format::Html),
    ];
    for (name, format) in cases {
        assert_eq!(detect(Some(name), None, TEXT), format, "{name}");
    }
    assert_eq!(detect(Some("report.PDF"), None, PDF), Format::Pdf);
    // a name with no extension says nothing
    assert_eq!(detect(Some("README"), None, TEXT), Format::Text);
    assert_eq!(detect(Some("index"), None, HTML), Format::Html);
}

#[test]
fn by_declared_type_parameters_ignored() {
    let cases = [
        ("text/plain", Format::Text),
        ("text/plain; charset=ISO-8859-1", Format::Text),
        ("TEXT/MARKDOWN; charset=utf-8", Format::Markdown),
        ("text/html;charset=utf-8", Format::Html),
        ("application/xhtml+xml", Format::Html),
        ("text/csv", Format::Text),
        ("application/json", Format::Text),
    ];
    for (content_type, format) in cases {
        assert_eq!(
            detect(None, Some(content_type), TEXT),
            format,
            "{content_type}"
        );
    }
    assert_eq!(detect(None, Some("application/pdf"), PDF), Format::Pdf);
}

#[test]
fn a_specific_type_wins_over_the_name_and_the_name_over_text_plain() {
    assert_eq!(
        detect(Some("a.txt"), Some("text/markdown"), TEXT),
        Format::Markdown
    );
    assert_eq!(
        detect(Some("a.md"), Some("text/plain"), TEXT),
        Format::Markdown
    );
    assert_eq!(
        detect(Some("a.htm"), Some("text/plain"), HTML),
        Format::Html
    );
    assert_eq!(
        detect(Some("a.md"), Some("application/octet-stream"), TEXT),
        Format::Markdown
    );
    // browsers declare CSV files as Excel: the name and the bytes decide
    let csv = b"name;age\nZo\xC3\xA9;31\n";
    assert_eq!(
        detect(Some("people.csv"), Some("application/vnd.ms-excel"), csv),
        Format::Text
    );
}

#[test]
fn the_bytes_decide_when_they_contradict_the_name() {
    // a ".txt" that is a PDF
    assert_eq!(
        detect(Some("scan.txt"), Some("text/plain"), PDF),
        Format::Pdf
    );
    assert_eq!(detect(Some("page.html"), None, PDF), Format::Pdf);
    // a ".pdf" that is not (an error page saved under the wrong name)
    assert_eq!(detect(Some("report.pdf"), None, HTML), Format::Html);
    assert_eq!(detect(None, Some("application/pdf"), TEXT), Format::Text);
    // a PDF with a few bytes before its header
    assert_eq!(detect(Some("x.pdf"), None, b"\r\n%PDF-1.4\n"), Format::Pdf);
}

#[test]
fn sniffed_without_name_or_type() {
    assert_eq!(detect(None, None, PDF), Format::Pdf);
    assert_eq!(detect(None, None, HTML), Format::Html);
    assert_eq!(
        detect(None, None, b"\xEF\xBB\xBF\n  <HTML lang=fr>"),
        Format::Html
    );
    assert_eq!(detect(None, None, b"<!doctype HTML>"), Format::Html);
    assert_eq!(detect(None, None, TEXT), Format::Text);
    assert_eq!(detect(None, None, b"# Titre\n\nTexte"), Format::Text);
    assert_eq!(
        detect(None, None, b"<p>a fragment is text</p>"),
        Format::Text
    );
    assert_eq!(detect(None, None, b""), Format::Text);
    assert_eq!(
        detect(Some("x.unknown"), Some("weird/type"), HTML),
        Format::Html
    );
}

#[test]
fn binary_bytes_are_unsupported_whatever_the_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(
        unsupported(Some("photo.txt"), Some("text/plain"), png),
        "a PNG image"
    );
    assert_eq!(
        unsupported(None, None, b"\xFF\xD8\xFF\xE0\0\x10JFIF"),
        "a JPEG image"
    );
    assert_eq!(unsupported(None, None, b"GIF89a\x01\0"), "a GIF image");
    let docx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml...word/document.xml";
    assert_eq!(
        unsupported(Some("letter.txt"), None, docx),
        "a Word document"
    );
    assert_eq!(
        unsupported(None, None, b"PK\x03\x04\x14\0xl/workbook.xml"),
        "an Excel workbook"
    );
    assert_eq!(
        unsupported(None, None, b"PK\x03\x04\x0a\0\0\0data.csv"),
        "a ZIP archive"
    );
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0";
    assert_eq!(
        unsupported(Some("old.doc"), None, ole),
        "an old Microsoft Office document"
    );
    assert_eq!(
        unsupported(Some("a.txt"), None, b"{\\rtf1\\ansi Bonjour}"),
        "an RTF document"
    );
    assert_eq!(
        unsupported(Some("a.txt"), None, b"text\0with a NUL"),
        "binary data"
    );
    let mut late_nul = vec![b'a'; 2000];
    late_nul[1500] = 0; // past the first KB: still text
    assert_eq!(detect(None, None, &late_nul), Format::Text);
}

#[test]
fn unsupported_names_and_types() {
    assert_eq!(unsupported(None, Some("image/png"), TEXT), "image/png");
    assert_eq!(
        unsupported(Some("a.txt"), Some("IMAGE/PNG"), TEXT),
        "image/png"
    );
    assert_eq!(
        unsupported(
            None,
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            TEXT
        ),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(
        unsupported(Some("letter.docx"), None, TEXT),
        "a word-processor document"
    );
    assert_eq!(unsupported(Some("photo.JPG"), None, TEXT), "an image");
    assert_eq!(unsupported(Some("backup.zip"), None, TEXT), "an archive");
}

#[test]
fn utf16_text_is_not_binary() {
    assert_eq!(
        detect(Some("pt.txt"), None, &fixture("portuguese-utf16le-bom.txt")),
        Format::Text
    );
    let no_bom: Vec<u8> = "Bonjour à tous"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(detect(None, None, &no_bom), Format::Text);
    let be: Vec<u8> = "Olá".encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(detect(Some("a.txt"), None, &be), Format::Text);
}

#[test]
fn fixtures_are_detected() {
    let cases = [
        ("text.pdf", Format::Pdf),
        ("image-only.pdf", Format::Pdf),
        ("truncated.pdf", Format::Pdf),
        ("article.html", Format::Html),
        ("french-cp1252.txt", Format::Text),
        ("guide.md", Format::Markdown),
    ];
    for (name, format) in cases {
        let bytes = fixture(name);
        assert_eq!(detect(Some(name), None, &bytes), format, "{name} by name");
    }
    assert_eq!(detect(None, None, &fixture("article.html")), Format::Html);
    assert_eq!(detect(None, None, &fixture("text.pdf")), Format::Pdf);
}
