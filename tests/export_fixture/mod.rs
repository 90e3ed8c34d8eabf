//! The audits the export tests and examples are made from, with fixed ids and times so every
//! export is byte-for-byte reproducible (no clock):
//!
//! - `demo()`: a small bike-workshop association answering a stand-in questionnaire, with a
//!   stand-in plan (`tests/fixtures/export/`): small, and easy to turn hostile (`hostile()`).
//! - `shipped_demo()`: the demo that `diagasso demo` creates (`questionnaires/examples/demo.toml`
//!   read by `answers_file::parse_shipped`) with the real plan on the shipped catalogue — what a
//!   trainer really hands over; `exports/examples/` is made from it.
#![allow(dead_code)]

use std::collections::BTreeMap;

use diagasso::answers_file;
use diagasso::audit::{
    Answer, AnswerRecord, Association, Audit, AuditStatus, LegalForm, QuestionnaireRef, Value,
};
use diagasso::export::Input;
use diagasso::plan::Plan;
use diagasso::questionnaire::{Questionnaire, load_str};

#[derive(Clone)]
pub struct Demo {
    pub questionnaire: Questionnaire,
    pub association: Association,
    pub audit: Audit,
    pub plan: Plan,
}

impl Demo {
    pub fn input(&self) -> Input<'_> {
        Input {
            questionnaire: &self.questionnaire,
            audit: &self.audit,
            association: &self.association,
            plan: &self.plan,
        }
    }
}

pub fn questionnaire() -> Questionnaire {
    load_str(
        "tests/fixtures/export/questionnaire.toml",
        include_str!("../fixtures/export/questionnaire.toml"),
    )
    .expect("fixture questionnaire loads")
}

fn given(v: Value) -> Answer {
    Answer::Given(v)
}

pub fn demo() -> Demo {
    let questionnaire = questionnaire();
    let association = Association {
        id: "0190a1b2-0000-7000-8000-000000000001".into(),
        name: "Les Pédales Joyeuses".into(),
        legal_form: LegalForm::Association,
        country: "FR".into(),
        postcode: "69007".into(),
        activity: "Atelier vélo participatif".into(),
        members: Some(120),
        employees: Some(0),
        volunteers: Some(18),
        budget_eur: Some(15000),
        contact_name: "Camille Martin".into(),
        contact_email: "camille.martin@exemple.org".into(),
    };
    let t = "2026-11-20T10:15:00Z".to_string();
    let answers: BTreeMap<String, AnswerRecord> = [
        ("members_count", given(Value::Number(120.0))),
        (
            "activity_text",
            given(Value::Text(
                "Réparer des vélos ensemble et apprendre la mécanique.".into(),
            )),
        ),
        (
            "files_tools",
            given(Value::Choices(vec![
                "google_drive".into(),
                "dropbox".into(),
            ])),
        ),
        ("storage_gb", given(Value::Number(12.5))),
        ("files_satisfaction", given(Value::Number(3.0))),
        ("mail_tool", given(Value::Choice("gmail".into()))),
        ("has_list", given(Value::Bool(false))),
        ("visio_tools", given(Value::Choices(vec!["zoom".into()]))),
        ("backups", Answer::DontKnow),
        ("passwords_holder", given(Value::Choice("one".into()))),
    ]
    .into_iter()
    .map(|(k, a)| {
        (
            k.to_string(),
            AnswerRecord {
                answer: a,
                updated_at: t.clone(),
            },
        )
    })
    .collect();
    let audit = Audit {
        id: "0190a1b2-0000-7000-8000-0000000000a1".into(),
        association_id: association.id.clone(),
        trainer: "Dominique (Chaton Exemple)".into(),
        questionnaire: QuestionnaireRef {
            id: questionnaire.id.clone(),
            version: questionnaire.version,
            hash: questionnaire.hash.clone(),
        },
        status: AuditStatus::Finished,
        started_at: "2026-11-20T09:00:00Z".into(),
        finished_at: Some("2026-11-20T10:30:00Z".into()),
        updated_at: "2026-11-20T10:30:00Z".into(),
        answers,
        notes: [(
            "passwords_holder".to_string(),
            "Le trésorier garde tout dans un carnet.".to_string(),
        )]
        .into_iter()
        .collect(),
        note: "Équipe motivée ; le bureau valide le plan en décembre.".into(),
    };
    let plan = serde_json::from_str(include_str!("../fixtures/export/plan.json"))
        .expect("fixture plan parses");
    Demo {
        questionnaire,
        association,
        audit,
        plan,
    }
}

