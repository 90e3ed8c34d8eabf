//! `diagasso bundle export` and `diagasso bundle import`: the single file trainers exchange
//! (`crate::bundle`), and merging one, or every `*.diagasso.json` of a folder (a folder synced by
//! the team's Nextcloud client).
//!
//! Export writes next to the target under a hidden temporary name, then renames, so a sync
//! client never picks up half a file; an existing file is replaced only with `--force`. Import
//! reads and checks every bundle before opening the database; a bundle that is malformed,
//! truncated, foreign or inconsistent with the database is refused whole, naming its file, and
//! the others are still merged (each in its own transaction). Exit code 1 when one was refused.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::Context;
use super::audits::{fail, open, say};
use std::convert::Infallible;

use crate::bounded;
use crate::bundle::stream::{Stop, Summary};
use crate::bundle::write::WriteStop;
use crate::bundle::{self, EXTENSION, Refused};
use crate::export::Options;
use crate::export::view::answer_text;
use crate::i18n::{Lang, Message};
use crate::safe_file;
use crate::store::{Kept, MergeReport, MergeStop, RefKind, Selection, Store, codec};

#[derive(Debug, clap::Subcommand)]
pub enum BundleCommand {
    /// Écrit un paquet (un fichier) / write a bundle (one file).
    Export(ExportArgs),
    /// Fusionne un paquet, ou tous les paquets d'un dossier / merge a bundle, or every bundle
    /// of a folder.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["association", "workshop", "all"])))]
pub struct ExportArgs {
    /// Les audits d'une association (nom, numéro d'un audit ou référence de `diagasso list`) / the
    /// audits of one association (name, number of an audit or reference from `diagasso list`).
    #[arg(long, value_name = "ID")]
    pub association: Option<String>,
    /// Les audits d'un atelier (identifiant, début d'identifiant ou nom) / the audits of one
    /// workshop (id, id start or name).
    #[arg(long, value_name = "ID")]
    pub workshop: Option<String>,
    /// Toute la base / the whole database.
    #[arg(long)]
    pub all: bool,
    /// Fichier à écrire, de préférence NOM.diagasso.json / file to write, preferably
    /// NAME.diagasso.json.
    pub file: PathBuf,
    /// Remplacer le fichier s'il existe / replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Un paquet, ou un dossier dont tous les *.diagasso.json sont fusionnés / a bundle, or a
    /// folder whose every *.diagasso.json is merged.
    pub path: PathBuf,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, cmd: &BundleCommand) -> ExitCode {
    match cmd {
        BundleCommand::Export(a) => export(ctx, a),
        BundleCommand::Import(a) => import(ctx, a),
    }
}

fn export(ctx: &Context, a: &ExportArgs) -> ExitCode {
    let store = match super::audits::open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let workshop_id = match &a.workshop {
        Some(key) => match super::workshop::find(ctx, &store, key) {
            Ok(w) => Some(w.id),
            Err(code) => return code,
        },
        None => None,
    };
    let association_id = match &a.association {
        Some(key) => match super::audits::resolve(ctx, &store, RefKind::Association, key) {
            Ok(id) => Some(id),
            Err(code) => return code,
        },
        None => None,
    };
    let selection = match (&association_id, &workshop_id) {
        (Some(id), _) => Selection::Association(id),
        (None, Some(id)) => Selection::Workshop(id),
        (None, None) => Selection::All,
    };
    // Read from the store and written one audit at a time, in one read transaction; the file
    // appears under its name only once whole (`safe_file`), 0600.
    let opts = safe_file::Options {
        replace: a.force,
        private: true,
    };
    let written = store.bundle_parts(selection, |parts| {
        let made = safe_file::write_with(&a.file, opts, |w| {
            bundle::write::write_to(
                w,
                &codec::now(),
                bundle::write::Parts {
                    questionnaires: &parts.questionnaires,
                    associations: parts.associations,
                    audits: parts.audits,
                    workshops: parts.workshops,
                },
            )
        });
        made.map(|n| (n.audits, n.associations, n.workshops))
    });
    let (n, m, w) = match written {
        Err(e) => return fail(ctx, &e),
        Ok(Err(safe_file::Failed::Write(e))) => return say(ctx.lang, &super::export::refusal(&e)),
        Ok(Err(safe_file::Failed::Content(WriteStop::By(e)))) => return fail(ctx, &e),
        Ok(Err(safe_file::Failed::Content(WriteStop::Io(e)))) => {
            return say(
                ctx.lang,
                &safe_file::WriteFail::Io(a.file.clone(), e).message(),
            );
        }
        Ok(Ok(counts)) => counts,
    };
    let name = a.file.display();
    if !a.file.to_string_lossy().ends_with(EXTENSION) {
        errln!(
            "{}",
            ctx.lang.pick(
                &format!("Note : l'import d'un dossier ne lit que les fichiers *{EXTENSION}."),
                &format!("Note: importing a folder only reads *{EXTENSION} files."),
            )
        );
    }
    outln!("{}", super::counted::bundle_written(n, m, w).get(ctx.lang));
    outln!("{name}");
    ExitCode::SUCCESS
}

/// The bundles to import: the file itself, or the folder's `*.diagasso.json` (not hidden), by
/// name.
fn bundles_in(path: &Path) -> Result<Vec<PathBuf>, Message> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let shown = path.display();
    let entries = std::fs::read_dir(path).map_err(|e| {
        Message::new(
            format!("{shown} : lecture du dossier impossible ({e})"),
            format!("{shown}: cannot read the folder ({e})"),
        )
    })?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            p.is_file() && !name.starts_with('.') && name.ends_with(EXTENSION)
        })
        .collect();
    out.sort();
    Ok(out)
}

