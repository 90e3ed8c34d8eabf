//! The one keymap table, `(mode, key) -> (command, description)`. It drives dispatch, the `?`
//! help overlay and the hint bar, so the help can never drift from what the keys do.
//!
//! Arrows, Enter, Esc, Tab / Shift-Tab, PgUp / PgDn and Home / End work everywhere; vim letters
//! (`j k h l g G`) and single-letter commands only in modes without a text field. In a text
//! field (`Filter`, `Field`, `Profile`, `Notes`) every printable key types: the table binds only
//! non-printable keys there (a unit test checks it), and unbound keys go to the field.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// Where the keys are read. Computed from the screen, its focus and the overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Bindings that hold in every mode unless the mode overrides them.
    Global,
    Welcome,
    Home,
    Filter,
    Profile,
    ProfileChoice,
    Walk,
    Field,
    Notes,
    Review,
    Help,
    Confirm,
    Choose,
    Sections,
}

impl Mode {
    /// Modes where a text field has the keyboard: printable keys type.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Mode::Filter | Mode::Field | Mode::Profile | Mode::Notes
        )
    }
}

/// A bindable command. What it does depends on the screen that receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    Enter,
    Back,
    Quit,
    ForceQuit,
    Help,
    Filter,
    NewAssociation,
    NewAudit,
    EditProfile,
    Delete,
    Demo,
    NextQuestion,
    PrevQuestion,
    Tick,
    /// Pick option n (0-based) by its number key.
    Pick(u8),
    DontKnow,
    NotApplicable,
    ClearAnswer,
    ToggleHelpText,
    Notes,
    Review,
    Sections,
    LeaveField,
    Finish,
    SwitchNote,
    Done,
    Yes,
    No,
}

/// A key pattern in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pat {
    Key(KeyCode, KeyModifiers),
    /// The digits 1 to 9, giving `Cmd::Pick(0..=8)`.
    Digit,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: Mode,
    pub pat: Pat,
    pub cmd: Cmd,
    pub desc: Ui,
    /// Shown in the hint bar (the first key of each hinted command).
    pub hint: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn k(mode: Mode, code: KeyCode, cmd: Cmd, desc: Ui, hint: bool) -> Binding {
    Binding {
        mode,
        pat: Pat::Key(code, NONE),
        cmd,
        desc,
        hint,
    }
}

const fn c(mode: Mode, ch: char, cmd: Cmd, desc: Ui, hint: bool) -> Binding {
    k(mode, KeyCode::Char(ch), cmd, desc, hint)
}

const fn digits(mode: Mode) -> Binding {
    Binding {
        mode,
        pat: Pat::Digit,
        cmd: Cmd::Pick(0),
        desc: Ui::KeyPickNumber,
        hint: false,
    }
}

use KeyCode as K;
use Mode as M;

