//! Errors of the catalogue: each one names its file, line and column, says what is wrong and
//! what to do, in French and English. Loading collects every error before failing, so a person
//! fixing a file sees them all at once.

use std::fmt;

use crate::i18n::Lang;

/// What kind of problem an error is (for tests and for tools that sort errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// Not valid TOML, a wrong type, an unknown field or value.
    Syntax,
    /// A need, tool or software id that no file defines.
    UnknownId,
    /// The same id twice.
    DuplicateId,
    /// A bilingual text lacks its French or English.
    MissingTranslation,
    /// A date that is not YYYY, YYYY-MM or YYYY-MM-DD, or one later than the file's `as_of`.
    BadDate,
    /// Any other rule (an empty list that must not be, a value out of range).
    Invalid,
}

/// One problem in a catalogue file. `line` and `column` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct CatalogError {
    pub kind: ErrorKind,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub fr: String,
    pub en: String,
}

impl CatalogError {
    pub fn new(
        kind: ErrorKind,
        at: Location,
        fr: impl Into<String>,
        en: impl Into<String>,
    ) -> CatalogError {
        CatalogError {
            kind,
            file: at.file,
            line: at.line,
            column: at.column,
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// `file:line:column: message` in `lang` (`file: message` for whole-file errors).
    pub fn message(&self, lang: Lang) -> String {
        let text = lang.pick(&self.fr, &self.en);
        if self.line == 0 {
            format!("{}: {}", self.file, text)
        } else {
            format!("{}:{}:{}: {}", self.file, self.line, self.column, text)
        }
    }
}

/// Every problem found while loading a catalogue, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct CatalogErrors(pub Vec<CatalogError>);

impl CatalogErrors {
    /// One line per error, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A position in a file, 1-based; line 0 means the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn whole(file: &str) -> Location {
        Location {
            file: file.to_string(),
            line: 0,
            column: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.file)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// What an id names, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSpace {
    Need,
    Tool,
    Software,
    /// Tools and software share one namespace (questionnaire `tool = "…"`).
    ToolOrSoftware,
    Offer,
    /// An offer id or a software id (`Gap::instead`).
    OfferOrSoftware,
    Host,
}

impl IdSpace {
    pub fn fr(self) -> &'static str {
        match self {
            IdSpace::Need => "de besoin",
            IdSpace::Tool => "d'outil",
            IdSpace::Software => "de logiciel",
            IdSpace::ToolOrSoftware => "d'outil ou de logiciel",
            IdSpace::Offer => "d'offre",
            IdSpace::OfferOrSoftware => "d'offre ou de logiciel",
            IdSpace::Host => "d'hébergeur",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            IdSpace::Need => "need",
            IdSpace::Tool => "tool",
            IdSpace::Software => "software",
            IdSpace::ToolOrSoftware => "tool or software",
            IdSpace::Offer => "offer",
            IdSpace::OfferOrSoftware => "offer or software",
            IdSpace::Host => "host",
        }
    }

    /// The file(s) where ids of this space are defined.
    pub fn home(self) -> &'static str {
        match self {
            IdSpace::Need => "catalog/needs.toml",
            IdSpace::Tool => "catalog/tools.toml",
            IdSpace::Software => "catalog/software.toml",
            IdSpace::ToolOrSoftware => "catalog/tools.toml / catalog/software.toml",
            IdSpace::Offer => "catalog/offers.toml",
            IdSpace::OfferOrSoftware => "catalog/offers.toml / catalog/software.toml",
            IdSpace::Host => "catalog/hosts.toml",
        }
    }
}

/// An id that does not exist, with the closest known one when it is close enough.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    pub id: String,
    pub suggestion: Option<String>,
}

impl UnknownId {
    pub fn new<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> UnknownId {
        UnknownId {
            id: id.to_string(),
            suggestion: closest(id, known),
        }
    }

    /// "unknown need id `x` (did you mean `y`?); …" in both languages.
    pub fn texts(&self, space: IdSpace) -> (String, String) {
        let (hint_fr, hint_en) = match &self.suggestion {
            Some(s) => (
                format!(" (vouliez-vous dire `{s}` ?)"),
                format!(" (did you mean `{s}`?)"),
            ),
            None => (String::new(), String::new()),
        };
        (
            format!(
                "identifiant {} inconnu `{}`{hint_fr} ; corrigez-le ou ajoutez-le à {}",
                space.fr(),
                self.id,
                space.home()
            ),
            format!(
                "unknown {} id `{}`{hint_en}; fix it or add it to {}",
                space.en(),
                self.id,
                space.home()
            ),
        )
    }
}

/// The known id nearest to `id` by edit distance, when at most a third of it differs.
pub fn closest<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (id.chars().count() / 3).max(1);
    known
        .into_iter()
        .map(|k| (distance(id, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, k)| (*d, k.len()))
        .map(|(_, k)| k.to_string())
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let known = ["file-sharing", "calendar", "mailing-list"];
        assert_eq!(
            closest("file-share", known),
            Some("file-sharing".to_string())
        );
        assert_eq!(closest("calender", known), Some("calendar".to_string()));
        assert_eq!(closest("zzz", known), None);
    }

    #[test]
    fn formats_whole_file_and_positioned_errors() {
        let e = CatalogError::new(ErrorKind::Io, Location::whole("a.toml"), "fr", "en");
        assert_eq!(e.to_string(), "a.toml: en");
        let at = Location {
            file: "a.toml".into(),
            line: 3,
            column: 7,
        };
        let e = CatalogError::new(ErrorKind::Invalid, at, "fr", "en");
        assert_eq!(e.message(Lang::Fr), "a.toml:3:7: fr");
    }
}
