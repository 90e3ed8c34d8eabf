//! How values become columns and back: answers as a state plus a small JSON value, timestamps
//! as RFC 3339 UTC with milliseconds, ids as UUID v7, names folded for searching. The JSON
//! shape is written out by hand here (not derived) so that renaming a Rust type can never
//! change what is on disk.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value as Json, json};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::audit::{Answer, AnswerState, Value};

/// The last time handed out by [`now`], in microseconds since the epoch.
static LAST: AtomicI64 = AtomicI64::new(i64::MIN);

/// The current time as stored: RFC 3339, UTC, microseconds (`2025-03-14T09:26:53.589793Z`).
/// The fixed width makes text order the time order, and within one process every call returns
/// a later time than the one before (by a microsecond if the clock has not moved), so "the
/// last change" is never a tie. The store is the only library module that reads the clock.
pub fn now() -> String {
    let clock = Utc::now().timestamp_micros();
    let mut last = LAST.load(Ordering::Relaxed);
    let micros = loop {
        let next = clock.max(last.saturating_add(1));
        match LAST.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => break next,
            Err(seen) => last = seen,
        }
    };
    DateTime::<Utc>::from_timestamp_micros(micros)
        .unwrap_or_else(Utc::now)
        .to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A new id: UUID v7, so ids sort by creation time and audits from several laptops never
/// collide.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Lower case, without accents or ligatures: « Société Œcuménique » → "societe oecumenique".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// An answer as (state, JSON value) columns.
pub fn encode(answer: &Answer) -> (&'static str, Option<String>) {
    let state = answer.state().as_str();
    let value = answer.value().map(|v| {
        match v {
            Value::Choice(id) => json!({ "choice": id }),
            Value::Choices(ids) => json!({ "choices": ids }),
            Value::Number(n) => json!({ "number": n }),
            Value::Text(t) => json!({ "text": t }),
            Value::Bool(b) => json!({ "bool": b }),
        }
        .to_string()
    });
    (state, value)
}

/// Encode an optional answer (a trail side): `None` is two NULLs.
pub fn encode_opt(answer: Option<&Answer>) -> (Option<&'static str>, Option<String>) {
    match answer {
        Some(a) => {
            let (s, v) = encode(a);
            (Some(s), v)
        }
        None => (None, None),
    }
}

/// Read back (state, value) columns. The error says what was found.
pub fn decode(state: &str, value: Option<&str>) -> Result<Answer, String> {
    let state =
        AnswerState::parse(state).ok_or_else(|| format!("unknown answer state '{state}'"))?;
    match state {
        AnswerState::DontKnow => return Ok(Answer::DontKnow),
        AnswerState::NotApplicable => return Ok(Answer::NotApplicable),
        AnswerState::Answered => {}
    }
    let text = value.ok_or("answered without a value")?;
    let stored: Stored = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            format!("value {text}: unknown shape")
        } else {
            format!("value {text}: {e}")
        }
    })?;
    Ok(Answer::Given(match stored {
        Stored::Choice(s) => Value::Choice(s),
        Stored::Choices(ids) => Value::Choices(ids),
        Stored::Number(n) => Value::Number(n),
        Stored::Text(t) => Value::Text(t),
        Stored::Bool(b) => Value::Bool(b),
    }))
}

/// The stored value shapes, each key spelled out: read straight from the text, without an
/// intermediate JSON tree (ten thousand audits' answers decode several times faster), and
/// pinned to these names whatever the Rust types are called.
#[derive(serde::Deserialize)]
enum Stored {
    #[serde(rename = "choice")]
    Choice(String),
    #[serde(rename = "choices")]
    Choices(Vec<String>),
    #[serde(rename = "number")]
    Number(f64),
    #[serde(rename = "text")]
    Text(String),
    #[serde(rename = "bool")]
    Bool(bool),
}

/// Read back an optional answer (a trail side).
pub fn decode_opt(state: Option<&str>, value: Option<&str>) -> Result<Option<Answer>, String> {
    state.map(|s| decode(s, value)).transpose()
}

/// A value as plain JSON, the way answers files and `show --json` write it: `"id"`, `["a"]`,
/// `12` (whole numbers without ".0"), `"text"`, `true`.
pub fn plain_json(value: &Value) -> Json {
    match value {
        Value::Choice(id) => json!(id),
        Value::Choices(ids) => json!(ids),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => json!(*n as i64),
        Value::Number(n) => json!(n),
        Value::Text(t) => json!(t),
        Value::Bool(b) => json!(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip() {
        let cases = [
            Answer::DontKnow,
            Answer::NotApplicable,
            Answer::Given(Value::Choice("a".into())),
            Answer::Given(Value::Choices(vec!["a".into(), "b".into()])),
            Answer::Given(Value::Choices(vec![])),
            Answer::Given(Value::Number(2.5)),
            Answer::Given(Value::Number(-3.0)),
            Answer::Given(Value::Text("« été » \"quoted\"\n".into())),
            Answer::Given(Value::Bool(false)),
        ];
        for a in cases {
            let (s, v) = encode(&a);
            assert_eq!(decode(s, v.as_deref()), Ok(a));
        }
    }

    #[test]
    fn bad_columns_are_reported() {
        assert!(decode("maybe", None).is_err());
        assert!(decode("answered", None).is_err());
        assert!(decode("answered", Some("{\"colour\":1}")).is_err());
        assert!(decode("answered", Some("not json")).is_err());
        assert!(decode("answered", Some("{\"choice\":\"a\",\"text\":\"b\"}")).is_err());
        assert!(decode("answered", Some("{\"choice\":1}")).is_err());
        assert!(decode("answered", Some("{\"choices\":[\"a\",2]}")).is_err());
        assert!(decode("answered", Some("{}")).is_err());
        assert_eq!(
            decode("answered", Some("{\"number\":25}")),
            Ok(Answer::Given(Value::Number(25.0)))
        );
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Société Œcuménique"), "societe oecumenique");
        assert_eq!(fold("ÉCOLE"), "ecole");
        assert_eq!(fold("Ça va"), "ca va");
    }

    #[test]
    fn timestamps_are_fixed_width_utc() {
        let t = now();
        assert_eq!(t.len(), 27, "{t}");
        assert!(t.ends_with('Z'));
        let times: Vec<String> = (0..1000).map(|_| now()).collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "strictly increasing");
    }
}
