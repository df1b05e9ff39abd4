//! The settings panel: model picker, presets, parameter sliders, request options.

use leptos::prelude::*;

use super::format::param_value_in;
use super::prefs::use_prefs;
use super::state::{Studio, CUSTOM_MODEL};
use crate::domain::errors::Field;
use crate::domain::models::ProviderKind;
use crate::domain::params::{LengthPreset, Param, StylePreset};

#[component]
pub fn SettingsPanel() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <aside class="settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{prefs.text(|t| t.settings)}</h2>
            <StudioControls/>
        </aside>
    }
}

/// Model picker, presets, sliders and options of the [`Studio`] in context: the studio's panel,
/// and the defaults on the settings page (one set of controls and rules for both).
#[component]
pub fn StudioControls() -> impl IntoView {
    view! {
        <ModelPicker/>
        <Presets/>
        <div class="sliders">
            {Param::ALL.into_iter().map(|param| view! { <ParamSlider param/> }).collect_view()}
        </div>
        <Sampling/>
        <Options/>
    }
}

#[component]
fn ModelPicker() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let prefs = studio.prefs;
    // Which models there are does not change; their words follow the page's language.
    let (models, custom_allowed) = studio
        .catalog
        .with_untracked(|c| (c.models.clone(), c.custom_models));
    let unavailable: Vec<String> = models
        .iter()
        .filter(|m| m.unavailable.is_some())
        .map(|m| m.id.clone())
        .collect();
    let described = move |id: &str| studio.catalog.with(|c| c.get(id).cloned());
    let description = move || {
        studio.model().map(|m| match m.unavailable {
            Some(why) => (prefs.t().not_available)(&why),
            None => m.description,
        })
    };
    // Shown once a request was refused for its model (typing a new id clears it).
    let model_error = move || {
        studio
            .error
            .get()
            .filter(|e| e.field == Some(Field::Model))
            .map(|e| e.message)
    };
    let facts = move || {
        let lang = prefs.lang();
        studio.model().map(|m| {
            let honours = (m.honours.len() < Param::ALL.len()).then(|| {
                m.honours
                    .iter()
                    .map(|p| p.label_in(lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            (prefs.t().model_facts)(
                m.provider == ProviderKind::Local,
                m.input_window,
                honours.as_deref(),
            )
        })
    };
    view! {
        <div class="field">
            <label for="model">{prefs.text(|t| t.model)}</label>
            <select
                id="model"
                aria-describedby="model-help"
                on:change=move |ev| studio.choice.set(event_target_value(&ev))
                prop:value=move || studio.choice.get()
            >
                {models
                    .into_iter()
                    .map(|m| {
                        let id = m.id.clone();
                        let (unavailable, experimental) = (m.unavailable.is_some(), m.experimental);
                        let label = {
                            let id = m.id.clone();
                            move || {
                                let t = prefs.t();
                                let label = described(&id).map(|m| m.label).unwrap_or_default();
                                match (unavailable, experimental) {
                                    (true, _) => (t.unavailable_option)(&label),
                                    (false, true) => (t.experimental_option)(&label),
                                    (false, false) => label,
                                }
                            }
                        };
                        view! {
                            <option
                                value=m.id.clone()
                                disabled=unavailable
                                selected=move || studio.choice.get() == id
                            >
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
                {custom_allowed
                    .then(|| {
                        view! {
                            <option
                                value=CUSTOM_MODEL
                                selected=move || studio.choice.get() == CUSTOM_MODEL
                            >
                                {prefs.text(|t| t.other_hf_model)}
                            </option>
                        }
                    })}
            </select>
            <Show when=move || studio.choice.get() == CUSTOM_MODEL>
                <label for="custom-model">{prefs.text(|t| t.hf_model_id)}</label>
                <input
                    id="custom-model"
                    type="text"
                    placeholder=prefs.text(|t| t.hf_model_placeholder)
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || model_error().is_some().to_string()
                    prop:value=move || studio.custom_model.get()
                    on:input=move |ev| studio.custom_model.set(event_target_value(&ev))
                />
            </Show>
            {move || model_error().map(|m| view! { <p class="field-error">{m}</p> })}
            <p id="model-help" class="hint">{description}</p>
            <p class="hint facts">{facts}</p>
            {(!unavailable.is_empty())
                .then(|| {
                    view! {
                        <div class="unavailable">
                            <p class="hint">{prefs.text(|t| t.listed_unavailable)}</p>
                            <ul>
                                {unavailable
                                    .into_iter()
                                    .map(|id| {
                                        let model = move || described(&id);
                                        view! {
                                            <li class="hint">
                                                <strong>
                                                    {let model = model.clone(); move || model().map(|m| m.label)}
                                                </strong>
                                                {move || {
                                                    model()
                                                        .and_then(|m| m.unavailable)
                                                        .map(|why| format!(": {why}"))
                                                }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })}
            {(!custom_allowed)
                .then(|| {
                    view! {
                        <p class="hint">{prefs.text(|t| t.hf_needs_token)}</p>
                    }
                })}
        </div>
    }
}

#[component]
fn Presets() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let prefs = studio.prefs;
    let style_honoured = move || studio.model().is_none_or(|m| m.honours(Param::Temperature));
    view! {
        <div class="presets">
            <div class="preset-row" role="group" aria-labelledby="length-presets">
                <span id="length-presets" class="preset-label">{prefs.text(|t| t.length)}</span>
                {LengthPreset::ALL
                    .into_iter()
                    .map(|preset| {
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=move || {
                                    (LengthPreset::matching(&studio.params.get()) == Some(preset)).to_string()
                                }
                                on:click=move |_| studio.params.update(|p| preset.apply(p))
                            >
                                {move || preset.label_in(prefs.lang())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="preset-row" role="group" aria-labelledby="style-presets">
                <span id="style-presets" class="preset-label">{prefs.text(|t| t.style)}</span>
                {StylePreset::ALL
                    .into_iter()
                    .map(|preset| {
                        view! {
                            <button
                                type="button"
                                class="chip"
                                disabled=move || !style_honoured()
                                aria-pressed=move || {
                                    (StylePreset::matching(&studio.params.get()) == Some(preset)).to_string()
                                }
                                on:click=move |_| studio.params.update(|p| preset.apply(p))
                            >
                                {move || preset.label_in(prefs.lang())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <button type="button" class="ghost small" on:click=move |_| studio.reset_params()>
                {prefs.text(|t| t.reset)}
            </button>
        </div>
    }
}

/// One slider in a fieldset: its legend is the visible label, the value and bounds beside it.
#[component]
fn ParamSlider(param: Param) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let prefs = studio.prefs;
    let bounds = param.bounds();
    let key = param.field().key();
    let input_id = format!("param-{key}");
    let legend_id = format!("param-{key}-label");
    let help_id = format!("param-{key}-help");
    let honoured = move || studio.model().is_none_or(|m| m.honours(param));
    let reason = move || studio.model().map(|m| m.ignores_reason).unwrap_or_default();
    let problem = move || studio.problem_for(param.field());
    let value = move || studio.params.get().get(param);

    view! {
        <fieldset class="slider" class:disabled=move || !honoured() class:invalid=move || problem().is_some()>
            <legend id=legend_id.clone()>{move || param.label_in(prefs.lang())}</legend>
            <output for=input_id.clone()>{move || param_value_in(param, value(), prefs.lang())}</output>
            <input
                type="range"
                id=input_id
                aria-labelledby=legend_id
                aria-describedby=help_id.clone()
                min=bounds.min
                max=bounds.max
                step=bounds.step
                disabled=move || !honoured()
                aria-invalid=move || problem().is_some().to_string()
                prop:value=move || value().unwrap_or(bounds.min).to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        studio.params.update(|p| p.set(param, Some(v)));
                    }
                }
            />
            <p class="bounds" id=help_id>
                {move || {
                    let lang = prefs.lang();
                    format!("{} · {}", bounds.describe_in(lang), param.help_in(lang))
                }}
            </p>
            <Show when=move || !honoured()>
                <p class="reason">{reason}</p>
            </Show>
            {move || problem().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </fieldset>
    }
}

/// Random wording (`do_sample`) and its seed: only for models that sample.
#[component]
fn Sampling() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let prefs = studio.prefs;
    let samples = move || studio.model().is_some_and(|m| m.samples);
    let reason = move || {
        let t = prefs.t();
        studio.model().map_or_else(
            || t.sampling_only.to_string(),
            |m| (t.never_samples)(&m.label),
        )
    };
    let problem = move || studio.seed_problem();
    view! {
        <fieldset class="options" class:disabled=move || !samples()>
            <legend>{prefs.text(|t| t.wording_options)}</legend>
            <label class="toggle">
                <input
                    type="checkbox"
                    aria-describedby="sample-help"
                    disabled=move || !samples()
                    prop:checked=move || studio.params.get().do_sample == Some(true)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        studio.params.update(|p| p.do_sample = on.then_some(true));
                    }
                />
                {prefs.text(|t| t.sample_wording)}
            </label>
            <p id="sample-help" class="hint">{prefs.text(|t| t.sample_help)}</p>
            <div class="seed">
                <label for="seed">{prefs.text(|t| t.seed)}</label>
                <input
                    id="seed"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    step="1"
                    placeholder=prefs.text(|t| t.seed_placeholder)
                    autocomplete="off"
                    aria-describedby="seed-help"
                    disabled=move || !samples()
                    aria-invalid=move || problem().is_some().to_string()
                    prop:value=move || studio.seed_text.get()
                    on:input=move |ev| studio.set_seed_text(event_target_value(&ev))
                />
            </div>
            <p id="seed-help" class="hint">{prefs.text(|t| t.seed_help)}</p>
            {move || problem().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <Show when=move || !samples()>
                <p class="reason">{reason}</p>
            </Show>
        </fieldset>
    }
}

#[component]
fn Options() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let prefs = studio.prefs;
    let remote = move || {
        studio
            .model()
            .is_some_and(|m| m.provider == ProviderKind::HuggingFace)
    };
    view! {
        <fieldset class="options">
            <legend>{prefs.text(|t| t.hf_options)}</legend>
            <label class="toggle">
                <input
                    type="checkbox"
                    disabled=move || !remote()
                    prop:checked=move || studio.params.get().use_cache
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        studio.params.update(|p| p.use_cache = on);
                    }
                />
                {prefs.text(|t| t.use_cache)}
            </label>
            <p class="hint">{prefs.text(|t| t.use_cache_help)}</p>
            <label class="toggle">
                <input
                    type="checkbox"
                    disabled=move || !remote()
                    prop:checked=move || studio.params.get().wait_for_model
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        studio.params.update(|p| p.wait_for_model = on);
                    }
                />
                {prefs.text(|t| t.wait_for_model)}
            </label>
            <p class="hint">{prefs.text(|t| t.wait_for_model_help)}</p>
            <Show when=move || !remote()>
                <p class="reason">{prefs.text(|t| t.hf_only)}</p>
            </Show>
        </fieldset>
    }
}
