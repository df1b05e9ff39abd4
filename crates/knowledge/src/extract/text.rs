//! Bytes to text in whatever encoding they are in, and a Markdown document's title.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::ExtractError;

/// How much of the bytes the UTF-16 guess (no BOM) looks at.
const SAMPLE: usize = 1024;

/// Decodes text: by its byte-order mark, else as UTF-16 if it looks like it, else as UTF-8 if
/// valid (or nearly: a few stray bytes in UTF-8 text), else in the legacy encoding chardetng
/// guesses (Windows-1252, ISO-8859-x, Shift_JIS…). [`ExtractError::Encoding`] when the result
/// is more than 5% replacement or control characters.
pub(super) fn decode(bytes: &[u8]) -> Result<String, ExtractError> {
    decode_declared(bytes, None)
}

/// [`decode`], with the encoding a document declares (e.g. an HTML `<meta charset>`) in place
/// of chardetng's guess. Bytes that are valid UTF-8 are read as UTF-8 whatever the declaration
/// (pages saved as UTF-8 often still declare Windows-1252; the reverse is an accident).
pub(super) fn decode_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<String, ExtractError> {
    let text = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        decode_with(encoding, &bytes[bom..])
    } else if let Some(encoding) = utf16_encoding(bytes) {
        decode_with(encoding, bytes)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else if mostly_utf8(bytes) {
        String::from_utf8_lossy(bytes).into_owned()
    } else if let Some(encoding) = declared.filter(|e| *e != UTF_8) {
        decode_with(encoding, bytes)
    } else {
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        decode_with(detector.guess(None, Utf8Detection::Deny), bytes)
    };
    if garbled(&text) {
        Err(ExtractError::Encoding)
    } else {
        Ok(text)
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// UTF-16 by its BOM, or without one when the bytes look like it: in the first KB, most
/// bytes on one side of each pair are NUL and almost none on the other (mostly Latin text).
pub(super) fn utf16_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(UTF_16LE);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(UTF_16BE);
    }
    let pairs = bytes[..bytes.len().min(SAMPLE)].chunks_exact(2);
    let n = pairs.len();
    if n == 0 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in pairs {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let most = |zeros: usize| zeros * 10 >= n * 7;
    let few = |zeros: usize| zeros * 10 <= n;
    if most(odd) && few(even) {
        Some(UTF_16LE)
    } else if most(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-8 with a few invalid bytes in it: fewer invalid sequences than a quarter of its valid
/// non-ASCII characters (text in a legacy encoding has almost no valid multi-byte sequence).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid * 4 < valid
}

/// More than one visible character in twenty is a replacement or control character (escape
/// aside: logs coloured with ANSI sequences are text).
fn garbled(text: &str) -> bool {
    let (mut visible, mut bad) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        bad += usize::from(c == char::REPLACEMENT_CHARACTER || (c.is_control() && c != '\u{1b}'));
    }
    bad * 20 > visible
}

/// The text of a Markdown document's first level-1 ATX heading (`# Title`), outside code
/// fences.
pub(super) fn markdown_title(text: &str) -> Option<String> {
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() > 3 {
            continue; // indented code
        }
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") {
            fence = Some("```");
        } else if trimmed.starts_with("~~~") {
            fence = Some("~~~");
        } else if let Some(rest) = trimmed.strip_prefix("# ") {
            let rest = rest.trim();
            // an optional closing sequence: `# Title ##` (but `# C#` keeps its `#`)
            let open = rest.trim_end_matches('#');
            let title = if open.is_empty() || open.ends_with([' ', '\t']) {
                open.trim_end()
            } else {
                rest
            };
            if !title.is_empty() {
                return Some(title.to_string());
            }
        }
    }
    None
}
