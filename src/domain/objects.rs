//! Structs from JSON objects only. serde's derived `Deserialize` also builds a struct from an
//! array of its fields in order (`["Some text."]` as a summarize request, `[null, 80]` as its
//! parameters), which no client means and the OpenAPI document does not allow.
//!
//! A type opts in by deriving with `#[serde(remote = "Self")]` (the derive then yields inherent
//! `serialize`/`deserialize` functions), implementing [`FromFields`] with that `deserialize`, and
//! its `Serialize`/`Deserialize` with [`impl_object_only!`](crate::impl_object_only).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, MapAccess, Visitor};

/// The derived deserializer of a struct.
pub trait FromFields<'de>: Sized {
    fn from_fields<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// `T` from a JSON object; anything else is "invalid type: …, expected a JSON object".
pub fn object<'de, D: Deserializer<'de>, T: FromFields<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(ObjectOnly(PhantomData))
}

struct ObjectOnly<T>(PhantomData<T>);

impl<'de, T: FromFields<'de>> Visitor<'de> for ObjectOnly<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_fields(MapAccessDeserializer::new(map))
    }
}

/// `Serialize` and `Deserialize` for a struct derived with `#[serde(remote = "Self")]`:
/// serialized as derived, deserialized from an object only.
#[macro_export]
macro_rules! impl_object_only {
    ($t:ty) => {
        impl<'de> $crate::domain::objects::FromFields<'de> for $t {
            fn from_fields<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t>::deserialize(d)
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$t>::serialize(self, s)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::domain::objects::object(d)
            }
        }
    };
}
