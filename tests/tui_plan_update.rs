//! The plan screen and the export dialog as data: `update` on tabs, the « Pourquoi ? » panel,
//! the export request and the overwrite confirmation; and the executor's plan and export
//! effects on an in-memory store and a temporary folder.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use common::*;
use diagasso::app::effect::ExportRequest;
use diagasso::app::effects::Executor;
use diagasso::catalog;
use diagasso::export::Format;
use diagasso::i18n::Lang;
use diagasso::store::Store;
use diagasso::tui::app::Screen;
use diagasso::tui::keymap::{Cmd, Mode};
use diagasso::tui::overlays::Overlay;
use diagasso::tui::screens::export::LastExport;
use diagasso::tui::screens::plan_tabs::Tab;
use diagasso::tui::theme::Theme;
use diagasso::tui::{Action, App, Effect, Event};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn cmd(app: &mut App, c: Cmd) -> Vec<Effect> {
    app.update(Action::Cmd(c))
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match app.key_action(KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(a) => app.update(a),
        None => Vec::new(),
    }
}

fn plan(app: &App) -> &diagasso::tui::screens::plan::PlanScreen {
    match &app.screen {
        Screen::Plan(p) => p,
        _ => panic!("not on the plan"),
    }
}

fn dialog(app: &App) -> &diagasso::tui::screens::export::ExportDialog {
    match &app.screen {
        Screen::Export(d) => d,
        _ => panic!("not on the export dialog"),
    }
}

// Update as data.

#[test]
fn the_review_opens_the_plan_and_esc_comes_back() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Review);
    let effects = key(&mut app, KeyCode::Char('p'));
    assert_eq!(
        effects,
        vec![Effect::OpenPlan {
            audit_id: "audit-0".into()
        }]
    );
    app.update(Event::PlanOpened(demo_plan()));
    assert_eq!(app.mode(), Mode::Plan);
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screen, Screen::Review(_)),
        "back on the review"
    );
    // The export dialog from the review comes back to the review too.
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Export);
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Review(_)));
}

#[test]
fn home_opens_the_plan_of_the_selected_audit_and_keeps_its_place() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(5));
    cmd(&mut app, Cmd::Down);
    cmd(&mut app, Cmd::Down);
    let effects = key(&mut app, KeyCode::Char('v'));
    assert_eq!(
        effects,
        vec![Effect::OpenPlan {
            audit_id: "audit-2".into()
        }]
    );
    app.update(Event::PlanOpened(demo_plan()));
    key(&mut app, KeyCode::Char('q'));
    match &app.screen {
        Screen::Home(h) => assert_eq!(h.selected, 2, "the same row is selected"),
        _ => panic!("back home"),
    }
}

#[test]
fn tabs_switch_by_tab_arrows_and_numbers_and_wrap_around() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    assert_eq!(plan(&app).tab, Tab::Summary);
    key(&mut app, KeyCode::Tab);
    assert_eq!(plan(&app).tab, Tab::Recos);
    key(&mut app, KeyCode::Right);
    assert_eq!(plan(&app).tab, Tab::Hosts);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(plan(&app).tab, Tab::Summary);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(plan(&app).tab, Tab::Risks, "wraps to the last tab");
    key(&mut app, KeyCode::Tab);
    assert_eq!(plan(&app).tab, Tab::Summary, "wraps to the first tab");
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(plan(&app).tab, Tab::Roadmap);
    key(&mut app, KeyCode::Char('9'));
    assert_eq!(plan(&app).tab, Tab::Roadmap, "no sixth tab");
}

#[test]
fn each_tab_keeps_its_selection() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    let recos = demo_plan().plan.recommendations.len();
    assert_eq!(plan(&app).selected[1], recos - 1);
    key(&mut app, KeyCode::Down);
    assert_eq!(plan(&app).selected[1], recos - 1, "stops at the end");
    key(&mut app, KeyCode::BackTab);
    assert_eq!(plan(&app).selected[0], 3);
    key(&mut app, KeyCode::PageDown);
    assert!(plan(&app).selected[0] > 3);
    key(&mut app, KeyCode::Home);
    assert_eq!(plan(&app).selected[0], 0);
}

