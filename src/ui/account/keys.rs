//! `/account/keys`: API keys for scripts. A new key's secret is shown once, right after it is
//! made (it lives only in this page's memory: the server keeps a digest); the list shows each
//! key's name and first characters; revoking asks first.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{keep_focus, Answer, FormAlert, FormField, Input};
use super::gate::AccountOnly;
use super::page_title;
use crate::api::keys::{list_keys, CreateKey, RevokeKey};
use crate::domain::account::{check_key_name, ApiKeyInfo, NewApiKey};
use crate::domain::errors::Field;
use crate::i18n::Texts;
use crate::ui::browser::copy_to_clipboard;
use crate::ui::format::utc_datetime;
use crate::ui::prefs::use_prefs;

#[component]
pub fn KeysPage() -> impl IntoView {
    view! {
        <Title text=page_title(|t| t.account.api_keys)/>
        <main id="main" class="page">
            <AccountOnly title=|t| t.account.see_keys page=|_| view! { <Keys/> }.into_any()/>
        </main>
    }
}

#[component]
fn Keys() -> impl IntoView {
    let prefs = use_prefs();
    // bumped when a key is made or revoked, to load the list again
    let version = RwSignal::new(0_u32);
    let keys = Resource::new(move || version.get(), |_| list_keys());
    let create = ServerAction::<CreateKey>::new();
    let revoke = ServerAction::<RevokeKey>::new();
    // the key whose Revoke asks "are you sure?", and the name of the last one revoked
    let confirming = RwSignal::new(None::<i64>);
    let revoked = RwSignal::new(None::<String>);
    let list_title: NodeRef<html::H2> = NodeRef::new();
    Effect::watch(
        move || create.version().get(),
        move |_, _, _| version.update(|v| *v += 1),
        false,
    );
    // The revoked key's row (and the focused button in it) goes: focus moves to the list's title.
    Effect::watch(
        move || revoke.version().get(),
        move |_, _, _| {
            confirming.set(None);
            version.update(|v| *v += 1);
            if let Some(title) = list_title.get_untracked() {
                let _ = title.focus();
            }
        },
        false,
    );
    let created = move || {
        create.value().with(|v| match v {
            Some(Ok(key)) => Some(key.clone()),
            _ => None,
        })
    };
    let revoke_failure = move || {
        revoke.value().with(|v| match v {
            Some(Err(e)) => Some(e.error.message.clone()),
            _ => None,
        })
    };
    let revoke_done = move || {
        revoke
            .value()
            .with(|v| matches!(v, Some(Ok(()))))
            .then(|| revoked.get())
            .flatten()
            .map(|name| (prefs.t().keys.revoked)(&name))
    };
    view! {
        <section class="card" aria-labelledby="keys-title">
            <h2 id="keys-title">{prefs.text(|t| t.account.api_keys)}</h2>
            <p class="hint">
                {prefs.text(|t| t.keys.intro)}
                <code>"Authorization: Bearer <key>"</code>
                {prefs.text(|t| t.keys.intro_after)}
            </p>
            <NewKeyForm create/>
            {move || created().map(|key| view! { <NewKeySecret key/> })}
        </section>
        <section class="card" aria-labelledby="key-list-title">
            <h2 id="key-list-title" tabindex="-1" node_ref=list_title>{prefs.text(|t| t.keys.your_keys)}</h2>
            <Transition fallback=move || view! { <p class="muted">{prefs.text(|t| t.keys.loading)}</p> }>
                {move || Suspend::new(async move {
                    match keys.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{prefs.text(|t| t.keys.none)}</p> }.into_any()
                        }
                        Ok(list) => view! { <KeyTable list revoke confirming revoked/> }.into_any(),
                        Err(e) => view! { <p class="alert" role="alert">{e.error.message}</p> }.into_any(),
                    }
                })}
            </Transition>
            <p class="status" role="status">{revoke_done}</p>
            <div class="alert-slot" role="alert">
                {move || revoke_failure().map(|m| view! { <p class="alert">{m}</p> })}
            </div>
        </section>
    }
}

/// A name, and the button that makes the key. Not an `ActionForm`: without the WASM bundle the
/// server would send the browser back and the secret would be lost, so this form needs it.
#[component]
fn NewKeyForm(create: ServerAction<CreateKey>) -> impl IntoView {
    let prefs = use_prefs();
    let answer = Answer::of(create, &[Field::KeyName], "new-key-alert");
    let name = Input::new();
    let rule = name.rule(check_key_name);
    let pending = create.pending();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        name.touched.set(true);
        if rule.with_untracked(Option::is_some) {
            name.focus();
            return;
        }
        create.dispatch(CreateKey {
            name: name.value.get_untracked(),
        });
    };
    let needs_js = format!(
        r#"<p class="hint">{}</p>"#,
        escape_html(prefs.t_untracked().keys.needs_js)
    );
    // the name is for the next key
    Effect::watch(
        move || create.version().get(),
        move |_, _, _| {
            if create.value().with_untracked(|v| matches!(v, Some(Ok(_)))) {
                name.clear();
            } else {
                name.focus();
            }
        },
        false,
    );
    view! {
        <form class="account-form inline" novalidate on:submit=submit>
            <FormField
                input=name
                name="name"
                label=|t| t.keys.name
                kind="text"
                autocomplete="off"
                field=Field::KeyName
                answer
                rule
                help=|t| t.keys.name_help.to_string()
            />
            <FormAlert answer/>
            <div class="form-actions">
                <button
                    type="submit"
                    class="primary"
                    disabled=move || pending.get()
                    on:mousedown=keep_focus
                >
                    {prefs.text(|t| t.keys.create)}
                </button>
                <p class="status" role="status">
                    {move || pending.get().then(|| prefs.t().keys.creating)}
                </p>
            </div>
            // Only read without JavaScript, so in the language the server rendered the page in.
            // Its HTML rather than a <p> child: with JavaScript on, the browser keeps a
            // <noscript>'s content as one text, which hydration cannot walk into.
            <noscript inner_html=needs_js/>
        </form>
    }
}

