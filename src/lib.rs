//! diagasso: the digital-practices diagnostic a CHATONS host trainer runs with an association,
//! and the transition plan it leads to (Frama.space or the best-matching CHATONS hosts).
//!
//! The flow is one-way: files (questionnaires, catalogue) and the store feed a pure core
//! (`questionnaire`, `audit`, `plan`, `walk`, `export`), and the front ends (TUI, plain line mode,
//! CLI) only gather input and show output. See `../shared/DESIGN.md` for the agreed shape.

pub mod answers_file;
pub mod app;
pub mod audit;
pub mod bounded;
pub mod bridge;
pub mod bundle;
pub mod catalog;
pub mod cli;
pub mod compare;
pub mod export;
pub mod followup;
pub mod i18n;
pub mod intake;
pub mod json_guard;
pub mod plain;
pub mod plan;
pub mod questionnaire;
pub mod safe_file;
pub mod safe_text;
pub mod store;
pub mod tui;
pub mod walk;
pub mod workshop;