#[test]
fn why_panel_takes_the_keys_scrolls_and_gives_them_back() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    app.update(Action::Resize(80, 24));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.mode(), Mode::PlanWhy);
    assert!(plan(&app).why);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(plan(&app).why_scroll, 2, "arrows scroll the explanation");
    assert_eq!(plan(&app).selected[1], 0, "not the list");
    key(&mut app, KeyCode::End);
    let end = plan(&app).why_scroll;
    key(&mut app, KeyCode::Down);
    assert_eq!(plan(&app).why_scroll, end, "no scrolling past the end");
    key(&mut app, KeyCode::Char('a'));
    assert!(plan(&app).why_all);
    assert_eq!(plan(&app).why_scroll, 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Plan, "Esc closes the panel, not the plan");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::PlanWhy, "Enter opens it too");
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.mode(), Mode::Plan);
    key(&mut app, KeyCode::Down);
    assert_eq!(plan(&app).why_scroll, 0, "a new item starts at the top");
    // Changing tab from the panel closes it.
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Char('3'));
    assert_eq!(plan(&app).tab, Tab::Hosts);
    assert_eq!(app.mode(), Mode::Plan);
}

#[test]
fn help_on_the_plan_lists_its_keys() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    key(&mut app, KeyCode::Char('?'));
    assert!(matches!(&app.overlay, Some(Overlay::Help(h)) if h.mode == Mode::Plan));
    let rows = diagasso::tui::keymap::help_rows(Mode::Plan, Lang::Fr);
    for want in [
        "pourquoi ?",
        "exporter",
        "onglet suivant",
        "onglet par son numéro",
    ] {
        assert!(rows.iter().any(|(_, d)| *d == want), "help lists {want}");
    }
}

#[test]
fn export_asks_for_what_was_ticked() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Export);
    key(&mut app, KeyCode::Char(' ')); // Markdown off
    key(&mut app, KeyCode::Char('3')); // PDF on
    for _ in 0..4 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char(' ')); // anonymise
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' ')); // with notes
    key(&mut app, KeyCode::Down);
    assert_eq!(app.mode(), Mode::ExportField, "the folder types");
    for _ in 0.."/home/camille/Documents".chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    for ch in "/tmp/qé".chars() {
        key(&mut app, KeyCode::Char(ch));
    }
    assert!(matches!(app.screen, Screen::Export(_)), "q typed, not back");
    let effects = key(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::Export(ExportRequest {
            audit_id: "demo-audit".into(),
            formats: vec![Format::Html, Format::Pdf],
            anonymise: true,
            with_notes: true,
            dir: "/tmp/qé".into(),
            overwrite: false,
        })]
    );
}

#[test]
fn nothing_ticked_asks_nothing_and_says_why() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('2'));
    assert!(key(&mut app, KeyCode::Enter).is_empty());
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.error && n.text.contains("format")),
        "{:?}",
        app.notice
    );
}

