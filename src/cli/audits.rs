//! `diagasso new`, `demo`, `list`, `show` and `erase`: audits in the store from the command
//! line. Every command opens the database named by `--db` / `DIAGASSO_DB`, else the default
//! one in the user's data folder; every failure is a message in the user's language on
//! standard error and exit code 1.
//!
//! `new` and `demo` print the new audit's id on the last line of standard output (with
//! `--json`, one JSON object on one line instead), so scripts can take it with `tail -n 1`.

mod erase;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use unicode_width::UnicodeWidthStr;

use super::Context;
use crate::answers_file::{self, AnswersFile};
use crate::audit::AuditStatus;
use crate::i18n::{Lang, Message};
use crate::store::{RefKind, Store, StoreError};

pub use erase::{EraseArgs, erase};
pub use show::{ShowArgs, show};

/// The demonstration audit (an association in Lyon, every visible question answered).
pub const DEMO: &str = include_str!("../../questionnaires/examples/demo.toml");

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Fichier de réponses TOML (voir le README, ou `diagasso questionnaire template`) / TOML
    /// answers file (see the README, or `diagasso questionnaire template`).
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Seulement les associations dont le nom contient ce texte (sans tenir compte des accents ni
    /// des majuscules) / only associations whose name contains this text (ignoring accents and
    /// capitals).
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub filter: String,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

/// Open the store the context names, or print why not.
pub(super) fn open(ctx: &Context) -> Result<Store, ExitCode> {
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => Store::default_path().map_err(|e| fail(ctx, &e))?,
    };
    Store::open(&path).map_err(|e| fail(ctx, &e))
}

/// Open the store only when there is one: a command that reads never creates the database.
/// When there is none, the message says so and how to start.
pub(super) fn open_existing(ctx: &Context) -> Result<Store, ExitCode> {
    existing(ctx).map_err(|m| say(ctx.lang, &m))
}

/// `open_existing` for the commands whose failures are messages.
pub(super) fn existing(ctx: &Context) -> Result<Store, Message> {
    let path = db_path(ctx)?;
    if !is_there(&path) {
        return Err(no_database(&path));
    }
    Store::open(&path).map_err(|e| e.message())
}

/// The database file the context names.
fn db_path(ctx: &Context) -> Result<PathBuf, Message> {
    match &ctx.db {
        Some(p) => Ok(p.clone()),
        None => Store::default_path().map_err(|e| e.message()),
    }
}

/// Something is under that name, or the name cannot lead to a file (a path through a file, a
/// loop of links): anything but « nothing there » is opened, so that its problem is told.
fn is_there(path: &std::path::Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(_) => true,
        Err(e) => e.kind() != std::io::ErrorKind::NotFound,
    }
}

/// There is no database at `path` yet.
pub(super) fn no_database(path: &std::path::Path) -> Message {
    let p = path.display();
    Message::new(
        format!(
            "Pas encore de base de données dans {p}\u{a0}: commencez par diagasso demo (un audit d'exemple) ou diagasso new --answers FICHIER."
        ),
        format!(
            "No database yet at {p}: start with diagasso demo (an example audit) or diagasso new --answers FILE."
        ),
    )
}

/// The id a short reference typed by a person stands for (`app::reference`), or the message
/// saying none or several do.
pub(super) fn resolve(
    ctx: &Context,
    store: &Store,
    kind: crate::store::RefKind,
    key: &str,
) -> Result<String, ExitCode> {
    crate::app::reference::resolve(store, kind, key).map_err(|e| fail(ctx, &e))
}

/// Print a store error and return the failure code.
pub(super) fn fail(ctx: &Context, e: &StoreError) -> ExitCode {
    say(ctx.lang, &e.message())
}

pub(super) fn say(lang: Lang, m: &Message) -> ExitCode {
    errln!("{}", m.get(lang));
    ExitCode::FAILURE
}

pub fn new(ctx: &Context, args: &NewArgs) -> ExitCode {
    let name = args.answers.display().to_string();
    let bytes = match crate::bounded::read(&args.answers, crate::bounded::MAX_FILE) {
        Ok(b) => b,
        Err(e) => return say(ctx.lang, &e.message(&name)),
    };
    create(ctx, &name, &bytes, args.json)
}

