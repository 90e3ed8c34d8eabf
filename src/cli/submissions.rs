//! `diagasso import-submissions FILE`: the submissions of the questionnaire's form (KoboToolbox
//! or ODK CSV, Nextcloud Forms CSV or XLSX) become audits, one per row. Each row is written as
//! an answers file and checked by `answers_file::parse` — the same check as `new --answers` —
//! then stored in one transaction: a row with any refused value stores nothing, and every
//! refused value is listed with its row and column. Rows that pass are stored even when others
//! are refused; the exit code is then 1.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::Context;
use crate::answers_file::{self, AnswersFile};
use crate::bridge::submissions::{self, Column, Role, Table};
use crate::i18n::{Lang, Message};
use crate::questionnaire::{Questionnaire, shipped};
use crate::store::Store;

/// At most this many bytes are read from an export (a form of 100 questions and 10,000
/// submissions is about 20 MB).
const MAX_BYTES: u64 = 200 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct ImportSubmissionsArgs {
    /// Export CSV (KoboToolbox, ODK, Nextcloud Forms) ou XLSX (Nextcloud Forms) / CSV export
    /// (KoboToolbox, ODK, Nextcloud Forms) or XLSX export (Nextcloud Forms).
    pub file: PathBuf,
    /// Questionnaire du formulaire (défaut : celui dont les questions couvrent les colonnes) /
    /// the form's questionnaire (default: the one whose questions cover the columns).
    #[arg(long, value_name = "ID")]
    pub questionnaire: Option<String>,
    /// Formateur·ice noté·e sur chaque audit / trainer recorded on each audit.
    #[arg(long)]
    pub trainer: Option<String>,
    /// Vérifier seulement, ne rien enregistrer / check only, store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Sortie JSON : created (row, audit, association), refused (row, column, header,
    /// question, value, message), ignored_columns, dry_run / JSON output: created (row, audit,
    /// association), refused (row, column, header, question, value, message),
    /// ignored_columns, dry_run.
    #[arg(long)]
    pub json: bool,
}

/// One refused value (or a whole row refused for a reason of its own).
struct Refusal {
    row: usize,
    column: Option<(usize, String)>,
    question: Option<String>,
    value: Option<String>,
    message: String,
}

/// Spreadsheet column letters: 1 → A, 27 → AA.
fn letters(mut n: usize) -> String {
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn read(path: &std::path::Path) -> Result<Vec<u8>, Message> {
    use std::io::Read;
    let shown = path.display();
    let f = std::fs::File::open(path).map_err(|e| {
        Message::new(
            format!("{shown}\u{a0}: lecture impossible ({e}). Vérifiez le chemin et les droits."),
            format!("{shown}: cannot read ({e}). Check the path and permissions."),
        )
    })?;
    let mut bytes = Vec::new();
    f.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Message::new(format!("{shown}\u{a0}: {e}"), format!("{shown}: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Message::new(
            format!("{shown}\u{a0}: fichier de plus de 200 Mo, découpez l'export"),
            format!("{shown}: file over 200 MB, split the export"),
        ));
    }
    Ok(bytes)
}

/// The questionnaire asked for, or the one whose questions the columns name the most (the
/// smaller one on a tie: an express form's columns are all in the full questionnaire too).
fn pick(table: &Table, wanted: Option<&str>) -> Result<(Questionnaire, Vec<Column>), Message> {
    let all = shipped::all().map_err(|e| Message::new(format!("{e}"), format!("{e}")))?;
    if let Some(id) = wanted {
        let q = super::questionnaire::shipped_by_id(id)?;
        let columns = submissions::resolve(table, &q);
        return Ok((q, columns));
    }
    let scored = all.into_iter().map(|q| {
        let columns = submissions::resolve(table, &q);
        let score = columns
            .iter()
            .filter(|c| {
                matches!(
                    c.role,
                    Role::Question(_) | Role::Companion(_) | Role::Split(..)
                )
            })
            .count();
        (score, q, columns)
    });
    let best = scored.max_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.question_count().cmp(&a.1.question_count()))
    });
    match best {
        Some((score, q, columns)) if score > 0 => Ok((q, columns)),
        _ => Err(Message::new(
            "aucune colonne ne nomme une question d'un questionnaire livré\u{a0}: exportez depuis KoboToolbox avec «\u{a0}valeurs et en-têtes XML\u{a0}», ou titrez les questions Nextcloud comme le questionnaire imprimé (ou avec [identifiant])",
            "no column names a question of a shipped questionnaire: export from KoboToolbox with \"XML values and headers\", or title the Nextcloud questions as in the printed questionnaire (or with [question_id])",
        )),
    }
}

pub fn run(ctx: &Context, a: &ImportSubmissionsArgs) -> ExitCode {
    match import(ctx, a) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(m) => ctx.fail(&m.fr, &m.en),
    }
}

