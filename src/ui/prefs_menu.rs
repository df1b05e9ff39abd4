//! The language and theme pickers in the top bar: two labelled native selects, so they work
//! with the keyboard and screen readers as any form control does.

use leptos::prelude::*;

use super::prefs::use_prefs;
use crate::domain::settings::{Lang, Theme};

#[component]
pub fn PrefsMenu() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="prefs" role="group" aria-label=prefs.text(|t| t.preferences)>
            <div class="pref">
                <label for="pref-lang">{prefs.text(|t| t.language)}</label>
                <select
                    id="pref-lang"
                    prop:value=move || prefs.lang().tag()
                    on:change=move |ev| {
                        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                            prefs.set_lang(lang);
                        }
                    }
                >
                    // each name in its own language, marked as such for screen readers
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <option value=lang.tag() lang=lang.tag() selected=move || prefs.lang() == lang>
                                    {lang.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="pref">
                <label for="pref-theme">{prefs.text(|t| t.theme)}</label>
                <select
                    id="pref-theme"
                    prop:value=move || prefs.theme().as_str()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(theme) = Theme::ALL.into_iter().find(|t| t.as_str() == value) {
                            prefs.set_theme(theme);
                        }
                    }
                >
                    {Theme::ALL
                        .into_iter()
                        .map(|theme| {
                            view! {
                                <option value=theme.as_str() selected=move || prefs.theme() == theme>
                                    {move || prefs.t().theme_name(theme)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}
