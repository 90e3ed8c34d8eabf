//! Reading plan values: a text is a string, a number or a `{fr, en}` pair wherever it sits, a
//! field is found under any of a few usual names, an enum value is put in words, an address is
//! kept only when it is a plain web address.

use serde_json::Value;

use crate::export::escape::one_line;
use crate::i18n::Lang;

/// An enum value of the plan (`"High"`, `"add_alongside"`...) in words.
pub(crate) fn word(v: &Value, lang: Lang) -> Option<String> {
    let raw = v.as_str()?;
    let key: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    const WORDS: &[(&str, &str, &str)] = &[
        ("low", "faible", "low"),
        ("medium", "moyenne", "medium"),
        ("high", "forte", "high"),
        ("unknown", "inconnue", "unknown"),
        ("keep", "garder", "keep"),
        ("consolidate", "regrouper", "consolidate"),
        ("replace", "remplacer", "replace"),
        ("adopt", "adopter", "adopt"),
        ("addalongside", "ajouter en parallèle", "add alongside"),
        ("find", "à trouver", "to find"),
    ];
    Some(
        WORDS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, fr, en)| lang.pick(fr, en).to_string())
            .unwrap_or_else(|| one_line(raw)),
    )
}

/// A localised, one-line, cleaned text from a plan value: a string, a `{fr, en}` pair, a
/// number, or an object carrying one of the usual text fields.
pub fn text(v: &Value, lang: Lang) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| text(i, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(m) => {
            if m.contains_key("fr") || m.contains_key("en") {
                let pick = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").trim();
                let (a, b) = match lang {
                    Lang::Fr => (pick("fr"), pick("en")),
                    Lang::En => (pick("en"), pick("fr")),
                };
                if a.is_empty() { b } else { a }.to_string()
            } else {
                return [
                    "text", "label", "title", "name", "message", "reason", "summary",
                ]
                .iter()
                .find_map(|k| m.get(*k).and_then(|v| text(v, lang)));
            }
        }
        _ => return None,
    };
    let s = one_line(&s);
    (!s.is_empty()).then_some(s)
}

pub(crate) fn field(v: &Value, keys: &[&str], lang: Lang) -> Option<String> {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(|x| text(x, lang)))
}

pub(crate) fn list<'a>(v: &'a Value, keys: &[&str]) -> &'a [Value] {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(Value::as_array))
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

pub(crate) fn texts(v: &Value, keys: &[&str], lang: Lang) -> Vec<String> {
    list(v, keys).iter().filter_map(|x| text(x, lang)).collect()
}

/// Only a plain `http://` or `https://` address with no space, quote or angle bracket; brackets
/// and parentheses are percent-encoded so the address cannot close a Markdown link.
pub fn safe_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || s.len() > 2000 {
        return None;
    }
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\{}|^".contains(c))
    {
        return None;
    }
    Some(
        s.replace('(', "%28")
            .replace(')', "%29")
            .replace('[', "%5B")
            .replace(']', "%5D"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_plain_web_addresses() {
        assert_eq!(safe_url("https://a.org/x"), Some("https://a.org/x".into()));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://a.org/\"onload"), None);
        assert_eq!(
            safe_url("https://a.org/(x)"),
            Some("https://a.org/%28x%29".into())
        );
    }

    #[test]
    fn texts_pick_the_language() {
        let v = serde_json::json!({"fr": "Bonjour", "en": ""});
        assert_eq!(text(&v, Lang::En).as_deref(), Some("Bonjour"));
        let v = serde_json::json!({"label": {"fr": "Fichiers", "en": "Files"}});
        assert_eq!(text(&v, Lang::En).as_deref(), Some("Files"));
    }
}
