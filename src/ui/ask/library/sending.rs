//! Sending documents and following their indexing: each file on its own (a refusal ends in its
//! row), a pasted text, then the document's progress until it is ready.

use leptos::prelude::*;

use super::{working, Library};
use crate::domain::ask::document::NewTextDocument;
use crate::domain::errors::{ErrorCode, ErrorResponse};
use crate::ui::ask::upload::{self, Added};
use crate::ui::browser::sleep_ms;

/// Documents followed by an event stream at once; the others are asked about every 500 ms.
/// Each stream holds one of the few connections a browser opens to a server (six over
/// HTTP/1.1): uploads and questions must not wait behind them.
const MAX_STREAMS: u32 = 2;
/// How often a document's progress is asked for when it has no event stream.
const POLL_MS: u32 = 500;
/// Uploads refused for going too fast are sent again this many times, after the wait the
/// server asked for.
#[cfg(feature = "hydrate")]
const RETRIES: u32 = 3;

impl Library {
    /// Sends each file on its own.
    #[cfg(feature = "hydrate")]
    pub fn add_files(self, files: Vec<web_sys::File>) {
        // the first file chosen ends on top
        for file in files.into_iter().rev() {
            let key = self.start(file.name());
            leptos::task::spawn_local(self.send_file(key, file));
        }
    }

    #[cfg(feature = "hydrate")]
    async fn send_file(self, key: u64, file: web_sys::File) {
        let prefs = self.prefs;
        if let Err(e) = crate::domain::ask::document::check_size(file.size() as u64) {
            let message = e.message_in(prefs.t_untracked().lang);
            self.edit(key, |r| r.error = Some(message));
            return;
        }
        let mut tries = 0;
        loop {
            match upload::add_file(&file, prefs.t_untracked()).await {
                Ok(added) => return self.arrived(key, added),
                Err(e) if e.error.code == ErrorCode::RateLimited && tries < RETRIES => {
                    tries += 1;
                    let mut wait = e.error.retry_after.unwrap_or(5).clamp(1, 120);
                    while wait > 0 {
                        let note = (prefs.t_untracked().ask.sending_again_in)(wait);
                        if !self.edit(key, |r| r.note = Some(note)) {
                            return;
                        }
                        sleep_ms(1000).await;
                        wait -= 1;
                    }
                    self.edit(key, |r| r.note = None);
                }
                Err(e) => {
                    self.refuse(key, e);
                    return;
                }
            }
        }
    }

    /// Adds a pasted text; the server's refusal goes back to the form.
    pub async fn add_text(self, doc: NewTextDocument) -> Result<(), ErrorResponse> {
        let added = upload::add_text(&doc, self.prefs.t_untracked()).await?;
        let key = self.start(added.doc.title.clone());
        self.arrived(key, added);
        Ok(())
    }

    #[cfg(feature = "hydrate")]
    fn refuse(&self, key: u64, e: ErrorResponse) {
        self.edit(key, |r| {
            r.note = None;
            r.error = Some(e.error.message);
        });
    }

    /// The server took it: show it (once: a document added again replaces its older row), and
    /// follow its indexing on its own.
    fn arrived(self, key: u64, added: Added) {
        let Added { doc, existing } = added;
        let id = doc.id.clone();
        let follow = working(&doc);
        let note = existing.then(|| self.prefs.t_untracked().ask.already_added.to_string());
        let _ = self.rows.try_update(|rows| {
            rows.retain(|r| r.key == key || r.doc.as_ref().is_none_or(|d| d.id != id));
        });
        self.edit(key, |r| {
            r.doc = Some(doc);
            r.note = note;
        });
        if follow {
            leptos::task::spawn_local(self.follow(key, id));
        }
    }

    /// Keeps row `key` up to date until its document is indexed (or failed, or removed): its
    /// event stream when fewer than [`MAX_STREAMS`] are open, else (or when the stream broke)
    /// asking every 500 ms.
    pub(super) async fn follow(self, key: u64, id: String) {
        let mut finished = false;
        let mut gone = false;
        let stream = self.streams.try_update_value(|open| {
            let free = *open < MAX_STREAMS;
            if free {
                *open += 1;
            }
            free
        });
        if stream == Some(true) {
            let _ = upload::follow(&id, |doc| {
                finished = !working(&doc);
                gone = !self.edit(key, |r| r.doc = Some(doc));
                !finished && !gone
            })
            .await;
            self.streams
                .try_update_value(|open| *open = open.saturating_sub(1));
        }
        while !finished && !gone {
            sleep_ms(POLL_MS).await;
            if self.rows.try_with_untracked(|_| ()).is_none() {
                return; // the page left
            }
            match upload::one(&id, self.prefs.t_untracked()).await {
                Ok(doc) => {
                    finished = !working(&doc);
                    gone = !self.edit(key, |r| r.doc = Some(doc));
                }
                // removed meanwhile (from another tab, or by a script)
                Err(e) if e.error.code == ErrorCode::NotFound => {
                    self.drop_row(key);
                    return;
                }
                // the server is restarting, the connection dropped: ask again
                Err(_) => {}
            }
        }
    }
}
