//! The `?` / F1 help: the keys of the mode it was opened from, generated from the keymap table
//! (so it always says what the keys do), with the reminder that everything is saved.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::super::keymap::{self, Cmd, Mode};
use super::super::state::{Outcome, View};
use super::super::widgets::{self, truncate};
use crate::i18n::ui::Ui;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub mode: Mode,
    pub scroll: u16,
}

impl Help {
    pub fn render(&self, v: &View, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (v.lang, v.theme);
        let rows = keymap::help_rows(self.mode, lang);
        let key_w = rows
            .iter()
            .map(|(k, _)| k.width())
            .max()
            .unwrap_or(4)
            .min(24);
        let height = (rows.len() as u16 + 4).min(area.height.saturating_sub(2));
        let width = 72.min(area.width.saturating_sub(4));
        let inner = widgets::popup(
            widgets::centered(area, width, height),
            buf,
            theme,
            Ui::HelpTitle.get(lang),
        );
        let list_h = inner.height.saturating_sub(2);
        let scroll = self.scroll.min((rows.len() as u16).saturating_sub(list_h));
        for (i, (keys, desc)) in rows
            .iter()
            .skip(scroll.into())
            .take(list_h.into())
            .enumerate()
        {
            let y = inner.y + i as u16;
            buf.set_string(inner.x + 1, y, widgets::fit(keys, key_w), theme.key);
            let x = inner.x + 3 + key_w as u16;
            let w = usize::from(inner.right().saturating_sub(x));
            buf.set_stringn(x, y, truncate(desc, w), w, theme.text);
        }
        let y = inner.bottom().saturating_sub(1);
        let w = usize::from(inner.width.saturating_sub(2));
        buf.set_stringn(
            inner.x + 1,
            y,
            truncate(Ui::HelpFooter.get(lang), w),
            w,
            theme.dim,
        );
    }
}

impl Help {
    pub fn cmd(&mut self, cmd: Cmd) -> Outcome {
        match cmd {
            Cmd::Up => self.scroll = self.scroll.saturating_sub(1),
            Cmd::Down => self.scroll = self.scroll.saturating_add(1).min(60),
            Cmd::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Cmd::PageDown => self.scroll = self.scroll.saturating_add(10).min(60),
            Cmd::Back | Cmd::Help => return Outcome::close(),
            _ => {}
        }
        Outcome::none()
    }
}
