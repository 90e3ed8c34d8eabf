//! The keys of the settings file, the values each takes, and reading the file: TOML, every key
//! known and every value checked, each with its line for the message when one is wrong.

use std::path::PathBuf;

use crate::i18n::{Lang, Message};

/// A setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    TrainerName,
    TrainerStructure,
    Language,
    Plain,
    Theme,
    ExportFolder,
    Anonymise,
}

/// The colours of the full-screen interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    Dark,
    Light,
    Mono,
}

impl ThemeChoice {
    pub fn code(self) -> &'static str {
        match self {
            ThemeChoice::Dark => "dark",
            ThemeChoice::Light => "light",
            ThemeChoice::Mono => "mono",
        }
    }
}

/// A checked value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Lang(Lang),
    Bool(bool),
    Theme(ThemeChoice),
    Folder(PathBuf),
}

impl Key {
    pub const ALL: [Key; 7] = [
        Key::TrainerName,
        Key::TrainerStructure,
        Key::Language,
        Key::Plain,
        Key::Theme,
        Key::ExportFolder,
        Key::Anonymise,
    ];

    /// The key as written in the file (dotted: `trainer.name` or `name` under `[trainer]`).
    pub fn name(self) -> &'static str {
        match self {
            Key::TrainerName => "trainer.name",
            Key::TrainerStructure => "trainer.structure",
            Key::Language => "language",
            Key::Plain => "plain",
            Key::Theme => "theme",
            Key::ExportFolder => "export_folder",
            Key::Anonymise => "anonymise",
        }
    }

    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == name.trim())
    }

    /// What the key takes, for messages.
    pub fn expected(self) -> (&'static str, &'static str) {
        match self {
            Key::TrainerName | Key::TrainerStructure => {
                ("un texte d'une ligne", "one line of text")
            }
            Key::Language => ("fr ou en", "fr or en"),
            Key::Plain | Key::Anonymise => ("true ou false", "true or false"),
            Key::Theme => ("dark, light ou mono", "dark, light or mono"),
            Key::ExportFolder => (
                "un chemin absolu ou commençant par ~/",
                "an absolute path or one starting with ~/",
            ),
        }
    }

    /// Check a value read from the file.
    fn check(self, v: &toml::Value) -> Option<Value> {
        match (self, v) {
            (Key::Plain | Key::Anonymise, toml::Value::Boolean(b)) => Some(Value::Bool(*b)),
            (_, toml::Value::String(s)) => self.parse_text(s, false),
            _ => None,
        }
    }

    /// Check a value typed after `config set KEY` (French words accepted too: oui, non, clair,
    /// sombre).
    pub fn parse(self, typed: &str) -> Result<Value, Message> {
        self.parse_text(typed, true).ok_or_else(|| {
            let (fr, en) = self.expected();
            let shown = crate::safe_text::clean_line(typed);
            Message::new(
                format!(
                    "{} : « {shown} » n'est pas accepté ; attendu : {fr}",
                    self.name()
                ),
                format!(
                    "{}: \"{shown}\" is not accepted; expected: {en}",
                    self.name()
                ),
            )
        })
    }

    fn parse_text(self, s: &str, typed: bool) -> Option<Value> {
        let word = s.trim().to_lowercase();
        match self {
            Key::TrainerName | Key::TrainerStructure => (!s.contains(['\n', '\r'])
                && s.chars().count() <= 200)
                .then(|| Value::Text(s.trim().to_string())),
            Key::Language => match word.as_str() {
                "fr" => Some(Value::Lang(Lang::Fr)),
                "en" => Some(Value::Lang(Lang::En)),
                _ => None,
            },
            Key::Plain | Key::Anonymise if typed => match word.as_str() {
                "true" | "yes" | "oui" | "1" => Some(Value::Bool(true)),
                "false" | "no" | "non" | "0" => Some(Value::Bool(false)),
                _ => None,
            },
            Key::Plain | Key::Anonymise => None,
            Key::Theme => match word.as_str() {
                "dark" => Some(Value::Theme(ThemeChoice::Dark)),
                "light" => Some(Value::Theme(ThemeChoice::Light)),
                "mono" => Some(Value::Theme(ThemeChoice::Mono)),
                "sombre" if typed => Some(Value::Theme(ThemeChoice::Dark)),
                "clair" if typed => Some(Value::Theme(ThemeChoice::Light)),
                _ => None,
            },
            Key::ExportFolder => folder(s.trim()).map(Value::Folder),
        }
    }
}

impl Value {
    /// The value as TOML, for the file.
    pub fn to_toml(&self) -> String {
        match self {
            Value::Text(t) => toml::Value::String(t.clone()).to_string(),
            Value::Lang(l) => format!("\"{}\"", l.code()),
            Value::Bool(b) => b.to_string(),
            Value::Theme(t) => format!("\"{}\"", t.code()),
            Value::Folder(p) => toml::Value::String(p.display().to_string()).to_string(),
        }
    }
}

/// An export folder: absolute, or `~/…` under the home folder (kept as typed in the file,
/// expanded when read).
fn folder(s: &str) -> Option<PathBuf> {
    if let Some(rest) = s.strip_prefix("~/").or((s == "~").then_some("")) {
        return etcetera::home_dir().ok().map(|h| h.join(rest));
    }
    let p = PathBuf::from(s);
    p.is_absolute().then_some(p)
}

/// The values of a settings file, or the line (1-based, 0 unknown) and the reason in French
/// and English of the first thing wrong.
pub(super) fn parse(text: &str) -> Result<super::FileValues, (usize, String, String)> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(text, s.start));
        let detail = crate::safe_text::clean_line(e.message());
        (
            line,
            format!("TOML mal formé ({detail})"),
            format!("malformed TOML ({detail})"),
        )
    })?;
    let mut out = Vec::new();
    let mut leaves = Vec::new();
    for (k, v) in &table {
        match v {
            toml::Value::Table(inner) if k == "trainer" => {
                leaves.extend(inner.iter().map(|(k2, v2)| (format!("trainer.{k2}"), v2)))
            }
            _ => leaves.push((k.clone(), v)),
        }
    }
    for (name, v) in leaves {
        let line = locate(text, &name).map_or(0, |i| i + 1);
        let shown = crate::safe_text::clean_line(&name);
        let Some(key) = Key::from_name(&name) else {
            let known: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
            let known = known.join(", ");
            return Err((
                line,
                format!("clé inconnue « {shown} » (clés connues : {known})"),
                format!("unknown key \"{shown}\" (known keys: {known})"),
            ));
        };
        let Some(value) = key.check(v) else {
            let (fr, en) = key.expected();
            return Err((
                line,
                format!("valeur refusée pour {shown} ; attendu : {fr}"),
                format!("value refused for {shown}; expected: {en}"),
            ));
        };
        out.push((key, value, line));
    }
    Ok(out)
}

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |t| t.matches('\n').count() + 1)
}

/// The index of the line where the dotted key `path` is given a value (`a.b = …` at the top,
/// or `b = …` under `[a]`), if any. Quoted keys are not recognised.
pub(super) fn locate(text: &str, path: &str) -> Option<usize> {
    let mut table = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix('[') {
            table = h.split(']').next().unwrap_or("").trim().to_string();
            continue;
        }
        let Some((k, _)) = t.split_once('=') else {
            continue;
        };
        let k: String = k.split('.').map(str::trim).collect::<Vec<_>>().join(".");
        let full = if table.is_empty() {
            k
        } else {
            format!("{table}.{k}")
        };
        if full == path {
            return Some(i);
        }
    }
    None
}
