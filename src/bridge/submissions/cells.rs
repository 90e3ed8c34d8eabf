//! One row of an export written as an answers file (TOML text), each cell read by its
//! question's kind: choice names (Kobo, ODK) or option texts (Nextcloud) made choice ids,
//! « je ne sais pas » / « non concerné » made `{ dont_know = true }` / `{ not_applicable =
//! true }`, numbers read with a decimal point or comma. A cell that does not read as its kind
//! is written as the text it holds, so the answers-file check refuses it with its own reason.
//! Returns, beside the text, the column each answer came from (to say where a refusal is).

use std::collections::BTreeMap;

use toml::{Table as TomlTable, Value};

use super::columns::{Column, Role};
use super::normalise;
use super::table::Source;
use crate::audit::LegalForm;
use crate::bridge::profile;
use crate::bridge::xpath::{DONT_KNOW, NOT_APPLICABLE};
use crate::i18n::Lang;
use crate::questionnaire::{Kind, Question, Questionnaire};

/// Where each `[answers]` question or `[association]` key of the document came from.
pub type Origins = BTreeMap<String, usize>;

/// The answers file of one row.
pub fn row_document(
    q: &Questionnaire,
    source: Source,
    columns: &[Column],
    row: &[String],
    trainer: &str,
    note: &str,
) -> (String, Origins) {
    let cell = |i: usize| row.get(i).map(|s| s.trim()).unwrap_or("");
    let mut origins = Origins::new();
    let mut answers = TomlTable::new();
    let mut association = TomlTable::new();
    // Kobo's `question/choice` columns, for a multiple whose own column is absent.
    let mut split: BTreeMap<&str, (usize, Vec<String>)> = BTreeMap::new();
    let has_column = |id: &str| {
        columns
            .iter()
            .any(|c| c.role == Role::Question(id.to_string()))
    };
    for c in columns {
        let text = cell(c.index);
        if text.is_empty() {
            continue;
        }
        match &c.role {
            Role::Question(id) => {
                let Some(question) = q.question(id) else {
                    continue;
                };
                // The companion, when ticked, wins: the form hid this field.
                if answers.contains_key(id.as_str()) {
                    continue;
                }
                answers.insert(id.clone(), value(question, source, text));
                origins.insert(id.clone(), c.index);
            }
            Role::Companion(id) => {
                if let Some(special) = special(text) {
                    answers.insert(id.clone(), special);
                    origins.insert(id.clone(), c.index);
                }
            }
            Role::Split(id, choice) if !has_column(id) => {
                let entry = split.entry(id.as_str()).or_insert((c.index, Vec::new()));
                if matches!(text, "1" | "1.0" | "true" | "True" | "TRUE") {
                    entry.1.push(choice.clone());
                }
            }
            Role::Profile(key) => {
                let field = profile::FIELDS.iter().find(|f| f.key == *key);
                let v = match field {
                    Some(f) if profile::is_count(f) => {
                        number(text).unwrap_or_else(|| Value::String(text.into()))
                    }
                    _ if *key == "legal_form" => Value::String(legal_form(text)),
                    _ => Value::String(text.into()),
                };
                association.insert((*key).to_string(), v);
                origins.insert(format!("{}{key}", profile::PREFIX), c.index);
            }
            _ => {}
        }
    }
    for (id, (index, chosen)) in split {
        if chosen.is_empty() || answers.contains_key(id) {
            continue;
        }
        let v = match chosen.as_slice() {
            [one] if one == DONT_KNOW || one == NOT_APPLICABLE => {
                special(one).unwrap_or_else(|| Value::Array(Vec::new()))
            }
            _ => Value::Array(chosen.into_iter().map(Value::String).collect()),
        };
        answers.insert(id.to_string(), v);
        origins.insert(id.to_string(), index);
    }
    let mut doc = TomlTable::new();
    doc.insert("questionnaire".into(), Value::String(q.id.clone()));
    doc.insert("version".into(), Value::Integer(i64::from(q.version)));
    if !trainer.is_empty() {
        doc.insert("trainer".into(), Value::String(trainer.into()));
    }
    doc.insert("note".into(), Value::String(note.into()));
    doc.insert("association".into(), Value::Table(association));
    doc.insert("answers".into(), Value::Table(answers));
    (toml::to_string(&doc).unwrap_or_default(), origins)
}

/// « je ne sais pas » or « non concerné », however the tool wrote it.
fn special(text: &str) -> Option<Value> {
    let n = normalise(text);
    let key = match n.as_str() {
        "dont_know" | "je ne sais pas" | "don't know" | "nsp" | "ne sait pas" => "dont_know",
        "not_applicable" | "non concerné" | "not applicable" | "nc" | "sans objet" => {
            "not_applicable"
        }
        _ => return None,
    };
    let mut t = TomlTable::new();
    t.insert(key.into(), Value::Boolean(true));
    Some(Value::Table(t))
}

/// A cell as the answer to `question`.
fn value(question: &Question, source: Source, text: &str) -> Value {
    if let Some(s) = special(text) {
        return s;
    }
    let raw = || Value::String(text.to_string());
    match question.kind {
        Kind::Single => Value::String(choice_id(question, text)),
        Kind::Multiple => {
            let parts: Vec<&str> = match source {
                Source::Nextcloud => text.split("; ").collect(),
                Source::Form => text.split_whitespace().collect(),
            };
            Value::Array(
                parts
                    .iter()
                    .map(|p| Value::String(choice_id(question, p.trim())))
                    .collect(),
            )
        }
        Kind::Number => number(text).unwrap_or_else(raw),
        Kind::Scale => {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            match digits.parse::<i64>() {
                Ok(n)
                    if digits.len() == text.len()
                        || text[digits.len()..].starts_with([' ', '—', '-']) =>
                {
                    Value::Integer(n)
                }
                _ => raw(),
            }
        }
        Kind::Yesno => match normalise(text).as_str() {
            "yes" | "oui" | "true" | "1" => Value::Boolean(true),
            "no" | "non" | "false" | "0" => Value::Boolean(false),
            _ => raw(),
        },
        Kind::Text => raw(),
    }
}

/// The id of the choice a cell names (its id, or its label in French or English); the text
/// itself when none matches, for the check to refuse.
fn choice_id(question: &Question, text: &str) -> String {
    if question.choice(text).is_some() {
        return text.to_string();
    }
    let wanted = normalise(text);
    question
        .choices
        .iter()
        .find(|c| normalise(&c.label.fr) == wanted || normalise(&c.label.en) == wanted)
        .map(|c| c.id.clone())
        .unwrap_or_else(|| text.to_string())
}

/// A number written with a point or a comma, as TOML would hold it.
fn number(text: &str) -> Option<Value> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = if t.contains('.') {
        t
    } else {
        t.replace(',', ".")
    };
    let n: f64 = t.parse().ok()?;
    if !n.is_finite() {
        return None;
    }
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Some(Value::Integer(n as i64))
    } else {
        Some(Value::Float(n))
    }
}

/// A legal form by its id or its label (Nextcloud writes the option's text).
fn legal_form(text: &str) -> String {
    let wanted = normalise(text);
    LegalForm::ALL
        .iter()
        .find(|f| {
            f.as_str() == text
                || normalise(f.label(Lang::Fr)) == wanted
                || normalise(f.label(Lang::En)) == wanted
        })
        .map_or_else(|| text.to_string(), |f| f.as_str().to_string())
}
