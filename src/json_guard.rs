//! JSON from outside (a JSON export brought back, a bundle) read with one rule more than JSON
//! itself: no object holds the same key twice. serde_json keeps the last of two values
//! silently (`{"members": 12, "members": -5}` reads -5), and a file showing one value to a
//! person and another to diagasso is refused instead, naming the key and where it is.
//!
//! The check walks the document once as a stream (it keeps the keys of the objects being read,
//! nothing else), so it runs before the real parse, over a file of any size.

use std::collections::HashSet;
use std::fmt;
use std::io::Read;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value as Json;

/// Check that no object of the JSON in `bytes` holds a key twice. The error is serde_json's,
/// with its line and column (`duplicate key "members" at line 4 column 15`, a data error);
/// invalid JSON is reported the same way (a syntax or end-of-file error).
pub fn check_unique_keys(bytes: &[u8]) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    Walk.deserialize(&mut de)?;
    de.end()
}

/// [`check_unique_keys`] over a stream.
pub fn check_unique_keys_in(source: impl Read) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_reader(source);
    Walk.deserialize(&mut de)?;
    de.end()
}

/// Walks any value, refusing repeated keys. (serde_json's own recursion limit, 128 levels,
/// refuses a document nested deeper, as a syntax error.)
struct Walk;

impl<'de> DeserializeSeed<'de> for Walk {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Walk)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if keys.contains(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            map.next_value_seed(Walk)?;
            keys.insert(key);
        }
        Ok(())
    }
}

/// For `#[serde(deserialize_with)]` on an `Option<serde_json::Value>` field: the value as
/// serde_json reads it (`null` is `None`), but an object holding a key twice is an error.
pub fn unique_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Json>, D::Error> {
    match d.deserialize_any(Build)? {
        Json::Null => Ok(None),
        v => Ok(Some(v)),
    }
}

/// Builds a `serde_json::Value`, refusing repeated keys.
struct Build;

impl<'de> DeserializeSeed<'de> for Build {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Build {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Json::Null, Json::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(Build)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Build)? {
            out.push(v);
        }
        Ok(Json::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            let v = map.next_value_seed(Build)?;
            out.insert(key, v);
        }
        Ok(Json::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_refused_with_its_place() {
        let e = check_unique_keys(b"{\"a\": {\"m\": 12,\n \"m\": -5}}").unwrap_err();
        assert_eq!(e.to_string(), "duplicate key \"m\" at line 2 column 4");
        let e = check_unique_keys_in(&b"[{\"x\":1,\"y\":2,\"x\":3}]"[..]).unwrap_err();
        assert!(e.to_string().starts_with("duplicate key \"x\""), "{e}");
    }

    #[test]
    fn the_same_key_in_two_objects_is_fine() {
        check_unique_keys(b"[{\"a\":1},{\"a\":2,\"b\":{\"a\":3}}] ").unwrap();
        check_unique_keys_in(&b"{\"a\":\"\\u0061\",\"\\u0062\":null}"[..]).unwrap();
    }

    #[test]
    fn a_value_is_built_as_serde_json_builds_it_but_without_repeats() {
        #[derive(serde::Deserialize, Debug)]
        struct R {
            #[serde(default, deserialize_with = "unique_value")]
            value: Option<Json>,
        }
        let r: R =
            serde_json::from_str(r#"{"value": {"choices": ["a", 1, 2.5, true, null]}}"#).unwrap();
        assert_eq!(
            r.value,
            Some(serde_json::json!({"choices": ["a", 1, 2.5, true, null]}))
        );
        let r: R = serde_json::from_str(r#"{"value": null}"#).unwrap();
        assert_eq!(r.value, None);
        let r: R = serde_json::from_str("{}").unwrap();
        assert_eq!(r.value, None);
        let e = serde_json::from_str::<R>(r#"{"value": {"number": 3, "number": -5}}"#).unwrap_err();
        assert!(e.to_string().starts_with("duplicate key \"number\""), "{e}");
    }

    #[test]
    fn an_escaped_repeat_is_still_a_repeat() {
        assert!(check_unique_keys(b"{\"a\":1,\"\\u0061\":2}").is_err());
    }

    #[test]
    fn invalid_and_too_deep_json_is_refused() {
        assert!(check_unique_keys(b"{\"a\":").is_err());
        assert!(check_unique_keys(b"{} x").is_err());
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(check_unique_keys(deep.as_bytes()).is_err());
        assert!(check_unique_keys_in(deep.as_bytes()).is_err());
    }
}
