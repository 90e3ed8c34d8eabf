//! Jumping to a section of the walk: each section with its completion, arrows and Enter or the
//! section's number.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::keymap::Cmd;
use super::super::state::{Ctx, Nav, Outcome, View};
use super::super::widgets::choices::{section_mark, section_noted};
use super::super::widgets::{self, fit};
use crate::i18n::ui::Ui;
use crate::walk::Input;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sections {
    pub selected: usize,
    /// Digits typed so far: "1" then "3" selects section 13; Enter goes there.
    pub typed: String,
}

impl Sections {
    pub fn new(current: usize) -> Sections {
        Sections {
            selected: current,
            typed: String::new(),
        }
    }

    /// A digit typed: select the section numbered by the digits so far (starting over when
    /// that number does not exist).
    fn digit(&mut self, d: u8, count: usize) {
        self.typed.push(char::from(b'1' + d));
        let n = self.typed.parse::<usize>().unwrap_or(0);
        if n == 0 || n > count {
            self.typed = char::from(b'1' + d).to_string();
        }
        if let Some(i) = self
            .typed
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            && i < count
        {
            self.selected = i;
        }
    }

    pub fn render(&self, v: &View, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (v.lang, v.theme);
        let Some(s) = v.session else {
            return;
        };
        let w = &s.walk;
        let n = w.questionnaire().sections.len();
        let height = (n as u16 + 2).min(area.height.saturating_sub(2));
        let inner = widgets::popup(
            widgets::centered(area, 64, height),
            buf,
            theme,
            Ui::SectionsTitle.get(lang),
        );
        let name_w = usize::from(inner.width).saturating_sub(20);
        let h = usize::from(inner.height.max(1));
        let top = (self.selected + 1).saturating_sub(h);
        for (row, (i, sec)) in w
            .questionnaire()
            .sections
            .iter()
            .enumerate()
            .skip(top)
            .take(h)
            .enumerate()
        {
            let p = w.section_progress(i);
            let mark = section_mark(p);
            let on = i == self.selected;
            let noted = if section_noted(w, i, &s.notes) {
                "✎"
            } else {
                " "
            };
            let text = format!(
                "{} {:>2}. [{mark}] {} {noted} {:>3}/{}",
                if on { ">" } else { " " },
                i + 1,
                fit(sec.title.get(lang), name_w),
                p.answered,
                p.total
            );
            let style = if on { theme.selected } else { theme.text };
            buf.set_stringn(
                inner.x,
                inner.y + row as u16,
                text,
                inner.width.into(),
                style,
            );
        }
    }
}

impl Sections {
    /// Keys on the list; Enter (or the section's number, then Enter) goes there.
    pub fn cmd(&mut self, cx: &mut Ctx, cmd: Cmd) -> Outcome {
        let n = cx
            .session
            .as_ref()
            .map_or(0, |s| s.walk.questionnaire().sections.len());
        let last = n.saturating_sub(1);
        let target = match cmd {
            Cmd::Up => {
                self.selected = self.selected.saturating_sub(1);
                return Outcome::none();
            }
            Cmd::Down => {
                self.selected = (self.selected + 1).min(last);
                return Outcome::none();
            }
            Cmd::Top => {
                self.selected = 0;
                return Outcome::none();
            }
            Cmd::Bottom => {
                self.selected = last;
                return Outcome::none();
            }
            Cmd::Enter => self.selected,
            Cmd::Pick(d) => {
                self.digit(d, n);
                return Outcome::none();
            }
            Cmd::Back => return Outcome::close(),
            _ => return Outcome::none(),
        };
        let Some(s) = cx.session.as_mut() else {
            return Outcome::close();
        };
        let (effects, end) = s.drive(vec![Input::JumpSection(target)]);
        let nav = if end {
            Nav::Review
        } else {
            Nav::Walk { editing: false }
        };
        Outcome::from(effects).and_go(nav).and_close()
    }
}
