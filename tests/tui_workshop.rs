//! Workshops and follow-ups in the interface, end to end on a real store: the app's `update`
//! and the `Executor` run together the way the run loop runs them, driven by key presses.
//! A trainer creates a workshop, adds two associations, answers, switches between them
//! through the dashboard, exports it; and starts a follow-up of an audit, where each previous
//! answer is shown and only the confirmed ones are saved.

use std::collections::VecDeque;
use std::sync::Arc;

use diagasso::app::effects::{self, Executor};
use diagasso::catalog;
use diagasso::i18n::Lang;
use diagasso::store::Store;
use diagasso::tui::app::Screen;
use diagasso::tui::keymap::Mode;
use diagasso::tui::screens::dashboard::Tab;
use diagasso::tui::theme::Theme;
use diagasso::tui::{Action, App, Effect};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The app and the executor, run together like `tui::run` runs them.
struct Session<'s> {
    app: App,
    exec: Executor<'s>,
}

impl<'s> Session<'s> {
    fn new(store: &'s mut Store) -> Session<'s> {
        let qs = effects::shipped_questionnaires();
        let choices = effects::choices(&qs, Lang::Fr);
        let mut exec = Executor::new(store, Lang::Fr, "Camille (formatrice)".into(), qs);
        exec.catalog = Some(Arc::new(catalog::shipped().expect("catalogue")));
        let (mut app, first) = App::new(Lang::Fr, Theme::dark(), choices);
        app.update(Action::Resize(100, 30));
        let mut s = Session { app, exec };
        s.settle(first);
        s
    }

    fn settle(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if effect == Effect::Quit {
                continue;
            }
            for action in self.exec.execute(effect) {
                queue.extend(self.app.update(action));
            }
        }
    }

    fn press(&mut self, code: KeyCode) {
        if let Some(action) = self.app.key_action(KeyEvent::new(code, KeyModifiers::NONE)) {
            let effects = self.app.update(action);
            self.settle(effects);
        }
    }

    fn keys(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    fn screen(&self) -> String {
        let mut t = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
        t.draw(|f| self.app.draw(f)).expect("draw");
        format!("{}", t.backend())
    }

    /// The screen at 80×24 with today's date (the demo's, the workshop's) made constant, for
    /// a snapshot.
    fn snap(&self, name: &str) {
        let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        t.draw(|f| self.app.draw(f)).expect("draw");
        let today = chrono::Local::now();
        let mut text = format!("{}", t.backend());
        // The time of the last save.
        if let Some(i) = text.find("enregistré ") {
            let at = i + "enregistré ".len();
            text.replace_range(at..at + 8, "hh:mm:ss");
        }
        let text = text
            .replace(&today.format("%d/%m/%Y").to_string(), "JJ/MM/AAAA")
            .replace(&today.format("%Y-%m-%d").to_string(), "AAAA-MM-JJ")
            .replace(&today.format("%d/%m %H:%M").to_string(), "JJ/MM hh:mm");
        insta::assert_snapshot!(name, text);
    }

    fn notice(&self) -> String {
        self.app
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default()
    }

    fn audit_id(&self) -> String {
        self.app
            .session
            .as_ref()
            .map(|s| s.audit_id.clone())
            .expect("an open audit")
    }

    /// From the dashboard: a new association named `name`, its first answer given with `1`,
    /// then back to the dashboard. Returns its audit id.
    fn add_association(&mut self, name: &str) -> String {
        self.press(KeyCode::Char('a'));
        assert_eq!(self.app.mode(), Mode::Profile, "{}", self.screen());
        self.keys(name);
        // F10: done (Esc on a new profile asks whether to abandon it).
        self.press(KeyCode::F(10));
        assert!(
            matches!(self.app.screen, Screen::Walk(_)),
            "a new association of a workshop starts its audit at once:\n{}",
            self.screen()
        );
        let session = self.app.session.as_ref().expect("session");
        assert_eq!(session.association_name, name);
        assert_eq!(session.walk.questionnaire().id, "atelier-express");
        let id = self.audit_id();
        // The express questionnaire opens on a number: typed, then Enter.
        self.press(KeyCode::Char('7'));
        self.press(KeyCode::Enter);
        assert!(self.screen().contains("enregistré"), "{}", self.screen());
        self.press(KeyCode::Esc);
        id
    }

    fn dashboard(&self) -> &diagasso::tui::screens::dashboard::DashboardState {
        match &self.app.screen {
            Screen::Dashboard(d) => d,
            _ => panic!("not on the dashboard:\n{}", self.screen()),
        }
    }
}

#[test]
fn a_workshop_is_created_filled_and_walked_through_from_its_dashboard() {
    let mut store = Store::open_in_memory().expect("store");
    let mut s = Session::new(&mut store);
    // First run: the welcome screen; a demo first so that Home has a list (and `w`).
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Home);
    s.press(KeyCode::Char('w'));
    assert_eq!(s.app.mode(), Mode::Workshops);
    assert!(s.screen().contains("Aucun atelier"), "{}", s.screen());
    s.snap("workshops_empty");

