//! Snapshots of the workshop dashboard screen (`tui::screens::dashboard`) on ratatui's
//! TestBackend, at 80×24 and 120×40, in French, on each tab, scrolled, empty, in English and
//! too small; the aggregate comes from a real store through `workshop::dashboard`.

use std::collections::BTreeMap;

use diagasso::audit::{Answer, Association, Value};
use diagasso::i18n::Lang;
use diagasso::questionnaire::shipped;
use diagasso::store::{NewAudit, NewWorkshop, Scope, Store};
use diagasso::tui::keymap::Cmd;
use diagasso::tui::screens::dashboard::{DashboardState, Tab};
use diagasso::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NAMES: [&str; 6] = [
    "Les Amis du Quartier Saint-Éloi",
    "Chorale « La Croche Cœur »",
    "Société d'histoire de Pézenas",
    "Jardins partagés de l'Île-Barbe",
    "Club de pétanque des Amis réunis",
    "Épicerie solidaire Ça déménage",
];

fn choices(ids: &[&str]) -> Answer {
    Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()))
}

/// A workshop of `n` associations with varied tools; every fourth stopped early.
fn state(n: usize, lang: Lang, theme: Theme) -> DashboardState {
    let q = shipped::by_id("atelier-express").unwrap().unwrap();
    let catalog = diagasso::catalog::shipped().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let w = store
        .create_workshop(&NewWorkshop {
            name: "Atelier Animafac de Rennes",
            date: "2026-03-14",
            place: "Maison des associations",
            trainer: "Maël",
            questionnaire_id: "atelier-express",
        })
        .unwrap();
    let chats: [&[&str]; 4] = [
        &["whatsapp"],
        &["signal"],
        &["whatsapp", "discord"],
        &["element"],
    ];
    let mails: [&[&str]; 3] = [&["gmail"], &["outlook"], &["chatons"]];
    let files: [&[&str]; 3] = [
        &["google_drive"],
        &["nextcloud"],
        &["dropbox", "google_drive"],
    ];
    for i in 0..n {
        let a = Association {
            name: format!("{} {}", NAMES[i % NAMES.len()], i / NAMES.len() + 1),
            country: "FR".into(),
            postcode: "35000".into(),
            ..Association::default()
        };
        let mut answers = BTreeMap::from([
            ("chat_tools".to_string(), choices(chats[i % 4])),
            ("mail_tools".to_string(), choices(mails[i % 3])),
        ]);
        if i % 4 != 3 {
            answers.insert("files_tools".to_string(), choices(files[i % 3]));
            answers.insert(
                "social_tools".to_string(),
                choices(&["facebook", "instagram"]),
            );
            answers.insert(
                "security_backups".to_string(),
                Answer::Given(Value::Choice("none".into())),
            );
        }
        store
            .create_audit_in_workshop(
                &w,
                &NewAudit {
                    association: &a,
                    trainer: "Maël",
                    questionnaire: &q,
                    answers: &answers,
                    notes: &BTreeMap::new(),
                    note: "",
                },
            )
            .unwrap();
    }
    let facts = store.audit_facts(Scope::Workshop(&w)).unwrap();
    let workshop = store.find_workshop(&w).unwrap().unwrap();
    DashboardState::new(
        lang,
        theme,
        workshop,
        diagasso::workshop::dashboard(&facts, &catalog),
    )
}

fn draw(s: &DashboardState, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(s, f.area())).unwrap();
    format!("{}", terminal.backend())
}

fn snap(name: &str, s: &DashboardState) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(s, w, h));
    }
}

#[test]
fn tools_tab() {
    snap("dashboard_tools", &state(12, Lang::Fr, Theme::dark()));
}

#[test]
fn needs_tab() {
    let mut s = state(12, Lang::Fr, Theme::dark());
    assert!(s.cmd(Cmd::Right));
    assert_eq!(s.tab, Tab::Needs);
    snap("dashboard_needs", &s);
}

#[test]
fn progress_tab_scrolled() {
    let mut s = state(30, Lang::Fr, Theme::mono());
    s.cmd(Cmd::Left);
    assert_eq!(s.tab, Tab::Pools, "← from the first tab wraps to the last");
    s.cmd(Cmd::Left);
    assert_eq!(s.tab, Tab::Progress);
    assert_eq!((s.selected, s.scroll), (0, 0));
    s.cmd(Cmd::PageDown);
    assert_eq!(
        (s.selected, s.scroll),
        (16, 2),
        "the cursor a page down, the list scrolled just enough to show it above the \"more\" line"
    );
    s.cmd(Cmd::Up);
    assert_eq!(
        (s.selected, s.scroll),
        (15, 2),
        "no scroll while the cursor shows"
    );
    s.cmd(Cmd::Bottom);
    assert_eq!((s.selected, s.scroll), (29, 15));
    s.cmd(Cmd::Up);
    assert_eq!(
        s.selected_audit().map(|p| p.audit_id.as_str()),
        Some(s.dashboard.progress[28].audit_id.as_str())
    );
    snap("dashboard_progress", &s);
    s.cmd(Cmd::Right);
    assert_eq!(
        (s.tab, s.scroll),
        (Tab::Pools, 0),
        "a new tab starts at its top"
    );
    assert!(
        s.selected_audit().is_none(),
        "only the progress tab opens audits"
    );
    assert!(s.cmd(Cmd::Pick(2)));
    assert_eq!(s.tab, Tab::Progress);
    assert!(!s.cmd(Cmd::Delete), "not a dashboard command");
}

#[test]
fn empty_workshop_english_and_too_small() {
    let s = state(0, Lang::En, Theme::dark());
    snap("dashboard_empty_en", &s);
    insta::assert_snapshot!("dashboard_too_small_60x20", draw(&s, 60, 20));
}
