//! What the account forms share: an input with its label, help and problem wired for assistive
//! technology, the server's answer (its failure, and which inputs that failure points at), and
//! the guard that keeps a form with a broken rule from being sent.
//!
//! Rules come from `domain::account` (the server applies the same ones): a problem shows once the
//! person has left the input or tried to send the form, and from then on follows their typing.

use leptos::ev::MouseEvent;
use leptos::html;
use leptos::prelude::*;

use crate::ui::alert::AlertSlot;
use leptos::server_fn::ServerFn;

use crate::domain::account::AccountProblem;
use crate::domain::errors::{ErrorCode, ErrorResponse, Field, PublicError};
use crate::i18n::Texts;
use crate::ui::prefs::use_prefs;

/// One input of a form: what it holds, whether the person has left it once (its problems show
/// from then on), and the element, to move focus to it.
#[derive(Clone, Copy)]
pub struct Input {
    pub value: RwSignal<String>,
    pub touched: RwSignal<bool>,
    pub node: NodeRef<html::Input>,
}

impl Input {
    pub fn new() -> Self {
        Self {
            value: RwSignal::new(String::new()),
            touched: RwSignal::new(false),
            node: NodeRef::new(),
        }
    }

    pub fn focus(&self) {
        if let Some(input) = self.node.get_untracked() {
            let _ = input.focus();
        }
    }

    /// The shared rule `check` applies to what it holds, told in the page's language (`None`:
    /// nothing broken).
    pub fn rule<T>(
        self,
        check: impl Fn(&str) -> Result<T, AccountProblem> + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        let prefs = use_prefs();
        Signal::derive(move || {
            self.value
                .with(|v| check(v).err())
                .map(|p| prefs.t().account_problem(p))
        })
    }

    /// Empties it, as after a password was changed.
    pub fn clear(&self) {
        self.value.set(String::new());
        self.touched.set(false);
    }
}

/// The last answer of a form's server function, seen as what the form shows: a failure about
/// one of its inputs goes under that input; any other failure goes in the form's alert.
#[derive(Clone, Copy)]
pub struct Answer {
    pub failure: Signal<Option<PublicError>>,
    /// The fields this form has an input for.
    fields: &'static [Field],
    /// The id of the form's alert (inputs it marks point at it with `aria-describedby`).
    pub alert_id: &'static str,
    clear: Callback<()>,
}

impl Answer {
    pub fn of<S>(action: ServerAction<S>, fields: &'static [Field], alert_id: &'static str) -> Self
    where
        S: ServerFn<Error = ErrorResponse> + Clone + Send + Sync + 'static,
        S::Output: Send + Sync + 'static,
    {
        let failure = Signal::derive(move || {
            action.value().with(|answer| match answer {
                Some(Err(e)) => Some(e.error.clone()),
                _ => None,
            })
        });
        Self {
            failure,
            fields,
            alert_id,
            clear: Callback::new(move |()| action.clear()),
        }
    }

    /// The failure's sentence, when it is about `field`.
    pub fn about(&self, field: Field) -> Option<String> {
        self.failure
            .get()
            .filter(|e| e.field == Some(field))
            .map(|e| e.message)
    }

    /// The failure's sentence when it is about none of the form's inputs (the form's alert).
    pub fn general(&self) -> Option<String> {
        self.failure
            .get()
            .filter(|e| e.field.is_none_or(|f| !self.fields.contains(&f)))
            .map(|e| e.message)
    }

    /// Whether the form's alert speaks of `field`: a failed sign-in never says whether the email
    /// or the password is wrong, so it marks both.
    pub fn marks(&self, field: Field) -> bool {
        self.failure.get().is_some_and(|e| {
            e.code == ErrorCode::WrongCredentials
                && e.field.is_none()
                && matches!(field, Field::Email | Field::Password)
        })
    }

    /// The person edits `field`: a failure about it is out of date.
    pub fn edited(&self, field: Field) {
        let stale = self
            .failure
            .with_untracked(|e| e.as_ref().is_some_and(|e| e.field == Some(field)))
            || self.marks_untracked(field);
        if stale {
            self.clear.run(());
        }
    }

    fn marks_untracked(&self, field: Field) -> bool {
        untrack(|| self.marks(field))
    }
}

