//! `diagasso show AUDIT`: one audit with its association's profile, answers and notes. The
//! human form labels questions and choices from the questionnaire copy stored with the audit,
//! so an audit started on version N reads with version N's wording.

use std::process::ExitCode;

use serde_json::json;

use super::{fail, local_time, open_existing, status_label};
use crate::audit::{Answer, Association, Audit, Value};
use crate::cli::Context;
use crate::i18n::{Lang, typo};
use crate::questionnaire::{Question, Questionnaire};
use crate::store::codec;

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// L'audit : numéro ou référence de `diagasso list`, début d'identifiant, nom de
    /// l'association / the audit: number or reference from `diagasso list`, id start,
    /// association name.
    pub audit: String,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

pub fn show(ctx: &Context, args: &ShowArgs) -> ExitCode {
    let mut store = match open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let id = match super::resolve(ctx, &store, crate::store::RefKind::Audit, &args.audit) {
        Ok(id) => id,
        Err(code) => return code,
    };
    let (audit, association, q) = match store.open_audit(&id) {
        Ok(o) => (o.audit, o.association, o.questionnaire),
        Err(e) => return fail(ctx, &e),
    };
    if args.json {
        outln!("{}", as_json(&audit, &association, &q));
    } else {
        out!("{}", as_text(&audit, &association, &q, ctx.lang));
    }
    ExitCode::SUCCESS
}

fn as_json(audit: &Audit, association: &Association, q: &Questionnaire) -> serde_json::Value {
    let answers: serde_json::Map<String, serde_json::Value> = audit
        .answers
        .iter()
        .map(|(id, r)| {
            let value = r.answer.value().map(codec::plain_json);
            (
                id.clone(),
                json!({
                    "state": r.answer.state().as_str(),
                    "value": value,
                    "updated_at": r.updated_at,
                }),
            )
        })
        .collect();
    json!({
        "id": audit.id,
        "status": audit.status.as_str(),
        "trainer": audit.trainer,
        "started_at": audit.started_at,
        "finished_at": audit.finished_at,
        "updated_at": audit.updated_at,
        "association": association,
        "questionnaire": {
            "id": audit.questionnaire.id,
            "version": audit.questionnaire.version,
            "hash": audit.questionnaire.hash,
        },
        "answered": audit.answers.len(),
        "total": q.question_count(),
        "answers": answers,
        "notes": audit.notes,
        "note": audit.note,
    })
}

