//! PDF: the same content as the HTML report, made offline with krilla (pure Rust, fonts
//! embedded and subset: DejaVu Sans, licence in `exports/fonts/`). The report becomes a list of
//! blocks here (`blocks`); `pdf_layout` breaks lines, paginates and draws. The output is deterministic
//! (no creation date), so the example file can be checked for drift.

mod blocks;

pub use blocks::blocks;

use super::labels::label;
use super::pdf_layout;
use super::view::{self, Report};
use super::{ExportError, Input, Options};
use crate::i18n::Lang;

/// Every text the PDF draws, in order (tests use it: the PDF's own text is compressed).
pub fn texts(input: &Input, opts: &Options) -> Vec<String> {
    pages(input, opts).into_iter().flatten().collect()
}

/// The texts the PDF draws, page by page, from the layout itself (page count, where a part
/// starts).
pub fn pages(input: &Input, opts: &Options) -> Vec<Vec<String>> {
    let report = view::build(input, opts);
    let footer = footer(&report, opts.lang);
    pdf_layout::lay_out(
        &blocks(&report, opts.lang),
        &footer,
        (label(opts.lang, "page"), label(opts.lang, "of")),
    )
    .map(|l| {
        l.pages
            .iter()
            .map(|p| {
                p.iter()
                    .filter_map(|o| o.text().map(str::to_string))
                    .collect()
            })
            .collect()
    })
    .unwrap_or_default()
}

fn footer(r: &Report, lang: Lang) -> String {
    format!(
        "{} — {}",
        label(lang, "report_title"),
        r.association.display_name
    )
}

/// Render the PDF.
pub fn render(input: &Input, opts: &Options) -> Result<Vec<u8>, ExportError> {
    let report = view::build(input, opts);
    let lang = opts.lang;
    let fail = |e: String| {
        ExportError::msg(
            format!("création du PDF impossible : {e}"),
            format!("cannot create the PDF: {e}"),
        )
    };
    let laid = pdf_layout::lay_out(
        &blocks(&report, lang),
        &footer(&report, lang),
        (label(lang, "page"), label(lang, "of")),
    )
    .ok_or_else(|| fail("police".into()))?;
    let title = format!(
        "{} — {}",
        label(lang, "report_title"),
        report.association.display_name
    );
    pdf_layout::draw(&laid, &title, lang.code()).map_err(fail)
}
