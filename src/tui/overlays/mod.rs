//! Overlays drawn over a screen, one at a time: the keys help, a yes/no confirmation (No by
//! default, carrying what each answer does), the choice of a questionnaire, and the section list
//! of the walk. An overlay takes every key until it closes; its commands return an `Outcome`
//! that `App` applies, like a screen's.

pub mod choose;
pub mod confirm;
pub mod help;
pub mod sections;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::keymap::{Cmd, Mode};
use super::state::{Ctx, Open, Outcome, View};

#[derive(Debug, Clone)]
pub enum Overlay {
    Help(help::Help),
    Confirm(Box<confirm::Confirm>),
    Choose(choose::Choose),
    Sections(sections::Sections),
}

impl Overlay {
    /// The help for the keys of `mode`.
    pub fn help(mode: Mode) -> Overlay {
        Overlay::Help(help::Help { mode, scroll: 0 })
    }

    /// The overlay an outcome asks to open.
    pub fn from_open(open: Open) -> Overlay {
        match open {
            Open::Help(mode) => Overlay::help(mode),
            Open::Confirm(ask) => Overlay::Confirm(Box::new(confirm::Confirm::new(*ask))),
            Open::Choose {
                association_id,
                association_name,
                follow,
                workshop_id,
            } => Overlay::Choose(choose::Choose {
                association_id,
                association_name,
                follow,
                workshop_id,
                selected: 0,
            }),
            Open::Sections(current) => Overlay::Sections(sections::Sections::new(current)),
        }
    }

    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help(_) => Mode::Help,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Choose(_) => Mode::Choose,
            Overlay::Sections(_) => Mode::Sections,
        }
    }

    pub fn render(&self, v: &View, area: Rect, buf: &mut Buffer) {
        match self {
            Overlay::Help(h) => h.render(v, area, buf),
            Overlay::Confirm(c) => c.render(v, area, buf),
            Overlay::Choose(c) => c.render(v, area, buf),
            Overlay::Sections(s) => s.render(v, area, buf),
        }
    }

    /// A command while this overlay is open.
    pub fn cmd(&mut self, cx: &mut Ctx, cmd: Cmd) -> Outcome {
        match self {
            Overlay::Help(h) => h.cmd(cmd),
            Overlay::Confirm(c) => c.cmd(cmd),
            Overlay::Choose(c) => c.cmd(cx, cmd),
            Overlay::Sections(s) => s.cmd(cx, cmd),
        }
    }
}
