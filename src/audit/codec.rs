//! How answers become text and back: a state plus a small JSON value (the store's columns, a
//! bundle's fields), and names folded for searching. The JSON shape is written out by hand here
//! (not derived) so that renaming a Rust type can never change what is on disk. Pure: the
//! clock and ids are the store's (`store::clock`).

use serde_json::{Value as Json, json};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::audit::{Answer, AnswerState, Value};

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
    if let Some(value) = decode_plain(text) {
        return Ok(Answer::Given(value));
    }
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

/// The shapes [`encode`] writes, read without a JSON parser when they hold nothing a parser
/// would have to interpret: no escape, no space, a whole number. Ten thousand audits' answers
/// (most of them choices and numbers) decode about three times faster. Anything else gives
/// `None` and goes through serde_json, which reads these same texts to the same values.
fn decode_plain(text: &str) -> Option<Value> {
    let inner = text.strip_prefix("{\"")?.strip_suffix('}')?;
    let (key, rest) = inner.split_once("\":")?;
    match key {
        "choice" => Some(Value::Choice(plain_string(rest)?.to_owned())),
        "choices" => {
            let list = rest.strip_prefix('[')?.strip_suffix(']')?;
            if list.is_empty() {
                return Some(Value::Choices(Vec::new()));
            }
            let ids: Option<Vec<String>> = list
                .split(',')
                .map(|item| plain_string(item).map(str::to_owned))
                .collect();
            ids.map(Value::Choices)
        }
        "number" => plain_whole(rest).map(Value::Number),
        "text" => Some(Value::Text(plain_string(rest)?.to_owned())),
        "bool" => match rest {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    }
}

/// The body of a JSON string that needs no unescaping: `"…"` holding no quote, no backslash
/// and no control character (which JSON forbids unescaped).
fn plain_string(quoted: &str) -> Option<&str> {
    let body = quoted.strip_prefix('"')?.strip_suffix('"')?;
    body.bytes()
        .all(|b| b != b'"' && b != b'\\' && b >= 0x20)
        .then_some(body)
}

/// A whole number as serde_json writes an `f64` that holds one (`12.0`, `-3.0`; `0` too):
/// at most 15 digits, so exact in an `f64` whichever parser reads it. No leading zero, no
/// exponent, no negative zero: those go through the parser.
fn plain_whole(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits = digits.strip_suffix(".0").unwrap_or(digits);
    let valid = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && !(negative && digits == "0");
    if !valid {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    let n = n as f64;
    Some(if negative { -n } else { n })
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

    /// Through the parser, as every value used to be read.
    fn parsed(text: &str) -> Option<Value> {
        let stored: Stored = serde_json::from_str(text).ok()?;
        Some(match stored {
            Stored::Choice(s) => Value::Choice(s),
            Stored::Choices(ids) => Value::Choices(ids),
            Stored::Number(n) => Value::Number(n),
            Stored::Text(t) => Value::Text(t),
            Stored::Bool(b) => Value::Bool(b),
        })
    }

    /// What the plain reader accepts, it reads as the parser does (bit for bit: -0.0 is not
    /// 0.0 here); what it refuses, the parser reads (or refuses) instead.
    #[test]
    fn plain_values_read_as_the_parser_reads_them() {
        let texts = [
            r#"{"choice":"google_drive"}"#,
            r#"{"choice":""}"#,
            r#"{"choice":"a\"b"}"#,
            r#"{"choice":"a\u00e9"}"#,
            r#"{"choice": "a"}"#,
            r#"{"choices":["it","nl"]}"#,
            r#"{"choices":[]}"#,
            r#"{"choices":["a,b","c"]}"#,
            r#"{"choices":["a", "b"]}"#,
            r#"{"choices":["a",]}"#,
            r#"{"choices":"a"}"#,
            r#"{"number":25.0}"#,
            r#"{"number":-3.0}"#,
            r#"{"number":0}"#,
            r#"{"number":0.0}"#,
            r#"{"number":-0.0}"#,
            r#"{"number":-0}"#,
            r#"{"number":007}"#,
            r#"{"number":2.5}"#,
            r#"{"number":1e16}"#,
            r#"{"number":123456789012345.0}"#,
            r#"{"number":1234567890123456789.0}"#,
            r#"{"number":+1}"#,
            r#"{"number":.5}"#,
            r#"{"number":1.}"#,
            r#"{"text":"« été » au café"}"#,
            r#"{"text":"ligne\nsuivante"}"#,
            "{\"text\":\"tab\there\"}",
            r#"{"bool":true}"#,
            r#"{"bool":false}"#,
            r#"{"bool":1}"#,
            r#"{"colour":"red"}"#,
            r#"{"choice":"a","text":"b"}"#,
            r#"{}"#,
            r#"{"#,
        ];
        for text in texts {
            let want = parsed(text);
            // What the plain reader refuses, the parser reads (or refuses) instead.
            if let Some(got) = decode_plain(text) {
                assert_eq!(Some(&got), want.as_ref(), "{text}");
                if let (Value::Number(a), Some(Value::Number(b))) = (&got, &want) {
                    assert_eq!(a.to_bits(), b.to_bits(), "{text}");
                }
            }
        }
        // The shapes diagasso writes take the plain way.
        for text in [
            r#"{"choice":"google_drive"}"#,
            r#"{"choices":["it","nl"]}"#,
            r#"{"choices":[]}"#,
            r#"{"number":25.0}"#,
            r#"{"number":-3.0}"#,
            r#"{"text":"« été » au café"}"#,
            r#"{"bool":false}"#,
        ] {
            assert!(decode_plain(text).is_some(), "{text}");
        }
        // Every answer diagasso writes reads back the same, whichever way it is read.
        let values = [
            Value::Choice("files".into()),
            Value::Choices(vec!["a".into(), "b".into()]),
            Value::Choices(vec![]),
            Value::Number(12.0),
            Value::Number(-7.0),
            Value::Number(0.1),
            Value::Number(1e300),
            Value::Text("« Café » \"cité\"\n".into()),
            Value::Bool(true),
        ];
        for v in values {
            let (state, text) = encode(&Answer::Given(v.clone()));
            let text = text.unwrap();
            assert_eq!(parsed(&text).as_ref(), Some(&v), "{text}");
            assert_eq!(decode(state, Some(&text)), Ok(Answer::Given(v)), "{text}");
        }
    }

    proptest::proptest! {
        /// Texts shaped like stored values, with the characters that trip parsers: whatever
        /// the plain reader accepts, the parser reads to the same value.
        #[test]
        fn the_plain_reader_never_disagrees_with_the_parser(
            text in "\\{\"(choice|choices|number|text|bool)\":[-+0-9a-z\",\\[\\]. \\\\eé]{0,14}\\}"
        ) {
            if let Some(got) = decode_plain(&text) {
                let want = parsed(&text);
                proptest::prop_assert_eq!(Some(&got), want.as_ref(), "{}", text);
                if let (Value::Number(a), Some(Value::Number(b))) = (&got, &want) {
                    proptest::prop_assert_eq!(a.to_bits(), b.to_bits(), "{}", text);
                }
            }
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Société Œcuménique"), "societe oecumenique");
        assert_eq!(fold("ÉCOLE"), "ecole");
        assert_eq!(fold("Ça va"), "ca va");
    }
}
