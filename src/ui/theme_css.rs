//! Checks on the stylesheet's two palettes (`style/main.css`): the dark palette written for
//! `data-theme="dark"` and the one for a dark system are the same, and text colours meet WCAG
//! AA contrast (4.5:1) on the backgrounds they are used on, in light and dark alike.

use std::collections::BTreeMap;

const CSS: &str = include_str!("../../style/main.css");

/// The `--name: #rrggbb;` custom properties of the first rule that starts with `selector {`.
fn palette(selector: &str) -> BTreeMap<String, String> {
    let start = CSS
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no rule for {selector}"));
    let body = &CSS[start..];
    let body = &body[..body.find('}').unwrap_or(body.len())];
    body.split(';')
        .filter_map(|decl| {
            let (name, value) = decl.trim().split_once(':')?;
            let value = value.trim();
            (name.starts_with("--") && value.starts_with('#'))
                .then(|| (name.trim().to_string(), value.to_string()))
        })
        .collect()
}

/// WCAG relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    assert_eq!(hex.len(), 6, "{hex}: use #rrggbb");
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex colour")) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// (text colour, background) pairs the stylesheet uses.
const PAIRS: &[(&str, &str)] = &[
    ("--text", "--bg"),
    ("--text", "--panel"),
    ("--text", "--panel-2"),
    ("--text", "--accent-soft"),
    ("--muted", "--bg"),
    ("--muted", "--panel"),
    ("--muted", "--panel-2"),
    ("--muted", "--danger-soft"),
    ("--accent", "--panel"),
    ("--accent", "--bg"),
    ("--accent", "--danger-soft"),
    ("--accent-text", "--accent"),
    ("--danger", "--danger-soft"),
    ("--danger", "--panel"),
    ("--warn", "--warn-soft"),
    // marked words and notices (the Ask page)
    ("--text", "--warn-soft"),
    ("--ok", "--panel"),
    ("--panel", "--danger"),
];

#[test]
fn both_ways_to_dark_use_the_same_palette() {
    let chosen = palette(":root[data-theme=\"dark\"]");
    let system = palette(":root:not([data-theme=\"light\"])");
    assert!(chosen.len() >= 14, "{chosen:?}");
    assert_eq!(chosen, system);
}

#[test]
fn text_meets_aa_contrast_in_both_themes() {
    let light = palette(":root");
    let mut dark = light.clone();
    dark.extend(palette(":root[data-theme=\"dark\"]"));
    for (name, colours) in [("light", &light), ("dark", &dark)] {
        for (fg, bg) in PAIRS {
            let ratio = contrast(&colours[*fg], &colours[*bg]);
            assert!(ratio >= 4.5, "{name}: {fg} on {bg} is {ratio:.2}:1");
        }
    }
}

#[test]
fn contrast_is_computed_as_wcag_does() {
    assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
}
