//! The summarize flow: the draft shown while a summary streams in, and the retry that waits
//! out a model warming up on HuggingFace.

use leptos::prelude::*;

use super::Phase;
use crate::domain::errors::{ErrorCode, ErrorResponse, PublicError};
use crate::domain::stream::{Stage, SummaryEvent};
use crate::domain::summary::{SummarizeRequest, Summary};
use crate::i18n::Texts;
use crate::ui::browser::{fetch_error, post_event_stream, sleep_ms, FetchError};

/// Where the page streams summaries from. `loading=report`: a model warming up on HuggingFace
/// ends the stream with a `model_loading` error, and the page counts down and retries itself.
const STREAM_URL: &str = "/api/v1/summaries/stream?loading=report";

/// The summary being written, shown as a draft turn while its text streams in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The text being summarized.
    pub source: String,
    pub model: String,
    /// What has been written so far.
    pub output: String,
    /// What the engine is doing, when it works in parts.
    pub stage: Option<Stage>,
}

impl Draft {
    fn apply(&mut self, event: &SummaryEvent) {
        match event {
            SummaryEvent::Progress(stage) => {
                match stage {
                    // the combined summary replaces the parts' summaries
                    Stage::Combining { .. } => self.output.clear(),
                    Stage::Part { .. } if !self.output.trim().is_empty() => {
                        self.output.push_str("\n\n")
                    }
                    Stage::Part { .. } => self.output.clear(),
                }
                self.stage = Some(*stage);
            }
            SummaryEvent::Token { text } => self.output.push_str(text),
            SummaryEvent::Done { .. } | SummaryEvent::Error { .. } => {}
        }
    }
}

/// Streams the summary; if the model is warming up on HuggingFace, counts down its estimate
/// while asking once more with `wait_for_model`, which holds the request until the model is
/// ready.
///
/// Lazy: in a chunk of its own (with the stream's reader and the events' types), out of the
/// studio's first download. The studio starts loading it once hydrated ([`preload`]), so a
/// first Summarize rarely waits for it.
#[lazy]
pub(super) async fn summarize_with_warmup(
    request: SummarizeRequest,
    phase: RwSignal<Phase>,
    draft: RwSignal<Option<Draft>>,
    texts: &'static Texts,
) -> Result<Summary, ErrorResponse> {
    match stream_summary(&request, phase, draft, texts).await {
        Err(e) if e.error.code == ErrorCode::ModelLoading && !request.parameters.wait_for_model => {
            let remaining = e.error.retry_after.unwrap_or(20);
            phase.set(Phase::WarmingUp { remaining });
            draft.update(|d| {
                if let Some(d) = d {
                    d.output.clear();
                    d.stage = None;
                }
            });
            let mut retry = request;
            retry.parameters.wait_for_model = true;
            let countdown = async move {
                loop {
                    sleep_ms(1000).await;
                    phase.update(|p| {
                        if let Phase::WarmingUp { remaining } = p {
                            *remaining = remaining.saturating_sub(1);
                        }
                    });
                }
            };
            let retry = stream_summary(&retry, phase, draft, texts);
            futures::pin_mut!(retry, countdown);
            match futures::future::select(retry, countdown).await {
                futures::future::Either::Left((result, _)) => result,
                futures::future::Either::Right(((), retry)) => retry.await,
            }
        }
        other => other,
    }
}

/// Starts loading [`summarize_with_warmup`]'s chunk, once the page answers input: after the
/// first download, not in its way.
pub(super) fn preload() {
    let _loaded = lazy_preload!(summarize_with_warmup);
}

/// One streamed request: shows progress and text in the draft as events arrive; the finished
/// summary, or what went wrong.
async fn stream_summary(
    request: &SummarizeRequest,
    phase: RwSignal<Phase>,
    draft: RwSignal<Option<Draft>>,
    texts: &'static Texts,
) -> Result<Summary, ErrorResponse> {
    let body = serde_json::to_string(request).map_err(|_| {
        ErrorResponse::from(PublicError::new(
            ErrorCode::InvalidRequest,
            texts.request_unprepared,
        ))
    })?;
    let mut outcome = None;
    let streamed = post_event_stream(STREAM_URL, &body, |data| {
        // Events this page does not know (a newer server) are skipped.
        let Ok(event) = serde_json::from_str::<SummaryEvent>(data) else {
            return true;
        };
        match event {
            SummaryEvent::Done { summary } => outcome = Some(Ok(summary)),
            SummaryEvent::Error { error } => outcome = Some(Err(error.into())),
            event => {
                // the model answers: a warm-up countdown is over
                if matches!(phase.get_untracked(), Phase::WarmingUp { .. }) {
                    phase.set(Phase::Working);
                }
                draft.update(|d| {
                    if let Some(d) = d {
                        d.apply(&event);
                    }
                });
            }
        }
        outcome.is_none()
    })
    .await;
    match (outcome, streamed) {
        (Some(outcome), _) => outcome,
        (None, Err(e)) => Err(fetch_error(e, texts)),
        (None, Ok(())) => Err(fetch_error(FetchError::Interrupted, texts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_accumulate_and_combining_replaces_them() {
        let mut d = Draft::default();
        let token = |t: &str| SummaryEvent::Token { text: t.into() };
        d.apply(&SummaryEvent::Progress(Stage::Part { part: 1, of: 2 }));
        d.apply(&token("One."));
        d.apply(&SummaryEvent::Progress(Stage::Part { part: 2, of: 2 }));
        d.apply(&token("Two"));
        d.apply(&token("."));
        assert_eq!(d.output, "One.\n\nTwo.");
        assert_eq!(d.stage, Some(Stage::Part { part: 2, of: 2 }));
        d.apply(&SummaryEvent::Progress(Stage::Combining { parts: 2 }));
        assert_eq!(d.output, "");
        d.apply(&token("Both."));
        assert_eq!(d.output, "Both.");
    }

    #[test]
    fn server_events_parse() {
        let parse = |s: &str| serde_json::from_str::<SummaryEvent>(s).unwrap();
        assert_eq!(
            parse(r#"{"type":"progress","stage":"part","part":3,"of":7}"#),
            SummaryEvent::Progress(Stage::Part { part: 3, of: 7 })
        );
        assert_eq!(
            parse(r#"{"type":"progress","stage":"combining","parts":7}"#),
            SummaryEvent::Progress(Stage::Combining { parts: 7 })
        );
        assert_eq!(
            parse(r#"{"type":"token","text":" the"}"#),
            SummaryEvent::Token {
                text: " the".into()
            }
        );
        let e = parse(
            r#"{"type":"error","error":{"code":"model_loading","message":"Warming up.","retry_after":20}}"#,
        );
        assert!(matches!(e, SummaryEvent::Error { error } if error.retry_after == Some(20)));
    }
}