    // The form: a name, today's date already there, a place; the express questionnaire.
    s.press(KeyCode::Char('a'));
    assert_eq!(s.app.mode(), Mode::WorkshopForm);
    s.keys("Journée des assos du campus");
    s.press(KeyCode::Tab);
    s.press(KeyCode::Tab);
    s.keys("Maison des étudiants, Rennes");
    s.press(KeyCode::Tab);
    s.press(KeyCode::Tab);
    s.snap("workshop_form");
    assert_eq!(s.app.mode(), Mode::WorkshopChoice);
    assert!(s.screen().contains("< Atelier express"), "{}", s.screen());
    s.press(KeyCode::Enter);
    let d = s.dashboard();
    assert_eq!(d.workshop.name, "Journée des assos du campus");
    assert_eq!(d.workshop.place, "Maison des étudiants, Rennes");
    assert_eq!(d.workshop.questionnaire_id, "atelier-express");
    assert_eq!(d.dashboard.audits, 0);
    assert!(s.screen().contains("a to add") || s.screen().contains("a pour ajouter"));

    // Two associations, each answered once; leaving an audit comes back to the dashboard,
    // on the progress tab, on the audit just left.
    let first = s.add_association("BDE Sciences");
    let d = s.dashboard();
    assert_eq!((d.tab, d.dashboard.audits), (Tab::Progress, 1));
    assert_eq!(
        d.selected_audit().map(|p| p.audit_id.clone()),
        Some(first.clone())
    );
    assert_eq!(d.selected_audit().map(|p| p.answered), Some(1));
    let second = s.add_association("Club théâtre");
    let d = s.dashboard();
    assert_eq!(d.dashboard.audits, 2);
    assert_eq!(
        d.selected_audit().map(|p| p.audit_id.clone()),
        Some(second.clone())
    );
    let workshop_id = d.workshop.id.clone();
    s.snap("workshop_dashboard_progress");

    // Switching: up to the first association, Enter opens its audit where it was left.
    s.press(KeyCode::Up);
    s.press(KeyCode::Enter);
    assert_eq!(s.audit_id(), first);
    assert_eq!(
        s.app.session.as_ref().map(|x| x.walk.progress().answered),
        Some(1),
        "nothing lost on the way"
    );
    s.press(KeyCode::Esc);
    assert_eq!(
        s.dashboard().selected_audit().map(|p| p.audit_id.clone()),
        Some(first.clone())
    );

