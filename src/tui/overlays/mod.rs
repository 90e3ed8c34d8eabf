//! Overlays drawn over a screen, one at a time: the keys help, a yes/no confirmation (No by
//! default), the choice of a questionnaire, and the section list of the walk. An overlay takes
//! every key until it closes.

pub mod choose;
pub mod confirm;
pub mod help;
pub mod sections;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::App;
use super::keymap::{Cmd, Mode};
use crate::app::Effect;

#[derive(Debug, Clone)]
pub enum Overlay {
    Help(help::Help),
    Confirm(confirm::Confirm),
    Choose(choose::Choose),
    Sections(sections::Sections),
}

impl Overlay {
    /// The help for the keys of `mode`.
    pub fn help(mode: Mode) -> Overlay {
        Overlay::Help(help::Help { mode, scroll: 0 })
    }

    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help(_) => Mode::Help,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Choose(_) => Mode::Choose,
            Overlay::Sections(_) => Mode::Sections,
        }
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        match self {
            Overlay::Help(h) => h.render(app, area, buf),
            Overlay::Confirm(c) => c.render(app, area, buf),
            Overlay::Choose(c) => c.render(app, area, buf),
            Overlay::Sections(s) => s.render(app, area, buf),
        }
    }
}

/// A command while an overlay is open.
pub fn handle(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    match &app.overlay {
        Some(Overlay::Help(_)) => help::cmd(app, cmd),
        Some(Overlay::Confirm(_)) => confirm::cmd(app, cmd),
        Some(Overlay::Choose(_)) => choose::cmd(app, cmd),
        Some(Overlay::Sections(_)) => sections::cmd(app, cmd),
        None => Vec::new(),
    }
}
