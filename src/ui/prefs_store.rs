//! Where the page's language and theme are kept between visits: the one file to change when
//! they move into the person's settings on the server.
//!
//! Today they live in a cookie, `precis_prefs=lang=fr&theme=dark`, that the browser writes
//! ([`save`]) and the server reads while it renders the page ([`load_prefs`]), so the first
//! HTML already has the right language and colours: no flash of English or of white.
//!
//! To use the settings stored per person (`get_me()` / `save_settings()` in `api::settings`):
//! - [`load_prefs`]: `let me = get_me().await?;` and return
//!   `StoredPrefs { settings: me.settings, browser_lang }` (keep `browser_lang`: it is what an
//!   unset `lang` falls back to);
//! - [`save`]: `spawn_local(async move { let _ = save_settings(settings).await; })` — the page
//!   keeps the whole [`UserSettings`] it loaded, so a save does not drop the default model;
//! - delete the cookie code below. Nothing else changes: [`super::prefs`] only sees these two.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::errors::ErrorResponse;
use crate::domain::settings::{Lang, Theme, UserSettings};

/// The cookie's name.
pub const COOKIE: &str = "precis_prefs";

/// What the page starts from: the person's settings, and the language their browser asks for
/// (`Accept-Language`), which an unset `settings.lang` falls back to (then English).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StoredPrefs {
    pub settings: UserSettings,
    pub browser_lang: Option<Lang>,
}

/// The preferences of the person asking, read from the request. Runs on the server while it
/// renders the page (the result travels to the browser inside the HTML, so hydration sees the
/// same values without asking again).
///
/// The language and theme saved on the server for this person (their account, or their
/// anonymous id) win over the cookie: an account's choice follows it to every browser. The
/// cookie fills what was never saved there.
#[server(prefix = "/api/ui", endpoint = "prefs", output = crate::api::codec::JsonAnswer)]
pub async fn load_prefs() -> Result<StoredPrefs, ErrorResponse> {
    let parts = crate::api::ctx::parts()?;
    let (state, identity) = crate::api::ctx::request()?;
    let mut prefs = from_headers(&parts.headers);
    let saved = state
        .auth
        .settings()
        .get(&identity.user)
        .await
        .map_err(|e| crate::api::ctx::fail(e.into()))?;
    if saved.lang.is_some() {
        prefs.settings.lang = saved.lang;
    }
    if saved.theme != Theme::System {
        prefs.settings.theme = saved.theme;
    }
    prefs.settings.default_model = saved.default_model;
    prefs.settings.default_params = saved.default_params;
    Ok(prefs)
}

/// The cookie's settings and the `Accept-Language` choice, from request headers.
#[cfg(feature = "ssr")]
pub fn from_headers(headers: &axum::http::HeaderMap) -> StoredPrefs {
    use axum::http::header::{ACCEPT_LANGUAGE, COOKIE as COOKIE_HEADER};
    let values = |name| {
        headers
            .get_all(name)
            .into_iter()
            .filter_map(|v| v.to_str().ok())
    };
    let settings = values(COOKIE_HEADER)
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| decode(value))
        .unwrap_or_default();
    let browser_lang = values(ACCEPT_LANGUAGE).find_map(Lang::from_accept_language);
    StoredPrefs {
        settings,
        browser_lang,
    }
}

/// Keeps the settings for the next visit: in the cookie (read before anything else), and in
/// the person's settings on the server (only the language and theme are changed there, so a
/// default model saved meanwhile on another page is kept). Called from event handlers, so only
/// in the browser.
pub fn save(settings: &UserSettings) {
    #[cfg(feature = "hydrate")]
    {
        let (lang, theme) = (settings.lang, settings.theme);
        leptos::task::spawn_local(async move {
            use crate::api::settings::{get_settings, save_settings};
            if let Ok(mut saved) = get_settings().await {
                saved.lang = lang;
                saved.theme = theme;
                let _ = save_settings(saved).await;
            }
        });
    }
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        else {
            return;
        };
        let secure = web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p == "https:");
        // a year; not HttpOnly: it holds nothing secret, and the page writes it
        let cookie = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
            encode(settings),
            if secure { "; Secure" } else { "" }
        );
        let _ = document.set_cookie(&cookie);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = settings;
}

/// `lang=fr&theme=dark` (no `lang` when it follows the browser). Only cookie-safe characters.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // the browser writes the cookie
pub fn encode(settings: &UserSettings) -> String {
    let mut out = Vec::with_capacity(2);
    if let Some(lang) = settings.lang {
        out.push(format!("lang={}", lang.tag()));
    }
    out.push(format!("theme={}", settings.theme.as_str()));
    out.join("&")
}

/// Reads [`encode`]'s format; anything unknown or malformed is left at its default (a cookie
/// is input: an old or edited one must not break the page).
#[cfg_attr(not(feature = "ssr"), allow(dead_code))] // the server reads the cookie
pub fn decode(value: &str) -> UserSettings {
    let mut settings = UserSettings::default();
    for (key, value) in value.split('&').filter_map(|kv| kv.split_once('=')) {
        match key {
            "lang" => settings.lang = Lang::from_tag(value),
            "theme" => {
                if let Some(theme) = Theme::ALL.into_iter().find(|t| t.as_str() == value) {
                    settings.theme = theme;
                }
            }
            _ => {}
        }
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_values_round_trip() {
        for lang in [None, Some(Lang::En), Some(Lang::Fr), Some(Lang::Pt)] {
            for theme in Theme::ALL {
                let s = UserSettings {
                    lang,
                    theme,
                    ..UserSettings::default()
                };
                let value = encode(&s);
                assert!(
                    value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'=' || b == b'&'),
                    "{value}"
                );
                assert_eq!(decode(&value), s, "{value}");
            }
        }
    }

    #[test]
    fn odd_cookies_fall_back_to_defaults() {
        assert_eq!(decode(""), UserSettings::default());
        assert_eq!(decode("lang=de&theme=purple"), UserSettings::default());
        assert_eq!(decode("garbage;=&&="), UserSettings::default());
        let s = decode("theme=dark&lang=pt-BR&extra=1");
        assert_eq!((s.lang, s.theme), (Some(Lang::Pt), Theme::Dark));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_cookie_wins_over_accept_language() {
        use axum::http::{header, HeaderMap, HeaderValue};
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr-FR,fr;q=0.9,en;q=0.8"),
        );
        let p = from_headers(&h);
        assert_eq!(p.browser_lang, Some(Lang::Fr));
        assert_eq!(p.settings, UserSettings::default());

        h.append(
            header::COOKIE,
            HeaderValue::from_static("precis_uid=abc; precis_prefs=lang=pt&theme=dark"),
        );
        let p = from_headers(&h);
        assert_eq!(p.settings.lang, Some(Lang::Pt));
        assert_eq!(p.settings.theme, Theme::Dark);
        assert_eq!(p.browser_lang, Some(Lang::Fr));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn no_headers_no_preferences() {
        let p = from_headers(&axum::http::HeaderMap::new());
        assert_eq!(p, StoredPrefs::default());
    }
}
