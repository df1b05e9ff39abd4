//! Formatting that must come out the same on the server and in the browser (no time zones,
//! no locale), so that hydration finds what the server rendered.

pub use crate::domain::date::utc_datetime;
use crate::domain::params::{Param, SummaryParams};

/// A parameter's value as the page shows it: "150 tokens", "0.95", "30 s".
pub fn param_value(p: Param, v: Option<f64>) -> String {
    let Some(v) = v else {
        return "model default".to_string();
    };
    let number = if p.is_integer() || v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').to_string()
    };
    match p.unit() {
        "" => number,
        "s" => format!("{number} s"),
        unit => format!("{number} {unit}"),
    }
}

/// "Max length 150 tokens, Temperature 1" — the parameters a summary was made with.
pub fn params_line(params: &SummaryParams) -> String {
    let mut parts: Vec<String> = Param::ALL
        .into_iter()
        .filter_map(|p| {
            params
                .get(p)
                .map(|v| format!("{} {}", p.label(), param_value(p, Some(v))))
        })
        .collect();
    if params.do_sample == Some(true) {
        parts.push("random wording".to_string());
    }
    if let Some(seed) = params.seed {
        parts.push(format!("Seed {seed}"));
    }
    if parts.is_empty() {
        "model defaults".to_string()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_sampling_with_the_parameters() {
        let mut p = SummaryParams::default();
        assert_eq!(params_line(&p), "model defaults");
        p.max_length = Some(60);
        p.do_sample = Some(true);
        p.seed = Some(42);
        assert_eq!(
            params_line(&p),
            "Max length 60 tokens, random wording, Seed 42"
        );
    }

    #[test]
    fn formats_values_with_units() {
        assert_eq!(param_value(Param::MaxLength, Some(150.0)), "150 tokens");
        assert_eq!(param_value(Param::TopP, Some(0.95)), "0.95");
        assert_eq!(param_value(Param::Temperature, Some(1.0)), "1");
        assert_eq!(param_value(Param::Temperature, Some(0.3)), "0.3");
        assert_eq!(param_value(Param::MaxTime, Some(30.0)), "30 s");
        assert_eq!(param_value(Param::TopK, None), "model default");
    }
}
