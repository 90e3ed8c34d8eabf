//! The exported file as a table of text: CSV (separator found from the header line, a BOM
//! dropped) or XLSX (first sheet), and which tool wrote it (Nextcloud Forms puts its column
//! ids in row 2).

use crate::bridge::xlsx;
use crate::i18n::Message;

/// Which tool's export this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// KoboToolbox or ODK: question names as headers.
    Form,
    /// Nextcloud Forms: titles in row 1, ids in row 2.
    Nextcloud,
}

/// The file as rows of text.
#[derive(Debug, Clone)]
pub struct Table {
    pub source: Source,
    /// Column ids (Kobo/ODK: the header; Nextcloud: row 2).
    pub ids: Vec<String>,
    /// Column titles (Nextcloud: row 1; otherwise the ids).
    pub titles: Vec<String>,
    /// Each data row with its number as a spreadsheet shows it (1 = the first line).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Read an export; `name` is the file's name (for `.xlsx`).
pub fn read(name: &str, bytes: &[u8]) -> Result<Table, Message> {
    let rows = if bytes.starts_with(b"PK\x03\x04") || name.to_lowercase().ends_with(".xlsx") {
        xlsx::first_sheet(bytes)?
    } else {
        csv_rows(bytes)?
    };
    let mut rows = rows.into_iter().enumerate().map(|(i, r)| (i + 1, r));
    let Some((_, first)) = rows.next() else {
        return Err(Message::new(
            "fichier vide\u{a0}: exportez les réponses avec leur ligne d'en-tête",
            "empty file: export the submissions with their header line",
        ));
    };
    let rest: Vec<(usize, Vec<String>)> = rows
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let nextcloud = rest
        .first()
        .is_some_and(|(n, r)| *n == 2 && r.first().is_some_and(|c| c.trim() == "submission_id"));
    if nextcloud {
        let ids = rest[0].1.clone();
        Ok(Table {
            source: Source::Nextcloud,
            ids,
            titles: first,
            rows: rest[1..].to_vec(),
        })
    } else {
        Ok(Table {
            source: Source::Form,
            ids: first.clone(),
            titles: first,
            rows: rest,
        })
    }
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Message> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Message::new(
            format!(
                "ce fichier n'est pas du texte UTF-8 (octet {})\u{a0}: exportez-le en UTF-8",
                e.valid_up_to()
            ),
            format!(
                "this file is not UTF-8 text (byte {}): export it as UTF-8",
                e.valid_up_to()
            ),
        )
    })?;
    let delimiter = sniff(text.lines().next().unwrap_or(""));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Message::new(
                format!("CSV illisible à la ligne {}\u{a0}: {e}", i + 1),
                format!("unreadable CSV at line {}: {e}", i + 1),
            )
        })?;
        out.push(record.iter().map(str::to_string).collect());
    }
    Ok(out)
}

/// The separator of a header line: the most frequent of `;`, `,` and tab outside quotes.
fn sniff(line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i == 1)).unwrap_or(1);
    [b';', b',', b'\t'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(sniff("start;end;q1;\"a,b\""), b';');
        assert_eq!(sniff("a,b,c"), b',');
        assert_eq!(sniff("a\tb\tc"), b'\t');
        assert_eq!(sniff("one"), b',');
    }

    #[test]
    fn nextcloud_ids_row() {
        let csv = "\u{feff}\"Submission ID\",\"User ID\",\"Titre\"\nsubmission_id,user_id,question-id-4\n7,,x\n";
        let t = read("x.csv", csv.as_bytes()).unwrap();
        assert_eq!(t.source, Source::Nextcloud);
        assert_eq!(t.ids[2], "question-id-4");
        assert_eq!(t.titles[2], "Titre");
        assert_eq!(
            t.rows,
            vec![(3, vec!["7".into(), String::new(), "x".into()])]
        );
        let t = read("x.csv", b"a;b\n1;2\n").unwrap();
        assert_eq!(t.source, Source::Form);
        assert_eq!(t.rows, vec![(2, vec!["1".into(), "2".into()])]);
    }
}