/// A labelled input: its help under it, then its problem (a rule it breaks, or the server's
/// answer about it) in an alert; `aria-invalid` and `aria-describedby` follow. Its label and
/// help are picked from the page's language (`|t| t.account.email`), and change with it.
#[component]
pub fn FormField(
    input: Input,
    /// The input's id and `name` (the server function's argument).
    name: &'static str,
    label: fn(&'static Texts) -> &'static str,
    /// `email`, `password` or `text`.
    kind: &'static str,
    /// `email`, `current-password`, `new-password` or `off`.
    autocomplete: &'static str,
    /// The field the server names when it refuses what this input holds.
    field: Field,
    answer: Answer,
    /// The rule it breaks now (`None`: fine), from the shared rules, in the page's language.
    #[prop(into)]
    rule: Signal<Option<String>>,
    /// Shown under the input, always: the rules, or advice.
    #[prop(optional)]
    help: Option<fn(&'static Texts) -> String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let help_id = format!("{name}-help");
    let error_id = format!("{name}-error");
    let problem = Memo::new(move |_| {
        let broken = if input.touched.get() {
            rule.get()
        } else {
            None
        };
        broken.or_else(|| answer.about(field))
    });
    let marked = move || answer.marks(field);
    let described_by = {
        let help_id = help.as_ref().map(|_| help_id.clone());
        let error_id = error_id.clone();
        move || {
            let mut ids: Vec<String> = help_id.iter().cloned().collect();
            if problem.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            if marked() {
                ids.push(answer.alert_id.to_string());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=name>{prefs.text(label)}</label>
            <input
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                required
                spellcheck="false"
                aria-invalid=move || (problem.with(Option::is_some) || marked()).to_string()
                aria-describedby=described_by
                prop:value=move || input.value.get()
                on:input=move |ev| {
                    input.value.set(event_target_value(&ev));
                    answer.edited(field);
                }
                on:blur=move |_| {
                    if !input.value.with_untracked(String::is_empty) {
                        input.touched.set(true);
                    }
                }
                node_ref=input.node
            />
            {help.map(|help| view! { <p id=help_id class="hint">{move || help(prefs.t())}</p> })}
            <p id=error_id class="field-error" role="alert">
                {move || problem.get()}
            </p>
        </div>
    }
}

/// The form's alert: a failure about none of its inputs (wrong credentials, too many attempts,
/// the network). Always in the page, so that what appears in it is announced.
#[component]
pub fn FormAlert(answer: Answer) -> impl IntoView {
    view! { <AlertSlot message=Signal::derive(move || answer.general()) id=answer.alert_id/> }
}

/// For the submit button's click (also fired by Enter in an input): every input counts as
/// visited, so its problems show; if one breaks a rule the form is not sent and focus moves to
/// the first of those. (Without the WASM bundle the form is sent and the server says the same.)
pub fn guard(checks: Vec<(Input, Signal<Option<String>>)>) -> impl Fn(MouseEvent) + 'static {
    move |ev: MouseEvent| {
        for (input, _) in &checks {
            input.touched.set(true);
        }
        if let Some((input, _)) = checks
            .iter()
            .find(|(_, rule)| rule.with_untracked(Option::is_some))
        {
            ev.prevent_default();
            input.focus();
        }
    }
}

/// For the submit button's mousedown: the input being typed in keeps focus. Otherwise leaving
/// it would show its problem at once, moving the button down before the mouse is released, and
/// the click would miss it. (The click still sends the form, or `guard` shows the problems.)
pub fn keep_focus(ev: MouseEvent) {
    ev.prevent_default();
}

/// After each answer of `action` in the browser, focus moves to the first input it is about
/// (so that the person can fix it straight away).
pub fn focus_on_failure<S>(action: ServerAction<S>, inputs: Vec<(Field, Input)>)
where
    S: ServerFn<Error = ErrorResponse> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Effect::watch(
        move || action.version().get(),
        move |_, _, _| {
            let failure = action.value().with_untracked(|answer| match answer {
                Some(Err(e)) => Some(e.error.clone()),
                _ => None,
            });
            let Some(failure) = failure else { return };
            let about = |field: Field| {
                failure.field == Some(field)
                    || (failure.code == ErrorCode::WrongCredentials && failure.field.is_none())
            };
            if let Some((_, input)) = inputs.iter().find(|(field, _)| about(*field)) {
                input.focus();
            }
        },
        false,
    );
}
