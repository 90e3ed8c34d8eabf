//! Exports: what leaves the trainer's laptop. One module per format — Markdown (`markdown`),
//! self-contained HTML with inline SVG charts (`html`, `svg`), PDF (`pdf`, `pdf_layout`),
//! versioned JSON that imports back (`json`), CSV with one row per audit (`csv`) and the short
//! "petite annonce" for the Emancip'Asso needs listing (`annonce`).
//!
//! Every renderer is pure: inputs in, bytes out; no clock, no disk, no terminal. The human
//! formats render one [`view::Report`], built once, so anonymising is decided in one place.
//! Everything user-written is cleaned and then escaped for its target format (`escape`).

pub mod annonce;
pub mod compare;
pub mod csv;
pub mod dashboard;
pub mod escape;
pub mod html;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod paper;
pub mod pdf;
mod pdf_layout;
pub mod plan_view;
pub mod privacy;
pub mod svg;
pub mod templates;
pub mod view;

use std::fmt;

use crate::audit::{Association, Audit};
use crate::i18n::{Lang, Message};
use crate::plan::Plan;
use crate::questionnaire::Questionnaire;

pub use templates::Templates;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Md,
    Html,
    Pdf,
    Json,
    Csv,
    Annonce,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Md,
        Format::Html,
        Format::Pdf,
        Format::Json,
        Format::Csv,
        Format::Annonce,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Annonce => "annonce",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "markdown" => Some(Format::Md),
            "txt" => Some(Format::Annonce),
            _ => Format::ALL.into_iter().find(|f| f.as_str() == s),
        }
    }

    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Annonce => "txt",
            f => f.as_str(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What goes into an export. The plan is the typed `plan::Plan`: the human formats read its
/// fields through `plan_view` (a renamed field fails to compile), the JSON export serialises it.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub questionnaire: &'a Questionnaire,
    pub audit: &'a Audit,
    pub association: &'a Association,
    pub plan: &'a Plan,
}

/// How to export.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub lang: Lang,
    /// Leave out every personal field: contact name and e-mail, trainer, postcode, free-text
    /// notes and text answers (unless `with_notes`), and show activity + département instead of
    /// the name (unless `keep_name`).
    pub anonymise: bool,
    /// Keep free-text notes and text answers even when anonymising.
    pub with_notes: bool,
    /// Keep the association's name even when anonymising (or in the annonce).
    pub keep_name: bool,
}

impl Options {
    pub fn shows_notes(&self) -> bool {
        !self.anonymise || self.with_notes
    }

    pub fn hides_name(&self) -> bool {
        self.anonymise && !self.keep_name
    }
}

/// Why an export failed, in both languages.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ExportError(pub Message);

impl ExportError {
    pub fn msg(fr: impl Into<String>, en: impl Into<String>) -> ExportError {
        ExportError(Message::new(fr, en))
    }
}

/// Render one audit in one format. CSV written this way holds one row (see `csv::render` for
/// several audits).
pub fn render(
    format: Format,
    input: &Input,
    opts: &Options,
    templates: &Templates,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Md => markdown::render(input, opts, templates)?.into_bytes(),
        Format::Html => html::render(input, opts, templates)?.into_bytes(),
        Format::Pdf => pdf::render(input, opts)?,
        Format::Json => json::render(input, opts)?.into_bytes(),
        Format::Csv => csv::render(&[*input], opts, &csv::CsvOptions::for_lang(opts.lang))?,
        Format::Annonce => annonce::render(input, opts, templates)?.into_bytes(),
    })
}

/// Every file one format makes for one audit, named: one file, but two for CSV — the wide
/// CSV and, beside it, `plan-….csv` (one row per roadmap step, [`csv::plan`]).
pub fn files(
    format: Format,
    input: &Input,
    opts: &Options,
    templates: &Templates,
    csv_opts: &csv::CsvOptions,
) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    let name = file_name(format, input, opts);
    Ok(match format {
        Format::Csv => {
            let plan_name = format!("plan-{}", name.strip_prefix("diagnostic-").unwrap_or(&name));
            vec![
                (name, csv::render(&[*input], opts, csv_opts)?),
                (plan_name, csv::plan::render(input, opts, csv_opts)?),
            ]
        }
        f => vec![(name, render(f, input, opts, templates)?)],
    })
}

/// The file name of an export: `diagnostic-<name>-<date>[-anonyme].<ext>`, with the name made
/// safe by [`escape::file_stem`] (and replaced by activity + département when anonymised, so the
/// name does not leak through the file name either). A long name is cut between words, and an
/// anonymised one keeps its département whole: the activity is what gets shortened.
pub fn file_name(format: Format, input: &Input, opts: &Options) -> String {
    let lang = opts.lang;
    let (name, place) = if format == Format::Annonce {
        let o = Options {
            anonymise: !opts.keep_name || opts.anonymise,
            ..*opts
        };
        view::public_name_parts(input.association, &o)
    } else {
        view::public_name_parts(input.association, opts)
    };
    let stem = match place.map(|p| escape::file_stem(&p, "")) {
        Some(p) if !p.is_empty() && p.chars().count() < escape::MAX_STEM_CHARS / 2 => {
            let room = escape::MAX_STEM_CHARS - p.chars().count() - 1;
            format!(
                "{}-{p}",
                escape::file_stem_within(&name, "association", room)
            )
        }
        _ => escape::file_stem(&name, "association"),
    };
    let date = input.audit.updated_at.get(..10).unwrap_or("");
    let date = if date.bytes().all(|b| b.is_ascii_digit() || b == b'-') && date.len() == 10 {
        format!("-{date}")
    } else {
        String::new()
    };
    let prefix = match format {
        Format::Annonce => lang.pick("annonce", "listing"),
        _ => "diagnostic",
    };
    let anon = if opts.anonymise && format != Format::Annonce {
        lang.pick("-anonyme", "-anonymised")
    } else {
        ""
    };
    format!("{prefix}-{stem}{date}{anon}.{}", format.extension())
}
