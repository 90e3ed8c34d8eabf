//! `diagasso import`: bring a JSON export back into a database (same ids; importing twice
//! changes nothing). What it brings is cleaned and checked as every way in is (`json_guard`:
//! no key twice; `intake`: texts cleaned, answers checked like the walk, every refusal listed):
//! all or nothing, a file with any problem writes nothing, not even a new database.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Context;
use super::export::open_store;
use crate::export;
use crate::i18n::{Lang, Message};
use crate::store::Restored;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Un export JSON de diagasso / a diagasso JSON export.
    pub file: PathBuf,
    /// Sortie JSON : audit, created (faux s'il était déjà là) / JSON output: audit, created
    /// (false when it was already there).
    #[arg(long)]
    pub json: bool,
}

fn run_import(ctx: &Context, a: &ImportArgs) -> Result<String, Message> {
    let bytes = match crate::bounded::read(&a.file, export::json::MAX_BYTES as u64) {
        Ok(b) => b,
        Err(crate::bounded::ReadFail::TooLarge { .. }) => {
            return Err(Message::new(
                format!(
                    "{} : fichier trop gros pour un export diagasso ; rien n'a été importé.",
                    a.file.display()
                ),
                format!(
                    "{}: file too large for a diagasso export; nothing was imported.",
                    a.file.display()
                ),
            ));
        }
        Err(crate::bounded::ReadFail::Io(e)) => {
            return Err(Message::new(
                format!("lecture de {} impossible : {e}", a.file.display()),
                format!("cannot read {}: {e}", a.file.display()),
            ));
        }
    };
    let shown = a.file.display();
    let refused = |fr: &str, en: &str| {
        Message::new(
            format!("{shown} : {fr} ; rien n'a été importé."),
            format!("{shown}: {en}; nothing was imported."),
        )
    };
    // A key written twice would be read as its last value: refused, where it is.
    if let Err(e) = crate::json_guard::check_unique_keys(&bytes)
        && !e.is_syntax()
        && !e.is_eof()
    {
        return Err(refused(
            &format!("clé en double dans le JSON ({e})"),
            &format!("duplicate key in the JSON ({e})"),
        ));
    }
    let (mut doc, q) = export::json::parse(&bytes).map_err(|e| refused(&e.0.fr, &e.0.en))?;
    // Outside text cleaned, then every answer checked as the walk checks it: all or nothing.
    crate::intake::clean_association(&mut doc.association);
    crate::intake::clean_audit(&mut doc.audit);
    let refusals = crate::intake::refusals(&q, &doc.audit);
    if !refusals.is_empty() {
        let id = &doc.audit.id;
        let lines = |lang: Lang| -> String {
            refusals
                .iter()
                .map(|r| {
                    format!(
                        "{shown}: audit {id}: {} = {}: {}\n",
                        r.question,
                        r.value,
                        r.problem.message(lang)
                    )
                })
                .collect()
        };
        let n = refusals.len();
        return Err(super::counted::answers_refused(
            lines,
            &shown.to_string(),
            n,
        ));
    }
    let mut store = open_store(ctx)?;
    let done = store
        .restore_audit(&doc.association, &doc.audit, &q)
        .map_err(|e| e.message())?;
    let id = &doc.audit.id;
    if a.json {
        let created = matches!(done, Restored::Created { .. });
        return Ok(serde_json::json!({ "audit": id, "created": created }).to_string());
    }
    Ok(match done {
        Restored::Created { .. } => ctx.lang.pick("importé : ", "imported: ").to_string() + id,
        Restored::AlreadyThere => {
            ctx.lang
                .pick(
                    "déjà présent, rien à faire : ",
                    "already there, nothing to do: ",
                )
                .to_string()
                + id
        }
    })
}

/// `diagasso import`.
pub fn import(ctx: &Context, a: &ImportArgs) -> ExitCode {
    match run_import(ctx, a) {
        Ok(line) => {
            outln!("{line}");
            ExitCode::SUCCESS
        }
        Err(m) => ctx.fail(&m.fr, &m.en),
    }
}