fn import(ctx: &Context, a: &ImportSubmissionsArgs) -> Result<bool, Message> {
    let lang = ctx.lang;
    let file = a.file.display().to_string();
    let name = a.file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let table = submissions::read(name, &read(&a.file)?)?;
    let (q, columns) = pick(&table, a.questionnaire.as_deref())?;
    let ignored: Vec<&str> = columns
        .iter()
        .filter(|c| c.role == Role::Unknown && !c.header.is_empty())
        .map(|c| c.header.as_str())
        .collect();
    let trainer = a.trainer.clone().unwrap_or_else(|| ctx.settings.trainer());
    let available = [q.clone()];
    let mut valid: Vec<(usize, AnswersFile)> = Vec::new();
    let mut refused: Vec<Refusal> = Vec::new();
    for (row, cells) in &table.rows {
        let note = format!(
            "{} {file}, {} {row}",
            lang.pick("Importé de", "Imported from"),
            lang.pick("ligne", "row")
        );
        let (doc, origins) =
            submissions::row_document(&q, table.source, &columns, cells, &trainer, &note);
        match answers_file::parse(&file, doc.as_bytes(), &available) {
            Ok(f) => valid.push((*row, f)),
            Err(problems) => {
                for p in problems.0 {
                    let key = p.question.as_deref().map(|k| {
                        if q.question(k).is_some() {
                            k.to_string()
                        } else {
                            format!("{}{k}", crate::bridge::profile::PREFIX)
                        }
                    });
                    let column = key
                        .as_ref()
                        .and_then(|k| origins.get(k))
                        .and_then(|i| columns.get(*i))
                        .map(|c| (c.index, c.header.clone()));
                    let value = column
                        .as_ref()
                        .and_then(|(i, _)| cells.get(*i))
                        .map(|v| v.trim().to_string())
                        .or(p.value.clone());
                    refused.push(Refusal {
                        row: *row,
                        column,
                        question: p.question.clone(),
                        value,
                        message: lang.pick(&p.fr, &p.en).to_string(),
                    });
                }
            }
        }
    }
    // In the order a person reads the file: by row, then by column.
    refused.sort_by_key(|r| (r.row, r.column.as_ref().map_or(0, |(i, _)| i + 1)));
    let mut created = Vec::new();
    if !a.dry_run && !valid.is_empty() {
        let mut store = open_store(ctx)?;
        for (row, f) in &valid {
            let c = store
                .create_audit(&f.new_audit())
                .map_err(|e| e.message())?;
            created.push((*row, c.audit_id, f.association.name.clone()));
        }
    }
    report(ctx, a, &file, &q, &valid, &created, &refused, &ignored);
    Ok(refused.is_empty())
}

fn open_store(ctx: &Context) -> Result<Store, Message> {
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => Store::default_path().map_err(|e| e.message())?,
    };
    Store::open(&path).map_err(|e| e.message())
}

#[allow(clippy::too_many_arguments)]
fn report(
    ctx: &Context,
    a: &ImportSubmissionsArgs,
    file: &str,
    q: &Questionnaire,
    valid: &[(usize, AnswersFile)],
    created: &[(usize, String, String)],
    refused: &[Refusal],
    ignored: &[&str],
) {
    let lang = ctx.lang;
    if a.json {
        let refused: Vec<_> = refused
            .iter()
            .map(|r| {
                json!({
                    "row": r.row,
                    "column": r.column.as_ref().map(|(i, _)| letters(i + 1)),
                    "header": r.column.as_ref().map(|(_, h)| h),
                    "question": r.question, "value": r.value, "message": r.message,
                })
            })
            .collect();
        let created: Vec<_> = created
            .iter()
            .map(|(row, id, name)| json!({"row": row, "audit": id, "association": name}))
            .collect();
        let checked: Vec<usize> = valid.iter().map(|(r, _)| *r).collect();
        outln!(
            "{}",
            json!({
                "questionnaire": {"id": q.id, "version": q.version},
                "created": created, "valid_rows": checked, "refused": refused,
                "ignored_columns": ignored, "dry_run": a.dry_run,
            })
        );
        return;
    }
    for r in refused {
        let at = match &r.column {
            Some((i, h)) => format!(
                "{file}:{} {}, {} {} ({h})",
                lang.pick("ligne", "row"),
                r.row,
                lang.pick("colonne", "column"),
                letters(i + 1)
            ),
            None => format!("{file}:{} {}", lang.pick("ligne", "row"), r.row),
        };
        let what = match (&r.question, &r.value) {
            (Some(qid), Some(v)) => format!("{qid} = {v}: "),
            (Some(qid), None) => format!("{qid}: "),
            _ => String::new(),
        };
        errln!("{at}: {what}{}", r.message);
    }
    if !ignored.is_empty() {
        errln!(
            "{}{} {}",
            lang.pick(
                "colonnes ignorées (ni question ni profil)",
                "columns ignored (neither a question nor the profile)"
            ),
            lang.pick("\u{a0}:", ":"),
            ignored.join(", ")
        );
    }
    for (row, id, name) in created {
        outln!(
            "{} {row}{} {id} ({name})",
            lang.pick("ligne", "row"),
            lang.pick("\u{a0}: audit", ": audit")
        );
    }
    let rows_refused = {
        let mut rows: Vec<usize> = refused.iter().map(|r| r.row).collect();
        rows.dedup();
        rows.len()
    };
    let summary = match lang {
        Lang::Fr => format!(
            "{} v{}\u{a0}: {} ligne{} valide{}{}, {} refusée{}",
            q.id,
            q.version,
            valid.len(),
            plural(valid.len()),
            plural(valid.len()),
            if a.dry_run {
                " (rien d'enregistré\u{a0}: --dry-run)"
            } else {
                ""
            },
            rows_refused,
            plural(rows_refused)
        ),
        Lang::En => format!(
            "{} v{}: {} valid row{}{}, {} refused",
            q.id,
            q.version,
            valid.len(),
            plural(valid.len()),
            if a.dry_run {
                " (nothing stored: --dry-run)"
            } else {
                ""
            },
            rows_refused
        ),
    };
    errln!("{summary}");
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}
