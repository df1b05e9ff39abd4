//! The classifier's HTTP routes, all under `/api/v1/classifier` (tag `classifier`):
//! [`predict`] a file, list the [`models`] with their measured quality, [`evaluate`] them on a
//! set, and (operators) [`train`] them again. Mounted where `PRECIS_SERVICES` is `all` or
//! `classifier`.

pub mod evaluate;
pub mod models;
pub mod openapi;
pub mod predict;
pub mod report;
pub mod train;

use crate::server::error::AppError;
use crate::server::identity::Identity;
use crate::server::sort::SortError;
use crate::server::state::AppState;

/// Every classifier route is `/api/v1/classifier/…` (`serves` reads it).
pub const SEGMENT: &str = "classifier/";

/// Whether `path` is a classifier route's.
pub fn is_classifier_path(path: &str) -> bool {
    path.strip_prefix(crate::server::openapi::API_PREFIX)
        .is_some_and(|rest| rest.starts_with(SEGMENT))
}

/// Refuses whoever is not one of `PRECIS_OPERATORS`' accounts.
pub(crate) async fn require_operator(
    state: &AppState,
    identity: &Identity,
) -> Result<(), AppError> {
    if is_operator(state, identity).await? {
        Ok(())
    } else {
        Err(SortError::OperatorOnly.into())
    }
}

/// Whether the caller is one of `PRECIS_OPERATORS`' accounts.
pub(crate) async fn is_operator(state: &AppState, identity: &Identity) -> Result<bool, AppError> {
    let Some(account) = identity.account() else {
        return Ok(false);
    };
    Ok(state
        .auth
        .email_of(account)
        .await?
        .is_some_and(|email| state.classifier.is_operator(&email)))
}
