//! `diagasso plan AUDIT [--json] [--why]`: the transition plan of a stored audit, and
//! `diagasso plan --answers FILE [--json] [--why]`: the plan of an answers file, with no
//! database — for a trainer preparing a visit. Text for people (in `--lang`), JSON for
//! programs (`exports/schema/plan.schema.json`). Exit code 0, or 1 with a message.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use crate::audit::{
    Answer, AnswerRecord, Association, Audit, AuditStatus, LegalForm, QuestionnaireRef, Value,
};
use crate::catalog::Catalog;
use crate::i18n::Message;
use crate::plan::{self, Plan};
use crate::questionnaire::{Kind, Questionnaire, answer, shipped};

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// Identifiant de l'audit / audit id
    #[arg(required_unless_present = "answers", conflicts_with = "answers")]
    pub audit: Option<String>,
    /// Fichier de réponses, sans base de données / answers file, no database
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Sortie JSON / JSON output
    #[arg(long)]
    pub json: bool,
    /// Montre le « pourquoi » de chaque élément / show the "why" of each item
    #[arg(long)]
    pub why: bool,
}

pub fn run(ctx: &Context, args: &PlanArgs) -> ExitCode {
    match compute(ctx, args) {
        Ok((plan, q)) => {
            if args.json {
                match serde_json::to_string_pretty(&plan) {
                    Ok(s) => println!("{s}"),
                    Err(e) => return ctx.fail(&format!("JSON : {e}"), &format!("JSON: {e}")),
                }
            } else {
                print!(
                    "{}",
                    super::plan_text::render(&plan, &q, ctx.lang, args.why)
                );
            }
            ExitCode::SUCCESS
        }
        Err(m) => ctx.fail(&m.fr, &m.en),
    }
}

fn catalog() -> Result<Catalog, Message> {
    crate::catalog::shipped().map_err(|e| {
        Message::new(
            format!("catalogue livré invalide (bogue) : {e}"),
            format!("shipped catalogue invalid (a bug): {e}"),
        )
    })
}

fn compute(ctx: &Context, args: &PlanArgs) -> Result<(Plan, Questionnaire), Message> {
    let (q, association, audit) = match (&args.answers, &args.audit) {
        (Some(path), _) => from_answers(path)?,
        (None, Some(id)) => from_store(ctx, id)?,
        (None, None) => {
            return Err(Message::new(
                "indiquez un audit ou --answers FICHIER",
                "name an audit or --answers FILE",
            ));
        }
    };
    let catalog = catalog()?;
    let plan = plan::plan(&q, &audit, &association, &catalog);
    Ok((plan, q))
}

fn from_store(ctx: &Context, id: &str) -> Result<(Questionnaire, Association, Audit), Message> {
    use crate::store::Store;
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => Store::default_path().map_err(|e| e.message())?,
    };
    let store = Store::open(&path).map_err(|e| e.message())?;
    let audit = store.audit(id).map_err(|e| e.message())?.ok_or_else(|| {
        Message::new(
            format!("audit inconnu : {id}"),
            format!("unknown audit: {id}"),
        )
    })?;
    let association = store
        .association(&audit.association_id)
        .map_err(|e| e.message())?
        .ok_or_else(|| {
            Message::new(
                format!("association de l'audit {id} introuvable"),
                format!("association of audit {id} not found"),
            )
        })?;
    let q = store.audit_questionnaire(id).map_err(|e| e.message())?;
    Ok((q, association, audit))
}

