//! A document's row: its title (and "Shared library"), a progress bar while it is read and
//! indexed, then its size; why it was refused, as one alert; Remove.

use leptos::prelude::*;

use super::library::{Library, Row};
use crate::domain::ask::document::DocumentStatus;
use crate::ui::prefs::use_prefs;

/// Where a row is; its view changes only when this does (progress updates only numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Sending,
    Indexing,
    Ready,
    /// Refused, or its indexing failed.
    Failed,
}

impl Phase {
    fn of(row: &Row) -> Self {
        match (&row.doc, &row.error) {
            (None, None) => Self::Sending,
            (None, Some(_)) => Self::Failed,
            (Some(d), _) => match d.status {
                DocumentStatus::Processing => Self::Indexing,
                DocumentStatus::Ready => Self::Ready,
                DocumentStatus::Failed => Self::Failed,
            },
        }
    }
}

#[component]
pub fn DocumentRow(library: Library, key: u64) -> impl IntoView {
    let prefs = use_prefs();
    let row = Memo::new(move |_| library.row(key));
    let read = move |f: fn(&Row) -> Option<String>| move || row.with(|r| r.as_ref().and_then(f));
    let title = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| r.title().to_string())
                .unwrap_or_default()
        })
    };
    let phase = Memo::new(move |_| row.with(|r| r.as_ref().map_or(Phase::Failed, Phase::of)));
    let counts = move || {
        row.with(|r| {
            r.as_ref()
                .and_then(|r| r.doc.as_ref())
                .map_or((0, 0, 0), |d| {
                    (d.passages_done.min(d.passages), d.passages, d.chars)
                })
        })
    };
    let shared = move || {
        row.with(|r| {
            r.as_ref()
                .and_then(|r| r.doc.as_ref())
                .is_some_and(|d| d.shared)
        })
    };
    let removable = move || !shared() && phase.get() != Phase::Sending;
    let removing = move || row.with(|r| r.as_ref().is_some_and(|r| r.removing));
    // one sentence: why it was refused, why removing failed, or why indexing stopped
    let problem = move || {
        row.with(|r| {
            let r = r.as_ref()?;
            r.error.clone().or_else(|| {
                let d = r
                    .doc
                    .as_ref()
                    .filter(|d| d.status == DocumentStatus::Failed)?;
                Some(d.error.as_ref().map_or_else(
                    || prefs.t().ask.indexing_failed.to_string(),
                    |e| e.message.clone(),
                ))
            })
        })
    };
    let progress_label = move || (prefs.t().ask.indexing_label)(&title());
    let body = move || match phase.get() {
        Phase::Sending => view! {
            <progress aria-label=progress_label></progress>
            <p class="document-line">{move || prefs.t().ask.sending}</p>
        }
        .into_any(),
        Phase::Indexing => view! {
            <progress
                aria-label=progress_label
                max=move || counts().1.max(1)
                value=move || counts().0
            ></progress>
            <p class="document-line">
                {move || {
                    let (done, total, _) = counts();
                    (prefs.t().ask.indexing)(done, total)
                }}
            </p>
        }
        .into_any(),
        Phase::Ready => view! {
            <p class="document-line">
                {move || {
                    let (_, passages, chars) = counts();
                    (prefs.t().ask.document_size)(passages, chars as usize)
                }}
            </p>
        }
        .into_any(),
        Phase::Failed => ().into_any(),
    };
    view! {
        <li class="document" class:failed=move || phase.get() == Phase::Failed>
            <div class="document-head">
                <span class="document-title">{title}</span>
                <Show when=shared>
                    <span class="badge">{prefs.text(|t| t.ask.shared_library)}</span>
                </Show>
                <Show when=removable>
                    <button
                        type="button"
                        class="ghost small"
                        aria-label=move || (prefs.t().ask.remove_label)(&title())
                        disabled=removing
                        on:click=move |_| library.remove(key)
                    >
                        {prefs.text(|t| t.ask.remove)}
                    </button>
                </Show>
            </div>
            {body}
            <p class="document-note">{read(|r| r.note.clone())}</p>
            <div class="alert-slot" role="alert">
                {move || problem().map(|m| view! { <p class="alert">{m}</p> })}
            </div>
        </li>
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ask::document::DocumentView;

    fn row(doc: Option<DocumentStatus>, error: Option<&str>) -> Row {
        Row {
            key: 1,
            name: "notes.txt".into(),
            doc: doc.map(|status| DocumentView {
                id: "0123456789abcdef0123456789abcdef".into(),
                title: "Notes".into(),
                format: "text".into(),
                status,
                passages: 3,
                passages_done: 1,
                chars: 10,
                bytes: 10,
                shared: false,
                created_at: "2026-01-01T00:00:00Z".into(),
                error: None,
            }),
            note: None,
            error: error.map(str::to_string),
            removing: false,
        }
    }

    #[test]
    fn a_row_is_sent_then_indexed_then_ready_or_failed() {
        assert_eq!(Phase::of(&row(None, None)), Phase::Sending);
        assert_eq!(Phase::of(&row(None, Some("No."))), Phase::Failed);
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Processing), None)),
            Phase::Indexing
        );
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Ready), None)),
            Phase::Ready
        );
        // removing it failed: still ready, the alert says why
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Ready), Some("No."))),
            Phase::Ready
        );
        assert_eq!(
            Phase::of(&row(Some(DocumentStatus::Failed), None)),
            Phase::Failed
        );
    }
}
