//! Formatting that must come out the same on the server and in the browser (no time zones,
//! no locale from the browser: the page's language decides), so that hydration finds what the
//! server rendered.

use crate::domain::params::{Param, SummaryParams};
use crate::domain::settings::Lang;
use crate::i18n::{numbers, texts};

/// Unix milliseconds → "2026-11-21 23:05 UTC".
pub fn utc_datetime(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        (rem % 3600) / 60
    )
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A parameter's value as the page shows it: "150 tokens", "0.95", "30 s" (in English).
#[cfg(test)]
pub fn param_value(p: Param, v: Option<f64>) -> String {
    param_value_in(p, v, Lang::En)
}

/// A parameter's value in `lang`: "150 jetons", "0,95", "30 s".
pub fn param_value_in(p: Param, v: Option<f64>, lang: Lang) -> String {
    let Some(v) = v else {
        return texts(lang).model_default.to_string();
    };
    let number = if p.is_integer() {
        numbers::decimal(lang, v, 0)
    } else {
        numbers::decimal(lang, v, 2)
    };
    match p.unit_in(lang) {
        "" => number,
        unit => format!("{number}\u{a0}{unit}"),
    }
}

/// "Max length 150 tokens, Temperature 1" — the parameters a summary was made with (English).
#[cfg(test)]
pub fn params_line(params: &SummaryParams) -> String {
    params_line_in(params, Lang::En)
}

/// [`params_line`] in `lang`.
pub fn params_line_in(params: &SummaryParams, lang: Lang) -> String {
    let t = texts(lang);
    let mut parts: Vec<String> = Param::ALL
        .into_iter()
        .filter_map(|p| {
            params
                .get(p)
                .map(|v| format!("{} {}", p.label_in(lang), param_value_in(p, Some(v), lang)))
        })
        .collect();
    if params.do_sample == Some(true) {
        parts.push(t.random_wording.to_string());
    }
    if let Some(seed) = params.seed {
        parts.push(format!("{} {seed}", t.seed));
    }
    if parts.is_empty() {
        t.model_defaults.to_string()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_datetimes() {
        assert_eq!(utc_datetime(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_datetime(1_795_302_300_000), "2026-11-21 23:05 UTC");
        assert_eq!(utc_datetime(951_782_400_000), "2000-02-29 00:00 UTC");
    }

    #[test]
    fn lists_sampling_with_the_parameters() {
        let mut p = SummaryParams::default();
        assert_eq!(params_line(&p), "model defaults");
        p.max_length = Some(60);
        p.do_sample = Some(true);
        p.seed = Some(42);
        assert_eq!(
            params_line(&p),
            "Max length 60\u{a0}tokens, random wording, Seed 42"
        );
    }

    #[test]
    fn values_and_units_follow_the_language() {
        assert_eq!(
            param_value_in(Param::MaxLength, Some(150.0), Lang::Fr),
            "150\u{a0}jetons"
        );
        assert_eq!(param_value_in(Param::TopP, Some(0.95), Lang::Pt), "0,95");
        assert_eq!(
            param_value_in(Param::MaxTime, Some(30.0), Lang::Fr),
            "30\u{a0}s"
        );
        assert_eq!(param_value_in(Param::TopK, None, Lang::Fr), "par défaut");
        let p = SummaryParams {
            temperature: Some(0.3),
            seed: Some(7),
            ..SummaryParams::default()
        };
        assert_eq!(params_line_in(&p, Lang::Fr), "Température 0,3, Graine 7");
        assert_eq!(
            params_line_in(&SummaryParams::default(), Lang::Pt),
            "valores do modelo"
        );
    }

    #[test]
    fn formats_values_with_units() {
        assert_eq!(
            param_value(Param::MaxLength, Some(150.0)),
            "150\u{a0}tokens"
        );
        assert_eq!(param_value(Param::TopP, Some(0.95)), "0.95");
        assert_eq!(param_value(Param::Temperature, Some(1.0)), "1");
        assert_eq!(param_value(Param::Temperature, Some(0.3)), "0.3");
        assert_eq!(param_value(Param::MaxTime, Some(30.0)), "30\u{a0}s");
        assert_eq!(param_value(Param::TopK, None), "model default");
    }
}
