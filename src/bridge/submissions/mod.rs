//! Submissions of the questionnaire's form, exported by a form tool, read back as one answers
//! file per row — so each row goes through the very check `diagasso new --answers` applies
//! (`answers_file::parse`), all or nothing per row.
//!
//! Formats, as their sources write them:
//! - **KoboToolbox** CSV (kobotoolbox/formpack, and the export options of its API as the
//!   KoboconnectR manual lists them: separator `;` by default, groups joined with `/` in
//!   headers, select_multiple as one column of space-separated choice names and, with
//!   "both", one `question/choice` column of 1/0 each), exported with **XML values and
//!   headers**; metadata columns start with `_` (`_id`, `_uuid`, `_submission_time`…) or are
//!   `start`, `end`, `__version__`.
//! - **ODK Central** CSV: `,`, groups joined with `-` (`meta-instanceID`), the same values.
//! - **Nextcloud Forms** CSV or XLSX (nextcloud/forms `lib/Service/SubmissionService.php`,
//!   `exportData`, read 2026: row 1 the titles, row 2 — hidden in the spreadsheet — the column
//!   ids `submission_id`, `user_id`, `user_display_name`, `timestamp`, then `question-id-N`;
//!   answers from row 3; several answers to one question joined with `; `; a choice written as
//!   its option's text; CSV with a BOM). Nextcloud's question ids are its own numbers, so a
//!   column is matched by its title: the question's label (French or English, as printed by
//!   `questionnaire print` or shown in the XLSForm), or `[question_id]` written in the title.
//!
//! Columns are resolved against a questionnaire (`columns`), cells turned into answers-file
//! values (`cells`).

mod cells;
mod columns;
mod table;

pub use cells::row_document;
pub use columns::{Column, Role, resolve};
pub use table::{Source, Table, read};

/// How a header or a value is compared: NFC, spaces collapsed, typographic apostrophes and
/// quotes made plain, lower case.
pub fn normalise(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = s
        .nfc()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
