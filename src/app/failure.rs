//! What can go wrong in the application layer, as typed variants: one home for these words,
//! turned into a two-language `Message` at the edge (`Event::Failed`), shown in the chosen
//! language where it is drawn or printed. Store failures keep their own type (`StoreError`).

use std::path::PathBuf;

use crate::i18n::Message;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The association was erased meanwhile.
    UnknownAssociation,
    /// No shipped questionnaire has this id.
    UnknownQuestionnaire(String),
    /// The workshop was deleted meanwhile.
    UnknownWorkshop,
    /// A comparison asked of an audit that follows none.
    NotAFollowup,
    /// The audit a follow-up follows is on another laptop.
    EarlierAuditMissing,
    /// An empty folder field.
    NoFolder,
    /// The current folder cannot be read.
    CurrentFolder(String),
    /// The effective catalogue does not load (its message in both languages).
    Catalogue { fr: String, en: String },
    /// An export with no format ticked.
    NoFormat,
    /// The plan does not serialise (a bug, said as such).
    Serialise(String),
    /// The path given as a folder is a file.
    NotAFolder(PathBuf),
    /// An input or output error on a path.
    Io {
        what: Io,
        path: PathBuf,
        detail: String,
    },
}

/// What was being done when an input or output error came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Io {
    CreateFolder,
    Write,
}

impl Failure {
    pub fn message(&self) -> Message {
        match self {
            Failure::UnknownAssociation => Message::new(
                "cette association n'existe plus",
                "this association no longer exists",
            ),
            Failure::UnknownQuestionnaire(id) => Message::new(
                format!("questionnaire inconnu : {id}"),
                format!("unknown questionnaire: {id}"),
            ),
            Failure::UnknownWorkshop => Message::new(
                "cet atelier n'existe plus",
                "this workshop no longer exists",
            ),
            Failure::NotAFollowup => Message::new(
                "ce diagnostic n'est pas un suivi : commencez-en un avec n sur le diagnostic précédent",
                "this audit is not a follow-up: start one with n on the earlier audit",
            ),
            Failure::EarlierAuditMissing => Message::new(
                "le diagnostic précédent n'est pas dans cette base (importez le paquet qui le contient)",
                "the earlier audit is not in this database (import the bundle that holds it)",
            ),
            Failure::NoFolder => Message::new("indiquez un dossier", "give a folder"),
            Failure::CurrentFolder(e) => Message::new(
                format!("dossier courant illisible : {e}"),
                format!("cannot read the current folder: {e}"),
            ),
            Failure::Catalogue { fr, en } => Message::new(
                format!("catalogue illisible : {fr}"),
                format!("unreadable catalogue: {en}"),
            ),
            Failure::NoFormat => {
                Message::new("cochez au moins un format", "tick at least one format")
            }
            Failure::Serialise(e) => Message::new(
                format!("plan impossible à sérialiser : {e}"),
                format!("cannot serialise the plan: {e}"),
            ),
            Failure::NotAFolder(p) => Message::new(
                format!("{} n'est pas un dossier", p.display()),
                format!("{} is not a folder", p.display()),
            ),
            Failure::Io { what, path, detail } => {
                let (fr, en) = match what {
                    Io::CreateFolder => ("création du dossier", "create folder"),
                    Io::Write => ("écriture de", "write"),
                };
                Message::new(
                    format!("{fr} {} impossible : {detail}", path.display()),
                    format!("cannot {en} {}: {detail}", path.display()),
                )
            }
        }
    }
}

impl From<Failure> for Message {
    fn from(f: Failure) -> Message {
        f.message()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_failure_says_something_in_both_languages() {
        let all = [
            Failure::UnknownAssociation,
            Failure::UnknownQuestionnaire("x".into()),
            Failure::UnknownWorkshop,
            Failure::NotAFollowup,
            Failure::EarlierAuditMissing,
            Failure::NoFolder,
            Failure::CurrentFolder("e".into()),
            Failure::Catalogue {
                fr: "f".into(),
                en: "e".into(),
            },
            Failure::NoFormat,
            Failure::Serialise("e".into()),
            Failure::NotAFolder("/x".into()),
            Failure::Io {
                what: Io::Write,
                path: "/x".into(),
                detail: "e".into(),
            },
        ];
        for f in all {
            let m = f.message();
            assert!(!m.get(Lang::Fr).is_empty() && !m.get(Lang::En).is_empty());
            assert_ne!(m.get(Lang::Fr), m.get(Lang::En), "{f:?}");
        }
    }
}
