//! Events of a streamed summary (`POST /api/v1/summaries/stream`, Server-Sent Events): what the
//! page shows while a summary is being written. Each SSE `data:` line is one JSON event.

use serde::{Deserialize, Serialize};

use super::errors::PublicError;
use super::settings::Lang;
use super::summary::Summary;
use crate::i18n::texts;

/// What the engine is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Stage {
    /// Summarizing part `part` of `of` (long documents are split on sentence boundaries).
    Part { part: u32, of: u32 },
    /// Combining the summaries of `parts` parts into one.
    Combining { parts: u32 },
}

impl Stage {
    /// "Summarizing part 3 of 7…" / "Combining 7 parts…"
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    pub fn describe_in(&self, lang: Lang) -> String {
        let t = texts(lang);
        match *self {
            Stage::Part { part, of } => (t.stage_part)(part, of),
            Stage::Combining { parts } => (t.stage_combining)(parts),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SummaryEvent {
    /// A new stage starts; text streamed after it belongs to it.
    Progress(Stage),
    /// Newly generated text of the current stage (append it).
    Token { text: String },
    /// The finished summary (also recorded in the history). Last event.
    Done { summary: Summary },
    /// What went wrong, as a sentence. Last event.
    Error { error: PublicError },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_have_a_flat_tagged_json_shape() {
        let e = SummaryEvent::Progress(Stage::Part { part: 3, of: 7 });
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"type": "progress", "stage": "part", "part": 3, "of": 7})
        );
        let e = SummaryEvent::Token { text: "Hi".into() };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"type":"token","text":"Hi"}"#
        );
        assert_eq!(
            Stage::Part { part: 3, of: 7 }.describe(),
            "Summarizing part 3 of 7…"
        );
        assert_eq!(
            Stage::Combining { parts: 7 }.describe_in(Lang::Fr),
            "Fusion des 7 parties…"
        );
    }
}