    // The tools tab counts what was answered; the export writes HTML and CSV, never over a
    // file: the second export gets new names.
    let dir = tempfile::tempdir().expect("temp dir");
    s.app.export_dir = dir.path().display().to_string();
    s.press(KeyCode::Char('e'));
    assert!(s.notice().starts_with("Fichiers écrits"), "{}", s.notice());
    s.press(KeyCode::Char('e'));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let stem = format!(
        "atelier-{}-journée-des-assos-du-campus",
        s.dashboard().workshop.date
    );
    assert_eq!(
        names,
        [
            format!("{stem}-2.csv"),
            format!("{stem}-2.html"),
            format!("{stem}.csv"),
            format!("{stem}.html")
        ]
    );
    let csv = std::fs::read_to_string(dir.path().join(format!("{stem}.csv"))).expect("csv");
    assert!(csv.contains("BDE Sciences") && csv.contains("Club théâtre"));

    // Esc: the workshops, with the new one and its two audits; Esc again: home.
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Workshops);
    assert!(s.screen().contains("2\u{a0}audits"), "{}", s.screen());
    s.snap("workshops_list");
    assert!(s.app.workshop.is_none());
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Home);
    drop(s);
    assert_eq!(
        store.workshop_audit_ids(&workshop_id).expect("ids"),
        vec![first, second],
        "both audits were started inside the workshop"
    );
}

#[test]
fn a_bad_workshop_date_is_refused_and_the_form_stays() {
    let mut store = Store::open_in_memory().expect("store");
    let mut s = Session::new(&mut store);
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Esc);
    s.press(KeyCode::Char('w'));
    s.press(KeyCode::Char('a'));
    s.keys("Atelier du printemps");
    s.press(KeyCode::Tab);
    for _ in 0..10 {
        s.press(KeyCode::Backspace);
    }
    s.keys("14/03/2026");
    s.press(KeyCode::F(10));
    assert_eq!(s.app.mode(), Mode::WorkshopForm, "{}", s.screen());
    assert!(s.notice().contains("AAAA-MM-JJ"), "{}", s.notice());
    drop(s);
    assert!(store.workshops().expect("workshops").is_empty());
}

#[test]
fn a_followup_shows_each_previous_answer_and_saves_only_what_is_confirmed() {
    let mut store = Store::open_in_memory().expect("store");
    let mut s = Session::new(&mut store);
    s.press(KeyCode::Char('d'));
    let demo = s.audit_id();
    s.press(KeyCode::Esc);
    // `n` on the demo: a follow-up is offered first.
    s.press(KeyCode::Char('n'));
    assert_eq!(s.app.mode(), Mode::Choose);
    assert!(
        s.screen().contains("1. Suivi de ce diagnostic"),
        "{}",
        s.screen()
    );
    s.press(KeyCode::Enter);
    let followup = s.audit_id();
    assert_ne!(followup, demo);
    let session = s.app.session.as_ref().expect("session");
    assert_eq!(
        session.previous.as_ref().map(|p| p.audit_id.clone()),
        Some(demo.clone())
    );
    assert_eq!(session.walk.answers().len(), 0, "nothing copied");
    let first_q = session.walk.current_id().expect("a question").to_string();
    s.snap("walk_followup_to_confirm");
    let screen = s.screen();
    assert!(screen.contains("suivi du"), "{screen}");
    assert!(
        screen.contains("Diagnostic du") && screen.contains("= ou F3 : reprendre cette réponse"),
        "{screen}"
    );

    // `=`: the previous answer, saved and on to the next question.
    s.press(KeyCode::Char('='));
    let session = s.app.session.as_ref().expect("session");
    assert_ne!(session.walk.current_id(), Some(first_q.as_str()));
    // Back: the answer is the same as last time, and says so.
    s.press(KeyCode::BackTab);
    assert!(s.screen().contains("✓ même réponse"), "{}", s.screen());
    s.snap("walk_followup_confirmed");
    s.press(KeyCode::Esc);
    drop(s);

    let previous = store.audit(&demo).expect("read").expect("demo");
    let now = store.audit(&followup).expect("read").expect("follow-up");
    assert_eq!(now.answers.len(), 1, "only the confirmed answer is saved");
    assert_eq!(
        now.answers.get(&first_q).map(|r| &r.answer),
        previous.answers.get(&first_q).map(|r| &r.answer)
    );
    assert_eq!(
        store.previous_audit_id(&followup).expect("link"),
        Some(demo)
    );
}

