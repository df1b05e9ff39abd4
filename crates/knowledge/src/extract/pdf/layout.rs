//! The characters pdf-extract places on a page, to lines and paragraphs.
//!
//! pdf-extract's own plain-text output writes a blank line wherever lines are more than 1.5
//! glyphs apart, so text set with loose leading comes out as one paragraph per line. Here each
//! page's lines are kept with their positions, and a paragraph break is a gap clearly larger
//! than the page's usual line spacing (or a change of font size, as around a heading).

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A gap between lines this much larger than the page's median line gap ends a paragraph.
const PARAGRAPH_GAP: f64 = 1.3;
/// Lines whose font sizes differ by more than this ratio are in different paragraphs.
const SIZE_CHANGE: f64 = 1.15;

struct Line {
    /// Baseline, from the top of the page.
    y: f64,
    /// The largest font size on the line.
    size: f64,
    text: String,
}

/// An [`OutputDev`] that collects each page's text, lines separated by `\n` and paragraphs by
/// a blank line.
#[derive(Default)]
pub(super) struct Layout {
    pages: Vec<String>,
    lines: Vec<Line>,
    page_height: f64,
    /// Where the last character ended (x) and its baseline (y).
    last_end: f64,
    last_y: f64,
    word_start: bool,
}

impl Layout {
    /// The text of the pages laid out so far, in order.
    pub(super) fn into_pages(self) -> Vec<String> {
        self.pages
    }
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.lines.clear();
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let lines = std::mem::take(&mut self.lines);
        self.pages.push(page_text(&lines));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        // the font size in device space: the side of the square of the same area as the
        // transformed glyph box (as pdf-extract does)
        let (vx, vy) = (
            font_size * (trm.m11 + trm.m21),
            font_size * (trm.m12 + trm.m22),
        );
        let size = match (vx * vy).abs().sqrt() {
            s if s.is_finite() && s > 0.0 => s,
            _ => font_size.abs().max(1.0),
        };
        if self.lines.is_empty() || (self.word_start && new_line(x, y, size, self)) {
            self.lines.push(Line {
                y,
                size,
                text: String::new(),
            });
        }
        let space = self.word_start && x > self.last_end + size * 0.1;
        let Some(line) = self.lines.last_mut() else {
            return Ok(()); // one was just pushed if there was none
        };
        if space && !line.text.is_empty() {
            line.text.push(' ');
        }
        line.text.push_str(char);
        line.size = line.size.max(size);
        self.word_start = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A word at (x, y) starts a new line: far above or below the last character, or somewhat
/// below and back to the left (pdf-extract's rules).
fn new_line(x: f64, y: f64, size: f64, layout: &Layout) -> bool {
    let dy = (y - layout.last_y).abs();
    dy > size * 1.5 || (x < layout.last_end && dy > size * 0.5)
}

/// A page's lines joined: `\n` within a paragraph, a blank line between paragraphs.
fn page_text(lines: &[Line]) -> String {
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .map(|pair| pair[1].y - pair[0].y)
        .filter(|gap| *gap > 0.0)
        .collect();
    gaps.sort_by(f64::total_cmp);
    // the lower median: on a page of two-line paragraphs, half the gaps are paragraph gaps
    let usual = gaps.get(gaps.len().saturating_sub(1) / 2).copied();
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        let words = line.text.trim();
        if words.is_empty() {
            continue;
        }
        if let Some(before) = i.checked_sub(1).and_then(|j| lines.get(j)) {
            let gap = line.y - before.y;
            let ratio =
                line.size.max(before.size) / line.size.min(before.size).max(f64::MIN_POSITIVE);
            let paragraph = gap <= 0.0
                || usual.is_some_and(|usual| gap > usual * PARAGRAPH_GAP)
                || ratio > SIZE_CHANGE;
            text.push_str(if paragraph { "\n\n" } else { "\n" });
        }
        text.push_str(words);
    }
    text
}
