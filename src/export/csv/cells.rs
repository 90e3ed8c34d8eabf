//! What each CSV cell says: column headers in the reader's language (the question as asked,
//! « question — choix » for a choice of a multiple question), values translated (« je ne sais
//! pas », « Oui », the legal form and status in words), numbers with the decimal mark the
//! separator implies, and codes that must stay text (postcode, département).
//!
//! Codes: a spreadsheet reads `01000` as the number 1000, quoted or not (LibreOffice 7.4 and
//! Excel both detect numbers in quoted fields); a leading apostrophe stays visible in
//! LibreOffice. A digits-only code is written `="01000"`: LibreOffice (its import evaluates
//! formulas by default), Excel and Google Sheets show the text `01000`. Our own cell, made
//! only of digits, so no formula injection can ride on it; every other cell goes through
//! [`csv_cell`], which neutralises formulas.

use super::Record;
use crate::audit::{Answer, AuditStatus, Value};
use crate::export::Options;
use crate::export::escape::{csv_cell, one_line};
use crate::export::labels::label;
use crate::export::view::answer_text;
use crate::i18n::Lang;
use crate::questionnaire::Questionnaire;

/// A column after the fixed ones.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Question(String),
    Choice(String, String),
}

impl Column {
    /// The header: the question as asked, « question — choix » for a choice; the id when the
    /// questionnaires no longer know it.
    pub fn header(&self, questionnaires: &[&Questionnaire], lang: Lang) -> String {
        let question = |id: &str| questionnaires.iter().find_map(|q| q.question(id));
        match self {
            Column::Question(id) => question(id)
                .map(|q| one_line(q.label.get(lang)))
                .unwrap_or_else(|| one_line(id)),
            Column::Choice(id, c) => match question(id) {
                Some(q) => format!(
                    "{} — {}",
                    one_line(q.label.get(lang)),
                    q.choice(c)
                        .map(|ch| one_line(ch.label.get(lang)))
                        .unwrap_or_else(|| one_line(c))
                ),
                None => format!("{} — {}", one_line(id), one_line(c)),
            },
        }
    }
}

/// The fixed columns: (label key or words, French, English).
pub const FIXED: [(&str, &str); 21] = [
    ("Diagnostic (identifiant)", "Diagnostic (id)"),
    ("Association (identifiant)", "Association (id)"),
    ("Association", "Association"),
    ("Forme", "Legal form"),
    ("Activité", "Activity"),
    ("Code postal", "Postcode"),
    ("Département", "Département"),
    ("Pays", "Country"),
    ("Adhérents", "Members"),
    ("Salariés", "Employees"),
    ("Bénévoles", "Volunteers"),
    ("Budget annuel (€)", "Annual budget (€)"),
    ("Contact", "Contact"),
    ("E-mail du contact", "Contact e-mail"),
    ("Accompagnement", "Trainer"),
    ("Questionnaire", "Questionnaire"),
    ("Version du questionnaire", "Questionnaire version"),
    ("État", "Status"),
    ("Commencé le", "Started on"),
    ("Mis à jour le", "Updated on"),
    ("Note générale", "General note"),
];

/// How numbers are written: `12,5` beside `;` (the separator French spreadsheets pair with the
/// decimal comma), `12.5` beside `,`. No thousands separator: it would stop a spreadsheet
/// reading the number.
#[derive(Debug, Clone, Copy)]
pub struct Numbers {
    pub comma: bool,
}

impl Numbers {
    pub fn write(self, x: f64) -> String {
        let s = crate::audit::format_number(x);
        if self.comma { s.replace('.', ",") } else { s }
    }
}

/// A code a spreadsheet must keep as text (see the module's doc); cleaned and neutralised like
/// any cell when it is not digits only.
pub fn code(s: &str) -> String {
    let s = one_line(s);
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        format!("=\"{s}\"")
    } else {
        csv_cell(&s)
    }
}

/// The fixed cells of one audit, already made safe for a spreadsheet.
pub fn fixed(input: &Record, opts: &Options, num: Numbers) -> Vec<String> {
    let (a, audit, lang) = (input.association, input.audit, opts.lang);
    let anon = opts.anonymise;
    let n = |x: Option<u32>| x.map(|v| num.write(f64::from(v))).unwrap_or_default();
    let private = |s: &str| if anon { String::new() } else { one_line(s) };
    let status = match audit.status {
        AuditStatus::InProgress => "status_in_progress",
        AuditStatus::Finished => "status_finished",
    };
    let mut cells: Vec<String> = [
        // Anonymised, no ids: a UUID v7 tells when it was made and leads back to the record.
        private(&audit.id),
        private(&a.id),
        crate::export::view::public_name(a, opts),
        a.legal_form.label(lang).to_string(),
        crate::export::view::public_activity(a, opts).unwrap_or_default(),
    ]
    .iter()
    .map(|c| csv_cell(c))
    .collect();
    cells.push(if anon {
        String::new()
    } else {
        code(&a.postcode)
    });
    cells.push(a.departement().map(|d| code(&d)).unwrap_or_default());
    let rest = [
        one_line(&a.country),
        n(a.members),
        n(a.employees),
        n(a.volunteers),
        a.budget_eur
            .map(|b| num.write(b as f64))
            .unwrap_or_default(),
        private(&a.contact_name),
        private(&a.contact_email),
        private(&audit.trainer),
        one_line(&input.questionnaire.id),
        input.questionnaire.version.to_string(),
        label(lang, status).to_string(),
        // ISO 8601: sorts as text, read the same everywhere.
        one_line(&audit.started_at),
        one_line(&audit.updated_at),
        if opts.shows_notes() {
            one_line(&audit.note)
        } else {
            String::new()
        },
    ];
    cells.extend(rest.iter().map(|c| csv_cell(c)));
    cells
}

/// One answer cell, already made safe for a spreadsheet.
pub fn answer(input: &Record, col: &Column, opts: &Options, num: Numbers) -> String {
    let (qid, choice) = match col {
        Column::Question(q) => (q, None),
        Column::Choice(q, c) => (q, Some(c)),
    };
    let (Some(q), Some(rec)) = (
        input.questionnaire.question(qid),
        input.audit.answers.get(qid),
    ) else {
        return String::new();
    };
    let lang = opts.lang;
    let text = match (&rec.answer, choice) {
        // 1 and 0 add up across audits (how many use Gmail).
        (Answer::Given(Value::Choices(ids)), Some(c)) => {
            if ids.contains(c) { "1" } else { "0" }.to_string()
        }
        (Answer::Given(Value::Choice(id)), Some(c)) => {
            // The question became multiple in another version: still say which one.
            if id == c { "1" } else { "0" }.to_string()
        }
        (Answer::Given(Value::Number(x)), None) => num.write(*x),
        (Answer::DontKnow, _) => label(lang, "dont_know").to_lowercase(),
        (Answer::NotApplicable, _) => label(lang, "not_applicable").to_lowercase(),
        (Answer::Given(Value::Text(_)), _) if !opts.shows_notes() => String::new(),
        (a, _) => answer_text(q, a, opts),
    };
    csv_cell(&text)
}
