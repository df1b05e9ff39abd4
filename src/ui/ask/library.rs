//! The documents panel's state: one row per document — listed, being sent, being indexed,
//! refused — and the work that moves a row along. Each file is sent on its own: a refusal ends
//! in its own row and never stops the others.

mod sending;

use leptos::html;
use leptos::prelude::*;

use super::upload;
use crate::domain::ask::document::{DocumentStatus, DocumentView};
use crate::domain::errors::ErrorCode;
use crate::ui::prefs::Prefs;

/// A document's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The page's own key (a document has no id before the server answers).
    pub key: u64,
    /// The file's name until the server names the document.
    pub name: String,
    pub doc: Option<DocumentView>,
    /// A line about the row's news: "Already in your documents", "sending again in 7 s".
    pub note: Option<String>,
    /// Why it was refused, or why removing it failed: one sentence, shown as an alert.
    pub error: Option<String>,
    /// Being removed: its button waits.
    pub removing: bool,
}

impl Row {
    pub fn title(&self) -> &str {
        self.doc.as_ref().map_or(&self.name, |d| &d.title)
    }
}

#[derive(Clone, Copy)]
pub struct Library {
    rows: RwSignal<Vec<Row>>,
    /// `None` while the list is loading; the reason when it could not be.
    pub loaded: RwSignal<Option<Result<(), String>>>,
    /// What just happened, for the panel's status line ("“x” removed.").
    pub status: RwSignal<String>,
    /// Where the focus goes when a removed row (and its focused button) goes.
    pub heading: NodeRef<html::H2>,
    next_key: StoredValue<u64>,
    /// Event streams open (see `sending::MAX_STREAMS`).
    streams: StoredValue<u32>,
    prefs: Prefs,
}

impl Library {
    pub fn new(prefs: Prefs) -> Self {
        Self {
            rows: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            heading: NodeRef::new(),
            next_key: StoredValue::new(0),
            streams: StoredValue::new(0),
            prefs,
        }
    }

    /// The rows' keys, newest first.
    pub fn keys(&self) -> Vec<u64> {
        self.rows.with(|rows| rows.iter().map(|r| r.key).collect())
    }

    pub fn row(&self, key: u64) -> Option<Row> {
        self.rows
            .with(|rows| rows.iter().find(|r| r.key == key).cloned())
    }

    pub fn is_empty(&self) -> bool {
        self.rows.with(Vec::is_empty)
    }

    /// Loads the list (once the page runs in the browser), then follows the documents still
    /// being indexed.
    pub fn load(self) {
        leptos::task::spawn_local(async move {
            let t = self.prefs.t_untracked();
            match upload::list(t).await {
                Ok(docs) => {
                    let new: Vec<(u64, Option<String>)> = docs
                        .into_iter()
                        .map(|doc| {
                            let follow = working(&doc).then(|| doc.id.clone());
                            (self.push_back(doc), follow)
                        })
                        .collect();
                    let _ = self.loaded.try_set(Some(Ok(())));
                    for (key, id) in new {
                        if let Some(id) = id {
                            leptos::task::spawn_local(self.follow(key, id));
                        }
                    }
                }
                Err(e) => {
                    let _ = self.loaded.try_set(Some(Err(e.error.message)));
                }
            }
        });
    }

    /// A new row key (0 once the page has left: nothing will show it).
    fn new_key(&self) -> u64 {
        self.next_key
            .try_update_value(|k| {
                *k += 1;
                *k
            })
            .unwrap_or(0)
    }

    fn push_back(&self, doc: DocumentView) -> u64 {
        let key = self.new_key();
        let _ = self.rows.try_update(|rows| {
            if !rows
                .iter()
                .any(|r| r.doc.as_ref().is_some_and(|d| d.id == doc.id))
            {
                rows.push(Row::of(key, doc));
            }
        });
        key
    }

    /// A row for something being sent, at the top; its key.
    fn start(&self, name: String) -> u64 {
        let key = self.new_key();
        let row = Row {
            key,
            name,
            doc: None,
            note: None,
            error: None,
            removing: false,
        };
        let _ = self.rows.try_update(|rows| rows.insert(0, row));
        key
    }

    /// Changes row `key`; false when it is gone (removed, or the page left).
    fn edit(&self, key: u64, change: impl FnOnce(&mut Row)) -> bool {
        self.rows
            .try_update(|rows| rows.iter_mut().find(|r| r.key == key).map(change).is_some())
            .unwrap_or(false)
    }

    fn drop_row(&self, key: u64) {
        let _ = self.rows.try_update(|rows| rows.retain(|r| r.key != key));
    }

    /// Removes a document; the focus goes to the panel's heading, and the status says so.
    pub fn remove(self, key: u64) {
        let Some((id, title)) = self.row(key).and_then(|r| {
            let title = r.title().to_string();
            r.doc.map(|d| (d.id, title))
        }) else {
            // a refused file: only its row
            self.drop_row(key);
            self.focus_heading();
            return;
        };
        self.edit(key, |r| {
            r.removing = true;
            r.error = None;
        });
        leptos::task::spawn_local(async move {
            let t = self.prefs.t_untracked();
            match upload::remove(&id, t).await {
                Err(e) if e.error.code != ErrorCode::NotFound => {
                    self.edit(key, |r| {
                        r.removing = false;
                        r.error = Some(e.error.message);
                    });
                }
                // removed, or gone already
                _ => {
                    self.drop_row(key);
                    let _ = self.status.try_set((t.ask.removed)(&title));
                    self.focus_heading();
                }
            }
        });
    }

    fn focus_heading(&self) {
        if let Some(heading) = self.heading.get_untracked() {
            let _ = heading.focus();
        }
    }
}

impl Row {
    fn of(key: u64, doc: DocumentView) -> Self {
        Self {
            key,
            name: doc.title.clone(),
            doc: Some(doc),
            note: None,
            error: None,
            removing: false,
        }
    }
}

fn working(doc: &DocumentView) -> bool {
    doc.status == DocumentStatus::Processing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(status: DocumentStatus) -> DocumentView {
        DocumentView {
            id: "0123456789abcdef0123456789abcdef".into(),
            title: "Handbook".into(),
            format: "text".into(),
            status,
            passages: 10,
            passages_done: 4,
            chars: 100,
            bytes: 100,
            shared: false,
            created_at: "2026-01-01T00:00:00Z".into(),
            error: None,
        }
    }

    #[test]
    fn a_row_is_named_after_its_file_until_the_server_names_it() {
        let mut row = Row {
            key: 1,
            name: "notes.txt".into(),
            doc: None,
            note: None,
            error: None,
            removing: false,
        };
        assert_eq!(row.title(), "notes.txt");
        row.doc = Some(doc(DocumentStatus::Ready));
        assert_eq!(row.title(), "Handbook");
        assert!(working(&doc(DocumentStatus::Processing)));
        assert!(!working(&doc(DocumentStatus::Failed)));
    }
}
