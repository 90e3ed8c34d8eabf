//! What flows into the TUI's `update`: a command from the keymap, a key or a paste for a text
//! field, a tick, a resize, or an `Event` reporting what came of an effect (`crate::app`).

use ratatui::crossterm::event::KeyEvent;

use super::keymap::Cmd;
use crate::app::Event;

// An action is made and consumed at once, one at a time, never kept in bulk: its size does not
// matter, and boxing the event would only add an allocation per result.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound key.
    Cmd(Cmd),
    /// An unbound key in a mode with a text field: it goes to the field.
    Key(KeyEvent),
    /// Half a second without input (autosave of notes).
    Tick,
    Resize(u16, u16),
    /// What came of an effect.
    Event(Event),
}

impl From<Event> for Action {
    fn from(e: Event) -> Action {
        Action::Event(e)
    }
}
