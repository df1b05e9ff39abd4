//! Who is using the page: one [`Me`] resource for the whole app, loaded with the page on the
//! server (so the top bar and the studio are rendered for the right person, with no flash) and
//! loaded again after signing in, up or out.

use std::future::{Future, IntoFuture};

use leptos::prelude::*;

use crate::api::account::get_me;
use crate::domain::account::Me;
use crate::domain::errors::ErrorResponse;

#[derive(Clone, Copy)]
pub struct Session {
    pub me: Resource<Result<Me, ErrorResponse>>,
    /// Bumped to load `me` again.
    version: RwSignal<u32>,
}

impl Session {
    /// Creates the resource and puts the session in context for every page.
    pub fn provide() -> Self {
        let version = RwSignal::new(0_u32);
        let session = Self {
            me: Resource::new(move || version.get(), |_| get_me()),
            version,
        };
        provide_context(session);
        session
    }

    /// Who this is, for a page being built: awaited without subscribing the page to the
    /// session, so that [`Session::refresh`] updates what the next page starts from instead of
    /// rebuilding the one on screen (and losing its state, or reading its disposed signals).
    /// Signing in, up or out loads the studio again from the server instead (see
    /// `account::to_studio_after`).
    pub async fn current(self) -> Result<Me, ErrorResponse> {
        let mut me = std::pin::pin!(self.me.into_future());
        std::future::poll_fn(move |cx| untrack(|| me.as_mut().poll(cx))).await
    }

    /// Asks the server again who this is (after the settings changed).
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// The app's session (provided by `App`).
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Who an account page was built for: what [`Session::current`] answered when its [`Page`]
/// awaited it (provided by that page, read without waiting).
///
/// [`Page`]: super::Page
#[derive(Clone)]
pub struct PageSession(pub Result<Me, ErrorResponse>);

/// The session the current page was built for.
pub fn use_page_session() -> Result<Me, ErrorResponse> {
    expect_context::<PageSession>().0
}
