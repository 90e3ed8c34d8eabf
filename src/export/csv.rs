//! CSV: one row per audit, one column per question, a multiple-choice question split into one
//! column per choice (`question:choice`, `1` or `0`). Fixed columns first (ids, profile,
//! questionnaire, dates). Options for spreadsheet users: `;` as separator and a UTF-8 BOM.
//!
//! Every cell is cleaned and neutralised against formula injection (`escape::csv_cell`); the
//! csv crate does the quoting. Answers read as in the reports (choice labels, "Je ne sais
//! pas"...). Anonymised: no name (activity + département instead), contact, trainer, postcode,
//! notes or text answers (unless `with_notes`).

use super::escape::{csv_cell, one_line};
use super::view::{answer_text, public_activity, public_name};
use super::{ExportError, Input, Options};
use crate::audit::{Answer, Value, format_number};
use crate::questionnaire::{Kind, Questionnaire};

/// Spreadsheet-friendly variations.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// `;` instead of `,` (French spreadsheets).
    pub semicolon: bool,
    /// Start with a UTF-8 byte-order mark (so Excel reads the accents right).
    pub bom: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Column {
    Question(String),
    Choice(String, String),
}

impl Column {
    fn header(&self) -> String {
        match self {
            Column::Question(q) => q.clone(),
            Column::Choice(q, c) => format!("{q}:{c}"),
        }
    }
}

const FIXED: [&str; 20] = [
    "audit_id",
    "association_id",
    "association",
    "legal_form",
    "activity",
    "postcode",
    "departement",
    "country",
    "members",
    "employees",
    "volunteers",
    "budget_eur",
    "contact_name",
    "contact_email",
    "trainer",
    "questionnaire_id",
    "questionnaire_version",
    "status",
    "started_at",
    "updated_at",
];

fn fixed_cells(input: &Input, opts: &Options) -> Vec<String> {
    let (a, audit) = (input.association, input.audit);
    let anon = opts.anonymise;
    let n = |x: Option<u32>| x.map(|v| v.to_string()).unwrap_or_default();
    let private = |s: &str| if anon { String::new() } else { one_line(s) };
    vec![
        // Anonymised, no ids: a UUID v7 tells when it was made and leads back to the record.
        private(&audit.id),
        private(&a.id),
        public_name(input, opts),
        a.legal_form.as_str().to_string(),
        public_activity(input, opts).unwrap_or_default(),
        private(&a.postcode),
        a.departement().unwrap_or_default(),
        one_line(&a.country),
        n(a.members),
        n(a.employees),
        n(a.volunteers),
        a.budget_eur.map(|b| b.to_string()).unwrap_or_default(),
        private(&a.contact_name),
        private(&a.contact_email),
        private(&audit.trainer),
        one_line(&input.questionnaire.id),
        input.questionnaire.version.to_string(),
        audit.status.as_str().to_string(),
        one_line(&audit.started_at),
        one_line(&audit.updated_at),
    ]
}

/// The columns of audits on these questionnaires (each counted once), in the order they first
/// appear.
fn columns<'q>(questionnaires: impl Iterator<Item = &'q Questionnaire>) -> Vec<Column> {
    let mut cols: Vec<Column> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for questionnaire in questionnaires {
        if !seen.insert(questionnaire.hash.as_str()) {
            continue;
        }
        for (_, q) in questionnaire.questions() {
            let new: Vec<Column> = if q.kind == Kind::Multiple {
                q.choices
                    .iter()
                    .map(|c| Column::Choice(q.id.clone(), c.id.clone()))
                    .collect()
            } else {
                vec![Column::Question(q.id.clone())]
            };
            for c in new {
                if !cols.contains(&c) {
                    cols.push(c);
                }
            }
        }
    }
    cols
}

fn cell(input: &Input, col: &Column, opts: &Options) -> String {
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
    match (&rec.answer, choice) {
        (Answer::Given(Value::Choices(ids)), Some(c)) => {
            if ids.contains(c) { "1" } else { "0" }.to_string()
        }
        (Answer::Given(Value::Choice(id)), Some(c)) => {
            // The question became multiple in another version: still say which one.
            if id == c { "1" } else { "0" }.to_string()
        }
        (Answer::Given(Value::Number(x)), None) => format_number(*x),
        (Answer::DontKnow, _) => "dont_know".to_string(),
        (Answer::NotApplicable, _) => "not_applicable".to_string(),
        (Answer::Given(Value::Text(_)), _) if !opts.shows_notes() => String::new(),
        (a, _) => answer_text(q, a, opts),
    }
}

/// Write one row per audit. Columns are the union of the audits' questions, in the order they
/// first appear.
pub fn render(
    inputs: &[Input],
    opts: &Options,
    csv_opts: &CsvOptions,
) -> Result<Vec<u8>, ExportError> {
    let mut rows = Rows::new(
        Vec::new(),
        inputs.iter().map(|i| i.questionnaire),
        opts,
        csv_opts,
    )?;
    for input in inputs {
        rows.row(input)?;
    }
    rows.finish()
}

fn fail(e: impl std::fmt::Display) -> ExportError {
    ExportError::msg(
        format!("écriture CSV impossible : {e}"),
        format!("cannot write CSV: {e}"),
    )
}

/// The CSV written a row at a time (`export --all`: each audit read, written, dropped), the
/// same bytes as [`render`] gives for the same audits.
pub struct Rows<W: std::io::Write> {
    w: ::csv::Writer<W>,
    cols: Vec<Column>,
    opts: Options,
}

impl<W: std::io::Write> Rows<W> {
    /// Start the file: the byte-order mark when asked, then the header, with the columns of
    /// every questionnaire the rows will be on (in the order of the rows to come).
    pub fn new<'q>(
        mut out: W,
        questionnaires: impl Iterator<Item = &'q Questionnaire>,
        opts: &Options,
        csv_opts: &CsvOptions,
    ) -> Result<Rows<W>, ExportError> {
        if csv_opts.bom {
            out.write_all("\u{feff}".as_bytes()).map_err(fail)?;
        }
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(if csv_opts.semicolon { b';' } else { b',' })
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out);
        let cols = columns(questionnaires);
        let mut header: Vec<String> = FIXED.iter().map(|s| s.to_string()).collect();
        header.push("general_note".to_string());
        header.extend(cols.iter().map(Column::header));
        w.write_record(header.iter().map(|h| csv_cell(h)))
            .map_err(fail)?;
        Ok(Rows {
            w,
            cols,
            opts: *opts,
        })
    }

    /// One audit's row.
    pub fn row(&mut self, input: &Input) -> Result<(), ExportError> {
        let opts = &self.opts;
        let mut row = fixed_cells(input, opts);
        row.push(if opts.shows_notes() {
            one_line(&input.audit.note)
        } else {
            String::new()
        });
        row.extend(self.cols.iter().map(|c| cell(input, c, opts)));
        self.w
            .write_record(row.iter().map(|c| csv_cell(c)))
            .map_err(fail)
    }

    /// The end of the file; the writer back.
    pub fn finish(self) -> Result<W, ExportError> {
        self.w.into_inner().map_err(|e| fail(e.error()))
    }
}
