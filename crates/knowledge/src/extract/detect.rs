//! [`Format::detect`]: the name, the declared type and the bytes, weighed.

use super::{ExtractError, Format};

/// How far into the bytes the binary check and the PDF header search look.
const HEAD: usize = 1024;

/// What a name or a declared type says.
#[derive(Debug, PartialEq, Eq)]
enum Hint {
    Is(Format),
    /// A text type with no format of its own (`text/csv`, `application/json`…): read as text.
    Textual,
    Unsupported(String),
    /// Says nothing (no name, no extension, `application/octet-stream`…).
    Unknown,
}

pub(super) fn detect(
    file_name: Option<&str>,
    content_type: Option<&str>,
    bytes: &[u8],
) -> Result<Format, ExtractError> {
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(ExtractError::Unsupported { what });
    }
    let by_type = content_type.map_or(Hint::Unknown, type_hint);
    let by_name = file_name.map_or(Hint::Unknown, name_hint);
    let declared = match (by_type, by_name) {
        (Hint::Unsupported(what), _) | (_, Hint::Unsupported(what)) => {
            return Err(ExtractError::Unsupported { what })
        }
        (Hint::Is(f @ (Format::Markdown | Format::Html | Format::Pdf)), _) => Some(f),
        (_, Hint::Is(f)) => Some(f),
        (Hint::Is(f), _) => Some(f),
        (Hint::Textual, _) | (_, Hint::Textual) => Some(Format::Text),
        (Hint::Unknown, Hint::Unknown) => None,
    };
    match declared {
        // a PDF may have a few bytes before its header; without one it is not a PDF
        Some(Format::Pdf) if find(&bytes[..bytes.len().min(HEAD)], b"%PDF-") => Ok(Format::Pdf),
        Some(Format::Pdf) | None => Ok(sniff(bytes)),
        Some(f) => Ok(f),
    }
}

/// The format of bytes that say nothing else about themselves (not PDF, not binary).
fn sniff(bytes: &[u8]) -> Format {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skip = start.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let start = &start[skip..start.len().min(skip + 32)];
    let lower = start.to_ascii_lowercase();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Declared types of documents Precis does not read (prefixes). Other `application/` types say
/// nothing: browsers declare CSV files as `application/vnd.ms-excel`, for one.
const DOCUMENT_TYPES: &[&str] = &[
    "application/msword",
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
    "application/vnd.ms-powerpoint",
    "application/rtf",
    "application/epub+zip",
    "application/zip",
    "application/gzip",
    "application/x-tar",
    "application/x-7z-compressed",
    "application/x-rar-compressed",
    "application/vnd.rar",
];

fn type_hint(content_type: &str) -> Hint {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "text/plain" => Hint::Is(Format::Text),
        "text/markdown" | "text/x-markdown" => Hint::Is(Format::Markdown),
        "text/html" | "application/xhtml+xml" => Hint::Is(Format::Html),
        "application/pdf" | "application/x-pdf" => Hint::Is(Format::Pdf),
        "" | "application/octet-stream" | "binary/octet-stream" => Hint::Unknown,
        "application/json"
        | "application/xml"
        | "application/javascript"
        | "application/yaml"
        | "application/x-yaml"
        | "application/toml"
        | "application/sql"
        | "application/x-sh"
        | "application/x-tex" => Hint::Textual,
        t if t.starts_with("text/") || t.ends_with("+xml") || t.ends_with("+json") => Hint::Textual,
        t if t.starts_with("image/")
            || t.starts_with("audio/")
            || t.starts_with("video/")
            || t.starts_with("font/")
            || DOCUMENT_TYPES.iter().any(|d| t.starts_with(d)) =>
        {
            Hint::Unsupported(t.to_string())
        }
        _ => Hint::Unknown,
    }
}

fn name_hint(file_name: &str) -> Hint {
    let Some((_, ext)) = file_name.rsplit_once('.') else {
        return Hint::Unknown;
    };
    match ext.to_ascii_lowercase().as_str() {
        "txt" | "text" => Hint::Is(Format::Text),
        "md" | "markdown" => Hint::Is(Format::Markdown),
        "html" | "htm" | "xhtml" => Hint::Is(Format::Html),
        "pdf" => Hint::Is(Format::Pdf),
        "doc" | "docx" | "odt" | "rtf" => Hint::Unsupported("a word-processor document".into()),
        "xls" | "xlsx" | "ods" => Hint::Unsupported("a spreadsheet".into()),
        "ppt" | "pptx" | "odp" => Hint::Unsupported("a presentation".into()),
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "tif" | "tiff" | "heic" | "svg" => {
            Hint::Unsupported("an image".into())
        }
        "zip" | "gz" | "tgz" | "7z" | "rar" | "tar" | "xz" | "bz2" | "zst" => {
            Hint::Unsupported("an archive".into())
        }
        _ => Hint::Unknown,
    }
}

/// What binary bytes are, when they are: known signatures first, then NUL bytes in the first
/// KB (text in UTF-16 excepted).
fn binary_signature(bytes: &[u8]) -> Option<String> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Microsoft Office document",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\x7FELF", "a program"),
    ];
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Some((*what).to_string());
        }
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image".into());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(zip_kind(bytes).into());
    }
    let head = &bytes[..bytes.len().min(HEAD)];
    if head.contains(&0) && super::text::utf16_encoding(bytes).is_none() {
        return Some("binary data".into());
    }
    None
}

/// What a ZIP archive holds, from the names of its first entries.
fn zip_kind(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(4096)];
    if find(head, b"word/") {
        "a Word document"
    } else if find(head, b"xl/") {
        "an Excel workbook"
    } else if find(head, b"ppt/") {
        "a PowerPoint presentation"
    } else if find(head, b"application/epub+zip") {
        "an EPUB book"
    } else if find(head, b"application/vnd.oasis.opendocument") {
        "an OpenDocument file"
    } else {
        "a ZIP archive"
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
