//! Snapshots of every screen and overlay on ratatui's TestBackend, at 80×24 (the design size)
//! and 120×40, with French content (accents, « guillemets »), in the dark and mono themes, plus
//! the "terminal trop petit" notice. The app is fed fake data as actions: no store, no terminal.

mod common;

use common::*;
use diagasso::audit::AuditStatus;
use diagasso::i18n::Lang;
use diagasso::tui::keymap::Cmd;
use diagasso::tui::theme::Theme;
use diagasso::tui::{Action, App, Event};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        let text = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
    }
}

#[test]
fn welcome_on_first_run() {
    let mut app = home_app(Lang::Fr, Theme::dark(), Vec::new());
    app.update(Event::HomeLoaded {
        rows: Vec::new(),
        offset: 0,
        total: 0,
        all: 0,
        orphans: Vec::new(),
    });
    snap("welcome", &app);
}

#[test]
fn home_lists_audits() {
    let app = home_app(Lang::Fr, Theme::dark(), rows(12));
    snap("home", &app);
}

#[test]
fn home_with_a_filter() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(12));
    app.update(Action::Cmd(Cmd::Filter));
    for ch in "amis".chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::NONE,
        )));
    }
    app.update(Event::HomeLoaded {
        rows: rows(12)
            .into_iter()
            .filter(|r| r.association_name.contains("Amis"))
            .collect(),
        offset: 0,
        total: 2,
        all: 12,
        orphans: Vec::new(),
    });
    snap("home_filter", &app);
}

#[test]
fn delete_asks_with_no_by_default() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(3));
    app.update(Action::Cmd(Cmd::Delete));
    snap("confirm_delete", &app);
}

#[test]
fn choose_a_questionnaire() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(3));
    app.update(Action::Cmd(Cmd::NewAudit));
    // The first audit has no answer yet: nothing to follow up.
    snap("choose_fresh", &app);
    app.update(Action::Cmd(Cmd::Back));
    app.update(Action::Cmd(Cmd::Down));
    app.update(Action::Cmd(Cmd::NewAudit));
    snap("choose", &app);
}

#[test]
fn profile_form_with_an_error() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(3));
    app.update(Event::AssociationLoaded(association()));
    for _ in 0..3 {
        app.update(Action::Cmd(Cmd::Down));
    }
    // Postcode: "690" is refused inline.
    for _ in 0..5 {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    for ch in "690".chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Cmd(Cmd::Down));
    snap("profile", &app);
}

#[test]
fn walk_on_a_multiple_choice() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    app.update(Action::Cmd(Cmd::Pick(0)));
    app.update(Event::AnswerSaved {
        question_id: "files_tools".into(),
        at: "14:03:12".into(),
    });
    app.update(Action::Cmd(Cmd::Down));
    snap("walk_multiple", &app);
}

#[test]
fn walk_on_a_number_with_a_refused_value() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    app.update(Action::Cmd(Cmd::Pick(0)));
    app.update(Action::Cmd(Cmd::Enter));
    // The field is entered deliberately.
    app.update(Action::Cmd(Cmd::EditField));
    for ch in "9000".chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Cmd(Cmd::Enter));
    snap("walk_number", &app);
}

#[test]
fn walk_on_a_scale_in_english() {
    let mut app = walk_app(Lang::En, Theme::dark());
    app.update(Action::Cmd(Cmd::Pick(1)));
    app.update(Action::Cmd(Cmd::NextQuestion));
    app.update(Action::Cmd(Cmd::NextQuestion));
    app.update(Action::Cmd(Cmd::Pick(3)));
    snap("walk_scale_en", &app);
}

#[test]
fn walk_in_the_mono_theme() {
    let mut app = walk_app(Lang::Fr, Theme::mono());
    app.update(Action::Cmd(Cmd::DontKnow));
    app.update(Event::AnswerSaved {
        question_id: "files_tools".into(),
        at: "14:05:00".into(),
    });
    // « Je ne sais pas » moves on; back to the question to see its mark.
    app.update(Action::Cmd(Cmd::PrevQuestion));
    snap("walk_mono", &app);
}

#[test]
fn sections_overlay() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    app.update(Action::Cmd(Cmd::Sections));
    snap("sections", &app);
}

#[test]
fn help_overlay_lists_the_walk_keys() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    app.update(Action::Cmd(Cmd::Help));
    snap("help_walk", &app);
}

#[test]
fn notes_screen() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    app.update(Action::Cmd(Cmd::Notes));
    for ch in "Le trésorier garde « tout » sur sa clé.".chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::NONE,
        )));
    }
    snap("notes", &app);
}

#[test]
fn review_screen() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    app.update(Action::Cmd(Cmd::Pick(0)));
    app.update(Action::Cmd(Cmd::NextQuestion));
    app.update(Action::Cmd(Cmd::DontKnow));
    app.update(Action::Cmd(Cmd::Review));
    snap("review", &app);
    app.update(Action::Cmd(Cmd::Finish));
    snap("confirm_finish", &app);
    app.update(Action::Cmd(Cmd::Yes));
    app.update(Event::StatusSaved(AuditStatus::Finished));
    snap("review_finished", &app);
}

#[test]
fn too_small_terminal_says_so() {
    let app = home_app(Lang::Fr, Theme::dark(), rows(3));
    insta::assert_snapshot!("too_small_60x20", render(&app, 60, 20));
    insta::assert_snapshot!("too_small_20x5", render(&app, 20, 5));
}

#[test]
fn mono_theme_draws_no_colour_at_all() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let mut app = walk_app(Lang::Fr, Theme::mono());
    app.update(Action::Cmd(Cmd::Pick(0)));
    app.update(Action::Cmd(Cmd::Down));
    for step in [None, Some(Cmd::Review), Some(Cmd::Help)] {
        if let Some(c) = step {
            app.update(Action::Cmd(c));
        }
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal.draw(|f| app.draw(f)).expect("draw");
        for cell in terminal.backend().buffer().content() {
            assert_eq!(cell.fg, Color::Reset, "a foreground colour in mono");
            assert_eq!(cell.bg, Color::Reset, "a background colour in mono");
        }
    }
}
