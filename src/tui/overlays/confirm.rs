//! A yes/no question before something that cannot be undone or that changes an audit's state
//! (deleting an audit, erasing an association, finishing or reopening an audit, replacing export
//! files, abandoning a new profile). It knows nothing of its callers: it carries its title, its
//! text and the outcome of each answer. "Non" is selected at first, so a stray Enter never
//! destroys anything.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::keymap::Cmd;
use super::super::state::{Ask, Outcome, View};
use super::super::widgets;
use crate::i18n::ui::Ui;

#[derive(Debug, Clone)]
pub struct Confirm {
    pub ask: Ask,
    /// The "Oui" button is selected (never at first).
    pub yes: bool,
}

impl Confirm {
    pub fn new(ask: Ask) -> Confirm {
        Confirm { ask, yes: false }
    }

    pub fn render(&self, v: &View, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (v.lang, v.theme);
        let lines = widgets::wrap_lines(&self.ask.body, 54).len() as u16;
        let height = (lines + 5).max(10).min(area.height.saturating_sub(2));
        let inner = widgets::popup(
            widgets::centered(area, 60, height),
            buf,
            theme,
            &self.ask.title,
        );
        let text = Rect::new(
            inner.x + 1,
            inner.y + 1,
            inner.width.saturating_sub(2),
            inner.height.saturating_sub(3),
        );
        widgets::paragraph(text, buf, &self.ask.body, theme.text);
        let button = |label: Ui, on: bool| {
            let text = if on {
                format!("> {} <", label.get(lang))
            } else {
                format!("  {}  ", label.get(lang))
            };
            Span::styled(text, if on { theme.selected } else { theme.text })
        };
        let line = Line::from(vec![
            button(Ui::ButtonYes, self.yes),
            Span::raw("    "),
            button(Ui::ButtonNo, !self.yes),
        ]);
        let w = line.width() as u16;
        let x = inner.x + inner.width.saturating_sub(w) / 2;
        buf.set_line(x, inner.bottom().saturating_sub(1), &line, w);
    }

    /// A key: move between the buttons, or answer (the overlay closes with the answer's
    /// outcome).
    pub fn cmd(&mut self, cmd: Cmd) -> Outcome {
        let yes = match cmd {
            Cmd::Left | Cmd::Right => {
                self.yes = !self.yes;
                return Outcome::none();
            }
            Cmd::Enter => self.yes,
            Cmd::Yes => true,
            Cmd::No => false,
            _ => return Outcome::none(),
        };
        let outcome = if yes {
            self.ask.yes.clone()
        } else {
            self.ask.no.clone()
        };
        outcome.and_close()
    }
}