/// `text` as HTML text: `&`, `<` and `>` escaped.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The secret of the key just made, with a Copy button and the warning that it is shown once.
/// Focus moves to it, its text selected.
#[component]
fn NewKeySecret(key: NewApiKey) -> impl IntoView {
    let prefs = use_prefs();
    let copied = RwSignal::new(None::<bool>);
    let field: NodeRef<html::Input> = NodeRef::new();
    field.on_load(|input| {
        let _ = input.focus();
        input.select();
    });
    let secret = key.secret.clone();
    let name = key.key.name.clone();
    view! {
        <div class="new-key" role="group" aria-labelledby="new-key-title">
            <h3 id="new-key-title">{move || (prefs.t().keys.new_key_title)(&name)}</h3>
            <p class="warning" id="new-key-warning">
                <strong>{prefs.text(|t| t.keys.copy_now)}</strong>
                {prefs.text(|t| t.keys.store_it)}
            </p>
            <label for="new-key-secret">{prefs.text(|t| t.keys.new_api_key)}</label>
            <div class="copy-row">
                <input
                    id="new-key-secret"
                    type="text"
                    readonly
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="new-key-warning"
                    value=key.secret
                    node_ref=field
                />
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| copied.set(Some(copy_to_clipboard(&secret)))
                >
                    {prefs.text(|t| t.copy)}
                </button>
            </div>
            <p class="status" role="status">
                {move || match copied.get() {
                    Some(true) => prefs.t().keys.copied,
                    Some(false) => prefs.t().keys.copy_refused,
                    None => "",
                }}
            </p>
        </div>
    }
}

/// The keys, newest first; Revoke asks for confirmation in place.
#[component]
fn KeyTable(
    list: Vec<ApiKeyInfo>,
    revoke: ServerAction<RevokeKey>,
    confirming: RwSignal<Option<i64>>,
    revoked: RwSignal<Option<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <table class="keys">
            <caption class="visually-hidden">{prefs.text(|t| t.keys.caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{prefs.text(|t| t.keys.col_name)}</th>
                    <th scope="col">{prefs.text(|t| t.keys.col_key)}</th>
                    <th scope="col">{prefs.text(|t| t.keys.col_created)}</th>
                    <th scope="col">{prefs.text(|t| t.keys.col_last_used)}</th>
                    <th scope="col">
                        <span class="visually-hidden">{prefs.text(|t| t.keys.col_actions)}</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|key| view! { <KeyRow key revoke confirming revoked/> })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn KeyRow(
    key: ApiKeyInfo,
    revoke: ServerAction<RevokeKey>,
    confirming: RwSignal<Option<i64>>,
    revoked: RwSignal<Option<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = key.id;
    let name = key.name.clone();
    let asking = move || confirming.get() == Some(id);
    // After "Keep", focus goes back to this row's Revoke button (the one pressed is gone).
    let kept = RwSignal::new(false);
    // "Revoke “x”", "Revoke “x”? …", "Confirm revoking “x”", in the page's language
    let about = {
        let name = key.name.clone();
        move |pick: fn(&'static Texts) -> fn(&str) -> String| {
            let name = name.clone();
            move || pick(prefs.t())(&name)
        }
    };
    let revoke_label = about(|t| t.keys.revoke_label);
    let question = about(|t| t.keys.revoke_question);
    let group_label = about(|t| t.keys.revoke_group);
    let confirm = move |_| {
        revoked.set(Some(name.clone()));
        revoke.dispatch(RevokeKey { id });
    };
    view! {
        <tr>
            <th scope="row">{key.name.clone()}</th>
            <td>
                <code>{format!("{}…", key.prefix)}</code>
            </td>
            <td>{utc_datetime(key.created_at)}</td>
            <td>
                {match key.last_used_at {
                    Some(ms) => utc_datetime(ms).into_any(),
                    None => prefs.text(|t| t.keys.never).into_any(),
                }}
            </td>
            <td class="key-actions">
                <Show
                    when=asking
                    fallback=move || {
                        let button: NodeRef<html::Button> = NodeRef::new();
                        button.on_load(move |b| {
                            if kept.get_untracked() {
                                kept.set(false);
                                let _ = b.focus();
                            }
                        });
                        view! {
                            <button
                                type="button"
                                class="ghost small"
                                aria-label=revoke_label.clone()
                                node_ref=button
                                on:click=move |_| confirming.set(Some(id))
                            >
                                {prefs.text(|t| t.keys.revoke)}
                            </button>
                        }
                    }
                >
                    {
                        // The question takes the button's place: focus goes to the safe answer.
                        let keep: NodeRef<html::Button> = NodeRef::new();
                        keep.on_load(|b| {
                            let _ = b.focus();
                        });
                        view! {
                            <div class="confirm" role="group" aria-label=group_label.clone()>
                                <span>{question.clone()}</span>
                                <button type="button" class="danger small" on:click=confirm.clone()>
                                    {prefs.text(|t| t.keys.yes_revoke)}
                                </button>
                                <button
                                    type="button"
                                    class="ghost small"
                                    node_ref=keep
                                    on:click=move |_| {
                                        kept.set(true);
                                        confirming.set(None);
                                    }
                                >
                                    {prefs.text(|t| t.keys.keep)}
                                </button>
                            </div>
                        }
                    }
                </Show>
            </td>
        </tr>
    }
}