/// The demo with every user-written field turned hostile.
pub fn hostile() -> Demo {
    let mut d = demo();
    d.association.name =
        "<script>alert(1)</script> =HYPERLINK(\"http://evil\") ../../etc/passwd 🚲 جمعية الدراجات \u{202E}exe"
            .into();
    d.association.activity = "# Titre\n- liste | [lien](javascript:alert(1)) `code`".into();
    d.association.contact_name = "=cmd|' /C calc'!A0".into();
    d.association.contact_email = "canari-7f3a@exemple.org".into();
    d.association.postcode = "../..".into();
    d.audit.trainer = "<img src=x onerror=alert(1)>".into();
    d.audit.note = "> cité\n# Titre\n<iframe src=\"https://evil.example\"></iframe>\n=1+1".into();
    d.audit.notes.insert(
        "backups".into(),
        "@SUM(A1) **gras** <style>body{display:none}</style>".into(),
    );
    if let Some(r) = d.audit.answers.get_mut("activity_text") {
        r.answer = Answer::Given(Value::Text(
            "-2+3 <a href=\"https://evil.example\">x</a> \u{0}\u{1b}[31m".into(),
        ));
    }
    d
}

/// The fixed ids and times of the shipped demo's audit (the demo file has none: `diagasso demo`
/// makes them from the clock).
pub const DEMO_AUDIT_ID: &str = "0190a1b2-0000-7000-8000-0000000000d1";
pub const DEMO_ASSOCIATION_ID: &str = "0190a1b2-0000-7000-8000-0000000000d0";
pub const DEMO_STARTED: &str = "2026-11-24T09:30:00Z";
pub const DEMO_UPDATED: &str = "2026-11-24T11:45:00Z";

/// The shipped demo audit with its real plan (see the module's doc).
pub fn shipped_demo() -> Demo {
    let name = "questionnaires/examples/demo.toml";
    let bytes = include_str!("../../questionnaires/examples/demo.toml");
    let file = answers_file::parse_shipped(name, bytes.as_bytes())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut association = file.association;
    association.id = DEMO_ASSOCIATION_ID.into();
    let questionnaire = file.questionnaire;
    let audit = Audit {
        id: DEMO_AUDIT_ID.into(),
        association_id: association.id.clone(),
        trainer: file.trainer,
        questionnaire: QuestionnaireRef {
            id: questionnaire.id.clone(),
            version: questionnaire.version,
            hash: questionnaire.hash.clone(),
        },
        status: AuditStatus::InProgress,
        started_at: DEMO_STARTED.into(),
        finished_at: None,
        updated_at: DEMO_UPDATED.into(),
        answers: file
            .answers
            .into_iter()
            .map(|(k, answer)| {
                (
                    k,
                    AnswerRecord {
                        answer,
                        updated_at: DEMO_UPDATED.into(),
                    },
                )
            })
            .collect(),
        notes: file.notes,
        note: file.note,
    };
    let catalog = diagasso::catalog::shipped().unwrap_or_else(|e| panic!("catalogue: {e}"));
    let plan = diagasso::plan::plan(&questionnaire, &audit, &association, &catalog);
    Demo {
        questionnaire,
        association,
        audit,
        plan,
    }
}
