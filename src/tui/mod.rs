//! The full-screen terminal interface: `App` (state and pure `update`), `Action` in (keys and
//! the `crate::app::Event`s that report effects), `crate::app::Effect` out, the keymap table,
//! the theme, the screens and overlays, and the run loop that owns the terminal and hands
//! effects to `crate::app::Executor` (the only part that calls `Store`, shared with the line
//! mode).
//!
//! Screens: home (associations without an audit, then audits, filter, a detail line writing the
//! selected row whole; new association / audit, delete, GDPR erase; the welcome on an empty
//! database, with the demo association), profile (the association's form), walk (one question
//! at a time), notes, review, plan (five tabs and a « Pourquoi ? » panel, `screens/plan*.rs`),
//! export (the dialog that writes files), workshops, dashboard, compare. Overlays: help
//! (generated from the keymap), confirm (a yes/no question carrying its two outcomes, No by
//! default), choose (questionnaire), sections.
//!
//! Shape: screens and overlays get a `state::Ctx` (what they may change) and return a
//! `state::Outcome` (effects, a navigation request, an overlay to open, a notice); only `App`
//! applies it, so no screen knows another (`tests/architecture.rs` checks there is no import
//! loop but a screen and its own helpers).
//!
//! Keys (the `?` / F1 help of each screen lists them all, from the same table as the hint bar;
//! `tests/tui_keymap.rs` presses every hinted key in every mode): arrows, Enter, Esc, Tab /
//! Shift-Tab, PgUp / PgDn, Home / End everywhere. In the walk a letter is a command on every
//! question until a field is entered: ↑↓ choose, Space pick or tick, digits pick by number (two
//! digits past the ninth), Enter confirm and go on, ←/→ previous / next, `s` je ne sais pas, `c`
//! non concerné, `u` undo the last change, `n` notes, `t` sections, `r` review, `i` explanation,
//! `q` back home. A number or text field is entered with Enter (a digit on a number starts
//! it); there every printable key types, Esc leaves (saving), F5 / F6 answer « je ne sais pas »
//! / « non concerné », F4 notes. Form screens (profile, new workshop, export folder, filter,
//! notes) are all fields: their commands are non-printable keys (Tab, Esc, F10, F1, Ctrl-C).
//!
//! Decisions worth knowing:
//! - Every answer is saved when given (a pick, a tick, Enter or leaving a field); the
//!   "enregistré hh:mm:ss" mark appears only once the store has returned.
//! - Enter never answers an untouched question: nothing is highlighted until the person moves.
//! - Leaving a field with a refused value puts the saved answer back (the message says why),
//!   so nobody is stuck on a value they cannot leave.
//! - Notes save when their editor is left and after two seconds without typing.
//! - Bracketed paste is on: a paste is one event, put whole into the field with the focus
//!   (one line in a one-line field, lines kept in notes), dropped with a notice elsewhere.
//! - Below 80×22 the screen says so and takes no key but Ctrl-C.
//! - `u` undoes the audit's last answer change, read from the trail (so after a restart too);
//!   `s`, `c`, Delete replacing an answer say so with the way back.
//! - Progress is `walk::Overview` everywhere: sections done of sections, answers of questions
//!   shown; never a percentage that drops when an answer reveals questions.
//! - The plan is computed by the executor (`Effect::OpenPlan`) from the answers as stored, on
//!   the effective catalogue (shipped + the user's), loaded on the first plan and kept; drawing
//!   never computes it.
//! - Exports go to the current folder at first (as an absolute path), then to the last folder
//!   used; `~/` is the home folder. Every format is rendered before anything is written, and a
//!   file already there is only replaced after a yes (No selected).

pub mod app;
pub mod input;
pub mod keymap;
pub mod overlays;
pub mod run;
pub mod screens;
pub mod state;
pub mod theme;
pub mod widgets;

pub use crate::app::{Effect, Event};
pub use app::App;
pub use input::Action;
pub use run::{Options, run};