fn as_text(audit: &Audit, a: &Association, q: &Questionnaire, lang: Lang) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    let fr = lang == Lang::Fr;
    let sep = if fr { "\u{a0}: " } else { ": " };
    line(format!(
        "Audit {} · {}",
        audit.id,
        status_label(audit.status, lang)
    ));
    line(format!("Association{sep}{} ({})", a.name, a.id));
    let mut profile = vec![format!(
        "{}{sep}{}",
        lang.pick("Forme juridique", "Legal form"),
        a.legal_form.label(lang)
    )];
    for (label, value) in [
        (lang.pick("Pays", "Country"), &a.country),
        (lang.pick("Code postal", "Postcode"), &a.postcode),
    ] {
        if !value.is_empty() {
            profile.push(format!("{label}{sep}{value}"));
        }
    }
    line(format!("  {}", profile.join(" · ")));
    if !a.activity.is_empty() {
        line(format!(
            "  {}{sep}{}",
            lang.pick("Activité", "Activity"),
            a.activity
        ));
    }
    // Numbers as the documents write them: « 1 200 », « 145 000 € ».
    let number = |n: u64| typo::number(lang, n);
    let counts: Vec<String> = [
        (
            lang.pick("Adhérents", "Members"),
            a.members.map(|n| number(n.into())),
        ),
        (
            lang.pick("Salariés", "Employees"),
            a.employees.map(|n| number(n.into())),
        ),
        (
            lang.pick("Bénévoles", "Volunteers"),
            a.volunteers.map(|n| number(n.into())),
        ),
        (
            lang.pick("Budget annuel", "Annual budget"),
            a.budget_eur.map(|n| typo::eur(lang, n)),
        ),
    ]
    .into_iter()
    .filter_map(|(label, n)| n.map(|n| format!("{label}{sep}{n}")))
    .collect();
    if !counts.is_empty() {
        line(format!("  {}", counts.join(" · ")));
    }
    if !a.contact_name.is_empty() || !a.contact_email.is_empty() {
        let email = if a.contact_email.is_empty() {
            String::new()
        } else {
            format!(" <{}>", a.contact_email)
        };
        line(format!("  Contact{sep}{}{email}", a.contact_name));
    }
    let short_hash: String = audit.questionnaire.hash.chars().take(12).collect();
    line(format!(
        "Questionnaire{sep}{} v{} ({} {short_hash})",
        audit.questionnaire.id,
        audit.questionnaire.version,
        lang.pick("empreinte", "hash")
    ));
    if !audit.trainer.is_empty() {
        line(format!(
            "{}{sep}{}",
            lang.pick("Formateur·rice", "Trainer"),
            audit.trainer
        ));
    }
    let mut dates = vec![
        format!(
            "{}{sep}{}",
            lang.pick("Commencé", "Started"),
            local_time(&audit.started_at)
        ),
        format!(
            "{}{sep}{}",
            lang.pick("Modifié", "Updated"),
            local_time(&audit.updated_at)
        ),
    ];
    if let Some(f) = &audit.finished_at {
        dates.push(format!(
            "{}{sep}{}",
            lang.pick("Terminé", "Finished"),
            local_time(f)
        ));
    }
    line(dates.join(" · "));
    line(format!(
        "{}{sep}{}/{}",
        lang.pick("Réponses", "Answers"),
        audit.answers.len(),
        q.question_count()
    ));
    if !audit.note.is_empty() {
        line(format!("{}{sep}{}", lang.pick("Note", "Note"), audit.note));
    }
    let answers = audit.answer_map();
    let visible = q.visible(&answers);
    let mut current_section = None;
    for (i, (section, question)) in q.questions().enumerate() {
        let answer = answers.get(&question.id);
        let note = audit.notes.get(&question.id);
        let shown = visible.get(i).copied().unwrap_or(true);
        if !shown && answer.is_none() && note.is_none() {
            continue;
        }
        if current_section != Some(&section.id) {
            current_section = Some(&section.id);
            line(String::new());
            line(format!("## {}", section.title.get(lang)));
        }
        line(format!("- {} [{}]", question.label.get(lang), question.id));
        let mut text = match answer {
            Some(a) => answer_text(question, a, lang),
            None => lang.pick("(sans réponse)", "(not answered)").to_string(),
        };
        if !shown {
            text.push_str(lang.pick(
                " (question masquée par les autres réponses)",
                " (question hidden by the other answers)",
            ));
        }
        line(format!("  → {text}"));
        if let Some(n) = note {
            line(format!("  {}{sep}{n}", lang.pick("Note", "Note")));
        }
    }
    out
}

/// An answer as a person reads it: choice labels, numbers with their unit, oui/non.
fn answer_text(q: &Question, a: &Answer, lang: Lang) -> String {
    let label = |id: &str| {
        q.choice(id)
            .map_or_else(|| id.to_string(), |c| c.label.get(lang).to_string())
    };
    match a {
        Answer::DontKnow => lang.pick("« Je ne sais pas »", "'Don't know'").to_string(),
        Answer::NotApplicable => lang
            .pick("« Non concerné »", "'Not applicable'")
            .to_string(),
        Answer::Given(Value::Choice(id)) => label(id),
        Answer::Given(Value::Choices(ids)) => ids
            .iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Given(Value::Number(n)) => match &q.unit {
            Some(unit) => format!("{}\u{a0}{}", typo::number(lang, *n), unit.get(lang)),
            None => typo::number(lang, *n),
        },
        Answer::Given(Value::Text(t)) => t.clone(),
        Answer::Given(Value::Bool(b)) => if *b {
            lang.pick("Oui", "Yes")
        } else {
            lang.pick("Non", "No")
        }
        .to_string(),
    }
}
