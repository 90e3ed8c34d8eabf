//! What an anonymised export keeps and leaves out, decided once and said exactly: [`parts`]
//! lists both from the options and the profile (an activity naming the association is left
//! out, `safe_text::unless_named`), the banner of every report is written from it ([`banner`]),
//! and `tests/export_privacy.rs` checks each part against what the formats really show.
//! With `--with-notes`, the notes are kept as typed: [`notes_naming`] finds those that name
//! the contact or the person who accompanies, so the CLI and the TUI can warn once, naming them
//! ([`warning`]).

use super::escape::one_line;
use super::view::public_activity;
use super::{Input, Options};
use crate::audit::{Answer, Association, Value};
use crate::i18n::{Lang, Message, typo};

/// A part of the profile or of the audit an anonymised export keeps or leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Name,
    Contact,
    Trainer,
    Postcode,
    /// The audit's and the association's ids.
    Ids,
    Notes,
    Activity,
    LegalForm,
    Departement,
    /// Headcounts and annual budget.
    Sizes,
    /// The answers given by choice or number.
    Answers,
    Plan,
}

impl Part {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Part::Name => lang.pick("le nom", "the name"),
            Part::Contact => lang.pick("le contact", "the contact"),
            Part::Trainer => lang.pick("la personne qui accompagne", "the trainer"),
            Part::Postcode => lang.pick("le code postal", "the postcode"),
            Part::Ids => lang.pick("les identifiants", "the identifiers"),
            Part::Notes => lang.pick(
                "les notes et réponses libres",
                "the notes and free-text answers",
            ),
            Part::Activity => lang.pick("l'activité", "the activity"),
            Part::LegalForm => lang.pick("la forme", "the legal form"),
            Part::Departement => lang.pick("le département", "the département"),
            Part::Sizes => lang.pick("les effectifs et le budget", "headcounts and budget"),
            Part::Answers => lang.pick(
                "les réponses à choix et les nombres",
                "the choice and number answers",
            ),
            Part::Plan => lang.pick("le plan", "the plan"),
        }
    }
}

/// What an anonymised export leaves out and keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Anonymised {
    pub left_out: Vec<Part>,
    pub kept: Vec<Part>,
}

/// The parts of an anonymised export; `None` when the export is not anonymised.
pub fn parts(a: &Association, opts: &Options) -> Option<Anonymised> {
    if !opts.anonymise {
        return None;
    }
    let mut left_out = vec![Part::Contact, Part::Trainer, Part::Postcode, Part::Ids];
    let mut kept = Vec::new();
    let mut put = |on: bool, p: Part| {
        if on { kept.push(p) } else { left_out.push(p) }
    };
    put(!opts.hides_name(), Part::Name);
    put(opts.shows_notes(), Part::Notes);
    // An activity that names the association goes with the name.
    let activity = !a.activity.trim().is_empty();
    if activity {
        put(public_activity(a, opts).is_some(), Part::Activity);
    }
    kept.extend([
        Part::LegalForm,
        Part::Departement,
        Part::Sizes,
        Part::Answers,
        Part::Plan,
    ]);
    // The name first when it goes: it is what a reader looks for.
    left_out.sort_by_key(|p| *p != Part::Name);
    Some(Anonymised { left_out, kept })
}

/// The banner of an anonymised report: « Version anonymisée : sans …. Elle garde …. »
pub fn banner(a: &Association, opts: &Options) -> Option<String> {
    let p = parts(a, opts)?;
    let lang = opts.lang;
    let words = |v: &[Part]| -> String {
        let l: Vec<&str> = v.iter().map(|p| p.label(lang)).collect();
        typo::list(lang, &l)
    };
    Some(match lang {
        Lang::Fr => format!(
            "Version anonymisée\u{a0}: sans {}. Elle garde {}.",
            words(&p.left_out),
            words(&p.kept)
        ),
        Lang::En => format!(
            "Anonymised version: without {}. It keeps {}.",
            words(&p.left_out),
            words(&p.kept)
        ),
    })
}

/// The names and address that must not ride along in a kept note: the contact's name and
/// e-mail, the trainer, and each of their words of three letters or more (« Sophie » alone
/// names Sophie Martin).
fn people(input: &Input) -> Vec<String> {
    let a = input.association;
    let mut out: Vec<String> = Vec::new();
    for whole in [&a.contact_name, &a.contact_email, &input.audit.trainer] {
        let whole = one_line(whole);
        out.push(whole.clone());
        if !whole.contains('@') {
            out.extend(
                whole
                    .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                    .map(str::to_string),
            );
        }
    }
    out.retain(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= 3);
    out.sort();
    out.dedup();
    out
}

/// The notes and free-text answers that name the contact or the trainer, as a reader finds
/// them: the question they belong to, or « la note générale ».
pub fn notes_naming(input: &Input, lang: Lang) -> Vec<String> {
    let people = people(input);
    let names = |text: &str| people.iter().any(|p| crate::safe_text::mentions(text, p));
    let mut out: Vec<String> = Vec::new();
    if names(&input.audit.note) {
        out.push(
            lang.pick("la note générale", "the general note")
                .to_string(),
        );
    }
    for (_, q) in input.questionnaire.questions() {
        let note = input.audit.notes.get(&q.id).is_some_and(|n| names(n));
        let text = input
            .audit
            .answers
            .get(&q.id)
            .is_some_and(|r| matches!(&r.answer, Answer::Given(Value::Text(t)) if names(t)));
        if note || text {
            let (open, close) = match lang {
                Lang::Fr => ("«\u{a0}", "\u{a0}»"),
                Lang::En => ("“", "”"),
            };
            out.push(format!("{open}{}{close}", one_line(q.label.get(lang))));
        }
    }
    out
}

/// The one warning for an anonymised export that keeps the notes, when some of them name the
/// contact or the trainer; `None` otherwise.
pub fn warning(input: &Input, opts: &Options) -> Option<Message> {
    if !(opts.anonymise && opts.with_notes) {
        return None;
    }
    let fr = notes_naming(input, Lang::Fr);
    if fr.is_empty() {
        return None;
    }
    let en = notes_naming(input, Lang::En);
    let n = fr.len();
    Some(Message::new(
        typo::punct(
            Lang::Fr,
            &format!(
                "Attention : l'export anonymisé garde les notes, et {} {} le contact ou la personne qui accompagne : {}. Relisez-les, ou exportez sans garder les notes.",
                typo::count(Lang::Fr, n, "note", "notes"),
                typo::plural(Lang::Fr, n, "nomme", "nomment"),
                fr.join(", ")
            ),
        ),
        format!(
            "Warning: the anonymised export keeps the notes, and {} {} the contact or the trainer: {}. Read them again, or export without keeping the notes.",
            typo::count(Lang::En, n, "note", "notes"),
            typo::plural(Lang::En, n, "names", "name"),
            en.join(", ")
        ),
    ))
}
