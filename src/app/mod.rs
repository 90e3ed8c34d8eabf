//! The application layer under the three front ends (TUI, line mode, CLI): what a front end
//! asks for (`Effect`), what came of it (`Event`), the executor that carries effects out
//! against the store and the pure core (`effects`), and the use-cases they share (open an
//! audit, save an answer, plan, export, follow-up, workshop, erase, the demo). Front ends depend
//! on this module and never on one another; this module depends on the store and the core, and
//! on no front end.
//!
//! Times from the store (UTC) are turned into local time here (`effects::clock_time`,
//! `stamp`, `day`), where reading the clock and the time zone is allowed.

pub mod demo;
pub mod effect;
pub mod effects;
pub mod failure;
pub mod labels;
pub mod launch;
pub mod paths;
pub mod plan_data;
pub mod plan_text;
pub mod progress;
pub mod reference;
pub mod settings;
pub mod time;

pub use effect::{Effect, Event};
pub use effects::Executor;
