//! Answers files: a whole audit written as TOML (an association's profile, answers, notes), read
//! by `diagasso new` and `diagasso demo`. The file is checked as a whole against the
//! questionnaire it names and every problem is reported at once, each with file:line:column,
//! the question, the value as written and why, in French and English. A file with any problem
//! yields no audit.
//!
//! ```toml
//! questionnaire = "pratiques-numeriques"  # optional, this is the default
//! version = 1                             # optional; must be the version this diagasso ships
//! trainer = "Dominique"                   # optional
//! note = "Visite du 12 mars"              # optional: the general note on the audit
//!
//! [association]
//! name = "Les Jardins partagés"           # required; the other keys are optional
//! legal_form = "association"              # association|collectif|fondation|syndicat|entreprise|autre
//!
//! [answers]
//! files_tools = ["google_drive", "usb"]
//! storage_gb = { dont_know = true }
//!
//! [notes]
//! files_tools = "La clé USB est celle du trésorier."
//! ```
//!
//! Rules: every key is known; every answer fits its question (kind, choice ids, range, whole
//! numbers, exclusive choices, constraint, "non concerné" only where offered) and is asked given
//! the other answers (an answer to a question hidden by them is an error). Completeness is not
//! required: an audit can be continued in the interface.

mod answers;
mod profile;
mod values;

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use crate::audit::{Answer, Association};
use crate::i18n::Lang;
use crate::questionnaire::{Questionnaire, shipped};
use crate::store::NewAudit;

type Spanned<T> = toml::Spanned<T>;

/// A valid answers file, ready to be stored.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    pub questionnaire: Questionnaire,
    pub trainer: String,
    pub association: Association,
    /// Normalised answers, by question id.
    pub answers: BTreeMap<String, Answer>,
    pub notes: BTreeMap<String, String>,
    /// The general note on the audit.
    pub note: String,
}

impl AnswersFile {
    /// What `Store::create_audit` takes.
    pub fn new_audit(&self) -> NewAudit<'_> {
        NewAudit {
            association: &self.association,
            trainer: &self.trainer,
            questionnaire: &self.questionnaire,
            answers: &self.answers,
            notes: &self.notes,
            note: &self.note,
        }
    }
}

/// One problem in an answers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The question (or `[association]` key) concerned, if any.
    pub question: Option<String>,
    /// The value as written in the file, if any.
    pub value: Option<String>,
    pub fr: String,
    pub en: String,
}

impl Problem {
    /// `file:line:column: question = value: why`.
    pub fn message(&self, lang: Lang) -> String {
        let what = match (&self.question, &self.value) {
            (Some(q), Some(v)) => format!("{q} = {v}: "),
            (Some(q), None) => format!("{q}: "),
            _ => String::new(),
        };
        format!(
            "{}:{}:{}: {what}{}",
            self.file,
            self.line,
            self.column,
            lang.pick(&self.fr, &self.en)
        )
    }
}

/// Every problem found in one file, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|p| p.message(Lang::En)).collect::<Vec<_>>().join("\n"))]
pub struct Problems(pub Vec<Problem>);

/// Check an answers file against the shipped questionnaires.
pub fn parse_shipped(file: &str, bytes: &[u8]) -> Result<AnswersFile, Problems> {
    let available = shipped::all().map_err(|e| {
        Problems(vec![Problem {
            file: file.to_string(),
            line: 1,
            column: 1,
            question: None,
            value: None,
            fr: format!("questionnaires livrés illisibles (bogue) : {e}"),
            en: format!("shipped questionnaires do not load (a bug): {e}"),
        }])
    })?;
    parse(file, bytes, &available)
}

/// Check an answers file against `available` questionnaires; `file` names it in messages.
pub fn parse(
    file: &str,
    bytes: &[u8],
    available: &[Questionnaire],
) -> Result<AnswersFile, Problems> {
    let mut r = Report {
        file,
        src: "",
        problems: Vec::new(),
        place: std::cell::Cell::new((0, 1, 1)),
    };
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            r.src = valid;
            r.push(
                valid.len(),
                None,
                None,
                "ce fichier n'est pas du texte UTF-8 valide à cet endroit : réenregistrez-le en UTF-8".into(),
                "this file is not valid UTF-8 text at this place: save it again as UTF-8".into(),
            );
            return Err(Problems(r.problems));
        }
    };
    r.src = src;
    let doc = match DeTable::parse(src) {
        Ok(doc) => doc,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let msg = e.message().trim().to_string();
            r.push(
                at,
                None,
                None,
                format!("TOML invalide : {msg}. Corrigez la syntaxe à cet endroit."),
                format!("invalid TOML: {msg}. Fix the syntax at this place."),
            );
            return Err(Problems(r.problems));
        }
    };
    let out = r.document(doc.get_ref(), available);
    match out {
        Some(out) if r.problems.is_empty() => Ok(out),
        _ => {
            if r.problems.is_empty() {
                // Every `None` above comes with a problem; this is a guard, not a path.
                r.push(
                    0,
                    None,
                    None,
                    "fichier refusé".into(),
                    "file refused".into(),
                );
            }
            r.problems.sort_by_key(|p| (p.line, p.column));
            Err(Problems(r.problems))
        }
    }
}

const TOP_KEYS: &str = "questionnaire, version, trainer, note, association, answers, notes";

