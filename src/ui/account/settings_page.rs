//! `/settings`: the model and parameters the studio starts with, edited with the studio's own
//! controls and rules (`ui::settings`, `ui::state`), saved per person (anonymous visitors too).

use std::future::IntoFuture;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::alert::AlertSlot;
use leptos_meta::Title;

use super::page_title;
use crate::api::catalog::get_catalog;
use crate::api::settings::{get_settings, SaveSettings};
use crate::domain::models::Catalog;
use crate::domain::settings::UserSettings;
use crate::ui::prefs::use_prefs;
use crate::ui::session::use_session;
use crate::ui::settings::StudioControls;
use crate::ui::state::Studio;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let prefs = use_prefs();
    let catalog = Resource::new(|| (), |_| get_catalog(None));
    // What was saved, as saved: `Me.settings` fills the language in from the browser's.
    let saved = Resource::new(|| (), |_| get_settings());
    view! {
        <Title text=page_title(|t| t.settings)/>
        <main id="main" class="page">
            <h2 class="page-title">{prefs.text(|t| t.settings)}</h2>
            <Suspense fallback=move || {
                view! {
                    <p class="loading" role="status">{prefs.text(|t| t.account.loading_settings)}</p>
                }
            }>
                {move || Suspend::new(async move {
                    // both at once (see studio.rs)
                    match futures::join!(catalog.into_future(), saved.into_future()) {
                        (Ok(catalog), Ok(saved)) => view! { <SettingsForm catalog saved/> }.into_any(),
                        (Err(e), _) | (_, Err(e)) => {
                            view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn SettingsForm(catalog: Catalog, saved: UserSettings) -> impl IntoView {
    let session = use_session();
    let prefs = use_prefs();
    // The controls work on a studio of their own, showing the saved defaults; its Reset gives
    // the built-in ones.
    let studio = Studio::new(catalog, prefs);
    studio.show(&saved);
    provide_context(studio);
    // Language and theme are kept as saved (their pickers edit these).
    let settings = RwSignal::new(saved);
    let save = ServerAction::<SaveSettings>::new();
    // A rule broken by what is about to be saved (the server checks the same).
    let refused = RwSignal::new(None::<String>);
    Effect::watch(
        move || {
            (
                studio.params.track(),
                studio.choice.track(),
                studio.custom_model.track(),
            )
        },
        move |_, _, _| refused.set(None),
        false,
    );
    let failure = move || {
        refused.get().or_else(|| {
            save.value().with(|v| match v {
                Some(Err(e)) => Some(e.error.message.clone()),
                _ => None,
            })
        })
    };
    // "Saved" while what the controls show is what was saved.
    let saved_now = move || {
        save.value().with(|v| match v {
            Some(Ok(s)) => {
                s.default_model.as_deref() == Some(studio.model_id().as_str())
                    && s.default_params == Some(studio.params.get())
            }
            _ => false,
        })
    };
    Effect::watch(
        move || save.version().get(),
        move |_, _, _| {
            if let Some(Ok(s)) = save.value().get_untracked() {
                settings.set(s);
                // the studio starts from the new defaults
                session.refresh();
            }
        },
        false,
    );
    let pending = save.pending();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let problem = studio
            .problems()
            .into_iter()
            .next()
            .map(|p| p.message_in(prefs.t_untracked().lang))
            .or_else(|| studio.seed_problem())
            .or_else(|| {
                studio
                    .model_problem()
                    .map(|p| p.message_in(prefs.t_untracked().lang))
            });
        if let Some(problem) = problem {
            refused.set(Some(problem));
            return;
        }
        refused.set(None);
        let mut next = settings.get_untracked();
        next.default_model = Some(studio.model_id());
        next.default_params = Some(studio.params.get_untracked());
        save.dispatch(SaveSettings { settings: next });
    };
    view! {
        <form class="settings-form" novalidate on:submit=submit>
            <LanguageAndTheme settings/>
            <section class="card" aria-labelledby="defaults-title">
                <h3 id="defaults-title">{prefs.text(|t| t.account.studio_defaults)}</h3>
                <p class="hint">{prefs.text(|t| t.account.studio_defaults_hint)}</p>
                <div class="defaults">
                    <StudioControls/>
                </div>
            </section>
            <AlertSlot message=Signal::derive(failure)/>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {prefs.text(|t| t.account.save_settings)}
                </button>
                <p class="status" role="status">
                    {move || {
                        let t = prefs.t();
                        if pending.get() {
                            Some(t.account.saving)
                        } else if saved_now() {
                            Some(t.account.saved)
                        } else {
                            None
                        }
                    }}
                </p>
            </div>
        </form>
    }
}

/// PLACEHOLDER for the language and theme pickers (i18n/theme work): they edit
/// `settings.lang` and `settings.theme`, which "Save settings" sends along with the studio
/// defaults. Renders nothing until then.
#[component]
fn LanguageAndTheme(settings: RwSignal<UserSettings>) -> impl IntoView {
    let _ = settings;
}
