//! The pages other than the studio, each compiled into its own chunk of the browser bundle:
//! the studio (the page most people open first) loads only its own code, and a page's chunk
//! is fetched the first time that page is opened — by a link, or named in the answer that
//! brings the page, so that it downloads along with the main module.
//!
//! Each page is a [`LazyRoute`] whose view is split out by `#[lazy_route]`
//! (`scripts/build.sh` splits the bundle with `tools/wasm-split`); on the server it is an
//! ordinary async view. Each `#[lazy_route]` becomes a split point named after its type
//! (`__ask_route_view_<hash>` in the split manifest).

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use super::{account, ask, sort, Page};

/// The split pages by address, with the name `#[lazy_route]` gives each one's view in the
/// bundle's split manifest (`__<name>_view_<hash>`): the server names a page's chunks in the
/// `Link` header of its answer, so that the browser fetches them with the main module
/// (`server::startup::chunks`).
#[cfg(feature = "ssr")]
pub const SPLIT_PAGES: [(&str, &str); 7] = [
    ("/ask", "ask_route"),
    ("/sort", "sort_route"),
    ("/sign-in", "sign_in_route"),
    ("/sign-up", "sign_up_route"),
    ("/account", "account_route"),
    ("/account/keys", "keys_route"),
    ("/settings", "settings_route"),
];

/// `/ask`: the knowledge base.
pub struct AskRoute;

#[lazy_route]
impl LazyRoute for AskRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <Page><ask::AskPage/></Page> }.into_any()
    }
}

/// `/sort`: handwritten or typed.
pub struct SortRoute;

#[lazy_route]
impl LazyRoute for SortRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <Page><sort::SortPage/></Page> }.into_any()
    }
}

/// `/sign-in`.
pub struct SignInRoute;

#[lazy_route]
impl LazyRoute for SignInRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <Page><account::SignInPage/></Page> }.into_any()
    }
}

/// `/sign-up`.
pub struct SignUpRoute;

#[lazy_route]
impl LazyRoute for SignUpRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <Page><account::SignUpPage/></Page> }.into_any()
    }
}

/// `/account`.
pub struct AccountRoute;

#[lazy_route]
impl LazyRoute for AccountRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <Page><account::AccountPage/></Page> }.into_any()
    }
}

/// `/account/keys`: API keys.
pub struct KeysRoute;

#[lazy_route]
impl LazyRoute for KeysRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <Page><account::KeysPage/></Page> }.into_any()
    }
}

/// `/settings`: the studio's defaults.
pub struct SettingsRoute;

#[lazy_route]
impl LazyRoute for SettingsRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <Page><account::SettingsPage/></Page> }.into_any()
    }
}
