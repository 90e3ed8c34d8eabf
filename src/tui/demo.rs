//! The demo association offered on the first run: a made-up neighbourhood association with an
//! audit started on the full questionnaire, so a trainer can try the tool before a visit. Its
//! few answers are chosen by the meaning tags of the questions (`quantity = "members"`…), never
//! by wording, so they stay right whatever the questionnaire's text. Delete it like any audit.
//!
//! `diagasso demo` (the CLI) may build a richer one; this is the TUI's own, kept small.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::audit::{Answer, Association, LegalForm, Value};
use crate::questionnaire::answer::check;
use crate::questionnaire::{Kind, Questionnaire, shipped};
use crate::store::{NewAudit, Store, StoreError};

pub const NAME: &str = "Les Amis du Quartier (démonstration)";

pub fn association() -> Association {
    Association {
        id: String::new(),
        name: NAME.into(),
        legal_form: LegalForm::Association,
        country: "FR".into(),
        postcode: "69007".into(),
        activity: "Animation de quartier, jardin partagé, fête de la musique".into(),
        members: Some(45),
        employees: Some(0),
        volunteers: Some(12),
        budget_eur: Some(8_000),
        contact_name: "Camille Exemple".into(),
        contact_email: "camille@example.org".into(),
    }
}

/// Answers to the questions whose quantity the demo knows.
fn answers(q: &Questionnaire) -> BTreeMap<String, Answer> {
    let mut out = BTreeMap::new();
    for (_, question) in q.questions() {
        let n = match (question.kind, question.quantity.as_deref()) {
            (Kind::Number, Some("members")) => 45.0,
            (Kind::Number, Some("volunteers")) => 12.0,
            (Kind::Number, Some("employees")) => 0.0,
            (Kind::Number, Some("budget_eur")) => 8_000.0,
            (Kind::Number, Some("accounts")) => 15.0,
            _ => continue,
        };
        let answer = Answer::Given(Value::Number(n));
        if check(question, &answer, &out).is_ok() {
            out.insert(question.id.clone(), answer);
        }
    }
    out
}

/// Create the demo association and its audit; returns the audit's id.
pub fn create(
    store: &mut Store,
    trainer: &str,
    questionnaires: &[Arc<Questionnaire>],
) -> Result<String, StoreError> {
    let q = questionnaires
        .iter()
        .find(|q| q.id == shipped::DEFAULT_ID)
        .or_else(|| questionnaires.first())
        .ok_or_else(|| {
            StoreError::Invalid(crate::i18n::Message::new(
                "aucun questionnaire disponible",
                "no questionnaire available",
            ))
        })?;
    let association = association();
    let answers = answers(q);
    let note = "Association de démonstration : essayez librement, puis supprimez-la depuis l'accueil (touche Suppr).";
    let created = store.create_audit(&NewAudit {
        association: &association,
        trainer,
        questionnaire: q,
        answers: &answers,
        notes: &BTreeMap::new(),
        note,
    })?;
    Ok(created.audit_id)
}
