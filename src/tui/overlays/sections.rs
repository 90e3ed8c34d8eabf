//! Jumping to a section of the walk: each section with its completion, arrows and Enter or the
//! section's number.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::action::Effect;
use super::super::app::App;
use super::super::keymap::Cmd;
use super::super::screens::walk::drive;
use super::super::widgets::{self, fit};
use super::Overlay;
use crate::i18n::ui::Ui;
use crate::walk::Input;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sections {
    pub selected: usize,
}

impl Sections {
    pub fn new(current: usize) -> Sections {
        Sections { selected: current }
    }

    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (app.lang, &app.theme);
        let Some(s) = &app.session else {
            return;
        };
        let w = &s.walk;
        let n = w.questionnaire().sections.len();
        let inner = widgets::popup(
            widgets::centered(area, 64, n as u16 + 2),
            buf,
            theme,
            Ui::SectionsTitle.get(lang),
        );
        let name_w = usize::from(inner.width).saturating_sub(20);
        for (i, sec) in w
            .questionnaire()
            .sections
            .iter()
            .enumerate()
            .take(inner.height.into())
        {
            let p = w.section_progress(i);
            let mark = if p.total == 0 {
                "-"
            } else if p.is_complete() {
                "x"
            } else {
                " "
            };
            let on = i == self.selected;
            let text = format!(
                "{} {:>2}. [{mark}] {} {:>3}/{}",
                if on { ">" } else { " " },
                i + 1,
                fit(sec.title.get(lang), name_w),
                p.answered,
                p.total
            );
            let style = if on { theme.selected } else { theme.text };
            buf.set_stringn(inner.x, inner.y + i as u16, text, inner.width.into(), style);
        }
    }
}

pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let n = app
        .session
        .as_ref()
        .map_or(0, |s| s.walk.questionnaire().sections.len());
    let Some(Overlay::Sections(s)) = &mut app.overlay else {
        return Vec::new();
    };
    let last = n.saturating_sub(1);
    let target = match cmd {
        Cmd::Up => {
            s.selected = s.selected.saturating_sub(1);
            return Vec::new();
        }
        Cmd::Down => {
            s.selected = (s.selected + 1).min(last);
            return Vec::new();
        }
        Cmd::Top => {
            s.selected = 0;
            return Vec::new();
        }
        Cmd::Bottom => {
            s.selected = last;
            return Vec::new();
        }
        Cmd::Enter => s.selected,
        Cmd::Pick(i) => usize::from(i),
        Cmd::Back => {
            app.overlay = None;
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    app.overlay = None;
    drive(app, vec![Input::JumpSection(target)])
}
