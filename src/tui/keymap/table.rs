//! The keymap table itself: one row per (mode, key), with the command it runs, its
//! description for the help and whether the hint bar shows it. Read by `keymap::lookup`, the
//! help overlay and the hint bar; edit here and all three follow.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Cmd, Mode, Pat};
use crate::i18n::ui::Ui;

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
