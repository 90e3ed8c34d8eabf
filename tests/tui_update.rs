//! `App::update` tested as data: a state, an action, then the state and the effects. No store,
//! no terminal. And a property test: no sequence of keys panics, draws a broken frame or pushes
//! progress past 100 %, through every screen including the plan and the export dialog.

mod common;

use common::*;
use diagasso::audit::{Answer, AuditStatus, Value};
use diagasso::i18n::Lang;
use diagasso::tui::app::Screen;
use diagasso::tui::keymap::{Cmd, Mode};
use diagasso::tui::overlays::Overlay;
use diagasso::tui::theme::Theme;
use diagasso::tui::{Action, App, Effect, Event};
use diagasso::walk;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn cmd(app: &mut App, c: Cmd) -> Vec<Effect> {
    app.update(Action::Cmd(c))
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for ch in text.chars() {
        let action = app.key_action(key(KeyCode::Char(ch))).expect("typed");
        effects.extend(app.update(action));
    }
    effects
}

fn save(question: &str, answer: Option<Answer>) -> Effect {
    Effect::Walk {
        audit_id: "audit-0".into(),
        effect: walk::Effect::Save {
            question_id: question.into(),
            answer,
            seen: None,
        },
    }
}

#[test]
fn starting_loads_the_first_page() {
    let (_, effects) = App::new(Lang::Fr, Theme::dark(), choices());
    assert_eq!(
        effects,
        vec![Effect::LoadHome {
            filter: String::new(),
            offset: 0,
            limit: 100
        }]
    );
}

#[test]
fn enter_on_home_opens_the_selected_audit() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(5));
    cmd(&mut app, Cmd::Down);
    assert_eq!(
        cmd(&mut app, Cmd::Enter),
        vec![Effect::OpenAudit {
            audit_id: "audit-1".into()
        }]
    );
}

#[test]
fn moving_past_the_loaded_window_asks_for_the_next_one() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(100));
    if let Screen::Home(h) = &mut app.screen {
        h.total = 10_000;
    }
    assert_eq!(
        cmd(&mut app, Cmd::Bottom),
        vec![Effect::LoadHome {
            filter: String::new(),
            offset: 9_949,
            limit: 100
        }]
    );
}

#[test]
fn delete_needs_a_yes_and_no_is_the_default() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(3));
    cmd(&mut app, Cmd::Delete);
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(
        cmd(&mut app, Cmd::Enter).is_empty(),
        "Enter on the default No"
    );
    assert!(app.overlay.is_none());
    cmd(&mut app, Cmd::Delete);
    cmd(&mut app, Cmd::Left);
    assert_eq!(
        cmd(&mut app, Cmd::Enter),
        vec![Effect::DeleteAudit {
            audit_id: "audit-0".into()
        }]
    );
}

#[test]
fn typing_a_filter_reloads_and_q_types_instead_of_quitting() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(3));
    cmd(&mut app, Cmd::Filter);
    assert_eq!(app.mode(), Mode::Filter);
    let effects = type_text(&mut app, "éq");
    assert_eq!(
        effects.last(),
        Some(&Effect::LoadHome {
            filter: "éq".into(),
            offset: 0,
            limit: 100
        })
    );
    assert!(!app.quitting);
    assert_eq!(cmd(&mut app, Cmd::Back).len(), 1, "Esc clears and reloads");
}

#[test]
fn first_run_is_the_welcome_and_offers_the_demo() {
    let mut app = home_app(Lang::Fr, Theme::dark(), Vec::new());
    assert_eq!(app.mode(), Mode::Welcome);
    assert_eq!(cmd(&mut app, Cmd::Demo), vec![Effect::CreateDemo]);
    let effects = app.update(Event::DemoCreated {
        audit_id: "demo".into(),
    });
    assert_eq!(
        effects,
        vec![Effect::OpenAudit {
            audit_id: "demo".into()
        }]
    );
}

