//! The bar at the top of every page: the name (a link to the studio), and who is signed in —
//! or the ways to sign in.

use leptos::prelude::*;
use leptos_router::components::A;

use super::account::SignOutButton;
use super::session::use_session;
use crate::domain::account::Me;

#[component]
pub fn TopBar() -> impl IntoView {
    let session = use_session();
    view! {
        <header class="topbar">
            <h1>
                <A href="/" attr:class="brand">
                    <span class="logo" aria-hidden="true">"¶"</span>
                    "Precis"
                </A>
            </h1>
            <p class="tagline">"Summaries on your own server"</p>
            // Keeps showing the last person while a new sign-in is being loaded.
            <Transition>
                {move || Suspend::new(async move {
                    session.me.await.ok().map(|me| view! { <AccountNav me/> })
                })}
            </Transition>
        </header>
    }
}

#[component]
fn AccountNav(me: Me) -> impl IntoView {
    match me.email {
        Some(email) => view! {
            <nav class="account-nav" aria-label="Account">
                <span class="who">
                    <span class="visually-hidden">"Signed in as "</span>
                    {email}
                </span>
                <ul>
                    <li><A href="/account" exact=true>"Account"</A></li>
                    <li><A href="/account/keys">"API keys"</A></li>
                    <li><A href="/settings">"Settings"</A></li>
                    <li><SignOutButton/></li>
                </ul>
            </nav>
        }
        .into_any(),
        None => view! {
            <nav class="account-nav" aria-label="Account">
                <ul>
                    <li><A href="/settings">"Settings"</A></li>
                    <li><A href="/sign-in">"Sign in"</A></li>
                    <li><A href="/sign-up" attr:class="button-link">"Sign up"</A></li>
                </ul>
            </nav>
        }
        .into_any(),
    }
}