/// The table. Order matters for display: the help lists commands in this order, and the hint
/// bar shows hinted commands in this order.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Everywhere.
    Binding { mode: M::Global, pat: Pat::Key(K::Char('c'), CTRL), cmd: Cmd::ForceQuit, desc: Ui::KeyForceQuit, hint: false },
    k(M::Global, K::F(1), Cmd::Help, Ui::KeyHelp, false),
    // First run.
    c(M::Welcome, 'a', Cmd::NewAssociation, Ui::KeyNewAssociation, true),
    k(M::Welcome, K::Enter, Cmd::NewAssociation, Ui::KeyNewAssociation, false),
    c(M::Welcome, 'd', Cmd::Demo, Ui::KeyDemo, true),
    c(M::Welcome, 'q', Cmd::Quit, Ui::KeyQuit, true),
    c(M::Welcome, '?', Cmd::Help, Ui::KeyHelp, true),
    // Home: the list of audits.
    k(M::Home, K::Enter, Cmd::Enter, Ui::KeyResume, true),
    k(M::Home, K::Up, Cmd::Up, Ui::KeyUp, false),
    c(M::Home, 'k', Cmd::Up, Ui::KeyUp, false),
    k(M::Home, K::Down, Cmd::Down, Ui::KeyDown, false),
    c(M::Home, 'j', Cmd::Down, Ui::KeyDown, false),
    k(M::Home, K::PageUp, Cmd::PageUp, Ui::KeyPageUp, false),
    k(M::Home, K::PageDown, Cmd::PageDown, Ui::KeyPageDown, false),
    k(M::Home, K::Home, Cmd::Top, Ui::KeyTop, false),
    c(M::Home, 'g', Cmd::Top, Ui::KeyTop, false),
    k(M::Home, K::End, Cmd::Bottom, Ui::KeyBottom, false),
    c(M::Home, 'G', Cmd::Bottom, Ui::KeyBottom, false),
    c(M::Home, 'a', Cmd::NewAssociation, Ui::KeyNewAssociation, true),
    c(M::Home, 'n', Cmd::NewAudit, Ui::KeyNewAudit, true),
    c(M::Home, '/', Cmd::Filter, Ui::KeyFilter, true),
    c(M::Home, 'p', Cmd::EditProfile, Ui::KeyEditProfile, true),
    k(M::Home, K::Delete, Cmd::Delete, Ui::KeyDelete, true),
    c(M::Home, 'x', Cmd::Delete, Ui::KeyDelete, false),
    c(M::Home, 'd', Cmd::Demo, Ui::KeyDemo, false),
    k(M::Home, K::Esc, Cmd::Back, Ui::KeyClearFilter, false),
    c(M::Home, 'q', Cmd::Quit, Ui::KeyQuit, true),
    c(M::Home, '?', Cmd::Help, Ui::KeyHelp, true),
    // Home, typing a filter.
    k(M::Filter, K::Enter, Cmd::Enter, Ui::KeyKeepFilter, true),
    k(M::Filter, K::Esc, Cmd::Back, Ui::KeyClearFilter, true),
    k(M::Filter, K::Up, Cmd::Up, Ui::KeyUp, false),
    k(M::Filter, K::Down, Cmd::Down, Ui::KeyDown, false),
    k(M::Filter, K::F(1), Cmd::Help, Ui::KeyHelp, true),
    // Association profile, on a text field.
    k(M::Profile, K::Down, Cmd::Down, Ui::KeyNextField, false),
    k(M::Profile, K::Tab, Cmd::Down, Ui::KeyNextField, true),
    k(M::Profile, K::Up, Cmd::Up, Ui::KeyPrevField, false),
    k(M::Profile, K::BackTab, Cmd::Up, Ui::KeyPrevField, false),
    k(M::Profile, K::Enter, Cmd::Enter, Ui::KeyNextField, false),
    k(M::Profile, K::F(10), Cmd::Done, Ui::KeyDoneProfile, false),
    k(M::Profile, K::Esc, Cmd::Done, Ui::KeyDoneProfile, true),
    k(M::Profile, K::F(1), Cmd::Help, Ui::KeyHelp, true),
    // Association profile, on the legal form.
    k(M::ProfileChoice, K::Left, Cmd::Left, Ui::KeyCycle, true),
    k(M::ProfileChoice, K::Right, Cmd::Right, Ui::KeyCycle, false),
    c(M::ProfileChoice, ' ', Cmd::Right, Ui::KeyCycle, false),
    k(M::ProfileChoice, K::Down, Cmd::Down, Ui::KeyNextField, false),
    k(M::ProfileChoice, K::Tab, Cmd::Down, Ui::KeyNextField, true),
    k(M::ProfileChoice, K::Enter, Cmd::Down, Ui::KeyNextField, false),
    k(M::ProfileChoice, K::Up, Cmd::Up, Ui::KeyPrevField, false),
    k(M::ProfileChoice, K::BackTab, Cmd::Up, Ui::KeyPrevField, false),
    k(M::ProfileChoice, K::F(10), Cmd::Done, Ui::KeyDoneProfile, false),
    k(M::ProfileChoice, K::Esc, Cmd::Done, Ui::KeyDoneProfile, true),
    k(M::ProfileChoice, K::F(1), Cmd::Help, Ui::KeyHelp, true),
    // The walk, on a list of options.
    k(M::Walk, K::Enter, Cmd::Enter, Ui::KeyContinue, true),
    k(M::Walk, K::Up, Cmd::Up, Ui::KeyChooseUp, false),
    c(M::Walk, 'k', Cmd::Up, Ui::KeyChooseUp, false),
    k(M::Walk, K::Down, Cmd::Down, Ui::KeyChooseDown, false),
    c(M::Walk, 'j', Cmd::Down, Ui::KeyChooseDown, false),
    k(M::Walk, K::Home, Cmd::Top, Ui::KeyTop, false),
    c(M::Walk, 'g', Cmd::Top, Ui::KeyTop, false),
    k(M::Walk, K::End, Cmd::Bottom, Ui::KeyBottom, false),
    c(M::Walk, 'G', Cmd::Bottom, Ui::KeyBottom, false),
    c(M::Walk, ' ', Cmd::Tick, Ui::KeyTick, true),
    digits(M::Walk),
    k(M::Walk, K::Right, Cmd::NextQuestion, Ui::KeyNextQuestion, false),
    c(M::Walk, 'l', Cmd::NextQuestion, Ui::KeyNextQuestion, false),
    k(M::Walk, K::Tab, Cmd::NextQuestion, Ui::KeyNextQuestion, false),
    k(M::Walk, K::PageDown, Cmd::NextQuestion, Ui::KeyNextQuestion, false),
    k(M::Walk, K::Left, Cmd::PrevQuestion, Ui::KeyPrevQuestion, false),
    c(M::Walk, 'h', Cmd::PrevQuestion, Ui::KeyPrevQuestion, false),
    k(M::Walk, K::BackTab, Cmd::PrevQuestion, Ui::KeyPrevQuestion, false),
    k(M::Walk, K::PageUp, Cmd::PrevQuestion, Ui::KeyPrevQuestion, false),
    c(M::Walk, 's', Cmd::DontKnow, Ui::KeyDontKnow, true),
    c(M::Walk, 'c', Cmd::NotApplicable, Ui::KeyNotApplicable, false),
    k(M::Walk, K::Delete, Cmd::ClearAnswer, Ui::KeyClearAnswer, false),
    k(M::Walk, K::Backspace, Cmd::ClearAnswer, Ui::KeyClearAnswer, false),
    c(M::Walk, 'i', Cmd::ToggleHelpText, Ui::KeyToggleHelpText, false),
    c(M::Walk, 'n', Cmd::Notes, Ui::KeyNotes, true),
    c(M::Walk, 't', Cmd::Sections, Ui::KeySections, false),
    k(M::Walk, K::F(2), Cmd::Sections, Ui::KeySections, false),
    c(M::Walk, 'r', Cmd::Review, Ui::KeyReview, false),
    c(M::Walk, 'q', Cmd::Back, Ui::KeyLeaveWalk, true),
    k(M::Walk, K::Esc, Cmd::Back, Ui::KeyLeaveWalk, false),
    c(M::Walk, '?', Cmd::Help, Ui::KeyHelp, true),
    // The walk, typing a number or a text.
    k(M::Field, K::Enter, Cmd::Enter, Ui::KeyContinue, true),
    k(M::Field, K::Tab, Cmd::NextQuestion, Ui::KeyNextQuestion, false),
    k(M::Field, K::PageDown, Cmd::NextQuestion, Ui::KeyNextQuestion, false),
    k(M::Field, K::BackTab, Cmd::PrevQuestion, Ui::KeyPrevQuestion, false),
    k(M::Field, K::PageUp, Cmd::PrevQuestion, Ui::KeyPrevQuestion, false),
    k(M::Field, K::Esc, Cmd::LeaveField, Ui::KeyLeaveField, true),
    k(M::Field, K::F(5), Cmd::DontKnow, Ui::KeyDontKnow, true),
    k(M::Field, K::F(6), Cmd::NotApplicable, Ui::KeyNotApplicable, false),
    k(M::Field, K::F(2), Cmd::Sections, Ui::KeySections, false),
    k(M::Field, K::F(4), Cmd::Notes, Ui::KeyNotes, true),
    k(M::Field, K::F(1), Cmd::Help, Ui::KeyHelp, true),
    // Notes.
    k(M::Notes, K::Tab, Cmd::SwitchNote, Ui::KeySwitchNote, true),
    k(M::Notes, K::BackTab, Cmd::SwitchNote, Ui::KeySwitchNote, false),
    k(M::Notes, K::Esc, Cmd::Done, Ui::KeyDoneNotes, true),
    k(M::Notes, K::F(10), Cmd::Done, Ui::KeyDoneNotes, false),
    k(M::Notes, K::F(1), Cmd::Help, Ui::KeyHelp, true),
    // Review.
    k(M::Review, K::Enter, Cmd::Enter, Ui::KeyEditAnswer, true),
    k(M::Review, K::Up, Cmd::Up, Ui::KeyUp, false),
    c(M::Review, 'k', Cmd::Up, Ui::KeyUp, false),
    k(M::Review, K::Down, Cmd::Down, Ui::KeyDown, false),
    c(M::Review, 'j', Cmd::Down, Ui::KeyDown, false),
    k(M::Review, K::PageUp, Cmd::PageUp, Ui::KeyPageUp, false),
    k(M::Review, K::PageDown, Cmd::PageDown, Ui::KeyPageDown, false),
    k(M::Review, K::Home, Cmd::Top, Ui::KeyTop, false),
    c(M::Review, 'g', Cmd::Top, Ui::KeyTop, false),
    k(M::Review, K::End, Cmd::Bottom, Ui::KeyBottom, false),
    c(M::Review, 'G', Cmd::Bottom, Ui::KeyBottom, false),
    c(M::Review, 'f', Cmd::Finish, Ui::KeyFinish, true),
    k(M::Review, K::Esc, Cmd::Back, Ui::KeyBackToWalk, true),
    c(M::Review, 'q', Cmd::Back, Ui::KeyBackToWalk, false),
    c(M::Review, '?', Cmd::Help, Ui::KeyHelp, true),
    // Overlays.
    k(M::Help, K::Esc, Cmd::Back, Ui::KeyClose, true),
    c(M::Help, 'q', Cmd::Back, Ui::KeyClose, false),
    c(M::Help, '?', Cmd::Back, Ui::KeyClose, false),
    k(M::Help, K::F(1), Cmd::Back, Ui::KeyClose, false),
    k(M::Help, K::Enter, Cmd::Back, Ui::KeyClose, false),
    k(M::Help, K::Up, Cmd::Up, Ui::KeyUp, true),
    k(M::Help, K::Down, Cmd::Down, Ui::KeyDown, false),
    k(M::Help, K::PageUp, Cmd::PageUp, Ui::KeyPageUp, false),
    k(M::Help, K::PageDown, Cmd::PageDown, Ui::KeyPageDown, false),
    k(M::Confirm, K::Left, Cmd::Left, Ui::KeyToggleChoice, true),
    k(M::Confirm, K::Right, Cmd::Right, Ui::KeyToggleChoice, false),
    k(M::Confirm, K::Tab, Cmd::Right, Ui::KeyToggleChoice, false),
    k(M::Confirm, K::BackTab, Cmd::Left, Ui::KeyToggleChoice, false),
    k(M::Confirm, K::Enter, Cmd::Enter, Ui::KeyConfirmChoice, true),
    c(M::Confirm, 'o', Cmd::Yes, Ui::KeyYes, true),
    c(M::Confirm, 'y', Cmd::Yes, Ui::KeyYes, false),
    c(M::Confirm, 'n', Cmd::No, Ui::KeyNo, true),
    k(M::Confirm, K::Esc, Cmd::No, Ui::KeyNo, false),
    k(M::Choose, K::Enter, Cmd::Enter, Ui::KeyChoose, true),
    k(M::Choose, K::Up, Cmd::Up, Ui::KeyUp, false),
    c(M::Choose, 'k', Cmd::Up, Ui::KeyUp, false),
    k(M::Choose, K::Down, Cmd::Down, Ui::KeyDown, true),
    c(M::Choose, 'j', Cmd::Down, Ui::KeyDown, false),
    digits(M::Choose),
    k(M::Choose, K::Esc, Cmd::Back, Ui::KeyCancel, true),
    k(M::Sections, K::Enter, Cmd::Enter, Ui::KeyGoToSection, true),
    k(M::Sections, K::Up, Cmd::Up, Ui::KeyUp, false),
    c(M::Sections, 'k', Cmd::Up, Ui::KeyUp, false),
    k(M::Sections, K::Down, Cmd::Down, Ui::KeyDown, true),
    c(M::Sections, 'j', Cmd::Down, Ui::KeyDown, false),
    k(M::Sections, K::Home, Cmd::Top, Ui::KeyTop, false),
    k(M::Sections, K::End, Cmd::Bottom, Ui::KeyBottom, false),
    digits(M::Sections),
    k(M::Sections, K::Esc, Cmd::Back, Ui::KeyCancel, true),
    c(M::Sections, 't', Cmd::Back, Ui::KeyCancel, false),
    k(M::Sections, K::F(2), Cmd::Back, Ui::KeyCancel, false),
];