#[test]
fn new_association_is_created_on_leaving_the_name_then_goes_on_to_a_questionnaire() {
    let mut app = home_app(Lang::Fr, Theme::dark(), Vec::new());
    cmd(&mut app, Cmd::NewAssociation);
    assert_eq!(app.mode(), Mode::Profile);
    type_text(&mut app, "Chorale « La Croche Cœur »");
    let effects = cmd(&mut app, Cmd::Down);
    let Some(Effect::SaveAssociation(a, None)) = effects.first() else {
        panic!("expected a save, got {effects:?}");
    };
    assert!(a.id.is_empty());
    assert_eq!(a.name, "Chorale « La Croche Cœur »");
    let mut saved = a.clone();
    saved.id = "asso-new".into();
    app.update(Event::AssociationSaved {
        association: saved,
        at: "10:00:00".into(),
    });
    assert!(cmd(&mut app, Cmd::Done).is_empty());
    assert_eq!(app.mode(), Mode::Choose);
    assert_eq!(
        cmd(&mut app, Cmd::Pick(1)),
        vec![Effect::StartAudit {
            association_id: "asso-new".into(),
            questionnaire_id: "atelier-express".into(),
            workshop_id: None,
        }]
    );
    assert_eq!(
        app.update(Event::AuditStarted {
            audit_id: "a1".into()
        }),
        vec![Effect::OpenAudit {
            audit_id: "a1".into()
        }]
    );
}

#[test]
fn a_refused_profile_field_keeps_the_form_open() {
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(1));
    app.update(Event::AssociationLoaded(association()));
    for _ in 0..10 {
        cmd(&mut app, Cmd::Down);
    }
    for _ in 0..40 {
        app.update(Action::Key(key(KeyCode::Backspace)));
    }
    type_text(&mut app, "pas-une-adresse");
    assert!(cmd(&mut app, Cmd::Done).is_empty());
    assert!(
        matches!(app.screen, Screen::Profile(_)),
        "stays on the form"
    );
}

#[test]
fn ticking_saves_and_the_mark_waits_for_the_store() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    let effects = cmd(&mut app, Cmd::Pick(2));
    assert_eq!(
        effects,
        vec![save(
            "files_tools",
            Some(Answer::Given(Value::Choices(vec!["nextcloud".into()])))
        )]
    );
    let s = app.session.as_ref().expect("session");
    assert!(matches!(s.walk.save_mark(), walk::SaveMark::Pending(_)));
    app.update(Event::AnswerSaved {
        question_id: "files_tools".into(),
        at: "14:03:12".into(),
    });
    let s = app.session.as_ref().expect("session");
    assert!(matches!(s.walk.save_mark(), walk::SaveMark::Saved { at, .. } if at == "14:03:12"));
}

#[test]
fn in_a_number_field_letters_type_and_enter_saves_then_moves_on() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Pick(0));
    cmd(&mut app, Cmd::Enter);
    // Arriving on a number question leaves letters as commands: the field is entered with
    // Enter.
    assert_eq!(app.mode(), Mode::WalkNumber);
    assert!(matches!(
        app.key_action(key(KeyCode::Char('q'))),
        Some(Action::Cmd(Cmd::Back))
    ));
    let enter = app.key_action(key(KeyCode::Enter)).expect("bound");
    assert!(matches!(enter, Action::Cmd(Cmd::EditField)));
    app.update(enter);
    assert_eq!(app.mode(), Mode::Field);
    assert!(matches!(
        app.key_action(key(KeyCode::Char('q'))),
        Some(Action::Key(_))
    ));
    type_text(&mut app, "12,5");
    let effects = cmd(&mut app, Cmd::Enter);
    assert_eq!(
        effects[0],
        save("files_storage_gb", Some(Answer::Given(Value::Number(12.5))))
    );
    assert!(matches!(
        effects[1],
        Effect::Walk {
            effect: walk::Effect::Cursor { .. },
            ..
        }
    ));
}

