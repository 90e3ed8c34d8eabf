//! `diagasso workshop new|add|list|show|export|pool|annonce`: workshops from the command line.
//! A workshop is named by its id, a start of its id that only it has, or its exact name
//! (ignoring case and accents). `new` and `add` print the new id on the last line (with
//! `--json`, one JSON object instead). The dashboard, the pools and the exports are computed
//! by `crate::workshop` from what the store fetches; this module only prints.

mod export;
mod pool;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::Context;
use super::audits::{fail, open, resolve, say};
use crate::answers_file;
use crate::i18n::Message;
use crate::questionnaire::shipped;
use crate::store::{NewWorkshop, RefKind, Scope, Store, Workshop, unknown_workshop};
use crate::workshop::Dashboard;

#[derive(Debug, clap::Subcommand)]
pub enum WorkshopCommand {
    /// Crée un atelier / create a workshop.
    New(NewArgs),
    /// Ajoute une association (fichier de réponses) ou un audit existant à un atelier / add an
    /// association (answers file) or an existing audit to a workshop.
    Add(AddArgs),
    /// Liste les ateliers / list workshops.
    List {
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Tableau de bord d'un atelier / a workshop's dashboard.
    Show {
        /// Atelier : identifiant, début d'identifiant ou nom / workshop: id, id start or name.
        workshop: String,
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Exporte le tableau de bord d'un atelier en HTML ou CSV / export a workshop's dashboard as
    /// HTML or CSV.
    Export(export::ExportArgs),
    /// Besoins à mutualiser entre associations / needs to pool between associations.
    Pool(pool::PoolArgs),
    /// Petite annonce commune d'un groupe, anonymisée / joint, anonymised listing of a group.
    Annonce(pool::AnnonceArgs),
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Nom de l'atelier / name of the workshop.
    #[arg(long)]
    pub name: String,
    /// Date de l'atelier, AAAA-MM-JJ / date of the workshop, YYYY-MM-DD.
    #[arg(long)]
    pub date: String,
    /// Lieu de l'atelier / place of the workshop.
    #[arg(long, default_value = "")]
    pub place: String,
    /// Formateur·ice (défaut : le réglage trainer.name, sinon le nom de connexion) / trainer
    /// (default: the trainer.name setting, else the login name).
    #[arg(long, default_value = "")]
    pub trainer: String,
    /// Questionnaire des nouveaux audits / questionnaire of new audits.
    #[arg(long, default_value = "atelier-express")]
    pub questionnaire: String,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["answers", "audit"])))]
pub struct AddArgs {
    /// Atelier : identifiant, début d'identifiant ou nom / workshop: id, id start or name.
    pub workshop: String,
    /// Fichier de réponses TOML : crée l'association et son audit / TOML answers file: creates
    /// the association and its audit.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Un audit déjà enregistré / an audit already stored.
    #[arg(long, value_name = "AUDIT")]
    pub audit: Option<String>,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, cmd: &WorkshopCommand) -> ExitCode {
    match cmd {
        WorkshopCommand::New(a) => new(ctx, a),
        WorkshopCommand::Add(a) => add(ctx, a),
        WorkshopCommand::List { json } => list(ctx, *json),
        WorkshopCommand::Show { workshop, json } => show(ctx, workshop, *json),
        WorkshopCommand::Export(a) => export::run(ctx, a),
        WorkshopCommand::Pool(a) => pool::pool(ctx, a),
        WorkshopCommand::Annonce(a) => pool::annonce(ctx, a),
    }
}

/// The workshop named by `key`, or the message saying none is.
pub(super) fn find(ctx: &Context, store: &Store, key: &str) -> Result<Workshop, ExitCode> {
    let id = super::audits::resolve(ctx, store, RefKind::Workshop, key)?;
    match store.find_workshop(&id) {
        Ok(Some(w)) => Ok(w),
        Ok(None) => Err(fail(ctx, &unknown_workshop(key))),
        Err(e) => Err(fail(ctx, &e)),
    }
}