/// A key as the table reads it: only presses (Windows also reports releases), and an upper-case
/// letter without its Shift (terminals differ on sending it), Shift-Tab as `BackTab` alone.
pub fn normalise(key: KeyEvent) -> Option<(KeyCode, KeyModifiers)> {
    if key.kind != KeyEventKind::Press && key.kind != KeyEventKind::Repeat {
        return None;
    }
    let mut mods =
        key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(ch) if !ch.is_ascii_lowercase() => mods.remove(KeyModifiers::SHIFT),
        KeyCode::BackTab => mods.remove(KeyModifiers::SHIFT),
        _ => {}
    }
    Some((key.code, mods))
}

/// The command bound to `key` in `mode` (then in `Global`).
pub fn lookup(mode: Mode, key: KeyEvent) -> Option<Cmd> {
    let (code, mods) = normalise(key)?;
    let find = |m: Mode| {
        BINDINGS
            .iter()
            .filter(|b| b.mode == m)
            .find_map(|b| match b.pat {
                Pat::Key(kc, km) if kc == code && km == mods => Some(b.cmd),
                Pat::Digit => match code {
                    KeyCode::Char(d @ '1'..='9') if mods.is_empty() => {
                        Some(Cmd::Pick(d as u8 - b'1'))
                    }
                    _ => None,
                },
                _ => None,
            })
    };
    find(mode).or_else(|| find(Mode::Global))
}