#[test]
fn a_changed_answer_shows_what_it_was() {
    let mut store = Store::open_in_memory().expect("store");
    let mut s = Session::new(&mut store);
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Esc);
    s.press(KeyCode::Char('n'));
    s.press(KeyCode::Enter);
    // Find a single-choice question the demo answered, and pick another option there.
    let session = s.app.session.as_ref().expect("session");
    let previous = session.previous.clone().expect("a follow-up");
    let (_, q) = session.walk.current().expect("a question");
    let before = previous.answers.get(&q.id).cloned();
    s.press(KeyCode::Char('s'));
    s.press(KeyCode::BackTab);
    let screen = s.screen();
    if before.is_some_and(|b| b != diagasso::audit::Answer::DontKnow) {
        assert!(screen.contains("Au diagnostic du"), "{screen}");
    }
    assert!(screen.contains("Je ne sais pas"), "{screen}");
}

#[test]
fn a_fresh_audit_is_not_a_followup() {
    let mut store = Store::open_in_memory().expect("store");
    let mut s = Session::new(&mut store);
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Esc);
    s.press(KeyCode::Char('n'));
    s.press(KeyCode::Char('3'));
    let session = s.app.session.as_ref().expect("session");
    assert!(session.previous.is_none());
    assert_eq!(session.walk.questionnaire().id, "atelier-express");
    assert!(!s.screen().contains("= ou F3"));
    // `=` does nothing outside a follow-up.
    let before = s
        .app
        .session
        .as_ref()
        .and_then(|x| x.walk.current_id().map(String::from));
    s.press(KeyCode::Char('='));
    let after = s
        .app
        .session
        .as_ref()
        .and_then(|x| x.walk.current_id().map(String::from));
    assert_eq!(before, after);
}

#[test]
fn a_followup_is_compared_with_the_audit_it_follows_and_exported() {
    let mut store = Store::open_in_memory().expect("store");
    let mut s = Session::new(&mut store);
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Esc);
    // The demo is not a follow-up: `c` says so, and how to start one.
    s.press(KeyCode::Char('c'));
    assert!(s.notice().contains("n'est pas un suivi"), "{}", s.notice());
    assert_eq!(s.app.mode(), Mode::Home);
    // A follow-up: the first answer confirmed, the second "je ne sais pas".
    s.press(KeyCode::Char('n'));
    s.press(KeyCode::Enter);
    s.press(KeyCode::Char('='));
    // The second question is a number: its field is not entered, so `s` is « je ne sais pas »
    // there as on any question.
    assert_eq!(s.app.mode(), Mode::WalkNumber, "{}", s.screen());
    s.press(KeyCode::Char('s'));
    s.press(KeyCode::Char('r'));
    assert_eq!(s.app.mode(), Mode::Review);
    s.press(KeyCode::Char('c'));
    assert_eq!(s.app.mode(), Mode::Compare, "{}", s.screen());
    let Screen::Compare(c) = &s.app.screen else {
        panic!("not the comparison")
    };
    let changed: Vec<&str> = c
        .view
        .comparison
        .changed()
        .filter(|ch| ch.after.is_some())
        .map(|ch| ch.question_id.as_str())
        .collect();
    assert_eq!(
        changed.len(),
        1,
        "only the « je ne sais pas » changed: {changed:?}"
    );
    s.snap("compare_scores");
    s.press(KeyCode::Char('2'));
    let screen = s.screen();
    assert!(screen.contains("→ Je ne sais pas"), "{screen}");
    s.snap("compare_changes");
    s.press(KeyCode::Char('3'));
    s.snap("compare_steps");
    let dir = tempfile::tempdir().expect("temp dir");
    s.app.export_dir = dir.path().display().to_string();
    s.press(KeyCode::Char('e'));
    assert!(s.notice().starts_with("Fichiers écrits"), "{}", s.notice());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].starts_with("suivi-les-jardins-partagés") && names[0].ends_with(".html"));
    let html = std::fs::read_to_string(dir.path().join(&names[0])).expect("html");
    assert!(html.contains("<svg"), "the chart of the scores");
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Review, "back where it was opened from");
}

