//! A key does what its hint says, in every mode: the TUI is brought into each mode for real
//! (a store in memory, the demo association, the app and the executor run together as the run
//! loop runs them), then every key its hint bar shows is pressed on a copy of that state. The
//! key must reach the command the hint names (not a text field), and the command must do
//! something one can see: change the screen, the overlay, the walk or the language, or ask for
//! an effect. And in every mode with a text field, no printable key is ever a command.
//!
//! The test can fail: a hinted key whose command the screen ignores (a `_ => {}` arm), a key
//! the table binds in a text mode, or a mode the fixtures below cannot reach all break it.

use std::collections::VecDeque;
use std::sync::Arc;

use diagasso::app::effects::{self, Executor};
use diagasso::catalog;
use diagasso::i18n::Lang;
use diagasso::store::Store;
use diagasso::tui::keymap::{self, BINDINGS, Cmd, Mode, Pat};
use diagasso::tui::theme::Theme;
use diagasso::tui::{Action, App, Effect};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

struct Harness<'s> {
    app: App,
    exec: Executor<'s>,
}

impl<'s> Harness<'s> {
    fn new(store: &'s mut Store) -> Harness<'s> {
        let qs = effects::shipped_questionnaires();
        let choices = effects::choices(&qs, Lang::Fr);
        let mut exec = Executor::new(store, Lang::Fr, "Camille".into(), qs);
        exec.catalog = Some(Arc::new(catalog::shipped().expect("catalogue")));
        let (mut app, first) = App::new(Lang::Fr, Theme::dark(), choices);
        app.update(Action::Resize(100, 30));
        let mut h = Harness { app, exec };
        h.settle(first);
        h
    }

    fn settle(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if effect == Effect::Quit {
                continue;
            }
            for event in self.exec.execute(effect) {
                queue.extend(self.app.update(event));
            }
        }
    }

    fn key(&mut self, code: KeyCode) {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = self.app.key_action(key) {
            let effects = self.app.update(action);
            self.settle(effects);
        }
    }

    fn keys(&mut self, keys: &[KeyCode]) {
        for k in keys {
            self.key(*k);
        }
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }
}

use KeyCode::{BackTab, Char, Down, Enter, Esc, F, Right};

/// Bring the app into `mode`, from a store holding the demo audit (or nothing, for the
/// welcome screen).
fn reach(h: &mut Harness, mode: Mode) {
    if mode == Mode::Welcome {
        return;
    }
    // The demo audit opens on its first question (a single choice); back home.
    h.key(Char('d'));
    let walk = |h: &mut Harness| h.key(Enter);
    match mode {
        Mode::Welcome | Mode::Global => {}
        Mode::Walk => {}
        Mode::WalkNumber => h.key(Right),
        Mode::Field => h.keys(&[Right, Enter]),
        Mode::WalkTyped => {
            while h.app.mode() != Mode::WalkTyped {
                h.key(Right);
            }
        }
        // "Une autre organisation" is the last choice of the first question.
        Mode::WalkOther => h.key(Char('5')),
        Mode::Notes => h.key(Char('n')),
        Mode::Review => h.key(Char('r')),
        Mode::Sections => h.key(Char('t')),
        Mode::Plan => h.keys(&[Char('r'), Char('p')]),
        // A recommendation's « Pourquoi ? » on a small terminal: longer than its panel.
        Mode::PlanWhy => {
            h.app.update(Action::Resize(80, 24));
            h.keys(&[Char('r'), Char('p'), KeyCode::Tab, Char('p')]);
        }
        Mode::Export => h.keys(&[Char('r'), Char('e')]),
        Mode::ExportField => {
            h.keys(&[Char('r'), Char('e')]);
            while h.app.mode() != Mode::ExportField {
                h.key(Down);
            }
        }
        Mode::Compare => {
            // A follow-up of the demo, compared with it.
            h.key(Char('q'));
            h.keys(&[Char('n'), Enter, Char('r'), Char('c')]);
        }
        _ => {
            h.key(Char('q'));
            match mode {
                Mode::Home => {}
                Mode::Filter => h.key(Char('/')),
                Mode::Profile => h.key(Char('a')),
                Mode::ProfileChoice => h.keys(&[Char('a'), Down]),
                Mode::Help => h.key(Char('?')),
                Mode::Confirm => h.key(KeyCode::Delete),
                Mode::Choose => h.key(Char('n')),
                // A workshop in the list, created then left.
                Mode::Workshops => {
                    h.keys(&[Char('w'), Char('a')]);
                    h.text("Atelier du samedi");
                    h.keys(&[F(10), Esc]);
                }
                Mode::WorkshopForm => h.keys(&[Char('w'), Char('a')]),
                Mode::WorkshopChoice => {
                    h.keys(&[Char('w'), Char('a')]);
                    while h.app.mode() != Mode::WorkshopChoice {
                        h.key(Down);
                    }
                }
                // A workshop with one association in it, its audit left at once.
                Mode::Dashboard => {
                    h.keys(&[Char('w'), Char('a')]);
                    h.text("Atelier du samedi");
                    h.keys(&[F(10), Char('a')]);
                    h.text("BDE Sciences");
                    h.keys(&[F(10), Char('q')]);
                }
                _ => walk(h),
            }
        }
    }
    // Where a list can be scrolled, stand one line down so that "up" has somewhere to go.
    if matches!(mode, Mode::Help | Mode::Review | Mode::Sections) {
        h.key(Down);
    }
    // On the walk's first question (answered), move the highlight off the answer: Space on the
    // option already chosen rightly changes nothing.
    if mode == Mode::Walk {
        h.key(Down);
    }
}

