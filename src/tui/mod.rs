//! The full-screen terminal interface: `App` (state and pure `update`), `Action` in (keys and
//! the `crate::app::Event`s that report effects), `crate::app::Effect` out, the keymap table,
//! the theme, the screens and overlays, and the run loop that owns the terminal and hands
//! effects to `crate::app::Executor` (the only part that calls `Store`, shared with the line
//! mode).
//!
//! Screens: home (audits, filter, new association / audit, delete; the welcome on an empty
//! database, with the demo association), profile (the association's form), walk (one question
//! at a time), notes, review, plan (five tabs and a « Pourquoi ? » panel, `screens/plan*.rs`),
//! export (the dialog that writes files). Overlays: help (generated from the keymap), confirm
//! (No by default), choose (questionnaire), sections.
//!
//! Keys, in short (the `?` / F1 help of each screen lists them all, from the same table):
//! arrows, Enter, Esc, Tab / Shift-Tab, PgUp / PgDn, Home / End everywhere; in the walk
//! ↑↓ choose, Space pick or tick, 1–9 pick by number, Enter confirm and go on, ←/→ previous /
//! next, `s` je ne sais pas, `c` non concerné, `n` notes, `t` sections, `r` review, `i` show /
//! hide the explanation, `q` back home (saying progress is saved); in a number or text field
//! every printable key types, Esc leaves the field, F5 / F6 answer "je ne sais pas" / "non
//! concerné", F4 notes, Tab / Shift-Tab next / previous. On the review `p` opens the plan and
//! `e` the export dialog (on home, `v` opens the plan of the selected audit). On the plan:
//! Tab / Shift-Tab, ←/→ or 1–5 change tab, ↑↓ PgUp/PgDn Home/End choose an item, `p` (or
//! Enter) gives the « Pourquoi ? » panel the keys to scroll it, `a` shows it in full, `p` / Esc
//! gives the keys back, `e` exports, Esc goes back. In the export dialog: ↑↓ / Tab move,
//! Space ticks, 1–6 tick a format, Enter writes, Esc goes back; in the folder field every
//! printable key types. Ctrl-C quits from anywhere after saving what is being typed.
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
//! - The plan is computed by the executor (`Effect::OpenPlan`) from the answers as stored, on
//!   the effective catalogue (shipped + the user's), loaded on the first plan and kept; drawing
//!   never computes it. Hosts' membership evidence, seen date and age (in months, against the
//!   catalogue's date) come with it (`plan_data`).
//! - The « Pourquoi ? » panel summarises: answers grouped by question, the first rules and
//!   sources with a count of the rest (`a` for everything), sources named by their site.
//! - Exports go to the current folder at first (as an absolute path), then to the last folder
//!   used; `~/` is the home folder. Every format is rendered before anything is written, and a
//!   file already there is only replaced after a yes (No selected); the annonce keeps the name
//!   out (as `diagasso export` without `--with-name`).

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