/// How a key is written on screen.
pub fn key_name(pat: Pat, lang: Lang) -> String {
    let (code, mods) = match pat {
        Pat::Digit => return "1-9".into(),
        Pat::Key(code, mods) => (code, mods),
    };
    let name = match code {
        KeyCode::Enter => lang.pick("Entrée", "Enter").into(),
        KeyCode::Esc => lang.pick("Échap", "Esc").into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => lang.pick("Maj-Tab", "Shift-Tab").into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => lang.pick("PgPréc", "PgUp").into(),
        KeyCode::PageDown => lang.pick("PgSuiv", "PgDn").into(),
        KeyCode::Home => lang.pick("Début", "Home").into(),
        KeyCode::End => lang.pick("Fin", "End").into(),
        KeyCode::Delete => lang.pick("Suppr", "Del").into(),
        KeyCode::Backspace => lang.pick("Retour arr.", "Backspace").into(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => lang.pick("Espace", "Space").into(),
        KeyCode::Char(ch) => ch.to_string(),
        _ => "?".into(),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}

/// The rows of the help for `mode`: every command with all its keys, in table order, then the
/// global ones.
pub fn help_rows(mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Cmd, Vec<String>, Ui)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.mode == mode).chain(
        BINDINGS
            .iter()
            .filter(|b| b.mode == Mode::Global && mode != Mode::Global),
    ) {
        let name = key_name(b.pat, lang);
        match rows
            .iter_mut()
            .find(|(cmd, _, d)| *cmd == b.cmd && *d == b.desc)
        {
            Some((_, keys, _)) => {
                if !keys.contains(&name) {
                    keys.push(name);
                }
            }
            None => rows.push((b.cmd, vec![name], b.desc)),
        }
    }
    rows.into_iter()
        .map(|(_, keys, desc)| (keys.join(" "), desc.get(lang)))
        .collect()
}

