//! How the page writes the classifier's numbers, in the person's language: confidences as
//! percentages, metrics with their intervals, durations and sizes; and which files the browser
//! can show.

use crate::domain::settings::Lang;
use crate::domain::sort::report::Estimate;
use crate::domain::sort::Label;
use crate::i18n::numbers::{decimal, fixed, integer, percent};
use crate::i18n::Texts;

/// A confidence (0.5 to 1) as a whole percentage; never "100%" short of certainty.
pub fn confidence(lang: Lang, p: f64) -> String {
    let p = if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let shown = if p < 1.0 { p.min(0.99) } else { p };
    percent(lang, shown, 0)
}

/// "Handwritten, 97%".
pub fn verdict(t: &Texts, label: Label, p: f64) -> String {
    (t.sort_page.verdict)(t.sort.label(label), &confidence(t.lang, p))
}

/// A metric and its 95% interval, "0.932 [0.845–0.996]"; the word for undefined when the pages
/// leave it so.
pub fn estimate(t: &Texts, e: Option<&Estimate>) -> String {
    match e {
        Some(e) => (t.sort_page.interval)(
            &fixed(t.lang, e.value, 3),
            &fixed(t.lang, e.low, 3),
            &fixed(t.lang, e.high, 3),
        ),
        None => t.sort_page.undefined.to_string(),
    }
}

/// A metric alone, "0.932" (or undefined).
pub fn value(t: &Texts, e: Option<&Estimate>) -> String {
    e.map_or_else(
        || t.sort_page.undefined.to_string(),
        |e| fixed(t.lang, e.value, 3),
    )
}

pub fn seconds(t: &Texts, s: f64) -> String {
    (t.sort_page.seconds)(&decimal(t.lang, s.max(0.0), 1))
}

pub fn milliseconds(t: &Texts, ms: f64) -> String {
    (t.sort_page.milliseconds)(&decimal(t.lang, ms.max(0.0), 1))
}

/// A size in whole kilobytes (1,024 bytes), at least 1 for anything that is not empty.
pub fn size(t: &Texts, bytes: u64) -> String {
    let kb = bytes.div_ceil(1024);
    (t.sort_page.kilobytes)(&integer(t.lang, kb as usize))
}

/// Whether the browser can show the file as a picture (PNG and JPEG: TIFFs and PDFs get their
/// verdicts page by page). The media type the browser gives first, else the name's ending.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub fn previewable(media_type: &str, name: &str) -> bool {
    let media_type = media_type.trim().to_ascii_lowercase();
    if !media_type.is_empty() {
        return matches!(
            media_type.as_str(),
            "image/png" | "image/jpeg" | "image/jpg"
        );
    }
    let name = name.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg"].iter().any(|e| name.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sort::report::IntervalKind;
    use crate::i18n::texts;

    #[test]
    fn confidences_are_whole_percentages_in_the_language() {
        assert_eq!(confidence(Lang::En, 0.97), "97%");
        assert_eq!(confidence(Lang::Fr, 0.97), "97\u{202f}%");
        assert_eq!(confidence(Lang::Pt, 0.5), "50%");
        // not certain: never written as certain
        assert_eq!(confidence(Lang::En, 0.998), "99%");
        assert_eq!(confidence(Lang::En, 1.0), "100%");
        assert_eq!(confidence(Lang::En, f64::NAN), "50%");
        assert_eq!(
            verdict(texts(Lang::En), Label::Handwritten, 0.97),
            "Handwritten, 97%"
        );
        assert_eq!(
            verdict(texts(Lang::Fr), Label::Typed, 0.8),
            "Dactylographié, 80\u{202f}%"
        );
    }

    #[test]
    fn metrics_carry_their_interval() {
        let e = Estimate {
            value: 0.9321,
            low: 0.845,
            high: 0.9964,
            interval: IntervalKind::ClusterBootstrap,
        };
        assert_eq!(estimate(texts(Lang::En), Some(&e)), "0.932 [0.845–0.996]");
        assert_eq!(estimate(texts(Lang::Fr), Some(&e)), "0,932 [0,845–0,996]");
        assert_eq!(estimate(texts(Lang::En), None), "undefined");
        assert_eq!(value(texts(Lang::Pt), Some(&e)), "0,932");
    }

    #[test]
    fn durations_and_sizes_follow_the_language() {
        let en = texts(Lang::En);
        assert_eq!(seconds(en, 1234.56), "1,234.6 s");
        assert_eq!(milliseconds(texts(Lang::Fr), 12.25), "12,2\u{a0}ms");
        assert_eq!(size(en, 1), "1 KB");
        assert_eq!(size(en, 2_000_000), "1,954 KB");
        assert_eq!(size(en, 0), "0 KB");
    }

    #[test]
    fn only_png_and_jpeg_are_shown() {
        assert!(previewable("image/png", "a.bin"));
        assert!(previewable("image/jpeg", "scan"));
        assert!(!previewable("image/tiff", "scan.png"));
        assert!(!previewable("application/pdf", "scan.pdf"));
        // no type from the browser: the name decides
        assert!(previewable("", "Scan.JPG"));
        assert!(!previewable("", "scan.tif"));
    }
}
