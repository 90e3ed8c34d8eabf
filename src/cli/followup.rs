//! `diagasso followup start|show|confirm`: a new audit of an association that starts from its
//! previous one. `start` records the link and copies nothing; `show` lists each previous answer
//! with where it stands (to confirm, confirmed, changed, to ask afresh); `confirm` saves
//! previous answers only when told so — one by one (`--question`) or all those still to confirm
//! (`--all-unchanged`) — and prints every answer it confirmed. Answers are saved as any answer
//! is, each with its trail entry.

use std::process::ExitCode;

use serde_json::json;

use super::Context;
use super::audits::{fail, open_existing, say};
use crate::audit::Answer;
use crate::export::Options;
use crate::export::view::answer_text;
use crate::followup::{self, FollowUp, State};
use crate::i18n::{Lang, Message};
use crate::questionnaire::{Questionnaire, shipped};
use crate::store::{RefKind, Store, StoreError};

#[derive(Debug, clap::Subcommand)]
pub enum FollowupCommand {
    /// Commence un audit de suivi à partir d'un audit précédent (rien n'est recopié) / start a
    /// follow-up audit from a previous one (nothing is copied).
    Start {
        /// L'audit précédent / the previous audit.
        previous: String,
        /// Questionnaire (par défaut celui de l'audit précédent, dans sa version livrée) /
        /// questionnaire (default: the previous audit's, as shipped now).
        #[arg(long)]
        questionnaire: Option<String>,
        /// Formateur·ice du nouvel audit (défaut : le réglage trainer.name, sinon le nom de
        /// connexion) / trainer of the new audit (default: the trainer.name setting, else the
        /// login name).
        #[arg(long, default_value = "")]
        trainer: String,
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Les réponses précédentes et où elles en sont / the previous answers and where they stand.
    Show {
        /// L'audit de suivi / the follow-up audit.
        audit: String,
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Confirme des réponses précédentes, explicitement / confirm previous answers, explicitly.
    #[command(group(clap::ArgGroup::new("which").required(true).args(["question", "all_unchanged"])))]
    Confirm {
        /// L'audit de suivi / the follow-up audit.
        audit: String,
        /// Questions à confirmer telles quelles / questions to confirm as they were.
        #[arg(long)]
        question: Vec<String>,
        /// Toutes les réponses encore à confirmer, telles quelles / every answer still to
        /// confirm, as it was.
        #[arg(long)]
        all_unchanged: bool,
    },
}

pub fn run(ctx: &Context, cmd: &FollowupCommand) -> ExitCode {
    let mut store = match open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let key = match cmd {
        FollowupCommand::Start { previous, .. } => previous,
        FollowupCommand::Show { audit, .. } | FollowupCommand::Confirm { audit, .. } => audit,
    };
    let id = match crate::app::reference::resolve(&store, RefKind::Audit, key) {
        Ok(id) => id,
        Err(e) => return fail(ctx, &e),
    };
    let result = match cmd {
        FollowupCommand::Start {
            questionnaire,
            trainer,
            json,
            ..
        } => start(
            ctx,
            &mut store,
            &id,
            questionnaire.as_deref(),
            trainer,
            *json,
        ),
        FollowupCommand::Show { json, .. } => show(ctx, &mut store, &id, *json),
        FollowupCommand::Confirm {
            question,
            all_unchanged,
            ..
        } => confirm(ctx, &mut store, &id, question, *all_unchanged),
    };
    result.unwrap_or_else(|e| fail(ctx, &e))
}

fn start(
    ctx: &Context,
    store: &mut Store,
    previous: &str,
    questionnaire: Option<&str>,
    trainer: &str,
    json: bool,
) -> Result<ExitCode, StoreError> {
    let stored = store.audit_questionnaire(previous)?;
    let id = questionnaire.unwrap_or(&stored.id);
    let q: Questionnaire = match shipped::by_id(id) {
        Ok(Some(q)) => q,
        _ if id == stored.id => stored,
        _ => {
            return Ok(say(
                ctx.lang,
                &Message::new(
                    format!(
                        "questionnaire inconnu « {id} » : voyez `diagasso questionnaire list`."
                    ),
                    format!("unknown questionnaire '{id}': see `diagasso questionnaire list`."),
                ),
            ));
        }
    };
    let trainer = ctx.settings.trainer_or(trainer);
    let new = store.start_followup(previous, &trainer, &q)?;
    let view = view_of(store, &new)?;
    let n = view.as_ref().map_or(0, |v| v.items.len());
    if json {
        outln!(
            "{}",
            json!({ "ok": true, "audit": new, "previous": previous, "to_confirm": n })
        );
    } else {
        outln!(
            "{}",
            super::counted::followup_started(&format!("{} v{}", q.id, q.version), n).get(ctx.lang)
        );
        outln!("{new}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The follow-up view of an audit, or `None` when it follows no audit of this database.
fn view_of(store: &mut Store, audit_id: &str) -> Result<Option<FollowUp>, StoreError> {
    let Some(previous_id) = store.previous_audit_id(audit_id)? else {
        return Ok(None);
    };
    let Some(previous) = store.audit(&previous_id)? else {
        return Ok(None);
    };
    let current = store.open_audit(audit_id)?;
    let (q, current) = (current.questionnaire, current.audit);
    Ok(Some(followup::view(&q, &current, &previous)))
}

fn not_a_followup(lang: Lang, audit: &str) -> ExitCode {
    say(
        lang,
        &Message::new(
            format!(
                "l'audit {audit} ne suit aucun audit de cette base (commencez-en un avec `diagasso followup start AUDIT_PRÉCÉDENT`)."
            ),
            format!(
                "audit {audit} follows no audit of this database (start one with `diagasso followup start PREVIOUS_AUDIT`)."
            ),
        ),
    )
}

fn words(q: &Questionnaire, question: &str, a: &Answer, lang: Lang) -> String {
    match q.question(question) {
        Some(qu) => answer_text(
            qu,
            a,
            &Options {
                lang,
                ..Options::default()
            },
        ),
        None => format!("{a:?}"),
    }
}

fn show(ctx: &Context, store: &mut Store, audit: &str, json: bool) -> Result<ExitCode, StoreError> {
    let Some(view) = view_of(store, audit)? else {
        return Ok(not_a_followup(ctx.lang, audit));
    };
    if json {
        outln!("{}", json!(view));
        return Ok(ExitCode::SUCCESS);
    }
    let lang = ctx.lang;
    let q = store.audit_questionnaire(audit)?;
    let (to_confirm, confirmed, changed, unusable) = view.counts();
    outln!(
        "{}",
        super::counted::followup_state(
            &view.previous_audit_id,
            view.previous_started_at.get(..10).unwrap_or_default(),
            [to_confirm, confirmed, changed, unusable],
        )
        .get(lang)
    );
    for item in &view.items {
        let mark = match &item.state {
            State::ToConfirm => lang.pick("à confirmer", "to confirm").to_string(),
            State::Confirmed => lang.pick("confirmée", "confirmed").to_string(),
            State::Changed => lang.pick("changée", "changed").to_string(),
            State::Unusable { reason } => format!(
                "{} ({})",
                lang.pick("à reprendre", "ask afresh"),
                reason.get(lang)
            ),
        };
        let hidden = if item.shown {
            ""
        } else {
            lang.pick(" [masquée pour l'instant]", " [hidden for now]")
        };
        outln!(
            "  {} — {}{hidden}\n    {} : {}",
            item.question_id,
            mark,
            lang.pick("avant", "before"),
            words(&q, &item.question_id, &item.previous, lang)
        );
        if let (State::Changed, Some(now)) = (&item.state, &item.current) {
            outln!(
                "    {} : {}",
                lang.pick("maintenant", "now"),
                words(&q, &item.question_id, now, lang)
            );
        }
    }
    if !view.not_asked.is_empty() {
        outln!(
            "{} {}",
            lang.pick(
                "Plus demandées dans ce questionnaire :",
                "No longer asked in this questionnaire:"
            ),
            view.not_asked.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn confirm(
    ctx: &Context,
    store: &mut Store,
    audit: &str,
    questions: &[String],
    all: bool,
) -> Result<ExitCode, StoreError> {
    let lang = ctx.lang;
    let q = store.audit_questionnaire(audit)?;
    let mut done = 0;
    loop {
        let Some(view) = view_of(store, audit)? else {
            return Ok(not_a_followup(lang, audit));
        };
        let next = if all {
            view.to_confirm().find(|i| i.shown).cloned()
        } else {
            match questions.get(done) {
                None => None,
                Some(id) => match view.item(id) {
                    Some(item) if item.state == State::ToConfirm => Some(item.clone()),
                    _ => {
                        return Ok(say(
                            lang,
                            &super::counted::nothing_to_confirm(id, audit, done),
                        ));
                    }
                },
            }
        };
        let Some(item) = next else { break };
        store.save_answer(audit, &item.question_id, Some(&item.previous))?;
        done += 1;
        outln!(
            "{} {} : {} ({} {})",
            lang.pick("Confirmée", "Confirmed"),
            item.question_id,
            words(&q, &item.question_id, &item.previous, lang),
            lang.pick("réponse du", "answer of"),
            item.previous_at.get(..10).unwrap_or_default()
        );
    }
    outln!("{}", super::counted::confirmed(done).get(lang));
    Ok(ExitCode::SUCCESS)
}
