//! The plan screen and the export dialog drawn: snapshots of every tab, the « Pourquoi ? »
//! panel and the dialog at 80×24 and 120×40 with the demo audit on the shipped catalogue, in
//! French (one in the mono theme, one in English), no colour at all in mono, and every line of
//! every tab and « Pourquoi ? » within its width. Behaviour is in `tui_plan_update.rs`.

mod common;

use std::path::PathBuf;

use common::*;
use diagasso::i18n::{Lang, Message};
use diagasso::tui::app::Screen;
use diagasso::tui::keymap::Cmd;
use diagasso::tui::screens::plan_tabs::Tab;
use diagasso::tui::theme::Theme;
use diagasso::tui::{Action, App, Effect, Event};

fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 40)] {
        app.update(Action::Resize(w, h));
        let text = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
    }
}

fn cmd(app: &mut App, c: Cmd) -> Vec<Effect> {
    app.update(Action::Cmd(c))
}

fn dialog(app: &App) -> &diagasso::tui::screens::export::ExportDialog {
    match &app.screen {
        Screen::Export(d) => d,
        _ => panic!("not on the export dialog"),
    }
}

// Snapshots.

#[test]
fn summary_tab() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    snap("plan_summary", &mut app);
    // The Frama.space verdict and its reasons, further down.
    cmd(&mut app, Cmd::Bottom);
    snap("plan_summary_end", &mut app);
}

#[test]
fn why_panel_on_a_score() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Down);
    cmd(&mut app, Cmd::Why);
    snap("plan_why_score", &mut app);
}

#[test]
fn recommendations_tab_and_why() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::NextTab);
    snap("plan_recos", &mut app);
    for _ in 0..4 {
        cmd(&mut app, Cmd::Down);
    }
    cmd(&mut app, Cmd::Why);
    snap("plan_recos_why", &mut app);
    // In full, scrolled to the end (at the size it is drawn at: scrolling is measured).
    app.update(Action::Resize(80, 24));
    cmd(&mut app, Cmd::WhyAll);
    cmd(&mut app, Cmd::Bottom);
    insta::assert_snapshot!("plan_recos_why_all_end_80x24", render(&app, 80, 24));
}

#[test]
fn hosts_tab() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Pick(2));
    snap("plan_hosts", &mut app);
    cmd(&mut app, Cmd::Why);
    snap("plan_hosts_why", &mut app);
}

#[test]
fn roadmap_tab() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Pick(3));
    snap("plan_roadmap", &mut app);
}

#[test]
fn risks_tab_ends_with_what_to_find() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Pick(4));
    snap("plan_risks", &mut app);
    cmd(&mut app, Cmd::Bottom);
    snap("plan_risks_to_find", &mut app);
}

#[test]
fn plan_in_mono_and_in_english() {
    let mut app = plan_app(Lang::Fr, Theme::mono());
    snap("plan_mono", &mut app);
    let mut app = plan_app(Lang::En, Theme::dark());
    snap("plan_en", &mut app);
}

#[test]
fn export_dialog_written_refused_and_failed() {
    let mut app = plan_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Export);
    snap("export_dialog", &mut app);
    let dir = PathBuf::from("/home/camille/Documents");
    let request = dialog(&app).request().expect("a request");
    app.update(Event::ExportExists {
        request,
        dir: dir.clone(),
        existing: vec![
            "diagnostic-les-jardins-partagés-de-la-croix-rousse-2026-11-24.md".into(),
            "diagnostic-les-jardins-partagés-de-la-croix-rousse-2026-11-24.html".into(),
        ],
    });
    snap("export_overwrite", &mut app);
    cmd(&mut app, Cmd::Yes);
    app.update(Event::Exported {
        dir: dir.clone(),
        paths: ["md", "html"]
            .iter()
            .map(|e| {
                dir.join(format!(
                    "diagnostic-les-jardins-partagés-de-la-croix-rousse-2026-11-24.{e}"
                ))
            })
            .collect(),
    });
    snap("export_written", &mut app);
    app.update(Event::ExportFailed {
        message: Message::new(
            "écriture de /home/camille/Documents/x.pdf impossible : disque plein",
            "cannot write /home/camille/Documents/x.pdf: disk full",
        ),
        written: vec![dir.join("diagnostic-les-jardins-partagés-de-la-croix-rousse-2026-11-24.md")],
    });
    snap("export_failed", &mut app);
}

#[test]
fn mono_plan_and_export_draw_no_colour() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let mut app = plan_app(Lang::Fr, Theme::mono());
    let steps = [
        None,
        Some(Cmd::Why),
        Some(Cmd::Why),
        Some(Cmd::NextTab),
        Some(Cmd::NextTab),
        Some(Cmd::NextTab),
        Some(Cmd::NextTab),
        Some(Cmd::Export),
    ];
    for step in steps {
        if let Some(c) = step {
            cmd(&mut app, c);
        }
        for (w, h) in [(80, 24), (120, 40)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| app.draw(f)).expect("draw");
            for cell in terminal.backend().buffer().content() {
                assert_eq!(cell.fg, Color::Reset, "a foreground colour in mono");
                assert_eq!(cell.bg, Color::Reset, "a background colour in mono");
            }
        }
    }
}

#[test]
fn the_items_of_each_tab_are_those_drawn_and_every_why_fits_its_panel() {
    use diagasso::tui::screens::{plan_tabs, plan_why};
    let d = demo_plan();
    let theme = Theme::dark();
    for tab in Tab::ALL {
        let items = plan_tabs::items(&d, tab);
        assert!(!items.is_empty(), "{tab:?} has items");
        for width in [63, 76, 116] {
            let blocks = plan_tabs::blocks(&d, tab, Lang::Fr, &theme, width);
            let drawn: Vec<_> = blocks.iter().filter_map(|b| b.item).collect();
            assert_eq!(drawn, items, "{tab:?} at {width}");
            for b in &blocks {
                for l in &b.lines {
                    assert!(l.width() <= width, "{tab:?}: {l:?} wider than {width}");
                }
            }
        }
        for item in items {
            for all in [false, true] {
                let lines = plan_why::lines(&d, item, Lang::Fr, &theme, 44, all);
                assert!(!lines.is_empty(), "{item:?}");
                assert!(lines.iter().all(|l| l.width() <= 44), "{item:?}");
            }
        }
    }
}
