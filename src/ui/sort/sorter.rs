//! The files being classified: one card per file — being sent, judged, or refused — and the
//! work that moves a card along. Each file is sent on its own: a refusal ends in its own card
//! and never stops the others.

use leptos::prelude::*;

use crate::domain::sort::prediction::Prediction;
use crate::ui::prefs::Prefs;

/// Where a card is (only the browser sends files: on the server there are no cards).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Sending,
    Judged(Box<Prediction>),
    /// Why it was refused: one sentence, in the person's language.
    Refused(String),
}

/// A file's card.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The page's own key.
    pub key: u64,
    pub name: String,
    /// An object URL of the file, when the browser can show it (PNG, JPEG).
    pub preview: Option<String>,
    pub outcome: Outcome,
}

#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub struct Sorter {
    cards: RwSignal<Vec<Card>>,
    /// The model chosen to give the verdicts ("" = the server's default).
    pub model: RwSignal<String>,
    next_key: StoredValue<u64>,
    prefs: Prefs,
}

impl Sorter {
    pub fn new(prefs: Prefs) -> Self {
        Self {
            cards: RwSignal::new(Vec::new()),
            model: RwSignal::new(String::new()),
            next_key: StoredValue::new(0),
            prefs,
        }
    }

    /// The cards' keys, newest first.
    pub fn keys(&self) -> Vec<u64> {
        self.cards.with(|c| c.iter().map(|c| c.key).collect())
    }

    pub fn card(&self, key: u64) -> Option<Card> {
        self.cards
            .with(|c| c.iter().find(|c| c.key == key).cloned())
    }

    pub fn is_empty(&self) -> bool {
        self.cards.with(Vec::is_empty)
    }

    /// Changes card `key`; false when it is gone (the page left).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn edit(&self, key: u64, change: impl FnOnce(&mut Card)) -> bool {
        self.cards
            .try_update(|c| c.iter_mut().find(|c| c.key == key).map(change).is_some())
            .unwrap_or(false)
    }

    /// The object URLs made for the cards' pictures (to be let go when the page is left).
    pub fn previews(&self) -> Vec<String> {
        self.cards
            .try_with_untracked(|c| c.iter().filter_map(|c| c.preview.clone()).collect())
            .unwrap_or_default()
    }
}

#[cfg(feature = "hydrate")]
impl Sorter {
    /// Sends each file on its own; their cards go on top, in the order chosen.
    pub fn classify(self, files: Vec<web_sys::File>) {
        let mut started = Vec::new();
        for file in files {
            let key = self
                .next_key
                .try_update_value(|k| {
                    *k += 1;
                    *k
                })
                .unwrap_or(0);
            let name = file.name();
            let preview = super::format::previewable(&file.type_(), &name)
                .then(|| web_sys::Url::create_object_url_with_blob(&file).ok())
                .flatten();
            started.push((
                Card {
                    key,
                    name,
                    preview,
                    outcome: Outcome::Sending,
                },
                file,
            ));
        }
        let _ = self.cards.try_update(|cards| {
            let new: Vec<Card> = started.iter().map(|(c, _)| c.clone()).collect();
            cards.splice(0..0, new);
        });
        for (card, file) in started {
            leptos::task::spawn_local(self.send(card.key, file));
        }
    }

    async fn send(self, key: u64, file: web_sys::File) {
        use crate::domain::sort::{fits, MAX_UPLOAD_BYTES};
        use crate::i18n::numbers::decimal;

        let t = self.prefs.t_untracked();
        let bytes = file.size() as u64;
        if !fits(bytes) {
            let mb = |b: u64| decimal(t.lang, b as f64 / (1024.0 * 1024.0), 1);
            let message = (t.sort.file_too_large)(Some(&mb(bytes)), &mb(MAX_UPLOAD_BYTES));
            self.edit(key, |c| c.outcome = Outcome::Refused(message));
            return;
        }
        let model = self.model.get_untracked();
        let model = (!model.is_empty()).then_some(model);
        let outcome = match super::api::predict(&file, model.as_deref(), t).await {
            Ok(prediction) => Outcome::Judged(Box::new(prediction)),
            Err(e) => Outcome::Refused(e.error.message),
        };
        self.edit(key, |c| c.outcome = outcome);
    }
}

/// Lets the pictures' object URLs go.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
pub fn revoke(urls: Vec<String>) {
    #[cfg(feature = "hydrate")]
    for url in urls {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}
