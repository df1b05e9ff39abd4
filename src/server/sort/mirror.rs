//! The engine's report as the API's types (`domain::sort::report`): the same JSON, read again.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::SortError;
use crate::domain::sort::report::{Report, SetName, SetReport};

/// `value` (an engine type) read as `T` (its mirror in `domain`).
pub fn mirror<S: Serialize, T: DeserializeOwned>(value: &S) -> Result<T, SortError> {
    serde_json::to_value(value)
        .and_then(serde_json::from_value)
        .map_err(|e| SortError::Internal(format!("the engine's report does not read: {e}")))
}

pub fn report(report: &precis_sort::report::Report) -> Result<Report, SortError> {
    mirror(report)
}

pub fn set_report(set: &precis_sort::report::SetReport) -> Result<SetReport, SortError> {
    mirror(set)
}

pub fn set_kind(set: SetName) -> precis_sort::report::SetKind {
    use precis_sort::report::SetKind as K;
    match set {
        SetName::CrossValidation => K::CrossValidation,
        SetName::HeldOutPages => K::HeldOutPages,
        SetName::UnseenFonts => K::UnseenFonts,
        SetName::RealScans => K::RealScans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_reads_the_engines_report_field_for_field() {
        let bundle = precis_sort::bundle::Bundle::builtin().unwrap();
        let engine = serde_json::to_value(&bundle.report).unwrap();
        let ours: Report = report(&bundle.report).unwrap();
        assert_eq!(serde_json::to_value(&ours).unwrap(), engine);
        assert!(!ours.sets.is_empty());
        for set in SetName::ALL {
            assert_eq!(set.as_str(), set_kind(set).slug());
        }
    }
}