/// Gathers problems with their positions.
pub(crate) struct Report<'a> {
    file: &'a str,
    src: &'a str,
    problems: Vec<Problem>,
    /// The last position worked out: (byte offset, line, column). Problems come mostly in file
    /// order, so each is placed from the one before, not from the start of the file: a file
    /// of 100,000 unknown keys is placed in one pass (it took a minute, placed from the start
    /// each time).
    place: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> Report<'a> {
    pub(crate) fn push(
        &mut self,
        offset: usize,
        question: Option<&str>,
        value: Option<std::ops::Range<usize>>,
        fr: String,
        en: String,
    ) {
        let (line, column) = self.line_column(offset);
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            column,
            question: question.map(str::to_string),
            value: value.map(|span| self.shown(span)),
            fr,
            en,
        });
    }

    /// Line and column (in characters) of a byte offset, counted on from the last one placed
    /// when it is further on, else from the start.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let (from, mut line, mut column) = match self.place.get() {
            (at, line, column) if at <= offset => (at, line, column),
            _ => (0, 1, 1),
        };
        for c in self.src[from..offset].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        self.place.set((offset, line, column));
        (line, column)
    }

    /// The value as written, on one line and at most 60 characters.
    fn shown(&self, span: std::ops::Range<usize>) -> String {
        let raw = self.src.get(span).unwrap_or("");
        let one_line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.chars().count() > 60 {
            format!("{}…", one_line.chars().take(59).collect::<String>())
        } else {
            one_line
        }
    }

    /// A top-level text value, or a problem.
    pub(crate) fn text(&mut self, key: &str, v: &Spanned<DeValue<'_>>) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.trim().to_string()),
            _ => {
                self.push(
                    v.span().start,
                    Some(key),
                    Some(v.span()),
                    "texte entre guillemets attendu".into(),
                    "text in quotes expected".into(),
                );
                None
            }
        }
    }

    fn document(&mut self, doc: &DeTable<'_>, available: &[Questionnaire]) -> Option<AnswersFile> {
        let mut q_id: Option<&Spanned<DeValue<'_>>> = None;
        let mut version: Option<&Spanned<DeValue<'_>>> = None;
        let (mut trainer, mut note) = (String::new(), String::new());
        let (mut association, mut answers, mut notes) = (None, None, None);
        for (key, value) in doc.iter() {
            match key.get_ref().as_ref() {
                "questionnaire" => q_id = Some(value),
                "version" => version = Some(value),
                "trainer" => trainer = self.text("trainer", value).unwrap_or_default(),
                "note" => note = self.text("note", value).unwrap_or_default(),
                "association" => association = Some(value),
                "answers" => answers = Some(value),
                "notes" => notes = Some(value),
                other => self.push(
                    key.span().start,
                    None,
                    None,
                    format!("clé inconnue « {other} » (clés possibles : {TOP_KEYS}) ; une réponse se met sous [answers]"),
                    format!("unknown key '{other}' (known keys: {TOP_KEYS}); answers go under [answers]"),
                ),
            }
        }
        let association = profile::association(self, association);
        let questionnaire = self.questionnaire(q_id, version, available);
        let (answers, notes) = match &questionnaire {
            Some(q) => (self.answers(q, answers), self.notes(q, notes)),
            None => (BTreeMap::new(), BTreeMap::new()),
        };
        Some(AnswersFile {
            questionnaire: questionnaire?,
            trainer,
            association: association?,
            answers,
            notes,
            note,
        })
    }

    fn questionnaire(
        &mut self,
        id: Option<&Spanned<DeValue<'_>>>,
        version: Option<&Spanned<DeValue<'_>>>,
        available: &[Questionnaire],
    ) -> Option<Questionnaire> {
        let (wanted, at) = match id {
            None => (shipped::DEFAULT_ID.to_string(), 0),
            Some(v) => (self.text("questionnaire", v)?, v.span().start),
        };
        let known: Vec<String> = available
            .iter()
            .map(|q| format!("{} v{}", q.id, q.version))
            .collect();
        let candidates: Vec<&Questionnaire> = available.iter().filter(|q| q.id == wanted).collect();
        let Some(newest) = candidates.iter().max_by_key(|q| q.version) else {
            self.push(
                at,
                Some("questionnaire"),
                id.map(|v| v.span()),
                format!(
                    "questionnaire inconnu « {wanted} » (disponibles : {})",
                    known.join(", ")
                ),
                format!(
                    "unknown questionnaire '{wanted}' (available: {})",
                    known.join(", ")
                ),
            );
            return None;
        };
        let Some(v) = version else {
            return Some((*newest).clone());
        };
        let asked = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match asked.and_then(|n| candidates.iter().find(|q| i64::from(q.version) == n)) {
            Some(q) => Some((*q).clone()),
            None => {
                let have = newest.version;
                self.push(
                    v.span().start,
                    Some("version"),
                    Some(v.span()),
                    format!("ce diagasso fournit la version {have} de « {wanted} » : vérifiez les réponses avec cette version puis corrigez « version » (aucune réponse n'est convertie d'une version à l'autre)"),
                    format!("this diagasso ships version {have} of '{wanted}': check the answers against that version, then fix 'version' (answers are never converted between versions)"),
                );
                None
            }
        }
    }

    /// A `[name]` table, or a problem if the key holds something else.
    pub(crate) fn table<'t, 'i>(
        &mut self,
        name: &str,
        v: Option<&'t Spanned<DeValue<'i>>>,
    ) -> Option<&'t DeTable<'i>> {
        let v = v?;
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.push(
                    v.span().start,
                    Some(name),
                    Some(v.span()),
                    format!("une table [{name}] est attendue"),
                    format!("a [{name}] table is expected"),
                );
                None
            }
        }
    }
}
