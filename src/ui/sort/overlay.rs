//! The picture of a page with the tiles its verdict came from drawn over it: an SVG laid on the
//! image, in the page's own pixels (`viewBox` = the page's width × height as classified), so that
//! the browser scales the squares with the picture at any size. Each square is coloured by the
//! answering model's probability that it is handwriting; a legend and a sentence (how many
//! squares, how many look handwritten) say the same in words.

use leptos::prelude::*;

use crate::domain::sort::prediction::{PagePrediction, Tile};
use crate::domain::sort::THRESHOLD;
use crate::ui::prefs::use_prefs;

/// Which way a tile leans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Handwritten,
    Typed,
}

impl Look {
    fn class(self) -> &'static str {
        match self {
            Look::Handwritten => "tile-hand",
            Look::Typed => "tile-typed",
        }
    }
}

/// A tile as drawn: its square inside the page, which way it leans, and how surely (0 to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    pub look: Look,
    pub strength: f64,
}

impl Mark {
    /// Fill opacity: from a faint 0.15 (a coin toss) to 0.55 (certain), so the writing under
    /// it stays legible.
    pub fn opacity(&self) -> f64 {
        0.15 + 0.4 * self.strength
    }
}

/// The tiles as squares of a `width` × `height` page: clipped to the page, those wholly outside
/// it (or of no size) left out.
pub fn marks(tiles: &[Tile], width: u32, height: u32) -> Vec<Mark> {
    tiles
        .iter()
        .filter_map(|t| {
            let right = t.x.saturating_add(t.side).min(width);
            let bottom = t.y.saturating_add(t.side).min(height);
            if right <= t.x || bottom <= t.y {
                return None;
            }
            let p = if t.probability_handwritten.is_finite() {
                t.probability_handwritten.clamp(0.0, 1.0)
            } else {
                THRESHOLD
            };
            Some(Mark {
                x: t.x,
                y: t.y,
                width: right - t.x,
                height: bottom - t.y,
                look: if p >= THRESHOLD {
                    Look::Handwritten
                } else {
                    Look::Typed
                },
                strength: ((p - 0.5).abs() * 2.0).min(1.0),
            })
        })
        .collect()
}

/// The overlay's coordinate system: the page's pixels.
pub fn view_box(width: u32, height: u32) -> String {
    format!("0 0 {} {}", width.max(1), height.max(1))
}

/// (squares, of which lean handwritten, lean typed)
pub fn counts(marks: &[Mark]) -> (usize, usize, usize) {
    let hand = marks.iter().filter(|m| m.look == Look::Handwritten).count();
    (marks.len(), hand, marks.len() - hand)
}

/// The picture (an object URL of the file picked) with its page's tiles over it, the legend and
/// the sentence that tells them.
#[component]
pub fn PagePicture(src: String, name: String, page: PagePrediction) -> impl IntoView {
    let prefs = use_prefs();
    let marks = marks(&page.tiles, page.width, page.height);
    let (tiles, hand, typed) = counts(&marks);
    let squares = marks
        .iter()
        .map(|m| {
            view! {
                <rect
                    class=m.look.class()
                    x=m.x
                    y=m.y
                    width=m.width
                    height=m.height
                    fill-opacity=format!("{:.2}", m.opacity())
                ></rect>
            }
        })
        .collect_view();
    let alt = move || (prefs.t().sort_page.image_alt)(&name);
    view! {
        <figure class="sort-picture">
            <div class="sort-picture-frame">
                <img src=src alt=alt/>
                <svg
                    class="sort-overlay"
                    viewBox=view_box(page.width, page.height)
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                >
                    {squares}
                </svg>
            </div>
            <figcaption>
                <p>{move || (prefs.t().sort_page.tiles_summary)(tiles, hand, typed)}</p>
                <Legend/>
            </figcaption>
        </figure>
    }
}

/// What the colours mean.
#[component]
fn Legend() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <p class="sort-legend">
            <span class="legend-title">{prefs.text(|t| t.sort_page.legend)}</span>
            <span class="legend-item">
                <span class="swatch tile-hand" aria-hidden="true"></span>
                {prefs.text(|t| t.sort_page.legend_handwritten)}
            </span>
            <span class="legend-item">
                <span class="swatch tile-typed" aria-hidden="true"></span>
                {prefs.text(|t| t.sort_page.legend_typed)}
            </span>
            <span class="legend-note">{prefs.text(|t| t.sort_page.legend_strength)}</span>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tile(x: u32, y: u32, side: u32, p: f64) -> Tile {
        Tile {
            x,
            y,
            side,
            probability_handwritten: p,
        }
    }

    #[test]
    fn tiles_are_squares_of_the_page_coloured_by_their_lean() {
        let m = marks(&[tile(96, 180, 152, 0.95), tile(0, 0, 64, 0.1)], 1240, 1754);
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].x, m[0].y, m[0].width, m[0].height),
            (96, 180, 152, 152)
        );
        assert_eq!(m[0].look, Look::Handwritten);
        assert!((m[0].strength - 0.9).abs() < 1e-9);
        assert_eq!(m[1].look, Look::Typed);
        assert!((m[1].strength - 0.8).abs() < 1e-9);
        // a coin toss is faint, a sure tile stronger, both see-through
        let faint = Mark {
            strength: 0.0,
            ..m[0].clone()
        };
        assert!(faint.opacity() < m[0].opacity() && m[0].opacity() < 0.6);
        assert_eq!(counts(&m), (2, 1, 1));
    }

    #[test]
    fn tiles_stay_inside_the_page() {
        // over the edge: cut; outside or empty: left out; bad numbers: a coin toss
        let m = marks(
            &[
                tile(90, 50, 64, 0.7),
                tile(100, 0, 64, 0.7),
                tile(0, 0, 0, 0.7),
                tile(u32::MAX, 0, 64, 0.7),
                tile(0, 0, 10, f64::NAN),
            ],
            100,
            80,
        );
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].width, m[0].height), (10, 30));
        assert_eq!(m[1].look, Look::Handwritten);
        assert_eq!(m[1].strength, 0.0);
    }

    #[test]
    fn the_overlay_is_drawn_in_the_pages_pixels() {
        assert_eq!(view_box(1240, 1754), "0 0 1240 1754");
        assert_eq!(view_box(0, 0), "0 0 1 1");
    }
}