/// The key a pattern stands for (a digit pattern: 1).
fn key_of(pat: Pat) -> KeyEvent {
    match pat {
        Pat::Key(code, mods) => KeyEvent::new(code, mods),
        Pat::Digit | Pat::DigitsTo(_) | Pat::AnyDigit => {
            KeyEvent::new(Char('1'), KeyModifiers::NONE)
        }
    }
}

/// What one can see of the app.
fn seen(app: &App) -> String {
    format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}",
        app.mode(),
        app.screen,
        app.overlay,
        app.session
            .as_ref()
            .map(|s| (s.walk.cursor(), s.walk.answers().len())),
        app.lang
    )
}

#[test]
fn every_hinted_key_does_what_its_hint_says_in_every_mode() {
    let mut checked = 0;
    for mode in Mode::ALL {
        let mut store = Store::open_in_memory().expect("store");
        let mut h = Harness::new(&mut store);
        reach(&mut h, mode);
        assert_eq!(h.app.mode(), mode, "the fixture reaches {mode:?}");
        let hints = keymap::hints(mode, Lang::Fr);
        assert!(!hints.is_empty(), "{mode:?} shows some keys");
        for b in BINDINGS
            .iter()
            .filter(|b| (b.mode == mode || Some(b.mode) == mode.parent()) && b.hint)
        {
            let key = key_of(b.pat);
            let action = h.app.key_action(key);
            let expected = match b.cmd {
                Cmd::Pick(_) => matches!(action, Some(Action::Cmd(Cmd::Pick(0)))),
                Cmd::Digit(_) => matches!(action, Some(Action::Cmd(Cmd::Digit(1)))),
                cmd => matches!(action, Some(Action::Cmd(c)) if c == cmd),
            };
            assert!(
                expected,
                "{mode:?}: the hinted key {:?} ({}) should run {:?}, got {action:?}",
                b.pat,
                b.desc.get(Lang::Fr),
                b.cmd
            );
            let mut app = h.app.clone();
            let before = seen(&app);
            let effects = app.update(action.expect("an action"));
            let changed = seen(&app) != before || !effects.is_empty();
            assert!(
                changed,
                "{mode:?}: the hinted key {:?} ({}) does nothing",
                b.pat,
                b.desc.get(Lang::Fr)
            );
            // What some hints promise, precisely.
            match b.cmd {
                Cmd::Help => assert_eq!(app.mode(), Mode::Help, "{mode:?}: help opens"),
                Cmd::Quit => assert!(effects.contains(&Effect::Quit), "{mode:?}: quits"),
                // Leaving: at once, or once the store has answered what it was asked.
                Cmd::Back | Cmd::LeaveField | Cmd::Done => assert!(
                    app.mode() != mode || !effects.is_empty(),
                    "{mode:?}: {:?} leaves the mode",
                    b.cmd
                ),
                Cmd::Undo => assert!(
                    effects.iter().any(|e| matches!(e, Effect::Undo { .. })),
                    "{mode:?}: u asks for the last change"
                ),
                Cmd::EditField => assert_eq!(app.mode(), Mode::Field, "Enter enters the field"),
                Cmd::Digit(_) if mode == Mode::WalkNumber => {
                    assert_eq!(app.mode(), Mode::Field, "a digit starts the number")
                }
                _ => {}
            }
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked} hinted keys checked");
}

#[test]
fn in_a_field_every_printable_key_types_and_none_is_a_command() {
    for mode in Mode::ALL.into_iter().filter(|m| m.types_text()) {
        let mut store = Store::open_in_memory().expect("store");
        let mut h = Harness::new(&mut store);
        reach(&mut h, mode);
        assert_eq!(h.app.mode(), mode, "the fixture reaches {mode:?}");
        for c in (' '..='~').chain("éèàçœ€«»".chars()) {
            let action = h.app.key_action(KeyEvent::new(Char(c), KeyModifiers::NONE));
            assert!(
                matches!(action, Some(Action::Key(_))),
                "{mode:?}: {c:?} should type, got {action:?}"
            );
        }
    }
}

#[test]
fn shift_tab_and_the_letters_of_the_walk_are_commands_on_every_question_until_a_field_is_entered() {
    let mut store = Store::open_in_memory().expect("store");
    let mut h = Harness::new(&mut store);
    reach(&mut h, Mode::WalkTyped);
    for (c, cmd) in [
        ('q', Cmd::Back),
        ('t', Cmd::Sections),
        ('n', Cmd::Notes),
        ('=', Cmd::TakePrevious),
        ('u', Cmd::Undo),
        ('s', Cmd::DontKnow),
    ] {
        let action = h.app.key_action(KeyEvent::new(Char(c), KeyModifiers::NONE));
        assert!(
            matches!(action, Some(Action::Cmd(got)) if got == cmd),
            "{c:?}: {action:?}"
        );
    }
    let back = h
        .app
        .key_action(KeyEvent::new(BackTab, KeyModifiers::SHIFT));
    assert!(matches!(back, Some(Action::Cmd(Cmd::PrevQuestion))));
    h.key(Enter);
    assert_eq!(h.app.mode(), Mode::Field);
    let q = h
        .app
        .key_action(KeyEvent::new(Char('q'), KeyModifiers::NONE));
    assert!(matches!(q, Some(Action::Key(_))), "in the field q types");
    h.key(Esc);
    assert_eq!(h.app.mode(), Mode::WalkTyped);
}
