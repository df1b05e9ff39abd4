//! The page's language and theme as reactive state, shared through context: every text reads
//! [`Prefs::t`], so choosing a language re-renders the words in place, without a reload.
//! Where the choices are kept between visits is [`super::prefs_store`]'s business.

use leptos::prelude::*;

use super::prefs_store::{self, StoredPrefs};
use crate::domain::settings::{Lang, Theme, UserSettings};
use crate::i18n::{texts, Texts};

#[derive(Clone, Copy)]
pub struct Prefs {
    /// The settings as loaded, with the choices made since (saved whole, see `prefs_store`).
    settings: RwSignal<UserSettings>,
    /// The language in use: the chosen one, else the browser's, else English.
    lang: Memo<Lang>,
}

impl Prefs {
    pub fn new(stored: StoredPrefs) -> Self {
        let StoredPrefs {
            settings,
            browser_lang,
        } = stored;
        let settings = RwSignal::new(settings);
        let lang = Memo::new(move |_| {
            settings
                .with(|s| s.lang)
                .or(browser_lang)
                .unwrap_or_default()
        });
        Self { settings, lang }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn theme(&self) -> Theme {
        self.settings.with(|s| s.theme)
    }

    /// The texts of the language in use (reactive: read it inside a closure).
    pub fn t(&self) -> &'static Texts {
        texts(self.lang())
    }

    /// The texts of the language in use now, for code that runs later (an answer arriving).
    pub fn t_untracked(&self) -> &'static Texts {
        texts(self.lang.get_untracked())
    }

    /// One text as a reactive view: `{prefs.text(|t| t.summarize)}`.
    pub fn text(
        self,
        pick: fn(&'static Texts) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.t())
    }

    /// The language and theme as chosen (`None`: the browser's language).
    pub fn chosen(&self) -> (Option<Lang>, Theme) {
        self.settings.with(|s| (s.lang, s.theme))
    }

    pub fn set_lang(&self, lang: Lang) {
        self.change(|s| s.lang = Some(lang));
    }

    pub fn set_theme(&self, theme: Theme) {
        self.change(|s| s.theme = theme);
    }

    fn change(&self, edit: impl FnOnce(&mut UserSettings)) {
        self.settings.update(edit);
        self.settings.with_untracked(prefs_store::save);
    }
}

/// The page's preferences; provided by the `Chrome` around every page (`ui/mod.rs`).
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

/// What `<meta name="color-scheme">` says, so that the browser paints its own parts (the
/// canvas before the stylesheet arrives, scroll bars, form controls) in the right colours.
pub fn color_scheme(theme: Theme) -> &'static str {
    match theme {
        Theme::System => "light dark",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}