/// Read an answers file (`questionnaire`, `[association]`, `[answers]`, `[notes]`) against the
/// shipped questionnaire it names; every answer is checked by the questionnaire's rules.
/// Interim reader until the store's answers-file parser is merged.
fn from_answers(path: &Path) -> Result<(Questionnaire, Association, Audit), Message> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Message::new(
            format!("{shown} : lecture impossible ({e})"),
            format!("{shown}: cannot read ({e})"),
        )
    })?;
    let doc: toml::Table = toml::from_str(&text).map_err(|e| {
        Message::new(
            format!("{shown} : TOML invalide : {e}"),
            format!("{shown}: invalid TOML: {e}"),
        )
    })?;
    let qid = doc
        .get("questionnaire")
        .and_then(|v| v.as_str())
        .unwrap_or(shipped::DEFAULT_ID);
    let q = shipped::by_id(qid)
        .map_err(|e| {
            Message::new(
                format!("questionnaire livré invalide : {e}"),
                format!("shipped questionnaire invalid: {e}"),
            )
        })?
        .ok_or_else(|| {
            Message::new(
                format!("{shown} : questionnaire inconnu « {qid} »"),
                format!("{shown}: unknown questionnaire '{qid}'"),
            )
        })?;
    let empty = toml::Table::new();
    let a = doc
        .get("association")
        .and_then(|v| v.as_table())
        .unwrap_or(&empty);
    let text_of = |k: &str| {
        a.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let num = |k: &str| -> Result<Option<u64>, Message> {
        match a.get(k) {
            None => Ok(None),
            Some(v) => v
                .as_integer()
                .and_then(|n| u64::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| {
                    Message::new(
                        format!("{shown} : association.{k} : nombre entier attendu"),
                        format!("{shown}: association.{k}: a whole number is expected"),
                    )
                }),
        }
    };
    let small = |k: &str| -> Result<Option<u32>, Message> {
        num(k)?
            .map(|n| {
                u32::try_from(n).map_err(|_| {
                    Message::new(
                        format!("{shown} : association.{k} trop grand"),
                        format!("{shown}: association.{k} too large"),
                    )
                })
            })
            .transpose()
    };
    let form = text_of("legal_form");
    let legal_form = if form.is_empty() {
        LegalForm::Association
    } else {
        LegalForm::parse(&form).ok_or_else(|| {
            Message::new(
                format!("{shown} : forme juridique inconnue « {form} » (association, collectif, fondation, syndicat, entreprise, autre)"),
                format!("{shown}: unknown legal form '{form}' (association, collectif, fondation, syndicat, entreprise, autre)"),
            )
        })?
    };
    let association = Association {
        id: String::new(),
        name: text_of("name"),
        legal_form,
        country: text_of("country").to_ascii_uppercase(),
        postcode: text_of("postcode"),
        activity: text_of("activity"),
        members: small("members")?,
        employees: small("employees")?,
        volunteers: small("volunteers")?,
        budget_eur: num("budget_eur")?,
        contact_name: text_of("contact_name"),
        contact_email: text_of("contact_email"),
    };
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    let given = doc
        .get("answers")
        .and_then(|v| v.as_table())
        .unwrap_or(&empty);
    for (id, v) in given {
        let question = q.question(id).ok_or_else(|| {
            Message::new(
                format!("{shown} : question inconnue « {id} »"),
                format!("{shown}: unknown question '{id}'"),
            )
        })?;
        let bad = || {
            Message::new(
                format!("{shown} : {id} : valeur non reconnue"),
                format!("{shown}: {id}: value not understood"),
            )
        };
        let flag = |t: &toml::Table, k: &str| t.get(k).and_then(|b| b.as_bool()) == Some(true);
        let answer = match v {
            toml::Value::Table(t) if flag(t, "dont_know") => Answer::DontKnow,
            toml::Value::Table(t) if flag(t, "not_applicable") => Answer::NotApplicable,
            toml::Value::String(s) if question.kind == Kind::Single => {
                Answer::Given(Value::Choice(s.clone()))
            }
            toml::Value::String(s) if question.kind == Kind::Multiple => {
                Answer::Given(Value::Choices(vec![s.clone()]))
            }
            toml::Value::String(s) => Answer::Given(Value::Text(s.clone())),
            toml::Value::Array(items) => Answer::Given(Value::Choices(
                items
                    .iter()
                    .map(|i| i.as_str().map(String::from).ok_or_else(bad))
                    .collect::<Result<_, _>>()?,
            )),
            toml::Value::Integer(n) => Answer::Given(Value::Number(*n as f64)),
            toml::Value::Float(n) => Answer::Given(Value::Number(*n)),
            toml::Value::Boolean(b) => Answer::Given(Value::Bool(*b)),
            _ => return Err(bad()),
        };
        let answer = answer::normalise(question, answer);
        answer::check(question, &answer, &answers).map_err(|p| {
            Message::new(
                format!("{shown} : {id} : {}", p.fr),
                format!("{shown}: {id}: {}", p.en),
            )
        })?;
        answers.insert(id.clone(), answer);
    }
    let audit = Audit {
        id: String::new(),
        association_id: String::new(),
        trainer: String::new(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
        },
        status: AuditStatus::InProgress,
        started_at: String::new(),
        finished_at: None,
        updated_at: String::new(),
        answers: answers
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
        notes: BTreeMap::new(),
        note: String::new(),
    };
    Ok((q, association, audit))
}
