//! Reading a typed line as an answer to one question, the way a volunteer types it: "2,5" or
//! "1 200" for numbers, "oui"/"non" (or "o"/"n", "yes"/"no"), a choice by its number, its id or
//! its label, several choices separated by commas or spaces. Used by the line mode for every
//! kind and by the TUI for number and text fields. Only the shape is read here; the rules
//! (range, exclusive choices, constraint) are `questionnaire::answer::check`'s job.

use unicode_normalization::UnicodeNormalization;

use crate::audit::{Answer, Value};
use crate::i18n::{Lang, Message};
use crate::questionnaire::{Kind, Question};

/// Read `line` as an answer to `q`. Empty input is the caller's business (skip or clear).
pub fn parse_answer(q: &Question, line: &str) -> Result<Answer, Message> {
    let line: String = line.trim().nfc().collect();
    let value = match q.kind {
        Kind::Text => Value::Text(line),
        Kind::Number => Value::Number(parse_number(q, &line).ok_or_else(|| {
            Message::new(
                format!("« {line} » n'est pas un nombre (exemples : 12, 2,5, 1 200)"),
                format!("'{line}' is not a number (examples: 12, 2.5, 1200)"),
            )
        })?),
        Kind::Scale => {
            let n = parse_number(q, &line).filter(|n| (1.0..=5.0).contains(n) && n.fract() == 0.0);
            Value::Number(n.ok_or_else(|| {
                Message::new(
                    "une note de 1 à 5 est attendue",
                    "a rating from 1 to 5 is expected",
                )
            })?)
        }
        Kind::Yesno => Value::Bool(parse_yes_no(&line).ok_or_else(|| {
            Message::new(
                "répondez oui ou non (o / n, ou 1 / 2)",
                "answer yes or no (y / n, or 1 / 2)",
            )
        })?),
        Kind::Single => Value::Choice(choice_id(q, &line)?),
        Kind::Multiple => {
            let mut ids = Vec::new();
            for part in split_choices(&line) {
                ids.push(choice_id(q, part)?);
            }
            Value::Choices(ids)
        }
    };
    Ok(Answer::Given(value))
}

/// A number as people write it: spaces (also non-breaking) as thousands separators, a comma or a
/// point as the decimal mark, optionally followed by the question's unit ("12 Go").
pub fn parse_number(q: &Question, s: &str) -> Option<f64> {
    let mut s = s.trim();
    if let Some(unit) = &q.unit {
        for u in [unit.fr.as_str(), unit.en.as_str()] {
            if !u.is_empty()
                && let Some(rest) = s.strip_suffix(u)
            {
                s = rest.trim_end();
                break;
            }
        }
    }
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Yes or no in French or English, or 1 / 2 as the line mode numbers them.
pub fn parse_yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "o" | "oui" | "y" | "yes" | "1" | "vrai" | "true" => Some(true),
        "n" | "non" | "no" | "2" | "faux" | "false" => Some(false),
        _ => None,
    }
}

fn split_choices(line: &str) -> impl Iterator<Item = &str> {
    line.split([',', ';', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// A choice by its number (1-based, as listed), its id, or its label in either language.
fn choice_id(q: &Question, s: &str) -> Result<String, Message> {
    let s = s.trim();
    if let Ok(n) = s.parse::<usize>()
        && let Some(c) = n.checked_sub(1).and_then(|i| q.choices.get(i))
    {
        return Ok(c.id.clone());
    }
    let lower = s.to_lowercase();
    let labels = |c: &crate::questionnaire::Choice| {
        [
            c.label.get(Lang::Fr).to_lowercase(),
            c.label.get(Lang::En).to_lowercase(),
        ]
    };
    let exact = q
        .choices
        .iter()
        .find(|c| c.id == s || labels(c).contains(&lower));
    // Or the start of exactly one label ("une seule" for "Une seule équipe, au même endroit").
    let prefixed: Vec<_> = q
        .choices
        .iter()
        .filter(|c| lower.chars().count() >= 3 && labels(c).iter().any(|l| l.starts_with(&lower)))
        .collect();
    exact
        .or(if prefixed.len() == 1 {
            prefixed.first().copied()
        } else {
            None
        })
        .map(|c| c.id.clone())
        .ok_or_else(|| {
            Message::new(
                format!(
                    "« {s} » n'est pas un choix proposé : tapez un numéro de 1 à {}",
                    q.choices.len()
                ),
                format!(
                    "'{s}' is not one of the choices: type a number from 1 to {}",
                    q.choices.len()
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::walk::tests::fixture;

    #[test]
    fn numbers_the_french_way() {
        let q = fixture();
        let n = q.question("files_storage_gb").expect("fixture question");
        assert_eq!(parse_number(n, "2,5"), Some(2.5));
        assert_eq!(parse_number(n, "1 200"), Some(1200.0));
        assert_eq!(parse_number(n, "1\u{202f}200,5 Go"), Some(1200.5));
        assert_eq!(parse_number(n, "douze"), None);
        assert_eq!(parse_number(n, "inf"), None);
        assert_eq!(parse_number(n, ""), None);
    }

    #[test]
    fn choices_by_number_id_or_label() {
        let q = fixture();
        let m = q.question("files_tools").expect("fixture question");
        assert_eq!(
            parse_answer(m, "1, nextcloud"),
            Ok(Answer::Given(Value::Choices(vec![
                "google_drive".into(),
                "nextcloud".into()
            ])))
        );
        assert_eq!(
            parse_answer(m, "DROPBOX none"),
            Ok(Answer::Given(Value::Choices(vec![
                "dropbox".into(),
                "none".into()
            ])))
        );
        assert!(parse_answer(m, "9").is_err());
    }

    #[test]
    fn yes_no_and_text() {
        assert_eq!(parse_yes_no("Oui"), Some(true));
        assert_eq!(parse_yes_no("n"), Some(false));
        assert_eq!(parse_yes_no("peut-être"), None);
        let q = fixture();
        let t = q.question("comment").expect("fixture question");
        // NFD input comes out NFC.
        assert_eq!(
            parse_answer(t, "  e\u{301}te\u{301} "),
            Ok(Answer::Given(Value::Text("été".into())))
        );
    }
}
