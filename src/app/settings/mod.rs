//! The user's settings: `$XDG_CONFIG_HOME/diagasso/config.toml` (or `DIAGASSO_CONFIG`), read
//! here once per run and handed down to the front ends, which never read the file themselves.
//! Each setting carries where its value came from (default, file with its line, environment).
//!
//! Order, weakest first: the built-in default; the general environment (the locale for the
//! language, `NO_COLOR` for the theme); the file; the `DIAGASSO_*` variables
//! (`DIAGASSO_TRAINER`, `DIAGASSO_PLAIN`); the command line (`--lang`, `--theme`, `--plain`,
//! `--out`, `--anonymise`), applied by the front ends. A broken file (bad TOML, unknown key, bad
//! value) is ignored whole, with one message naming its file and line: the program starts with
//! the defaults and the environment.

pub mod edit;
mod keys;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use keys::{Key, ThemeChoice, Value};

use crate::i18n::{Lang, Message};

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    /// The settings file, at this line (1-based; 0 when it could not be found).
    File(usize),
    /// This environment variable.
    Env(&'static str),
}

impl Source {
    /// For `config show`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Source::Default => lang.pick("défaut", "default").to_string(),
            Source::File(0) => lang.pick("fichier", "file").to_string(),
            Source::File(n) => match lang {
                Lang::Fr => format!("fichier, ligne {n}"),
                Lang::En => format!("file, line {n}"),
            },
            Source::Env(v) => match lang {
                Lang::Fr => format!("environnement : {v}"),
                Lang::En => format!("environment: {v}"),
            },
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::File(_) => "file",
            Source::Env(_) => "environment",
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set<T> {
    pub value: T,
    pub source: Source,
}

fn default<T>(value: T) -> Set<T> {
    Set {
        value,
        source: Source::Default,
    }
}

/// What the file says: each value with its line.
pub type FileValues = Vec<(Key, Value, usize)>;

/// Every setting, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The settings file (read or not); `None` when no folder for it could be found.
    pub path: Option<PathBuf>,
    pub trainer_name: Set<String>,
    pub trainer_structure: Set<String>,
    pub language: Set<Lang>,
    pub plain: Set<bool>,
    pub theme: Set<ThemeChoice>,
    /// `None`: the current folder.
    pub export_folder: Set<Option<PathBuf>>,
    /// `None`: each front end's own default (not in the CLI, ticked in the export dialog).
    pub anonymise: Set<Option<bool>>,
    /// Why the file was ignored, for the front end to show once.
    pub warning: Option<Message>,
}

impl Default for Settings {
    fn default() -> Settings {
        resolve(None, Ok(Vec::new()), |_| None)
    }
}

impl Settings {
    /// The trainer recorded with new audits: the name, with the structure in brackets.
    pub fn trainer(&self) -> String {
        let name = self.trainer_name.value.trim();
        let structure = self.trainer_structure.value.trim();
        match (name.is_empty(), structure.is_empty()) {
            (_, true) => name.to_string(),
            (true, false) => structure.to_string(),
            (false, false) => format!("{name} ({structure})"),
        }
    }

    /// `given` when not empty, else the trainer of the settings.
    pub fn trainer_or(&self, given: &str) -> String {
        if given.trim().is_empty() {
            self.trainer()
        } else {
            given.to_string()
        }
    }

    /// The folder exports go to when none is given: the setting, else the current folder.
    pub fn export_folder_or_current(&self) -> PathBuf {
        self.export_folder
            .value
            .clone()
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Each key, its value as written in the file, and where it came from.
    pub fn rows(&self) -> Vec<(Key, String, &Source)> {
        let opt_bool = |b: Option<bool>| b.map(|b| b.to_string()).unwrap_or_default();
        Key::ALL
            .iter()
            .map(|&k| match k {
                Key::TrainerName => (
                    k,
                    self.trainer_name.value.clone(),
                    &self.trainer_name.source,
                ),
                Key::TrainerStructure => (
                    k,
                    self.trainer_structure.value.clone(),
                    &self.trainer_structure.source,
                ),
                Key::Language => (k, self.language.value.code().into(), &self.language.source),
                Key::Plain => (k, self.plain.value.to_string(), &self.plain.source),
                Key::Theme => (k, self.theme.value.code().into(), &self.theme.source),
                Key::ExportFolder => (
                    k,
                    self.export_folder
                        .value
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    &self.export_folder.source,
                ),
                Key::Anonymise => (k, opt_bool(self.anonymise.value), &self.anonymise.source),
            })
            .collect()
    }
}

/// Where the settings file is: `DIAGASSO_CONFIG`, else `<config dir>/diagasso/config.toml`.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DIAGASSO_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("diagasso").join("config.toml"))
}