/// The hint bar of `mode`: the hinted bindings, in table order.
pub fn hints(mode: Mode, lang: Lang) -> Vec<(Cmd, String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode && b.hint)
        .map(|b| (b.cmd, key_name(b.pat, lang), b.desc.get(lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn text_modes_never_bind_a_printable_key() {
        for b in BINDINGS.iter().filter(|b| b.mode.types_text()) {
            match b.pat {
                Pat::Digit => panic!("digits bound in text mode {:?}", b.mode),
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
        assert_eq!(lookup(Mode::Walk, three), Some(Cmd::Pick(2)));
    }

    #[test]
    fn every_mode_has_help_and_hints_fit_in_80_columns() {
        use unicode_width::UnicodeWidthStr;
        for mode in [
            Mode::Welcome,
            Mode::Home,
            Mode::Filter,
            Mode::Profile,
            Mode::ProfileChoice,
            Mode::Walk,
            Mode::Field,
            Mode::Notes,
            Mode::Review,
            Mode::Help,
            Mode::Confirm,
            Mode::Choose,
            Mode::Sections,
        ] {
            for lang in [Lang::Fr, Lang::En] {
                assert!(!help_rows(mode, lang).is_empty());
                let width: usize = hints(mode, lang)
                    .iter()
                    .map(|(_, k, d)| k.width() + d.width() + 3)
                    .sum();
                assert!(width <= 120, "{mode:?} {lang:?} hints take {width} columns");
                assert!(
                    hints(mode, lang).iter().any(|(c, _, _)| *c == Cmd::Help)
                        || !matches!(mode, Mode::Home | Mode::Walk | Mode::Review | Mode::Welcome),
                    "{mode:?} hints the help"
                );
            }
        }
    }
}
