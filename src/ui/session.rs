//! Who is using the page: one [`Me`] resource for the whole app, loaded with the page on the
//! server (so the top bar and the studio are rendered for the right person, with no flash) and
//! loaded again after signing in, up or out.

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

    /// Asks the server again who this is (after the session cookie changed).
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// The app's session (provided by `App`).
pub fn use_session() -> Session {
    expect_context::<Session>()
}
