//! The full-screen terminal interface: `App` (state and pure `update`), `Action`/`Effect`
//! (data in, data out), the keymap table, the theme, the screens and overlays, and the run loop
//! that owns the terminal and carries effects out against the store (`effects`, the only part
//! that calls `Store`, shared with the line mode).
//!
//! Screens: home (audits, filter, new association / audit, delete; the welcome on an empty
//! database, with the demo association), profile (the association's form), walk (one question
//! at a time), notes, review. Overlays: help (generated from the keymap), confirm (No by
//! default), choose (questionnaire), sections. The plan screen and the export dialog (issues
//! #5 and #6) become two more `Screen` variants reached from the review.
//!
//! Keys, in short (the `?` / F1 help of each screen lists them all, from the same table):
//! arrows, Enter, Esc, Tab / Shift-Tab, PgUp / PgDn, Home / End everywhere; in the walk
//! ↑↓ choose, Space pick or tick, 1–9 pick by number, Enter confirm and go on, ←/→ previous /
//! next, `s` je ne sais pas, `c` non concerné, `n` notes, `t` sections, `r` review, `i` show /
//! hide the explanation, `q` back home (saying progress is saved); in a number or text field
//! every printable key types, Esc leaves the field, F5 / F6 answer "je ne sais pas" / "non
//! concerné", F4 notes, Tab / Shift-Tab next / previous. Ctrl-C quits from anywhere after
//! saving what is being typed.
//!
//! Decisions worth knowing:
//! - Every answer is saved when given (a pick, a tick, Enter or leaving a field); the
//!   "enregistré hh:mm:ss" mark appears only once the store has returned.
//! - Enter never answers an untouched question: nothing is highlighted until the person moves.
//! - Leaving a field with a refused value puts the saved answer back (the message says why),
//!   so nobody is stuck on a value they cannot leave.
//! - Notes save when their editor is left and after two seconds without typing.
//! - No mouse capture and no bracketed paste: nothing to undo on exit beyond raw mode and the
//!   alternate screen, which `ratatui::restore` (and its panic hook) handle.
//! - Home progress is counted as the walk counts it (shown questions only), so the two never
//!   disagree; parsed questionnaires are cached, a page of 100 rows loads in about 10 ms with
//!   10,000 audits (`cargo bench --bench home_page`).

pub mod action;
pub mod app;
pub mod demo;
pub mod effects;
pub mod keymap;
pub mod launch;
pub mod overlays;
pub mod plan_data;
pub mod run;
pub mod screens;
pub mod theme;
pub mod widgets;

pub use action::{Action, Effect};
pub use app::App;
pub use run::{Options, run};
