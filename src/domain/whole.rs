//! Whole numbers in JSON: `80` and `80.0` alike, never `80.5`.
//!
//! JSON Schema's `integer` (what the OpenAPI document promises) includes `80.0`, and that is
//! what Python's `json` writes for a float that happens to be whole; serde's own `u32` refuses
//! it. Used for the integer generation parameters.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Unexpected, Visitor};

/// 2⁶⁴: the first float above every `u64`.
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;

/// `#[serde(default, deserialize_with = "whole::option")]` for an `Option` of an unsigned
/// integer: `null` or absent is `None`.
pub fn option<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<u64>,
{
    deserializer.deserialize_option(OptionOf(PhantomData))
}

struct OptionOf<T>(PhantomData<T>);

impl<'de, T: TryFrom<u64>> Visitor<'de> for OptionOf<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(Whole(PhantomData)).map(Some)
    }
}

struct Whole<T>(PhantomData<T>);

impl<T: TryFrom<u64>> Whole<T> {
    fn fit<E: de::Error>(&self, v: u64, seen: Unexpected) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(seen, self))
    }
}

impl<T: TryFrom<u64>> Visitor<'_> for Whole<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number in range")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.fit(v, Unexpected::Unsigned(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        let seen = Unexpected::Signed(v);
        let v = u64::try_from(v).map_err(|_| E::invalid_value(seen, &self))?;
        self.fit(v, seen)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        let seen = Unexpected::Float(v);
        if v.fract() == 0.0 && (0.0..TWO_POW_64).contains(&v) {
            self.fit(v as u64, seen)
        } else {
            Err(E::invalid_value(seen, &self))
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct P {
        #[serde(default, deserialize_with = "super::option")]
        n: Option<u32>,
        #[serde(default, deserialize_with = "super::option")]
        big: Option<u64>,
    }

    fn parse(json: &str) -> Result<P, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn whole_floats_are_whole_numbers() {
        assert_eq!(parse(r#"{"n": 80}"#).unwrap().n, Some(80));
        assert_eq!(parse(r#"{"n": 80.0}"#).unwrap().n, Some(80));
        assert_eq!(parse(r#"{"n": 8e1}"#).unwrap().n, Some(80));
        assert_eq!(parse(r#"{"n": null}"#).unwrap().n, None);
        assert_eq!(parse("{}").unwrap().n, None);
        assert_eq!(
            parse(r#"{"big": 18446744073709551615}"#).unwrap().big,
            Some(u64::MAX)
        );
    }

    #[test]
    fn fractions_negatives_and_overflow_are_refused() {
        for json in [
            r#"{"n": 80.5}"#,
            r#"{"n": -1}"#,
            r#"{"n": -0.5}"#,
            r#"{"n": 4294967296}"#,
            r#"{"n": 4294967296.0}"#,
            r#"{"n": "80"}"#,
            r#"{"n": true}"#,
            r#"{"big": 18446744073709551616.0}"#,
            r#"{"big": 1e300}"#,
        ] {
            let e = parse(json).unwrap_err();
            assert!(
                e.contains("whole number") || e.contains("invalid type"),
                "{json}: {e}"
            );
        }
    }
}
