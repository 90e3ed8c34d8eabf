//! The demo association offered on the first run: the fictitious garden association of
//! `questionnaires/examples/demo.toml` (embedded), with its complete audit, answers and notes, so
//! a trainer can see every screen filled before a visit. Delete it like any audit.
//!
//! Only the few keys the demo file uses are read here (profile, answers by question kind,
//! `{ dont_know = true }`, `{ not_applicable = true }`, notes); an answer the questionnaire
//! refuses is left out rather than failing. When the answers-file reader of `diagasso new`
//! lands, this should call it instead.

use std::collections::BTreeMap;
use std::sync::Arc;

use toml::Value as Toml;

use crate::audit::{Answer, Association, LegalForm, Value};
use crate::i18n::Message;
use crate::questionnaire::answer::check;
use crate::questionnaire::{Kind, Question, Questionnaire, shipped};
use crate::store::{NewAudit, Store, StoreError};

const DEMO: &str = include_str!("../../questionnaires/examples/demo.toml");

fn invalid(detail: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(Message::new(
        format!("démonstration illisible : {detail}"),
        format!("unreadable demo: {detail}"),
    ))
}

fn association(t: &Toml) -> Association {
    let s = |k: &str| t.get(k).and_then(Toml::as_str).unwrap_or("").to_string();
    let n = |k: &str| {
        t.get(k)
            .and_then(Toml::as_integer)
            .and_then(|n| u64::try_from(n).ok())
    };
    Association {
        id: String::new(),
        name: s("name"),
        legal_form: LegalForm::parse(&s("legal_form")).unwrap_or_default(),
        country: s("country"),
        postcode: s("postcode"),
        activity: s("activity"),
        members: n("members").and_then(|n| u32::try_from(n).ok()),
        employees: n("employees").and_then(|n| u32::try_from(n).ok()),
        volunteers: n("volunteers").and_then(|n| u32::try_from(n).ok()),
        budget_eur: n("budget_eur"),
        contact_name: s("contact_name"),
        contact_email: s("contact_email"),
    }
}

/// One answer of the file, read by the question's kind.
fn answer(q: &Question, v: &Toml) -> Option<Answer> {
    if let Some(t) = v.as_table() {
        if t.get("dont_know").and_then(Toml::as_bool) == Some(true) {
            return Some(Answer::DontKnow);
        }
        if t.get("not_applicable").and_then(Toml::as_bool) == Some(true) {
            return Some(Answer::NotApplicable);
        }
        return None;
    }
    let value = match q.kind {
        Kind::Single => Value::Choice(v.as_str()?.to_string()),
        Kind::Multiple => Value::Choices(
            v.as_array()?
                .iter()
                .map(|c| c.as_str().map(str::to_string))
                .collect::<Option<_>>()?,
        ),
        Kind::Number | Kind::Scale => {
            Value::Number(v.as_float().or_else(|| v.as_integer().map(|n| n as f64))?)
        }
        Kind::Text => Value::Text(v.as_str()?.to_string()),
        Kind::Yesno => Value::Bool(v.as_bool()?),
    };
    Some(Answer::Given(value))
}

/// Create the demo association and its audit; returns the audit's id.
pub fn create(
    store: &mut Store,
    trainer: &str,
    questionnaires: &[Arc<Questionnaire>],
) -> Result<String, StoreError> {
    let file: Toml = toml::from_str(DEMO).map_err(invalid)?;
    let qid = file
        .get("questionnaire")
        .and_then(Toml::as_str)
        .unwrap_or(shipped::DEFAULT_ID);
    let q = questionnaires
        .iter()
        .find(|q| q.id == qid)
        .ok_or_else(|| invalid(qid))?;
    let association = association(
        file.get("association")
            .ok_or_else(|| invalid("[association]"))?,
    );
    let mut answers = BTreeMap::new();
    if let Some(table) = file.get("answers").and_then(Toml::as_table) {
        for (id, v) in table {
            if let Some(question) = q.question(id)
                && let Some(a) = answer(question, v)
                && check(question, &a, &answers).is_ok()
            {
                answers.insert(id.clone(), a);
            }
        }
    }
    let notes: BTreeMap<String, String> = file
        .get("notes")
        .and_then(Toml::as_table)
        .map(|t| {
            t.iter()
                .filter(|(id, _)| q.question(id).is_some())
                .filter_map(|(id, v)| Some((id.clone(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let trainer = file
        .get("trainer")
        .and_then(Toml::as_str)
        .unwrap_or(trainer);
    let created = store.create_audit(&NewAudit {
        association: &association,
        trainer,
        questionnaire: q,
        answers: &answers,
        notes: &notes,
        note: "Association de démonstration : essayez librement, puis supprimez-la depuis l'accueil (touche Suppr).",
    })?;
    Ok(created.audit_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_loads_with_nearly_every_answer() {
        let qs: Vec<Arc<Questionnaire>> = shipped::all()
            .expect("shipped questionnaires load")
            .into_iter()
            .map(Arc::new)
            .collect();
        let mut store = Store::open_in_memory().expect("in-memory store");
        let id = create(&mut store, "test", &qs).expect("demo created");
        let audit = store.audit(&id).expect("read").expect("exists");
        assert!(audit.answers.len() > 50, "{} answers", audit.answers.len());
        assert!(!audit.notes.is_empty());
    }
}
