//! Sheets of text written as an `.xlsx` workbook (rust_xlsxwriter), and read back from one
//! (calamine) as rows of text: the file formats of the bridges. Pure: bytes in, bytes out.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;

use crate::i18n::Message;

/// A workbook of named sheets, each a list of rows of text; empty cells are left out.
pub fn write(sheets: &[(&str, &[Vec<String>])]) -> Result<Vec<u8>, Message> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).map_err(failed)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (Ok(r), Ok(c)) = (u32::try_from(r), u16::try_from(c)) else {
                    return Err(Message::new(
                        "feuille trop grande pour un classeur",
                        "sheet too large for a workbook",
                    ));
                };
                sheet.write_string(r, c, cell).map_err(failed)?;
            }
        }
    }
    book.save_to_buffer().map_err(failed)
}

fn failed(e: rust_xlsxwriter::XlsxError) -> Message {
    Message::new(
        format!("écriture du classeur impossible\u{a0}: {e}"),
        format!("cannot write the workbook: {e}"),
    )
}

/// The first sheet of a workbook as rows of text (numbers written as a person reads them).
pub fn first_sheet(bytes: &[u8]) -> Result<Vec<Vec<String>>, Message> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Message::new(
            format!(
                "classeur .xlsx illisible ({e})\u{a0}: enregistrez-le de nouveau, ou exportez en CSV"
            ),
            format!("unreadable .xlsx workbook ({e}): save it again, or export as CSV"),
        )
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(unreadable(&"aucune feuille / no sheet"));
    };
    let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => crate::audit::format_number(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
