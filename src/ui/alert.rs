//! The alert slot: a `role="alert"` region that is always in the page, so that a sentence
//! appearing in it is announced by screen readers (a region inserted with its text is often not).

use leptos::prelude::*;

/// The slot, empty until `message` has a sentence.
#[component]
pub fn AlertSlot(
    /// The sentence to show (already in the person's language).
    #[prop(into)]
    message: Signal<Option<String>>,
    /// The slot's id, for `aria-describedby` on the inputs it speaks of.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="alert-slot" role="alert" id=id>
            {move || {
                message
                    .get()
                    .map(|message| {
                        view! {
                            <p class="alert">
                                <span class="alert-icon" aria-hidden="true">"!"</span>
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