/// Read the settings file (a missing one is no error) and the environment.
pub fn load() -> Settings {
    let path = path();
    let file = match &path {
        Some(p) => read(p),
        None => Ok(Vec::new()),
    };
    resolve(path, file, |name| std::env::var(name).ok())
}

/// The values of the file at `path`: none when it does not exist.
pub fn read(path: &Path) -> Result<FileValues, Message> {
    let bytes = match crate::bounded::read(path, 1 << 20) {
        Ok(b) => b,
        Err(crate::bounded::ReadFail::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Vec::new());
        }
        Err(crate::bounded::ReadFail::Io(e)) => {
            return Err(broken(
                path,
                0,
                &format!("lecture impossible ({e})"),
                &format!("cannot read it ({e})"),
            ));
        }
        Err(_) => return Err(broken(path, 0, "plus de 1 Mo", "larger than 1 MB")),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(broken(path, 0, "pas en UTF-8", "not UTF-8"));
    };
    keys::parse(&text).map_err(|(line, fr, en)| broken(path, line, &fr, &en))
}

/// The message for a file ignored whole: both languages, since the language setting may be
/// the very thing that is broken.
fn broken(path: &Path, line: usize, fr: &str, en: &str) -> Message {
    let at = if line == 0 {
        path.display().to_string()
    } else {
        format!("{}:{line}", path.display())
    };
    let at = crate::safe_text::clean_line(&at);
    let text = format!(
        "diagasso : réglages ignorés, {at} : {fr}. Valeurs par défaut utilisées ; corrigez le fichier ou « diagasso config set CLÉ VALEUR ». / settings ignored, {at}: {en}. Defaults used; fix the file or use \"diagasso config set KEY VALUE\"."
    );
    Message::new(text.clone(), text)
}

/// The settings from the file's values (or why it was ignored) and the environment `env`.
pub fn resolve(
    path: Option<PathBuf>,
    file: Result<FileValues, Message>,
    env: impl Fn(&str) -> Option<String>,
) -> Settings {
    let (values, warning) = match file {
        Ok(v) => (v, None),
        Err(m) => (Vec::new(), Some(m)),
    };
    let login = ["USER", "USERNAME"]
        .iter()
        .find_map(|v| env(v).filter(|s| !s.trim().is_empty()))
        .unwrap_or_default();
    let (lang, var) = Lang::from_locale_vars_named(&env);
    let mut s = Settings {
        path,
        trainer_name: default(login),
        trainer_structure: default(String::new()),
        language: Set {
            value: lang,
            source: var.map_or(Source::Default, Source::Env),
        },
        plain: default(false),
        theme: default(ThemeChoice::Dark),
        export_folder: default(None),
        anonymise: default(None),
        warning,
    };
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        s.theme = Set {
            value: ThemeChoice::Mono,
            source: Source::Env("NO_COLOR"),
        };
    }
    for (key, value, line) in values {
        let source = Source::File(line);
        match (key, value) {
            (Key::TrainerName, Value::Text(t)) => s.trainer_name = Set { value: t, source },
            (Key::TrainerStructure, Value::Text(t)) => {
                s.trainer_structure = Set { value: t, source }
            }
            (Key::Language, Value::Lang(l)) => s.language = Set { value: l, source },
            (Key::Plain, Value::Bool(b)) => s.plain = Set { value: b, source },
            (Key::Theme, Value::Theme(t)) => s.theme = Set { value: t, source },
            (Key::ExportFolder, Value::Folder(p)) => {
                s.export_folder = Set {
                    value: Some(p),
                    source,
                }
            }
            (Key::Anonymise, Value::Bool(b)) => {
                s.anonymise = Set {
                    value: Some(b),
                    source,
                }
            }
            _ => {}
        }
    }
    if let Some(t) = env("DIAGASSO_TRAINER").filter(|t| !t.trim().is_empty()) {
        s.trainer_name = Set {
            value: t,
            source: Source::Env("DIAGASSO_TRAINER"),
        };
    }
    if let Some(v) = env("DIAGASSO_PLAIN").filter(|v| !v.trim().is_empty()) {
        s.plain = Set {
            value: crate::app::launch::truthy(&v),
            source: Source::Env("DIAGASSO_PLAIN"),
        };
    }
    s
}
