//! CSV, for spreadsheets. Two files:
//! - the wide one (`render`, `Rows`): one row per audit, fixed columns first (ids, profile,
//!   questionnaire, dates), then one column per question, a multiple-choice question split into
//!   one column per choice (1 or 0, so they add up across audits); headers and values in the
//!   reader's language (`cells`);
//! - `plan.csv` (`plan`): one row per roadmap step, for a board to sort and filter.
//!
//! French spreadsheets expect `;` and read UTF-8 right only after a byte-order mark: both are
//! the default in French ([`CsvOptions::for_lang`]); English uses `,`, with the BOM too (Excel
//! needs it in every language). Every cell is cleaned and neutralised against formula injection
//! (`escape::csv_cell`); postcodes and départements stay text (`cells::code`); the csv crate
//! does the quoting. Anonymised: no name (activity + département instead), ids, contact,
//! trainer, postcode, notes or text answers (unless `with_notes`).

mod cells;
pub mod plan;

use cells::{Column, FIXED, Numbers};

use super::{ExportError, Input, Options};
use crate::audit::{Association, Audit};
use crate::i18n::Lang;
use crate::questionnaire::{Kind, Questionnaire};

/// What one row of the wide CSV reads: no plan (`export --all` computes none).
#[derive(Clone, Copy)]
pub struct Record<'a> {
    pub questionnaire: &'a Questionnaire,
    pub audit: &'a Audit,
    pub association: &'a Association,
}

impl<'a> From<&Input<'a>> for Record<'a> {
    fn from(i: &Input<'a>) -> Record<'a> {
        Record {
            questionnaire: i.questionnaire,
            audit: i.audit,
            association: i.association,
        }
    }
}

/// Spreadsheet-friendly variations.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// `;` instead of `,` (French spreadsheets); numbers then take a decimal comma.
    pub semicolon: bool,
    /// Start with a UTF-8 byte-order mark (so spreadsheets read the accents right).
    pub bom: bool,
}

impl CsvOptions {
    /// What a spreadsheet in this language opens right: `;` in French, `,` in English; a BOM in
    /// both.
    pub fn for_lang(lang: Lang) -> CsvOptions {
        CsvOptions {
            semicolon: lang == Lang::Fr,
            bom: true,
        }
    }

    fn writer<W: std::io::Write>(&self, mut out: W) -> Result<::csv::Writer<W>, ExportError> {
        if self.bom {
            out.write_all("\u{feff}".as_bytes()).map_err(fail)?;
        }
        Ok(::csv::WriterBuilder::new()
            .delimiter(if self.semicolon { b';' } else { b',' })
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out))
    }

    fn numbers(&self) -> Numbers {
        Numbers {
            comma: self.semicolon,
        }
    }
}

/// The columns of audits on these questionnaires (each counted once), in the order they first
/// appear.
fn columns(questionnaires: &[&Questionnaire]) -> Vec<Column> {
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
        rows.row(&Record::from(input))?;
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
    num: Numbers,
}

impl<W: std::io::Write> Rows<W> {
    /// Start the file: the byte-order mark when asked, then the header, with the columns of
    /// every questionnaire the rows will be on (in the order of the rows to come).
    pub fn new<'q>(
        out: W,
        questionnaires: impl Iterator<Item = &'q Questionnaire>,
        opts: &Options,
        csv_opts: &CsvOptions,
    ) -> Result<Rows<W>, ExportError> {
        let mut w = csv_opts.writer(out)?;
        let qs: Vec<&Questionnaire> = questionnaires.collect();
        let cols = columns(&qs);
        let lang = opts.lang;
        let mut header: Vec<String> = FIXED
            .iter()
            .map(|(fr, en)| lang.pick(fr, en).to_string())
            .collect();
        header.extend(cols.iter().map(|c| c.header(&qs, lang)));
        w.write_record(header.iter().map(|h| super::escape::csv_cell(h)))
            .map_err(fail)?;
        Ok(Rows {
            w,
            cols,
            opts: *opts,
            num: csv_opts.numbers(),
        })
    }

    /// One audit's row.
    pub fn row(&mut self, input: &Record) -> Result<(), ExportError> {
        let (opts, num) = (&self.opts, self.num);
        let mut row = cells::fixed(input, opts, num);
        row.extend(self.cols.iter().map(|c| cells::answer(input, c, opts, num)));
        self.w.write_record(&row).map_err(fail)
    }

    /// The end of the file; the writer back.
    pub fn finish(self) -> Result<W, ExportError> {
        self.w.into_inner().map_err(|e| fail(e.error()))
    }
}
