//! Shared fixtures of the TUI tests: an app fed fake home rows, an app standing in a walk on the
//! test questionnaire (tests/fixtures/questionnaires/visite.toml), and drawing to a TestBackend.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Arc;

use diagasso::app::effect::{HomeRow, OpenedAudit, QuestionnaireChoice};
use diagasso::audit::{
    Answer, AnswerRecord, Association, Audit, AuditStatus, LegalForm, QuestionnaireRef, Value,
};
use diagasso::i18n::Lang;
use diagasso::questionnaire::{Questionnaire, load_str};
use diagasso::store::OpenAudit;
use diagasso::tui::theme::Theme;
use diagasso::tui::{App, Event};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn questionnaire() -> Questionnaire {
    load_str(
        "visite.toml",
        include_str!("../fixtures/questionnaires/visite.toml"),
    )
    .expect("fixture loads")
}

pub fn choices() -> Vec<QuestionnaireChoice> {
    vec![
        QuestionnaireChoice {
            id: "pratiques-numeriques".into(),
            title: "Pratiques numériques de l'association".into(),
            questions: 64,
        },
        QuestionnaireChoice {
            id: "atelier-express".into(),
            title: "Atelier express".into(),
            questions: 15,
        },
    ]
}

const NAMES: [&str; 6] = [
    "Les Amis du Quartier Saint-Éloi",
    "Chorale « La Croche Cœur »",
    "Société d'histoire de Pézenas",
    "Jardins partagés de l'Île-Barbe",
    "Club de pétanque des Amis réunis",
    "Épicerie solidaire Ça déménage",
];

pub fn rows(n: usize) -> Vec<HomeRow> {
    (0..n)
        .map(|i| HomeRow {
            audit_id: format!("audit-{i}"),
            association_id: format!("asso-{i}"),
            association_name: NAMES[i % NAMES.len()].to_string(),
            questionnaire: if i % 3 == 2 {
                "Atelier express"
            } else {
                "Pratiques numériques"
            }
            .into(),
            answered: (i * 7) % 40,
            total: 40,
            sections_done: (i * 7) % 40 / 4,
            sections_total: 10,
            followup_of: (i % 5 == 4).then(|| "12/03/2025".to_string()),
            status: if i % 4 == 3 {
                AuditStatus::Finished
            } else {
                AuditStatus::InProgress
            },
            updated: format!("{:02}/11 1{}:0{}", 3 + i % 20, i % 10, i % 10),
        })
        .collect()
}

pub fn home_app(lang: Lang, theme: Theme, rows: Vec<HomeRow>) -> App {
    let (mut app, _) = App::new(lang, theme, choices());
    let total = rows.len();
    app.update(Event::HomeLoaded {
        rows,
        offset: 0,
        total,
        all: total,
        orphans: Vec::new(),
    });
    app
}

pub fn association() -> Association {
    Association {
        id: "asso-0".into(),
        name: "Les Amis du Quartier Saint-Éloi".into(),
        legal_form: LegalForm::Association,
        country: "FR".into(),
        postcode: "69005".into(),
        activity: "Animation de quartier, fête de la musique".into(),
        members: Some(120),
        employees: Some(1),
        volunteers: Some(15),
        budget_eur: Some(18_000),
        contact_name: "Hélène Dupré".into(),
        contact_email: "helene@amis-saint-eloi.fr".into(),
    }
}

pub fn audit() -> Audit {
    let mut answers = BTreeMap::new();
    let at = "2026-11-03T13:00:00Z".to_string();
    answers.insert(
        "members_count".to_string(),
        AnswerRecord {
            answer: Answer::Given(Value::Number(120.0)),
            updated_at: at.clone(),
        },
    );
    answers.insert(
        "activity".to_string(),
        AnswerRecord {
            answer: Answer::Given(Value::Choice("culture".into())),
            updated_at: at.clone(),
        },
    );
    Audit {
        id: "audit-0".into(),
        association_id: "asso-0".into(),
        trainer: "Camille".into(),
        questionnaire: QuestionnaireRef {
            id: "visite-test".into(),
            version: 1,
            hash: "0".into(),
        },
        status: AuditStatus::InProgress,
        started_at: at.clone(),
        finished_at: None,
        updated_at: at,
        answers,
        notes: BTreeMap::new(),
        note: String::new(),
    }
}

/// An app standing on "files_tools" of an audit with two answers.
pub fn walk_app(lang: Lang, theme: Theme) -> App {
    let mut app = home_app(lang, theme, rows(3));
    app.update(Event::AuditOpened(Box::new(OpenedAudit {
        open: OpenAudit {
            audit: audit(),
            association: Association {
                name: "Les Amis du Quartier Saint-Éloi".into(),
                ..association()
            },
            questionnaire: Arc::new(questionnaire()),
        },
        cursor: Some("files_tools".into()),
        previous: None,
    })));
    app
}

pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    format!("{}", terminal.backend())
}

/// The plan of the demo audit (questionnaires/examples/demo.toml, read as `diagasso demo`
/// reads it) on the shipped catalogue: what the plan screen shows after `Effect::OpenPlan`.
pub fn demo_plan() -> Arc<diagasso::app::plan_data::PlanData> {
    let file = diagasso::answers_file::parse_shipped(
        "questionnaires/examples/demo.toml",
        include_bytes!("../../questionnaires/examples/demo.toml"),
    )
    .expect("the demo parses");
    let q = file.questionnaire.clone();
    let at = "2026-11-24T09:00:00Z".to_string();
    let audit = Audit {
        id: "demo-audit".into(),
        association_id: "demo-asso".into(),
        trainer: file.trainer.clone(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
        },
        status: AuditStatus::InProgress,
        started_at: at.clone(),
        finished_at: None,
        updated_at: at.clone(),
        answers: file
            .answers
            .iter()
            .map(|(k, answer)| {
                (
                    k.clone(),
                    AnswerRecord {
                        answer: answer.clone(),
                        updated_at: at.clone(),
                    },
                )
            })
            .collect(),
        notes: file.notes.clone(),
        note: file.note.clone(),
    };
    let catalog = diagasso::catalog::shipped().expect("the shipped catalogue loads");
    Arc::new(diagasso::app::plan_data::PlanData::build(
        "demo-audit",
        &file.association.name,
        Arc::new(q),
        &audit,
        &file.association,
        &catalog,
    ))
}

/// An app on home (one row, the demo) that opened the demo's plan; exports offered in a fixed
/// folder so snapshots do not depend on where the tests run.
pub fn plan_app(lang: Lang, theme: Theme) -> App {
    let mut app = home_app(lang, theme, rows(1));
    app.export_dir = "/home/camille/Documents".into();
    app.update(Event::PlanOpened(demo_plan()));
    app
}
