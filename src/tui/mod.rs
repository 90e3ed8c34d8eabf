//! The full-screen terminal interface: `App` (state and pure `update`), `Action`/`Effect`
//! (data in, data out), the keymap table, the theme, the screens and overlays, and the run loop
//! that owns the terminal and carries effects out against the store.

pub mod action;
pub mod app;
pub mod demo;
pub mod effects;
pub mod keymap;
pub mod launch;
pub mod overlays;
pub mod run;
pub mod screens;
pub mod theme;
pub mod widgets;

pub use action::{Action, Effect};
pub use app::App;
pub use run::{Options, run};
