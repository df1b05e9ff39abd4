//! Tests of the generation parameters: bounds, presets, problems and their sentences.

use super::*;

fn with(p: Param, v: f64) -> SummaryParams {
    let mut params = SummaryParams::default();
    params.set(p, Some(v));
    params
}

#[test]
fn defaults_are_valid_and_match_presets() {
    let p = default_params();
    assert_eq!(p.validate(), Ok(()));
    assert_eq!(LengthPreset::matching(&p), Some(LengthPreset::Medium));
    assert_eq!(StylePreset::matching(&p), Some(StylePreset::Balanced));
}

#[test]
fn every_preset_is_valid() {
    for l in LengthPreset::ALL {
        for s in StylePreset::ALL {
            let mut p = default_params();
            l.apply(&mut p);
            s.apply(&mut p);
            assert_eq!(p.validate(), Ok(()), "{l:?} {s:?}");
        }
    }
}

#[test]
fn bounds_are_huggingfaces() {
    let cases: &[(Param, f64, bool)] = &[
        (Param::MinLength, 1.0, true),
        (Param::MinLength, 0.0, false),
        (Param::MaxLength, 500.0, true),
        (Param::MaxLength, 501.0, false),
        (Param::Temperature, 0.0, true),
        (Param::Temperature, 100.0, true),
        (Param::Temperature, 100.5, false),
        (Param::Temperature, -0.1, false),
        (Param::TopK, 1.0, true),
        (Param::TopK, 0.0, false),
        (Param::TopK, 5000.0, true),
        (Param::TopP, 1.0, true),
        (Param::TopP, 1.01, false),
        (Param::RepetitionPenalty, 100.0, true),
        (Param::RepetitionPenalty, 101.0, false),
        (Param::MaxTime, 120.0, true),
        (Param::MaxTime, 121.0, false),
        (Param::MaxTime, -1.0, false),
    ];
    for &(p, v, ok) in cases {
        let result = with(p, v).validate();
        assert_eq!(result.is_ok(), ok, "{p:?} = {v}: {result:?}");
        if let Err(e) = result {
            assert_eq!(e.field, p.field());
            let message = e.message();
            assert!(message.starts_with(p.label()), "{message}");
        }
    }
}

#[test]
fn english_messages_are_the_apis() {
    let e = with(Param::TopP, 2.0).validate().unwrap_err();
    assert_eq!(e.message(), "Top-p must be between 0 and 1; it is 2.");
    let e = with(Param::TopK, 0.0).validate().unwrap_err();
    assert_eq!(e.message(), "Top-k must be at least 1; it is 0.");
    let e = with(Param::Temperature, 100.5).validate().unwrap_err();
    assert_eq!(
        e.message(),
        "Temperature must be between 0 and 100; it is 100.5."
    );
}

#[test]
fn problems_are_told_in_the_pages_language() {
    let p = with(Param::Temperature, 100.5);
    let fr = p.problems();
    assert_eq!(fr.len(), 1);
    assert_eq!(fr[0].field, Field::Temperature);
    assert_eq!(
        fr[0].message_in(Lang::Fr),
        "Température\u{a0}: la valeur doit être comprise entre 0 et 100 (actuellement 100,5)."
    );
    let pt = SummaryParams {
        min_length: Some(200),
        max_length: Some(100),
        ..SummaryParams::default()
    }
    .problems();
    assert_eq!(pt[0].field, Field::MinLength);
    let message = pt[0].message_in(Lang::Pt);
    assert!(message.starts_with("O tamanho mínimo (200)"), "{message}");
}

#[test]
fn bounds_are_described_per_language() {
    assert_eq!(Param::TopP.bounds().describe(), "0–1");
    assert_eq!(Param::TopK.bounds().describe(), "≥\u{a0}1");
    assert_eq!(Param::MaxLength.bounds().describe_in(Lang::Fr), "1–500");
    let odd = Bounds::new(0.5, 1500.0, 0.5);
    assert_eq!(odd.describe_in(Lang::Fr), "0,5–1\u{202f}500");
    assert_eq!(odd.describe_in(Lang::Pt), "0,5–1.500");
}

/// A value a hair over a bound is read as written, not rounded onto the bound (serde_json's
/// `float_roundtrip`; schemathesis found 100.00000000000001 accepted as a temperature).
#[test]
fn a_value_just_over_a_bound_is_refused() {
    let p: SummaryParams = serde_json::from_str(r#"{"temperature": 100.00000000000001}"#).unwrap();
    assert!(p.temperature.unwrap() > 100.0);
    assert!(p.validate().is_err());
}

#[test]
fn nan_is_rejected() {
    assert!(with(Param::TopP, f64::NAN).validate().is_err());
}

#[test]
fn min_greater_than_max_names_min_length() {
    let p = SummaryParams {
        min_length: Some(200),
        max_length: Some(100),
        ..SummaryParams::default()
    };
    let e = p.validate().unwrap_err();
    assert_eq!(e.field, Field::MinLength);
    assert!(
        e.message().contains("greater than Max length"),
        "{}",
        e.message()
    );
}

#[test]
fn min_equal_to_max_is_fine() {
    let p = SummaryParams {
        min_length: Some(100),
        max_length: Some(100),
        ..SummaryParams::default()
    };
    assert_eq!(p.validate(), Ok(()));
}

#[test]
fn retain_drops_parameters_a_model_ignores() {
    let p = default_params().retain(&[Param::MinLength, Param::MaxLength]);
    assert_eq!(p.min_length, Some(40));
    assert_eq!(p.temperature, None);
    assert_eq!(p.top_k, None);
    assert!(p.use_cache);
}

#[test]
fn unknown_json_fields_are_rejected() {
    let r: Result<SummaryParams, _> = serde_json::from_str(r#"{"max_lenght": 10}"#);
    assert!(r.is_err());
}

#[test]
fn fractional_lengths_are_rejected_in_json() {
    let r: Result<SummaryParams, _> = serde_json::from_str(r#"{"max_length": 10.5}"#);
    assert!(r.is_err());
}

#[test]
fn whole_floats_are_accepted_as_integers() {
    // JSON Schema's `integer`, and what Python's json writes for a whole float
    let p: SummaryParams =
        serde_json::from_str(r#"{"max_length": 80.0, "top_k": 5.0, "seed": 7.0}"#).unwrap();
    assert_eq!(
        (p.max_length, p.top_k, p.seed),
        (Some(80), Some(5), Some(7))
    );
}
