//! The classifier's settings, read with the rest at start-up (see README, "Configuration").

use std::path::PathBuf;

use crate::server::config::{comma_list, ConfigError, RateLimitSettings};

#[derive(Debug, Clone)]
pub struct SortSettings {
    /// `PRECIS_SORT_DATA_DIR`: the fonts and real scans `scripts/sort_data.sh` fetches, which
    /// evaluating and training need (default `${PRECIS_CACHE_DIR:-~/.cache/precis}/sort-data`).
    pub data_dir: PathBuf,
    /// `PRECIS_OPERATORS`: the emails of the accounts that may train the classifier through the
    /// API (comma-separated; default none).
    pub operators: Vec<String>,
    /// `PRECIS_CLASSIFIER_WORKERS` (default: the number of cores): pages classified at once; the
    /// other requests wait their turn.
    pub workers: usize,
    /// `PRECIS_CLASSIFIER_RATE_LIMIT_PER_MINUTE` (30) and `PRECIS_CLASSIFIER_RATE_LIMIT_BURST`
    /// (10): predictions and evaluations asked by one person.
    pub rate_limit: RateLimitSettings,
    /// `PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS` (8): how long an evaluation request waits for a
    /// set being computed before it is answered `202` (ask again later).
    pub evaluate_wait: std::time::Duration,
}

impl SortSettings {
    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let number = |name: &'static str, default: u64| -> Result<u64, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => match v.trim().parse::<u64>() {
                    Ok(n) if n >= 1 => Ok(n),
                    _ => Err(ConfigError::Invalid {
                        name,
                        value: v,
                        expected: "a whole number above zero",
                    }),
                },
            }
        };
        let data_dir = match (get("PRECIS_SORT_DATA_DIR"), get("PRECIS_CACHE_DIR")) {
            (Some(dir), _) => PathBuf::from(dir),
            (None, Some(cache)) => PathBuf::from(cache).join("sort-data"),
            (None, None) => precis_sort::fonts::default_data_dir(),
        };
        let operators = get("PRECIS_OPERATORS")
            .map(|v| comma_list(&v))
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.to_lowercase())
            .collect();
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u64;
        let small = |n: u64| n.min(u32::MAX as u64) as u32;
        let wait = match get("PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS") {
            None => 8,
            Some(v) => match v.trim().parse::<u64>() {
                Ok(n) if n <= 600 => n,
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS",
                        value: v,
                        expected: "a whole number of seconds from 0 to 600",
                    })
                }
            },
        };
        Ok(Self {
            data_dir,
            operators,
            workers: number("PRECIS_CLASSIFIER_WORKERS", cores)?.min(1024) as usize,
            rate_limit: RateLimitSettings {
                per_minute: small(number("PRECIS_CLASSIFIER_RATE_LIMIT_PER_MINUTE", 30)?),
                burst: small(number("PRECIS_CLASSIFIER_RATE_LIMIT_BURST", 10)?),
            },
            evaluate_wait: std::time::Duration::from_secs(wait),
        })
    }

    /// Whether `email` (as stored: trimmed, lower-cased) is an operator's.
    pub fn is_operator(&self, email: &str) -> bool {
        self.operators.iter().any(|o| o == &email.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(vars: &[(&str, &str)]) -> Result<SortSettings, ConfigError> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        SortSettings::from_lookup(&|k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn defaults_let_nobody_train() {
        let s = read(&[("PRECIS_CACHE_DIR", "/cache")]).unwrap();
        assert!(s.operators.is_empty());
        assert!(!s.is_operator(""));
        assert_eq!(s.data_dir, PathBuf::from("/cache/sort-data"));
        assert_eq!((s.rate_limit.per_minute, s.rate_limit.burst), (30, 10));
        assert!(s.workers >= 1);
        assert_eq!(s.evaluate_wait.as_secs(), 8);
    }

    #[test]
    fn every_variable_is_read_and_checked() {
        let s = read(&[
            ("PRECIS_OPERATORS", " Ops@Example.org, ,b@example.org"),
            ("PRECIS_SORT_DATA_DIR", "/data/sort"),
            ("PRECIS_CACHE_DIR", "/cache"),
            ("PRECIS_CLASSIFIER_WORKERS", "3"),
            ("PRECIS_CLASSIFIER_RATE_LIMIT_BURST", "2"),
            ("PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS", "0"),
        ])
        .unwrap();
        assert_eq!(s.operators, ["ops@example.org", "b@example.org"]);
        assert!(s.is_operator("ops@example.org") && s.is_operator("B@example.org"));
        assert!(!s.is_operator("c@example.org"));
        assert_eq!(s.data_dir, PathBuf::from("/data/sort"));
        assert_eq!(s.workers, 3);
        assert_eq!(s.rate_limit.burst, 2);
        assert!(s.evaluate_wait.is_zero());
        for bad in [
            ("PRECIS_CLASSIFIER_EVALUATE_WAIT_SECS", "601"),
            ("PRECIS_CLASSIFIER_WORKERS", "0"),
            ("PRECIS_CLASSIFIER_RATE_LIMIT_PER_MINUTE", "many"),
            ("PRECIS_CLASSIFIER_RATE_LIMIT_BURST", "-1"),
        ] {
            assert!(read(&[bad]).is_err(), "{bad:?}");
        }
    }
}