#[test]
fn leaving_the_walk_goes_home_saying_progress_is_saved() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    let effects = cmd(&mut app, Cmd::Back);
    assert!(matches!(effects.last(), Some(Effect::LoadHome { .. })));
    let notice = app.notice.as_ref().expect("a notice");
    assert!(
        notice.text.starts_with("Tout est enregistré (sections"),
        "{}",
        notice.text
    );
}

#[test]
fn ctrl_c_saves_what_is_typed_then_quits() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Pick(0));
    cmd(&mut app, Cmd::Enter);
    cmd(&mut app, Cmd::EditField);
    type_text(&mut app, "42");
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let action = app.key_action(ctrl_c).expect("bound");
    let effects = app.update(action);
    assert_eq!(
        effects,
        vec![
            save("files_storage_gb", Some(Answer::Given(Value::Number(42.0)))),
            Effect::Quit
        ]
    );
}

#[test]
fn notes_save_after_a_pause_and_on_leaving() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Notes);
    assert_eq!(app.mode(), Mode::Notes);
    type_text(&mut app, "q?");
    for _ in 0..3 {
        assert!(app.update(Action::Tick).is_empty());
    }
    assert_eq!(
        app.update(Action::Tick),
        vec![Effect::SaveNote {
            audit_id: "audit-0".into(),
            question_id: Some("files_tools".into()),
            text: "q?".into(),
            seen: String::new(),
        }]
    );
    cmd(&mut app, Cmd::SwitchNote);
    type_text(&mut app, "Général");
    let effects = cmd(&mut app, Cmd::Done);
    assert_eq!(
        effects,
        vec![Effect::SaveNote {
            audit_id: "audit-0".into(),
            question_id: None,
            text: "Général".into(),
            seen: String::new(),
        }]
    );
    assert_eq!(app.mode(), Mode::Walk);
    assert_eq!(
        app.session.as_ref().map(|s| s.note.as_str()),
        Some("Général")
    );
}

#[test]
fn review_enter_jumps_back_to_edit_and_finish_asks_first() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Review);
    cmd(&mut app, Cmd::Top);
    let effects = cmd(&mut app, Cmd::Enter);
    assert_eq!(app.mode(), Mode::Field, "members_count is a number");
    assert!(matches!(
        &effects[..],
        [Effect::Walk { effect: walk::Effect::Cursor { question_id }, .. }] if question_id == "members_count"
    ));
    cmd(&mut app, Cmd::Review);
    cmd(&mut app, Cmd::Finish);
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    assert_eq!(
        cmd(&mut app, Cmd::Yes),
        vec![Effect::SetStatus {
            audit_id: "audit-0".into(),
            status: AuditStatus::Finished
        }]
    );
}

#[test]
fn help_opens_for_the_current_mode_and_closes() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Help);
    assert!(matches!(&app.overlay, Some(Overlay::Help(h)) if h.mode == Mode::Walk));
    cmd(&mut app, Cmd::Back);
    assert!(app.overlay.is_none());
}

fn any_key() -> impl Strategy<Value = KeyEvent> {
    let codes = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::F(1)),
        Just(KeyCode::F(2)),
        Just(KeyCode::F(5)),
        prop::sample::select(vec![
            ' ', '1', '2', '3', '5', '9', 's', 'c', 'n', 'r', 't', 'i', 'f', 'o', 'q', '?', '/',
            'é', '«', 'x', 'p', 'e', 'v', 'a', 'w', 'h', 'l', 'g', 'G', 'j', 'k', '4'
        ])
        .prop_map(KeyCode::Char),
    ];
    codes.prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE))
}

