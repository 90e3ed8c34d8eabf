//! The keymap table's own checks: no printable key in a text mode, no key bound twice, Ctrl-C
//! everywhere, normalised keys, help and hints in every mode.
use super::*;

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn text_modes_never_bind_a_printable_key() {
    for b in BINDINGS.iter().filter(|b| b.mode.types_text()) {
        match b.pat {
            Pat::Digit | Pat::DigitsTo(_) | Pat::AnyDigit => {
                panic!("digits bound in text mode {:?}", b.mode)
            }
            Pat::Key(KeyCode::Char(ch), mods) => assert!(
                mods.contains(KeyModifiers::CONTROL),
                "{:?} binds printable {ch:?}",
                b.mode
            ),
            _ => {}
        }
    }
}

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            assert!(
                !(a.mode == b.mode && a.pat == b.pat),
                "{:?} {:?} bound twice",
                a.mode,
                a.pat
            );
        }
    }
}

#[test]
fn ctrl_c_quits_everywhere_and_q_types_in_fields() {
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    for mode in [
        Mode::Home,
        Mode::Walk,
        Mode::Field,
        Mode::Notes,
        Mode::Profile,
    ] {
        assert_eq!(lookup(mode, ctrl_c), Some(Cmd::ForceQuit));
    }
    assert_eq!(lookup(Mode::Field, q), None);
    assert_eq!(lookup(Mode::Notes, q), None);
    assert_eq!(lookup(Mode::Walk, q), Some(Cmd::Back));
}

#[test]
fn shift_and_uppercase_are_normalised() {
    let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(lookup(Mode::Home, g), Some(Cmd::Bottom));
    let back = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(lookup(Mode::Walk, back), Some(Cmd::PrevQuestion));
    let three = key(KeyCode::Char('3'), KeyModifiers::NONE);
    assert_eq!(lookup(Mode::Walk, three), Some(Cmd::Digit(3)));
    assert_eq!(lookup(Mode::Choose, three), Some(Cmd::Pick(2)));
}

#[test]
fn every_mode_has_help_and_hints_fit_in_80_columns() {
    use unicode_width::UnicodeWidthStr;
    for mode in Mode::ALL {
        for lang in [Lang::Fr, Lang::En] {
            assert!(!help_rows(mode, lang).is_empty());
            let width: usize = hints(mode, lang)
                .iter()
                .map(|(_, k, d)| k.width() + d.width() + 3)
                .sum();
            assert!(width <= 120, "{mode:?} {lang:?} hints take {width} columns");
            assert!(
                hints(mode, lang).iter().any(|(c, _, _)| *c == Cmd::Help)
                    || !matches!(
                        mode,
                        Mode::Home | Mode::Walk | Mode::Review | Mode::Welcome | Mode::Plan
                    ),
                "{mode:?} hints the help"
            );
        }
    }
}
