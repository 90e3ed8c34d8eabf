//! A TOML value read as the answer to one question, by the question's kind: `"id"` for a
//! single choice, `["a", "b"]` for several, a number, `"text"`, `true`/`false`, or
//! `{ dont_know = true }` / `{ not_applicable = true }`. The rules beyond the shape (choice
//! ids, ranges, constraints) are `questionnaire::answer::check`'s.

use toml::de::DeValue;

use crate::audit::{Answer, Value};
use crate::questionnaire::{Kind, Question};

/// Why a value does not fit, in French and English.
pub(super) type Why = (String, String);

/// Read `v` as an answer to `q`.
pub(super) fn answer(q: &Question, v: &DeValue<'_>) -> Result<Answer, Why> {
    if let DeValue::Table(t) = v {
        let mut entries = t.iter();
        return match (entries.next(), entries.next()) {
            (Some((k, val)), None) if matches!(val.get_ref(), DeValue::Boolean(true)) => {
                match k.get_ref().as_ref() {
                    "dont_know" => Ok(Answer::DontKnow),
                    "not_applicable" => Ok(Answer::NotApplicable),
                    _ => Err(special()),
                }
            }
            _ => Err(special()),
        };
    }
    let found = type_name(v);
    let value = match (q.kind, v) {
        (Kind::Single, DeValue::String(s)) => Value::Choice(s.to_string()),
        (Kind::Single, _) => {
            return Err(expected(
                &format!(
                    "un identifiant de choix entre guillemets, par exemple \"{}\"",
                    example(q)
                ),
                &format!("one choice id in quotes, e.g. \"{}\"", example(q)),
                found,
            ));
        }
        (Kind::Multiple, DeValue::Array(items)) => {
            let mut ids = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::String(s) => ids.push(s.to_string()),
                    other => {
                        return Err(expected(
                            "des identifiants de choix entre guillemets dans la liste",
                            "choice ids in quotes in the list",
                            type_name(other),
                        ));
                    }
                }
            }
            Value::Choices(ids)
        }
        (Kind::Multiple, _) => {
            return Err(expected(
                &format!("une liste de choix, par exemple [\"{}\"]", example(q)),
                &format!("a list of choice ids, e.g. [\"{}\"]", example(q)),
                found,
            ));
        }
        (Kind::Number | Kind::Scale, DeValue::Integer(i)) => {
            let n = i64::from_str_radix(i.as_str(), i.radix()).map_err(|_| {
                (
                    "nombre trop grand".to_string(),
                    "number too large".to_string(),
                )
            })?;
            Value::Number(n as f64)
        }
        (Kind::Number | Kind::Scale, DeValue::Float(f)) => {
            let n: f64 = f.as_str().replace('_', "").parse().unwrap_or(f64::NAN);
            if !n.is_finite() {
                return Err(("nombre invalide".into(), "invalid number".into()));
            }
            Value::Number(n)
        }
        (Kind::Number, _) => return Err(expected("un nombre", "a number", found)),
        (Kind::Scale, _) => {
            return Err(expected("une note de 1 à 5", "a rating from 1 to 5", found));
        }
        (Kind::Text, DeValue::String(s)) => Value::Text(s.to_string()),
        (Kind::Text, _) => {
            return Err(expected(
                "du texte entre guillemets",
                "text in quotes",
                found,
            ));
        }
        (Kind::Yesno, DeValue::Boolean(b)) => Value::Bool(*b),
        (Kind::Yesno, _) => return Err(expected("true ou false", "true or false", found)),
    };
    Ok(Answer::Given(value))
}

fn special() -> Why {
    (
        "table inattendue : écrivez { dont_know = true } (je ne sais pas) ou { not_applicable = true } (non concerné)".into(),
        "unexpected table: write { dont_know = true } (don't know) or { not_applicable = true } (not applicable)".into(),
    )
}

fn expected(fr: &str, en: &str, found: (&str, &str)) -> Why {
    (
        format!("réponse attendue : {fr} (trouvé : {})", found.0),
        format!("expected {en} (found {})", found.1),
    )
}

fn example(q: &Question) -> &str {
    q.choices.first().map_or("…", |c| c.id.as_str())
}

fn type_name(v: &DeValue<'_>) -> (&'static str, &'static str) {
    match v {
        DeValue::String(_) => ("du texte", "text"),
        DeValue::Integer(_) => ("un nombre entier", "a whole number"),
        DeValue::Float(_) => ("un nombre", "a number"),
        DeValue::Boolean(_) => ("un booléen", "a boolean"),
        DeValue::Datetime(_) => ("une date", "a date"),
        DeValue::Array(_) => ("une liste", "a list"),
        DeValue::Table(_) => ("une table", "a table"),
    }
}

/// The known id closest to `id` (a typo away), if any.
pub(super) fn nearest<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let len = id.chars().count();
    let limit = (len / 4).clamp(1, 3);
    known
        // The distance is at least the difference in length: most ids are skipped unread.
        .filter(|k| k.chars().count().abs_diff(len) <= limit)
        .map(|k| (distance(id, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ids() {
        let ids = ["files_tools", "files_main", "members_count"];
        assert_eq!(nearest("files_tool", ids.into_iter()), Some("files_tools"));
        assert_eq!(
            nearest("member_count", ids.into_iter()),
            Some("members_count")
        );
        assert_eq!(nearest("budget", ids.into_iter()), None);
    }
}