fn new(ctx: &Context, a: &NewArgs) -> ExitCode {
    match shipped::by_id(&a.questionnaire) {
        Ok(Some(_)) => {}
        _ => {
            return say(
                ctx.lang,
                &Message::new(
                    format!(
                        "questionnaire inconnu « {} » : voyez `diagasso questionnaire list`.",
                        a.questionnaire
                    ),
                    format!(
                        "unknown questionnaire '{}': see `diagasso questionnaire list`.",
                        a.questionnaire
                    ),
                ),
            );
        }
    }
    let mut store = match open(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let trainer = ctx.settings.trainer_or(&a.trainer);
    let w = NewWorkshop {
        name: &a.name,
        date: &a.date,
        place: &a.place,
        trainer: &trainer,
        questionnaire_id: &a.questionnaire,
    };
    let id = match store.create_workshop(&w) {
        Ok(id) => id,
        Err(e) => return fail(ctx, &e),
    };
    if a.json {
        outln!(
            "{}",
            json!({ "ok": true, "workshop": id, "name": a.name.trim() })
        );
    } else {
        outln!(
            "{}",
            ctx.lang.pick(
                &format!("Atelier « {} » créé.", a.name.trim()),
                &format!("Workshop '{}' created.", a.name.trim())
            )
        );
        outln!("{id}");
    }
    ExitCode::SUCCESS
}

fn add(ctx: &Context, a: &AddArgs) -> ExitCode {
    // Read and check the answers file before touching the database.
    let file = match &a.answers {
        Some(path) => {
            let name = path.display().to_string();
            let bytes = match crate::bounded::read(path, crate::bounded::MAX_FILE) {
                Ok(b) => b,
                Err(e) => return say(ctx.lang, &e.message(&name)),
            };
            match answers_file::parse_shipped(&name, &bytes) {
                Ok(f) => Some(f),
                Err(problems) => {
                    for p in &problems.0 {
                        errln!("{}", p.message(ctx.lang));
                    }
                    let n = problems.0.len();
                    return say(ctx.lang, &super::counted::nothing_saved(&name, n));
                }
            }
        }
        None => None,
    };
    let mut store = match super::audits::open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let w = match find(ctx, &store, &a.workshop) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let lang = ctx.lang;
    if let Some(file) = file {
        let created = match store.create_audit_in_workshop(&w.id, &file.new_audit()) {
            Ok(c) => c,
            Err(e) => return fail(ctx, &e),
        };
        let q = &file.questionnaire;
        if a.json {
            outln!(
                "{}",
                json!({
                    "ok": true, "workshop": w.id, "audit": created.audit_id,
                    "association": { "id": created.association_id, "name": file.association.name },
                    "questionnaire": { "id": q.id, "version": q.version },
                })
            );
            return ExitCode::SUCCESS;
        }
        if q.id != w.questionnaire_id {
            errln!(
                "{}",
                lang.pick(
                    &format!(
                        "Attention : cet audit suit « {} », l'atelier « {} » ; les décomptes les réunissent par identifiants de question.",
                        q.id, w.questionnaire_id
                    ),
                    &format!(
                        "Note: this audit follows '{}', the workshop '{}'; counts join them by question id.",
                        q.id, w.questionnaire_id
                    ),
                )
            );
        }
        outln!(
            "{}",
            lang.pick(
                &format!(
                    "« {} » ajoutée à l'atelier « {} » ({} réponses).",
                    file.association.name,
                    w.name,
                    file.answers.len()
                ),
                &format!(
                    "'{}' added to workshop '{}' ({} answers).",
                    file.association.name,
                    w.name,
                    file.answers.len()
                ),
            )
        );
        outln!("{}", created.audit_id);
        return ExitCode::SUCCESS;
    }
    let audit = match resolve(
        ctx,
        &store,
        RefKind::Audit,
        a.audit.as_deref().unwrap_or_default(),
    ) {
        Ok(id) => id,
        Err(code) => return code,
    };
    let audit = audit.as_str();
    let added = match store.add_to_workshop(&w.id, audit) {
        Ok(added) => added,
        Err(e) => return fail(ctx, &e),
    };
    if a.json {
        outln!(
            "{}",
            json!({ "ok": true, "workshop": w.id, "audit": audit, "added": added })
        );
    } else {
        let (fr, en) = if added {
            ("Audit ajouté à l'atelier", "Audit added to workshop")
        } else {
            ("Audit déjà dans l'atelier", "Audit already in workshop")
        };
        outln!("{} « {} ».", lang.pick(fr, en), w.name);
        outln!("{audit}");
    }
    ExitCode::SUCCESS
}

fn list(ctx: &Context, json: bool) -> ExitCode {
    let store = match super::audits::open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let all = match store.workshops() {
        Ok(w) => w,
        Err(e) => return fail(ctx, &e),
    };
    if json {
        match serde_json::to_string(&all) {
            Ok(s) => outln!("{s}"),
            Err(e) => return ctx.fail(&format!("JSON : {e}"), &format!("JSON: {e}")),
        }
        return ExitCode::SUCCESS;
    }
    let numbered = match store.numbered_ids(RefKind::Workshop) {
        Ok(ids) => ids,
        Err(e) => return fail(ctx, &e),
    };
    out!("{}", text::list(&all, &numbered, ctx.lang));
    ExitCode::SUCCESS
}

/// The workshop named by `key` and its dashboard, or the message saying why not.
pub(super) fn dashboard_of(ctx: &Context, key: &str) -> Result<(Workshop, Dashboard), ExitCode> {
    let mut store = super::audits::open_existing(ctx)?;
    let w = find(ctx, &store, key)?;
    let catalog = super::catalog::effective(ctx)?;
    let facts = store
        .audit_facts(Scope::Workshop(&w.id))
        .map_err(|e| fail(ctx, &e))?;
    let d = crate::workshop::dashboard(&facts, &catalog);
    Ok((w, d))
}

fn show(ctx: &Context, key: &str, json: bool) -> ExitCode {
    let (w, d) = match dashboard_of(ctx, key) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if json {
        outln!("{}", json!({ "workshop": w, "dashboard": d }));
    } else {
        out!("{}", text::dashboard(&w, &d, ctx.lang));
    }
    ExitCode::SUCCESS
}
