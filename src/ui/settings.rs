//! The settings panel: model picker, presets, parameter sliders, request options.

use leptos::prelude::*;

use super::format::param_value;
use super::state::{Studio, CUSTOM_MODEL};
use crate::domain::errors::Field;
use crate::domain::models::ProviderKind;
use crate::domain::params::{LengthPreset, Param, StylePreset};

#[component]
pub fn SettingsPanel() -> impl IntoView {
    view! {
        <aside class="settings" aria-labelledby="settings-title">
            <h2 id="settings-title">"Settings"</h2>
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
    let (models, custom_allowed) = studio
        .catalog
        .with_value(|c| (c.models.clone(), c.custom_models));
    let unavailable: Vec<(String, String)> = models
        .iter()
        .filter_map(|m| Some((m.label.clone(), m.unavailable.clone()?)))
        .collect();
    let description = move || {
        studio.model().map(|m| match m.unavailable {
            Some(why) => format!("Not available on this server. {why}"),
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
        studio.model().map(|m| {
            let honours = if m.honours.len() == Param::ALL.len() {
                "all parameters".to_string()
            } else {
                m.honours
                    .iter()
                    .map(|p| p.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let place = match m.provider {
                ProviderKind::Local => "On this server",
                ProviderKind::HuggingFace => "On HuggingFace",
            };
            format!("{place} · {} · honours {honours}", m.window_text())
        })
    };
    view! {
        <div class="field">
            <label for="model">"Model"</label>
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
                        let label = match (&m.unavailable, m.experimental) {
                            (Some(_), _) => format!("{} (unavailable)", m.label),
                            (None, true) => format!("{} (experimental)", m.label),
                            (None, false) => m.label,
                        };
                        view! {
                            <option
                                value=m.id
                                disabled=m.unavailable.is_some()
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
                                "Other HuggingFace model…"
                            </option>
                        }
                    })}
            </select>
            <Show when=move || studio.choice.get() == CUSTOM_MODEL>
                <label for="custom-model">"HuggingFace model ID"</label>
                <input
                    id="custom-model"
                    type="text"
                    placeholder="owner/name, e.g. facebook/bart-large-xsum"
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
                            <p class="hint">"Listed but not available on this server:"</p>
                            <ul>
                                {unavailable
                                    .into_iter()
                                    .map(|(label, why)| {
                                        view! {
                                            <li class="hint">
                                                <strong>{label}</strong>
                                                {format!(": {why}")}
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
                        <p class="hint">
                            "HuggingFace models appear here when the operator sets an HF_TOKEN."
                        </p>
                    }
                })}
        </div>
    }
}

#[component]
fn Presets() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let style_honoured = move || studio.model().is_none_or(|m| m.honours(Param::Temperature));
    view! {
        <div class="presets">
            <div class="preset-row" role="group" aria-labelledby="length-presets">
                <span id="length-presets" class="preset-label">"Length"</span>
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
                                {preset.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="preset-row" role="group" aria-labelledby="style-presets">
                <span id="style-presets" class="preset-label">"Style"</span>
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
                                {preset.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <button type="button" class="ghost small" on:click=move |_| studio.reset_params()>
                "Reset"
            </button>
        </div>
    }
}

/// One slider in a fieldset: its legend is the visible label, the value and bounds beside it.
#[component]
fn ParamSlider(param: Param) -> impl IntoView {
    let studio = expect_context::<Studio>();
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
            <legend id=legend_id.clone()>{param.label()}</legend>
            <output for=input_id.clone()>{move || param_value(param, value())}</output>
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
                {format!("{} · {}", bounds.describe(), param.help())}
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
    let samples = move || studio.model().is_some_and(|m| m.samples);
    let reason = move || {
        studio.model().map_or_else(
            || "Only used by models that can vary their wording.".to_string(),
            |m| {
                format!(
                    "{} always writes its likeliest wording: it does not sample.",
                    m.label
                )
            },
        )
    };
    let problem = move || studio.seed_problem();
    view! {
        <fieldset class="options" class:disabled=move || !samples()>
            <legend>"Wording options"</legend>
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
                "Sample wording (random)"
            </label>
            <p id="sample-help" class="hint">
                "Draw each word at random (Temperature, Top-k and Top-p apply) instead of always the likeliest: varied wording, a different summary each time."
            </p>
            <div class="seed">
                <label for="seed">"Seed"</label>
                <input
                    id="seed"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    step="1"
                    placeholder="random"
                    autocomplete="off"
                    aria-describedby="seed-help"
                    disabled=move || !samples()
                    aria-invalid=move || problem().is_some().to_string()
                    prop:value=move || studio.seed_text.get()
                    on:input=move |ev| studio.set_seed_text(event_target_value(&ev))
                />
            </div>
            <p id="seed-help" class="hint">
                "With random wording: the same seed and settings give the same summary again. Empty: a new draw each time."
            </p>
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
    let remote = move || {
        studio
            .model()
            .is_some_and(|m| m.provider == ProviderKind::HuggingFace)
    };
    view! {
        <fieldset class="options">
            <legend>"HuggingFace options"</legend>
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
                "Use cache"
            </label>
            <p class="hint">"Reuse HuggingFace's answer when the same text was summarized before."</p>
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
                "Wait for model"
            </label>
            <p class="hint">"If the model is asleep, wait for it to load instead of being told to retry."</p>
            <Show when=move || !remote()>
                <p class="reason">"Only used by HuggingFace models."</p>
            </Show>
        </fieldset>
    }
}