#[test]
fn an_existing_file_is_replaced_only_after_a_yes() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    key(&mut app, KeyCode::Char('e'));
    let effects = key(&mut app, KeyCode::Enter);
    let Some(Effect::Export(request)) = effects.first().cloned() else {
        panic!("an export: {effects:?}");
    };
    let exists = |request: ExportRequest| Event::ExportExists {
        request,
        dir: PathBuf::from("/tmp/out"),
        existing: vec!["diagnostic-x.md".into()],
    };
    app.update(exists(request.clone()));
    assert_eq!(app.mode(), Mode::Confirm);
    // A stray Enter is a no: No is selected.
    assert!(key(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(dialog(&app).outcome, Some(LastExport::NotReplaced));
    // Yes asks the same export, replacing.
    app.update(exists(request.clone()));
    let effects = key(&mut app, KeyCode::Char('o'));
    assert_eq!(
        effects,
        vec![Effect::Export(ExportRequest {
            overwrite: true,
            ..request
        })]
    );
    let paths = vec![PathBuf::from("/tmp/out/diagnostic-x.md")];
    app.update(Event::Exported {
        dir: PathBuf::from("/tmp/out"),
        paths: paths.clone(),
    });
    assert!(matches!(
        &dialog(&app).outcome,
        Some(LastExport::Written { paths: p, .. }) if *p == paths
    ));
    assert_eq!(
        app.export_dir, "/tmp/out",
        "the next dialog offers this folder"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Plan, "Esc goes back to the plan");
}

// The executor, on a real (in-memory) store and a temporary folder.

fn executor_with_demo(store: &mut Store) -> (Executor<'_>, String) {
    let audit_id = diagasso::app::demo::create(store).expect("demo");
    let mut exec = Executor::new(store, Lang::Fr, "test".into(), Vec::new());
    exec.catalog = Some(Arc::new(catalog::shipped().expect("catalogue")));
    (exec, audit_id)
}

#[test]
fn the_executor_computes_the_plan_and_writes_exports_without_replacing() {
    let mut store = Store::open_in_memory().expect("store");
    let (mut exec, audit_id) = executor_with_demo(&mut store);
    let actions = exec.execute(Effect::OpenPlan {
        audit_id: audit_id.clone(),
    });
    let Some(Event::PlanOpened(data)) = actions.first() else {
        panic!("a plan: {actions:?}");
    };
    assert_eq!(
        data.association_name,
        "Les Jardins Partagés de la Croix-Rousse"
    );
    assert!(!data.plan.recommendations.is_empty());
    assert!(!data.hosts.is_empty(), "facts about the chosen hosts");

    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("exports");
    let request = ExportRequest {
        audit_id: audit_id.clone(),
        formats: vec![Format::Md, Format::Html],
        anonymise: false,
        with_notes: false,
        dir: out.display().to_string(),
        overwrite: false,
    };
    let actions = exec.execute(Effect::Export(request.clone()));
    let Some(Event::Exported { paths, .. }) = actions.first() else {
        panic!("written: {actions:?}");
    };
    assert_eq!(paths.len(), 2);
    assert!(paths.iter().all(|p| p.is_file()), "{paths:?}");
    let md = paths[0].clone();
    std::fs::write(&md, "garder").expect("edit");

    let actions = exec.execute(Effect::Export(request.clone()));
    let Some(Event::ExportExists { existing, .. }) = actions.first() else {
        panic!("exists: {actions:?}");
    };
    assert_eq!(existing.len(), 2);
    assert_eq!(std::fs::read_to_string(&md).ok().as_deref(), Some("garder"));

    let actions = exec.execute(Effect::Export(ExportRequest {
        overwrite: true,
        ..request
    }));
    assert!(
        matches!(actions.first(), Some(Event::Exported { .. })),
        "{actions:?}"
    );
    assert_ne!(std::fs::read_to_string(&md).ok().as_deref(), Some("garder"));
}

#[test]
fn export_errors_are_messages() {
    let mut store = Store::open_in_memory().expect("store");
    let (mut exec, audit_id) = executor_with_demo(&mut store);
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("file");
    for (dir, audit) in [
        (file.display().to_string(), audit_id.clone()),
        ("  ".to_string(), audit_id.clone()),
        (
            dir.path().display().to_string(),
            "no-such-audit".to_string(),
        ),
    ] {
        let actions = exec.execute(Effect::Export(ExportRequest {
            audit_id: audit,
            formats: vec![Format::Md],
            anonymise: true,
            with_notes: false,
            dir,
            overwrite: false,
        }));
        assert!(
            matches!(actions.first(), Some(Event::ExportFailed { .. })),
            "{actions:?}"
        );
    }
    let actions = exec.execute(Effect::OpenPlan {
        audit_id: "no-such-audit".into(),
    });
    assert!(
        matches!(actions.first(), Some(Event::Failed(_))),
        "{actions:?}"
    );
}

#[test]
fn an_almost_empty_plan_draws_every_tab_and_its_why() {
    // Two answers on the test questionnaire: hardly any need, host or step.
    let catalog = catalog::shipped().expect("catalogue");
    let data = Arc::new(diagasso::app::plan_data::PlanData::build(
        "audit-0",
        "Les Amis du Quartier Saint-Éloi",
        Arc::new(questionnaire()),
        &audit(),
        &association(),
        &catalog,
    ));
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(1));
    app.update(Event::PlanOpened(data));
    for (w, h) in [(80, 24), (120, 40)] {
        app.update(Action::Resize(w, h));
        for tab in 0..5u8 {
            cmd(&mut app, Cmd::Pick(tab));
            for c in [
                Cmd::Down,
                Cmd::PageDown,
                Cmd::Bottom,
                Cmd::Why,
                Cmd::Down,
                Cmd::Why,
            ] {
                cmd(&mut app, c);
                let _ = render(&app, w, h);
            }
        }
    }
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home(_)));
}
