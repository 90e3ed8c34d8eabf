//! Loading a questionnaire file: the TOML is read into raw structs that keep the position of
//! every field, then handed to `validate` which checks it as a whole. Every problem is reported
//! at once, each with file:line:column and what to do, in French and English.

use std::fmt;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::Spanned;

use super::validate::Validator;
use super::{Kind, Question, Questionnaire, ScaleLabels};
use crate::audit::Value;
use crate::i18n::{Lang, Text};

/// One problem in a questionnaire file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub fr: String,
    pub en: String,
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}",
            self.file,
            self.line,
            self.column,
            lang.pick(&self.fr, &self.en)
        )
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Every problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct LoadErrors(pub Vec<LoadError>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestionnaire {
    pub(super) id: Spanned<String>,
    pub(super) version: Spanned<i64>,
    pub(super) title: Spanned<Text>,
    #[serde(default)]
    pub(super) description: Option<Spanned<Text>>,
    #[serde(default)]
    pub(super) section: Vec<Spanned<RawSection>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    pub(super) id: Spanned<String>,
    pub(super) title: Spanned<Text>,
    #[serde(default)]
    pub(super) intro: Option<Spanned<Text>>,
    #[serde(default)]
    pub(super) domain: Option<String>,
    #[serde(default)]
    pub(super) relevant: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) question: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) id: Spanned<String>,
    pub(super) kind: Spanned<Kind>,
    pub(super) label: Spanned<Text>,
    pub(super) help: Option<Spanned<Text>>,
    #[serde(default)]
    pub(super) required: bool,
    pub(super) required_message: Option<Spanned<Text>>,
    pub(super) relevant: Option<Spanned<String>>,
    pub(super) constraint: Option<Spanned<String>>,
    pub(super) constraint_message: Option<Spanned<Text>>,
    #[serde(default)]
    pub(super) not_applicable: bool,
    pub(super) domain: Option<String>,
    pub(super) role: Option<String>,
    pub(super) default: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(super) choices: Vec<Spanned<RawChoice>>,
    pub(super) min: Option<f64>,
    pub(super) max: Option<f64>,
    pub(super) integer: Option<bool>,
    pub(super) unit: Option<Spanned<Text>>,
    pub(super) quantity: Option<String>,
    pub(super) scale_labels: Option<ScaleLabels>,
    #[serde(default)]
    pub(super) tags: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChoice {
    pub(super) id: Spanned<String>,
    pub(super) label: Spanned<Text>,
    pub(super) tool: Option<String>,
    #[serde(default)]
    pub(super) needs: Vec<String>,
    #[serde(default)]
    pub(super) signals: Vec<String>,
    #[serde(default)]
    pub(super) exclusive: bool,
}

/// Turns byte offsets into 1-based line and column (in characters).
pub(super) struct Positions<'a> {
    pub(super) src: &'a str,
    pub(super) file: &'a str,
}

impl Positions<'_> {
    pub(super) fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let before = self.src.get(..offset).unwrap_or(self.src);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    pub(super) fn error(
        &self,
        offset: usize,
        fr: impl Into<String>,
        en: impl Into<String>,
    ) -> LoadError {
        let (line, column) = self.at(offset);
        LoadError {
            file: self.file.to_string(),
            line,
            column,
            fr: fr.into(),
            en: en.into(),
        }
    }
}

/// Load and validate a questionnaire from its text; `file` names it in messages.
pub fn load_str(file: &str, src: &str) -> Result<Questionnaire, LoadErrors> {
    let pos = Positions { src, file };
    let raw: RawQuestionnaire = toml::from_str(src).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let msg = e.message().trim().to_string();
        let (fr, en) = if msg.starts_with("unknown field") {
            (
                format!("champ inconnu : {msg}. Vérifiez l'orthographe du nom."),
                format!("{msg}. Check the spelling of the name."),
            )
        } else if msg.starts_with("unknown variant") {
            (
                format!("valeur inconnue : {msg}. Choisissez une des valeurs proposées."),
                format!("{msg}. Use one of the listed values."),
            )
        } else {
            (
                format!("TOML invalide : {msg}. Corrigez la syntaxe à cet endroit."),
                format!("invalid TOML: {msg}. Fix the syntax at this place."),
            )
        };
        LoadErrors(vec![pos.error(offset, fr, en)])
    })?;
    let mut v = Validator::new(&pos);
    let q = v.build(raw, src);
    if v.errors.is_empty() {
        Ok(q)
    } else {
        v.errors.sort_by_key(|e| (e.line, e.column));
        Err(LoadErrors(v.errors))
    }
}

pub(super) fn default_value(q: &Question, v: &toml::Value) -> Option<Value> {
    match (q.kind, v) {
        (Kind::Single, toml::Value::String(s)) if q.choice(s).is_some() => {
            Some(Value::Choice(s.clone()))
        }
        (Kind::Multiple, toml::Value::Array(items)) => {
            let ids: Option<Vec<String>> = items
                .iter()
                .map(|i| {
                    i.as_str()
                        .filter(|s| q.choice(s).is_some())
                        .map(str::to_string)
                })
                .collect();
            ids.map(Value::Choices)
        }
        (Kind::Number | Kind::Scale, toml::Value::Integer(n)) => Some(Value::Number(*n as f64)),
        (Kind::Number, toml::Value::Float(n)) => Some(Value::Number(*n)),
        (Kind::Text, toml::Value::String(s)) => Some(Value::Text(s.clone())),
        (Kind::Yesno, toml::Value::Boolean(b)) => Some(Value::Bool(*b)),
        _ => None,
    }
}

/// SHA-256 of bytes as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
