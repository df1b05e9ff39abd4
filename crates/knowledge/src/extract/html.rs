//! HTML: the page's main content (Readability), as plain text with paragraph breaks.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::{text, ExtractError};

/// Elements whose text is never content, removed when the whole body is read.
const NOT_CONTENT: &str =
    "head, script, style, noscript, template, nav, footer, aside, svg, iframe, object, embed";

/// The page's text (blank lines between blocks, headings on their own lines) and its title.
pub(super) fn extract(bytes: &[u8]) -> Result<(String, Option<String>), ExtractError> {
    let html = text::decode_declared(bytes, meta_charset(bytes))?;
    let document = Document::from(html.as_str());
    let title = title(&document);
    // dom_smoothie is not known to panic, but a page is untrusted input: fall back, don't crash
    let article = catch_unwind(AssertUnwindSafe(|| readable_text(&html))).unwrap_or_else(|_| {
        tracing::warn!("Readability panicked on a page; reading its whole body instead");
        None
    });
    let text = match article {
        Some(text) => text,
        None => body_text(&document),
    };
    Ok((text, title))
}

/// The article Readability finds, if the page looks like one (Readability's own test: enough
/// long paragraphs; on short pages it keeps menus) and the article has a letter in it.
fn readable_text(html: &str) -> Option<String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config)).ok()?;
    if !readability.is_probably_readable() {
        return None;
    }
    let article = readability.parse().ok()?;
    let text = article.text_content.to_string();
    text.chars().any(char::is_alphabetic).then_some(text)
}

/// The whole body's text, without scripts, styles, navigation, asides and footers.
fn body_text(document: &Document) -> String {
    document.select(NOT_CONTENT).remove();
    let body = document.select("body");
    if body.exists() {
        body.formatted_text().to_string()
    } else {
        document.formatted_text().to_string()
    }
}

/// `<title>`, else the first `<h1>`.
fn title(document: &Document) -> Option<String> {
    ["title", "h1"].iter().find_map(|selector| {
        let text = document.select(selector).first().text();
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    })
}

/// The encoding a page declares in its first KB (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`). A declared UTF-16 means
/// UTF-8, as browsers read it (the declaration itself was read as ASCII).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let at = head.windows(7).position(|w| w == b"charset")?;
    let rest = &head[at + 7..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(&rest[..end])?;
    if encoding == UTF_16LE || encoding == UTF_16BE {
        Some(UTF_8)
    } else {
        Some(encoding)
    }
}
