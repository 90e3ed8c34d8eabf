//! The one keymap table, `(mode, key) -> (command, description)`. It drives dispatch, the `?`
//! help overlay and the hint bar, so the help can never drift from what the keys do.
//!
//! Arrows, Enter, Esc, Tab / Shift-Tab, PgUp / PgDn and Home / End work everywhere; vim letters
//! (`j k h l g G`) and single-letter commands only in modes without a text field. In a text
//! field (`Filter`, `Field`, `Profile`, `Notes`, `ExportField`, `WorkshopForm`) every printable
//! key types: the table binds only non-printable keys there (a unit test checks it), and unbound
//! keys go to the field.
//!
//! The rule that keeps a key from doing something its hint bar does not say: a screen that mixes
//! commands and a field (the walk) has its field entered deliberately — Enter enters it, Esc
//! leaves it (saving what was typed) — so a letter is a command on every question until the
//! field is entered, and text after; the hint bar switches with the mode. Form screens (the
//! profile, the new workshop, the export folder, the filter, notes) are all fields: there,
//! commands are non-printable keys (Tab, Esc, F-keys, Ctrl-…). `tests/tui_keymap.rs` presses
//! every hinted key in every mode and checks it does what its hint says.

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
    /// The walk, on a choice question (list, checkboxes, scale, yes/no).
    Walk,
    /// The walk, on a number or text question whose field is not entered: the same letter
    /// commands as `Walk`, and Enter enters the field.
    WalkTyped,
    /// The walk, on a number question whose field is not entered: `WalkTyped`'s keys, and a
    /// digit enters the field with that digit (as in a spreadsheet cell).
    WalkNumber,
    /// The walk, typing in the field (entered with Enter, left with Esc).
    Field,
    /// The walk, saying which "other" choice was meant (« Lequel ? »).
    WalkOther,
    Notes,
    Review,
    /// The plan's tabs, a list of items.
    Plan,
    /// The plan's "Pourquoi ?" panel has the keys (scrolling).
    PlanWhy,
    /// The export dialog, on a checkbox or the button.
    Export,
    /// The export dialog, typing the folder.
    ExportField,
    /// The list of workshops.
    Workshops,
    /// The new workshop form, on a text field / on the questionnaire.
    WorkshopForm,
    WorkshopChoice,
    /// A workshop's dashboard.
    Dashboard,
    /// A follow-up compared with the audit it follows.
    Compare,
    Help,
    Confirm,
    Choose,
    Sections,
}

impl Mode {
    /// Every mode where keys are read (not `Global`, which holds in all).
    pub const ALL: [Mode; 25] = [
        Mode::Welcome,
        Mode::Home,
        Mode::Filter,
        Mode::Profile,
        Mode::ProfileChoice,
        Mode::Walk,
        Mode::WalkTyped,
        Mode::WalkNumber,
        Mode::Field,
        Mode::WalkOther,
        Mode::Notes,
        Mode::Review,
        Mode::Plan,
        Mode::PlanWhy,
        Mode::Export,
        Mode::ExportField,
        Mode::Workshops,
        Mode::WorkshopForm,
        Mode::WorkshopChoice,
        Mode::Dashboard,
        Mode::Compare,
        Mode::Help,
        Mode::Confirm,
        Mode::Choose,
        Mode::Sections,
    ];

    /// The mode whose bindings this one adds to (looked up after it, before `Global`).
    pub fn parent(self) -> Option<Mode> {
        match self {
            Mode::WalkNumber => Some(Mode::WalkTyped),
            _ => None,
        }
    }

    /// Modes where a text field has the keyboard: printable keys type.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Mode::Filter
                | Mode::Field
                | Mode::WalkOther
                | Mode::Profile
                | Mode::Notes
                | Mode::ExportField
                | Mode::WorkshopForm
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
    /// Open the transition plan.
    Plan,
    /// Open the export dialog.
    Export,
    /// Open / close (or focus) the "Pourquoi ?" panel.
    Why,
    /// The "Pourquoi ?" in full or summarised.
    WhyAll,
    NextTab,
    PrevTab,
    /// Tick or untick.
    Toggle,
    /// Open the workshops.
    Workshops,
    NewWorkshop,
    /// Give again, on a follow-up, the answer of the previous audit.
    TakePrevious,
    /// Compare a follow-up with the audit it follows.
    Compare,
    /// Enter the field of a number or text question.
    EditField,
    /// A digit of a choice's number (the walk: choices past the ninth take two digits).
    Digit(u8),
    /// Put back the answer the current question had before its last change.
    Undo,
    /// Erase the selected association with everything about it (GDPR).
    EraseAssociation,
    /// Switch the interface between French and English.
    Language,
}

/// A key pattern in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pat {
    Key(KeyCode, KeyModifiers),
    /// The digits 1 to 9, giving `Cmd::Pick(0..=8)`.
    Digit,
    /// The digits 1 to n, giving `Cmd::Pick(0..n)` (the plan's five tabs, the six formats).
    DigitsTo(u8),
    /// The digits 0 to 9, giving `Cmd::Digit(0..=9)`: the walk's numbers, which may have two
    /// digits (a question with more than nine choices).
    AnyDigit,
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

mod table;

pub use table::BINDINGS;

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
                Pat::DigitsTo(n) => match code {
                    KeyCode::Char(d @ '1'..='9') if mods.is_empty() && (d as u8 - b'0') <= n => {
                        Some(Cmd::Pick(d as u8 - b'1'))
                    }
                    _ => None,
                },
                Pat::AnyDigit => match code {
                    KeyCode::Char(d @ '0'..='9') if mods.is_empty() => {
                        Some(Cmd::Digit(d as u8 - b'0'))
                    }
                    _ => None,
                },
                _ => None,
            })
    };
    find(mode)
        .or_else(|| mode.parent().and_then(find))
        .or_else(|| find(Mode::Global))
}

/// The bindings of `mode`, then those of its parent: what `lookup` reads, in its order.
fn own(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.mode == mode || Some(b.mode) == mode.parent())
}

/// How a key is written on screen.
pub fn key_name(pat: Pat, lang: Lang) -> String {
    let (code, mods) = match pat {
        Pat::Digit => return "1-9".into(),
        Pat::DigitsTo(n) => return format!("1-{n}"),
        Pat::AnyDigit => return lang.pick("chiffres", "digits").into(),
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
    for b in own(mode).chain(
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

/// How the first key bound to `cmd` in `mode` is written, for a screen that names it in its
/// body (the walk's « s je ne sais pas »), so the body and the table never disagree.
pub fn key_of(mode: Mode, cmd: Cmd, lang: Lang) -> Option<String> {
    own(mode)
        .find(|b| b.cmd == cmd)
        .map(|b| key_name(b.pat, lang))
}

/// The hint bar of `mode`: the hinted bindings, in table order.
pub fn hints(mode: Mode, lang: Lang) -> Vec<(Cmd, String, &'static str)> {
    own(mode)
        .filter(|b| b.hint)
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
}