/// Play `keys` on `app` at w×h, playing the store too, checking progress and drawing each frame.
fn play(app: &mut App, keys: Vec<KeyEvent>, w: u16, h: u16) -> Result<(), TestCaseError> {
    app.update(Action::Resize(w, h));
    for k in keys {
        if let Some(action) = app.key_action(k) {
            let mut queue = app.update(action);
            while let Some(effect) = queue.pop() {
                // Play the store: confirm saves, give the demo plan, find the files of a first
                // export already there and write the second; open nothing new.
                let reply = match effect {
                    Effect::Walk {
                        effect: walk::Effect::Save { question_id, .. },
                        ..
                    } => Event::AnswerSaved {
                        question_id,
                        at: "00:00:00".into(),
                    },
                    Effect::OpenPlan { .. } => Event::PlanOpened(shared_demo_plan()),
                    Effect::Export(request) if !request.overwrite => Event::ExportExists {
                        request,
                        dir: "/tmp/out".into(),
                        existing: vec!["diagnostic.md".into()],
                    },
                    Effect::Export(_) => Event::Exported {
                        dir: "/tmp/out".into(),
                        paths: vec!["/tmp/out/diagnostic.md".into()],
                    },
                    _ => continue,
                };
                queue.extend(app.update(reply));
            }
        }
        if let Some(s) = &app.session {
            let p = s.walk.progress();
            prop_assert!(p.answered <= p.total && p.percent() <= 100);
        }
        let _ = render(app, w, h);
    }
    Ok(())
}

fn size(wide: bool) -> (u16, u16) {
    if wide { (120, 40) } else { (80, 24) }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_key_sequence_panics_or_overflows_progress(
        keys in proptest::collection::vec(any_key(), 0..120),
        wide in any::<bool>(),
    ) {
        let mut app = walk_app(Lang::Fr, Theme::dark());
        let (w, h) = size(wide);
        play(&mut app, keys, w, h)?;
    }

    #[test]
    fn no_key_sequence_on_the_plan_or_the_export_dialog_panics(
        keys in proptest::collection::vec(any_key(), 0..120),
        wide in any::<bool>(),
    ) {
        let mut app = walk_app(Lang::Fr, Theme::dark());
        app.update(Action::Cmd(Cmd::Review));
        app.update(Event::PlanOpened(shared_demo_plan()));
        let (w, h) = size(wide);
        play(&mut app, keys, w, h)?;
    }
}

/// The demo plan, computed once for every case.
fn shared_demo_plan() -> std::sync::Arc<diagasso::app::plan_data::PlanData> {
    static PLAN: std::sync::OnceLock<std::sync::Arc<diagasso::app::plan_data::PlanData>> =
        std::sync::OnceLock::new();
    PLAN.get_or_init(demo_plan).clone()
}

#[test]
fn escape_from_a_refused_value_restores_the_saved_one_so_q_can_leave() {
    let mut app = walk_app(Lang::Fr, Theme::dark());
    cmd(&mut app, Cmd::Top);
    cmd(&mut app, Cmd::Review);
    cmd(&mut app, Cmd::Top);
    cmd(&mut app, Cmd::Enter);
    assert_eq!(app.mode(), Mode::Field);
    type_text(&mut app, "qo");
    assert!(cmd(&mut app, Cmd::LeaveField).is_empty());
    let s = app.session.as_ref().expect("session");
    assert!(s.walk.problem().is_some(), "the refusal is shown");
    if let Screen::Walk(v) = &app.screen {
        assert_eq!(
            v.field.raw(),
            "120",
            "the saved answer is back in the field"
        );
    }
    let effects = cmd(&mut app, Cmd::Back);
    assert!(
        matches!(app.screen, Screen::Home(_)),
        "q leaves: {effects:?}"
    );
}

#[test]
fn key_releases_are_ignored_and_altgr_types() {
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};
    let mut app = home_app(Lang::Fr, Theme::dark(), rows(1));
    cmd(&mut app, Cmd::Filter);
    let release = KeyEvent {
        code: KeyCode::Char('a'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    };
    assert!(app.key_action(release).is_none());
    let at = KeyEvent::new(
        KeyCode::Char('@'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    );
    let effects = app.update(app.key_action(at).expect("types"));
    assert!(matches!(&effects[..], [Effect::LoadHome { filter, .. }] if filter == "@"));
}
