//! `diagasso plan AUDIT [--json] [--why]`: the transition plan of a stored audit, and
//! `diagasso plan --answers FILE [--json] [--why]`: the plan of an answers file (read by
//! `answers_file`, checked as `diagasso new` does) with no database — for a trainer preparing a
//! visit. The catalogue is the shipped one with the user catalogue applied. Text for people (in
//! `--lang`), JSON for programs (`exports/schema/plan.schema.json`). Exit code 0, or 1 with a
//! message.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use crate::answers_file;
use crate::audit::{AnswerRecord, Association, Audit, AuditStatus, QuestionnaireRef};
use crate::i18n::{Lang, Message};
use crate::plan;
use crate::questionnaire::Questionnaire;

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// L'audit : numéro ou référence de `diagasso list`, début d'identifiant, nom de
    /// l'association / the audit: number or reference from `diagasso list`, id start,
    /// association name.
    #[arg(required_unless_present = "answers", conflicts_with = "answers")]
    pub audit: Option<String>,
    /// Fichier de réponses, sans base de données / answers file, no database.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Sortie JSON / JSON output
    #[arg(long)]
    pub json: bool,
    /// Montre le « pourquoi » de chaque élément / show the "why" of each item.
    #[arg(long)]
    pub why: bool,
}

pub fn run(ctx: &Context, args: &PlanArgs) -> ExitCode {
    let (q, association, audit) = match (&args.answers, &args.audit) {
        (Some(path), _) => match from_answers(path) {
            Ok(x) => x,
            Err(m) => return ctx.fail(&m.fr, &m.en),
        },
        (None, Some(id)) => match from_store(ctx, id) {
            Ok(x) => x,
            Err(m) => return ctx.fail(&m.fr, &m.en),
        },
        (None, None) => {
            return ctx.fail(
                "indiquez un audit ou --answers FICHIER",
                "name an audit or --answers FILE",
            );
        }
    };
    // The shipped catalogue with the user catalogue applied, as `diagasso catalog` shows it.
    let catalog = match super::catalog::effective(ctx) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let plan = plan::plan(&q, &audit, &association, &catalog);
    if args.json {
        match serde_json::to_string_pretty(&plan) {
            Ok(s) => outln!("{s}"),
            Err(e) => return ctx.fail(&format!("JSON : {e}"), &format!("JSON: {e}")),
        }
    } else {
        out!(
            "{}",
            crate::app::plan_text::render(&plan, &q, ctx.lang, args.why)
        );
    }
    ExitCode::SUCCESS
}

fn from_store(
    ctx: &Context,
    id: &str,
) -> Result<(std::sync::Arc<Questionnaire>, Association, Audit), Message> {
    let mut store = super::audits::existing(ctx)?;
    let id = crate::app::reference::resolve(&store, crate::store::RefKind::Audit, id)
        .map_err(|e| e.message())?;
    let o = store.open_audit(&id).map_err(|e| e.message())?;
    Ok((o.questionnaire, o.association, o.audit))
}

/// Read an answers file (the `diagasso new` format) and make an audit of it in memory: nothing
/// is stored. Every problem of the file is reported, as `diagasso new` does.
fn from_answers(
    path: &Path,
) -> Result<(std::sync::Arc<Questionnaire>, Association, Audit), Message> {
    let name = path.display().to_string();
    let bytes =
        crate::bounded::read(path, crate::bounded::MAX_FILE).map_err(|e| e.message(&name))?;
    let file = answers_file::parse_shipped(&name, &bytes).map_err(|problems| {
        let all = |lang| {
            problems
                .0
                .iter()
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
                .join("\n")
        };
        Message::new(all(Lang::Fr), all(Lang::En))
    })?;
    let q = file.questionnaire;
    let audit = Audit {
        id: String::new(),
        association_id: String::new(),
        trainer: file.trainer,
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
        },
        status: AuditStatus::InProgress,
        started_at: String::new(),
        finished_at: None,
        updated_at: String::new(),
        answers: file
            .answers
            .into_iter()
            .map(|(k, answer)| {
                (
                    k,
                    AnswerRecord {
                        answer,
                        updated_at: String::new(),
                    },
                )
            })
            .collect(),
        notes: file.notes,
        note: file.note,
    };
    Ok((q.into(), file.association, audit))
}
