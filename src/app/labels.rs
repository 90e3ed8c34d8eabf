//! Words the front ends share about what the application does: the export formats.

use crate::export::Format;
use crate::i18n::ui::Ui;

/// An export format as the interface describes it.
pub fn format_label(f: Format) -> Ui {
    match f {
        Format::Md => Ui::FormatMd,
        Format::Html => Ui::FormatHtml,
        Format::Pdf => Ui::FormatPdf,
        Format::Json => Ui::FormatJson,
        Format::Csv => Ui::FormatCsv,
        Format::Annonce => Ui::FormatAnnonce,
    }
}