#[test]
fn the_dashboard_shows_who_could_pool_a_need() {
    use diagasso::audit::{Answer, Association, Value};
    use diagasso::store::{NewAudit, NewWorkshop};
    use std::collections::BTreeMap;
    let mut store = Store::open_in_memory().expect("store");
    let q = diagasso::questionnaire::shipped::by_id("atelier-express")
        .expect("shipped")
        .expect("express");
    let w = store
        .create_workshop(&NewWorkshop {
            name: "Réseau d'éducation populaire",
            date: "2026-03-14",
            place: "Rennes",
            trainer: "Maël",
            questionnaire_id: "atelier-express",
        })
        .expect("workshop");
    // Three associations of Ille-et-Vilaine on Gmail, one in Brest.
    for (name, postcode) in [
        ("Vélo Rennes", "35000"),
        ("Jardin de Rennes", "35200"),
        ("Théâtre de Rennes", "35700"),
        ("Chorale de Brest", "29200"),
    ] {
        let a = Association {
            name: name.into(),
            country: "FR".into(),
            postcode: postcode.into(),
            ..Association::default()
        };
        let answers = BTreeMap::from([
            (
                "mail_tools".to_string(),
                Answer::Given(Value::Choices(vec!["gmail".into()])),
            ),
            (
                "assoc_accounts".to_string(),
                Answer::Given(Value::Number(10.0)),
            ),
        ]);
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
            .expect("audit");
    }
    let mut s = Session::new(&mut store);
    s.press(KeyCode::Char('w'));
    s.press(KeyCode::Enter);
    s.press(KeyCode::Char('4'));
    assert_eq!(s.dashboard().tab, Tab::Pools);
    let screen = s.screen();
    assert!(
        screen.contains("Courriel · département 35 · 3 associations"),
        "{screen}"
    );
    assert!(screen.contains("· Vélo Rennes — Gmail"), "{screen}");
    assert!(
        !screen.contains("Chorale de Brest"),
        "alone in its département:\n{screen}"
    );
    assert!(screen.contains("Hébergeur possible"), "{screen}");
    s.snap("workshop_dashboard_pools");
}

#[test]
fn in_a_follow_up_review_equals_gives_the_sections_previous_answers_at_once() {
    let mut store = Store::open_in_memory().expect("store");
    let mut s = Session::new(&mut store);
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Char('q'));
    // A follow-up of the demo, then its review on the first section.
    s.press(KeyCode::Char('n'));
    s.press(KeyCode::Enter);
    s.press(KeyCode::Char('r'));
    assert_eq!(s.app.mode(), Mode::Review);
    let screen = s.screen();
    assert!(screen.contains("à confirmer ("), "{screen}");
    assert!(screen.contains("= reprend d'un coup"), "{screen}");
    let answered = |s: &Session| s.app.session.as_ref().map_or(0, |x| x.walk.answers().len());
    assert_eq!(answered(&s), 0);
    s.press(KeyCode::Char('='));
    let taken = answered(&s);
    assert!(
        taken >= 3,
        "the first section's answers are given again: {taken}"
    );
    assert!(
        s.notice().contains("précédentes reprises dans la section"),
        "{}",
        s.notice()
    );
    let screen = s.screen();
    assert!(screen.contains("✓ même"), "{screen}");
    // Saved in the store, like any answer.
    let id = s.audit_id();
    drop(s);
    let stored = store.audit(&id).expect("read").expect("audit");
    assert_eq!(stored.answers.len(), taken);
}