pub fn demo(ctx: &Context) -> ExitCode {
    create(
        ctx,
        "questionnaires/examples/demo.toml",
        DEMO.as_bytes(),
        false,
    )
}

/// Check an answers file, then store it whole; nothing is written (not even a new database
/// file) when the file has a problem.
fn create(ctx: &Context, name: &str, bytes: &[u8], json: bool) -> ExitCode {
    let mut file: AnswersFile = match answers_file::parse_shipped(name, bytes) {
        Ok(f) => f,
        Err(problems) => {
            let n = problems.0.len();
            if json {
                let list: Vec<_> = problems
                    .0
                    .iter()
                    .map(|p| {
                        json!({
                            "file": p.file, "line": p.line, "column": p.column,
                            "question": p.question, "value": p.value,
                            "message": p.message(ctx.lang),
                        })
                    })
                    .collect();
                outln!("{}", json!({ "ok": false, "problems": list }));
            }
            for p in &problems.0 {
                errln!("{}", p.message(ctx.lang));
            }
            return say(ctx.lang, &super::counted::nothing_saved(name, n));
        }
    };
    // No trainer in the file: the settings' (the login name when they say nothing).
    file.trainer = ctx.settings.trainer_or(&file.trainer);
    let mut store = match open(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let created = match store.create_audit(&file.new_audit()) {
        Ok(c) => c,
        Err(e) => return fail(ctx, &e),
    };
    let q = &file.questionnaire;
    let db = store
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    if json {
        outln!(
            "{}",
            json!({
                "ok": true,
                "audit": created.audit_id,
                "association": { "id": created.association_id, "name": file.association.name },
                "questionnaire": { "id": q.id, "version": q.version },
                "answered": file.answers.len(),
                "total": q.question_count(),
                "db": db,
            })
        );
    } else {
        let (n, total, who) = (
            file.answers.len(),
            q.question_count(),
            &file.association.name,
        );
        outln!(
            "{}",
            ctx.lang.pick(
                &format!(
                    "Audit créé pour « {who} » ({} v{}, {n}/{total} réponses) dans {db}",
                    q.id, q.version
                ),
                &format!(
                    "Audit created for '{who}' ({} v{}, {n}/{total} answers) in {db}",
                    q.id, q.version
                ),
            )
        );
        outln!("{}", created.audit_id);
    }
    ExitCode::SUCCESS
}

/// Associations without an audit, after the list: their contact details are in the file, so
/// they must be findable (to start their audit, or `diagasso erase ID`).
fn orphans(store: &Store, lang: crate::i18n::Lang) {
    let Ok(found) = store.associations_without_audits() else {
        return;
    };
    if found.is_empty() {
        return;
    }
    outln!();
    outln!(
        "{}",
        lang.pick(
            "Associations sans audit (diagasso erase ID pour les effacer) :",
            "Associations without an audit (diagasso erase ID to erase them):"
        )
    );
    for o in found {
        outln!("{}  {}", o.association.id, clip(&o.association.name, 48));
    }
}

pub fn list(ctx: &Context, args: &ListArgs) -> ExitCode {
    // No database: nothing to list, and nothing created. Scripts read an empty list; a
    // person reads how to start.
    if let Ok(path) = db_path(ctx)
        && !is_there(&path)
    {
        if args.json {
            outln!("[]");
        } else {
            outln!("{}", no_database(&path).get(ctx.lang));
        }
        return ExitCode::SUCCESS;
    }
    let mut store = match open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let audits = match store.list_audits(&args.filter, 0, usize::MAX) {
        Ok(a) => a,
        Err(e) => return fail(ctx, &e),
    };
    // Numbers and references as `app::reference` reads them back.
    let numbered = match store.numbered_ids(RefKind::Audit) {
        Ok(ids) => ids,
        Err(e) => return fail(ctx, &e),
    };
    let shorts = crate::app::reference::short_forms(&numbered);
    let refs: std::collections::HashMap<&str, (usize, &str)> = numbered
        .iter()
        .zip(&shorts)
        .enumerate()
        .map(|(i, (id, short))| (id.as_str(), (i + 1, short.as_str())))
        .collect();
    let reference = |id: &str| -> (usize, String) {
        refs.get(id)
            .map_or((0, id.to_string()), |&(n, short)| (n, short.to_string()))
    };
    // Progress told as everywhere: sections done of sections, answers of questions shown.
    let progress: Vec<Option<crate::walk::Overview>> = audits
        .iter()
        .map(|s| crate::app::progress::of(&mut store, &s.id).ok())
        .collect();
    if args.json {
        let list: Vec<_> = audits
            .iter()
            .zip(&progress)
            .map(|(s, p)| {
                let (number, short) = reference(&s.id);
                json!({
                    "id": s.id,
                    "number": number,
                    "ref": short,
                    "association": { "id": s.association_id, "name": s.association_name },
                    "questionnaire": { "id": s.questionnaire_id, "version": s.questionnaire_version },
                    "answered": s.answered,
                    "total": s.total,
                    "progress": p.map(|p| json!({
                        "sections_done": p.sections_done,
                        "sections_total": p.sections_total,
                        "answered": p.answered,
                        "shown": p.shown,
                    })),
                    "status": s.status.as_str(),
                    "updated_at": s.updated_at,
                })
            })
            .collect();
        outln!("{}", serde_json::Value::Array(list));
        return ExitCode::SUCCESS;
    }
    let lang = ctx.lang;
    let filter = args.filter.trim();
    if audits.is_empty() && !filter.is_empty() && store.count_audits("").is_ok_and(|n| n > 0) {
        outln!(
            "{}",
            lang.pick(
                &format!("Aucune association ne correspond à «\u{a0}{filter}\u{a0}» (diagasso list sans --filter les montre toutes)."),
                &format!("No association matches '{filter}' (diagasso list without --filter shows them all)."),
            )
        );
        orphans(&store, lang);
        return ExitCode::SUCCESS;
    }
    if audits.is_empty() {
        let db = store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        outln!(
            "{}",
            lang.pick(
                &format!("Aucun audit dans {db}. Créez-en un : diagasso new --answers FICHIER, ou diagasso demo."),
                &format!("No audit in {db}. Create one: diagasso new --answers FILE, or diagasso demo."),
            )
        );
        orphans(&store, lang);
        return ExitCode::SUCCESS;
    }
    let header = [
        lang.pick("N°", "NO."),
        lang.pick("RÉF.", "REF."),
        "ASSOCIATION",
        "QUESTIONNAIRE",
        lang.pick("SECTIONS · RÉPONSES", "SECTIONS · ANSWERS"),
        lang.pick("ÉTAT", "STATUS"),
        lang.pick("MODIFIÉ", "UPDATED"),
    ];
    let rows: Vec<[String; 7]> = audits
        .iter()
        .zip(&progress)
        .map(|(s, p)| {
            let (number, short) = reference(&s.id);
            [
                number.to_string(),
                short,
                clip(&s.association_name, 32),
                format!("{} v{}", s.questionnaire_id, s.questionnaire_version),
                match p {
                    Some(p) => format!(
                        "{}/{} · {}/{}",
                        p.sections_done, p.sections_total, p.answered, p.shown
                    ),
                    None => format!("{}/{}", s.answered, s.total),
                },
                status_label(s.status, lang).to_string(),
                local_time(&s.updated_at),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[&str]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
            .collect();
        outln!("{}", padded.join("  ").trim_end());
    };
    line(&header);
    for row in &rows {
        line(&row.each_ref().map(String::as_str));
    }
    orphans(&store, lang);
    ExitCode::SUCCESS
}

pub(super) fn status_label(s: AuditStatus, lang: Lang) -> &'static str {
    match s {
        AuditStatus::InProgress => lang.pick("en cours", "in progress"),
        AuditStatus::Finished => lang.pick("terminé", "finished"),
    }
}

/// A stored UTC time as local "YYYY-MM-DD HH:MM" (the front end may read the clock's zone).
pub(super) fn local_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// At most `width` columns, with "…" when cut.
fn clip(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() >= width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_file_is_valid_against_the_shipped_questionnaire() {
        let f = answers_file::parse_shipped("demo.toml", DEMO.as_bytes()).expect("demo is valid");
        assert!(!f.answers.is_empty());
    }

    #[test]
    fn clipping() {
        assert_eq!(clip("Jardins", 32), "Jardins");
        assert_eq!(clip("Les Jardins Partagés", 10), "Les Jardi…");
    }
}
