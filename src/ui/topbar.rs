//! The bar at the top of every page: the name (a link to the studio), the pages (Summarize ·
//! Ask · Sort, the current one marked `aria-current="page"`), and who is signed in — or the ways to
//! sign in.

use leptos::prelude::*;
use leptos_router::components::A;

use super::account::SignOutButton;
use super::prefs::use_prefs;
use super::prefs_menu::PrefsMenu;
use crate::domain::account::Me;

#[component]
pub fn TopBar(me: Option<Me>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <header class="topbar">
            <h1>
                <A href="/" attr:class="brand">
                    <span class="logo" aria-hidden="true">"¶"</span>
                    "Precis"
                </A>
            </h1>
            <p class="tagline">{prefs.text(|t| t.tagline)}</p>
            <nav class="app-nav" aria-label=prefs.text(|t| t.ask.nav_label)>
                <ul>
                    <li><A href="/" exact=true>{prefs.text(|t| t.ask.nav_summarize)}</A></li>
                    <li><A href="/ask">{prefs.text(|t| t.ask.nav_ask)}</A></li>
                    <li><A href="/sort">{prefs.text(|t| t.sort_page.nav)}</A></li>
                </ul>
            </nav>
            // The page awaited the session before building its frame: no suspense of its own
            // here (one per page; a nested one can outlive the page's preferences).
            {me.map(|me| view! { <AccountNav me/> })}
            // a plain link: /api/docs is served by the server, not a page of this router
            <a class="api-link" href="/api/docs" rel="external">{prefs.text(|t| t.api_docs)}</a>
            <PrefsMenu/>
        </header>
    }
}

#[component]
fn AccountNav(me: Me) -> impl IntoView {
    let prefs = use_prefs();
    let label = prefs.text(|t| t.account.account);
    match me.email {
        Some(email) => view! {
            <nav class="account-nav" aria-label=label>
                <span class="who">
                    <span class="visually-hidden">{prefs.text(|t| t.account.signed_in_as)}</span>
                    {email}
                </span>
                <ul>
                    <li><A href="/account" exact=true>{prefs.text(|t| t.account.account)}</A></li>
                    <li><A href="/account/keys">{prefs.text(|t| t.account.api_keys)}</A></li>
                    <li><A href="/settings">{prefs.text(|t| t.settings)}</A></li>
                    <li><SignOutButton/></li>
                </ul>
            </nav>
        }
        .into_any(),
        None => view! {
            <nav class="account-nav" aria-label=label>
                <ul>
                    <li><A href="/settings">{prefs.text(|t| t.settings)}</A></li>
                    <li><A href="/sign-in">{prefs.text(|t| t.account.sign_in)}</A></li>
                    <li><A href="/sign-up" attr:class="button-link">{prefs.text(|t| t.account.sign_up)}</A></li>
                </ul>
            </nav>
        }
        .into_any(),
    }
}