fn import(ctx: &Context, a: &ImportArgs) -> ExitCode {
    let lang = ctx.lang;
    let files = match bundles_in(&a.path) {
        Ok(f) => f,
        Err(m) => return say(lang, &m),
    };
    if files.is_empty() {
        return say(
            lang,
            &Message::new(
                format!(
                    "{} : aucun fichier *{EXTENSION} à importer",
                    a.path.display()
                ),
                format!("{}: no *{EXTENSION} file to import", a.path.display()),
            ),
        );
    }
    // Read and check everything before touching the database (a stream: one audit at a time).
    let mut checked = Vec::new();
    let mut results: Vec<serde_json::Value> = Vec::new();
    let mut refused = 0;
    for f in &files {
        let name = f.display().to_string();
        let read = bounded::open(f, bundle::MAX_BYTES).map_err(|e| {
            Message::new(
                format!("lecture impossible ({})", e.fr()),
                format!("cannot read ({})", e.en()),
            )
        });
        let summary = read.and_then(|source| {
            bundle::stream::read(source, |_| Ok::<(), Infallible>(())).map_err(|e| match e {
                Stop::Refused(Refused(m)) => m,
                Stop::By(never) => match never {},
            })
        });
        match summary {
            Ok(s) => checked.push((name, f, s)),
            Err(m) => {
                refused += 1;
                report_refused(lang, &name, &m, a.json, &mut results);
            }
        }
    }
    if !checked.is_empty() {
        let mut store = match open(ctx) {
            Ok(s) => s,
            Err(code) => return code,
        };
        for (name, f, s) in &checked {
            match merge(&mut store, f, s) {
                Ok(r) => {
                    if a.json {
                        results.push(json!({ "file": name, "ok": true, "report": r }));
                    } else {
                        out!("{}", summary(&store, name, &r, lang));
                    }
                }
                Err(m) => {
                    refused += 1;
                    report_refused(lang, name, &m, a.json, &mut results);
                }
            }
        }
    }
    if a.json {
        outln!("{}", serde_json::Value::Array(results));
    }
    if refused > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Merge the bundle in `file`, read again as a stream inside the store's transaction; it must
/// be the very file that was checked (`checked.whole`), else nothing is written.
fn merge(store: &mut Store, file: &Path, checked: &Summary) -> Result<MergeReport, Message> {
    let done = store.merge_bundle_with(|m| {
        let source = bounded::open(file, bundle::MAX_BYTES).map_err(|e| {
            Message::new(
                format!("lecture impossible ({})", e.fr()),
                format!("cannot read ({})", e.en()),
            )
        })?;
        let again = bundle::stream::read(source, |part| m.part(part)).map_err(|e| match e {
            Stop::Refused(Refused(m)) => m,
            Stop::By(e) => e.message(),
        })?;
        if again.whole != checked.whole {
            return Err(Message::new(
                "le fichier a changé pendant l'import (une synchronisation en cours ?) ; relancez l'import",
                "the file changed during the import (a sync under way?); run the import again",
            ));
        }
        Ok(())
    });
    done.map_err(|e| match e {
        MergeStop::Store(e) => e.message(),
        MergeStop::Feed(m) => m,
    })
}

fn report_refused(
    lang: Lang,
    name: &str,
    m: &Message,
    json: bool,
    results: &mut Vec<serde_json::Value>,
) {
    if json {
        results.push(json!({ "file": name, "ok": false, "error": m.get(lang) }));
    }
    errln!(
        "{}",
        lang.pick(
            &format!("{name} : paquet refusé, rien n'en a été écrit : {}", m.fr),
            &format!(
                "{name}: bundle refused, nothing of it was written: {}",
                m.en
            ),
        )
    );
}

fn summary(store: &Store, name: &str, r: &MergeReport, lang: Lang) -> String {
    let mut s = if r.changed() {
        super::counted::bundle_merged(name, r).get(lang).to_string()
    } else {
        lang.pick(
            &format!("{name} : rien de nouveau.\n"),
            &format!("{name}: nothing new.\n"),
        )
        .to_string()
    };
    if let Some(latest) = &r.latest_future {
        let n = r.future_dates;
        s.push_str(lang.pick(
            &format!("Dates dans le futur : {n} (jusqu'à {latest}) — l'horloge de l'ordinateur qui a fait le paquet avance. Elles sont ramenées à l'heure de cet import et ne l'emportent jamais par leur date ; réglez l'horloge de cet ordinateur.\n"),
            &format!("Dates in the future: {n} (up to {latest}) — the clock of the computer that made the bundle is ahead. They are brought back to the time of this import and never win by their date; set that computer's clock right.\n"),
        ));
    }
    if !r.conflicts.is_empty() {
        s.push_str(lang.pick(
            "Conflits (les deux côtés ont changé la même question depuis leur dernier échange ; la réponse la plus récente est gardée, l'autre reste dans l'historique) :\n",
            "Conflicts (both sides changed the same question since they last exchanged; the latest answer is kept, the other stays in the trail):\n",
        ));
    }
    for c in &r.conflicts {
        let q = store.audit_questionnaire(&c.audit_id).ok();
        let words = |a: &Option<crate::audit::Answer>| -> String {
            let question = q.as_ref().and_then(|q| q.question(&c.question_id));
            match (a, question) {
                (None, _) => lang.pick("(sans réponse)", "(no answer)").to_string(),
                (Some(a), Some(question)) => answer_text(
                    question,
                    a,
                    &Options {
                        lang,
                        ..Options::default()
                    },
                ),
                (Some(a), None) => format!("{a:?}"),
            }
        };
        let kept = match c.kept {
            Kept::Here => lang.pick("ici", "here"),
            Kept::Bundle => lang.pick("le paquet", "the bundle"),
        };
        s.push_str(&format!(
            "  - {} / {} : {} « {} » ({}), {} « {} » ({}) → {} {kept}\n",
            c.association,
            c.question_id,
            lang.pick("ici", "here"),
            words(&c.here),
            c.here_at,
            lang.pick("paquet", "bundle"),
            words(&c.bundle),
            c.bundle_at,
            lang.pick("gardé :", "kept:"),
        ));
    }
    s
}
