//! The workshops: one row each (name, date, place, how many audits), the latest first. Enter
//! opens a workshop's dashboard, `a` the form of a new one. A trainer running a workshop of
//! twenty student associations starts here; everyone else never needs to.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::super::keymap::Cmd;
use super::super::state::{Ctx, Nav, Outcome, View};
use super::super::widgets::{self, Chrome, fit};
use crate::app::effect::{Effect, Event};
use crate::i18n::ui::Ui;
use crate::store::Workshop;

#[derive(Debug, Clone, Default)]
pub struct Workshops {
    /// `None` until loaded.
    pub rows: Option<Vec<Workshop>>,
    pub selected: usize,
}

impl Workshops {
    fn selected_row(&self) -> Option<&Workshop> {
        self.rows.as_ref().and_then(|r| r.get(self.selected))
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        let title = format!(
            "{} · {}",
            Ui::AppName.get(lang),
            Ui::WorkshopsTitle.get(lang)
        );
        widgets::title_line(c.title, buf, theme, &title, Line::default());
        let body = c.body;
        let Some(rows) = &self.rows else {
            buf.set_string(body.x + 2, body.y + 1, Ui::HomeLoading.get(lang), theme.dim);
            return None;
        };
        if rows.is_empty() {
            let lines = widgets::wrap_lines(
                Ui::WorkshopsEmpty.get(lang),
                usize::from(body.width.saturating_sub(4)),
            );
            for (i, l) in lines.iter().enumerate() {
                buf.set_string(body.x + 2, body.y + 1 + i as u16, l, theme.text);
            }
            return None;
        }
        let w = usize::from(body.width.saturating_sub(2));
        let name_w = w.saturating_sub(11 + 1 + 22 + 1 + 12 + 2).max(12);
        let line = |cells: [&str; 4]| {
            format!(
                "{} {} {} {}",
                fit(cells[0], name_w),
                fit(cells[1], 11),
                fit(cells[2], 22),
                fit(cells[3], 12)
            )
        };
        let header: Vec<&str> = Ui::WorkshopsColumns.get(lang).split('|').collect();
        let header = [0, 1, 2, 3].map(|i| header.get(i).copied().unwrap_or(""));
        buf.set_string(body.x + 1, body.y, line(header), theme.dim);
        let list = Rect::new(
            body.x,
            body.y + 1,
            body.width,
            body.height.saturating_sub(1),
        );
        let h = usize::from(list.height.max(1));
        let top = (self.selected / h) * h;
        for (n, i) in (top..rows.len().min(top + h)).enumerate() {
            let r = &rows[i];
            let audits = Ui::WorkshopAudits.fill(lang, &[&r.audits]);
            let text = line([&r.name, &r.date, &r.place, &audits]);
            let on = i == self.selected;
            let style = if on { theme.selected } else { theme.text };
            let marker = if on { ">" } else { " " };
            buf.set_string(list.x, list.y + n as u16, format!("{marker}{text}"), style);
        }
        None
    }
}

/// Commands on the workshops screen.
pub fn cmd(list: &mut Workshops, _cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let n = list.rows.as_ref().map_or(0, Vec::len);
    let last = n.saturating_sub(1) as isize;
    let sel = list.selected as isize;
    let to = match cmd {
        Cmd::Up => Some(sel - 1),
        Cmd::Down => Some(sel + 1),
        Cmd::Top => Some(0),
        Cmd::Bottom => Some(last),
        _ => None,
    };
    if let Some(to) = to {
        list.selected = to.clamp(0, last.max(0)) as usize;
        return Outcome::none();
    }
    match cmd {
        Cmd::Enter => match list.selected_row() {
            Some(w) => Outcome::from(vec![Effect::LoadDashboard {
                workshop_id: w.id.clone(),
            }]),
            None => Outcome::none(),
        },
        Cmd::NewWorkshop => Outcome::go(Nav::WorkshopForm),
        Cmd::Back => Outcome::go(Nav::Home),
        Cmd::Quit => Outcome::go(Nav::Quit),
        _ => Outcome::none(),
    }
}

/// Results for the workshops screen: the list, or a workshop just created (its dashboard
/// opens).
pub fn result(list: Option<&mut Workshops>, cx: &mut Ctx, event: Event) -> Outcome {
    match event {
        Event::WorkshopsLoaded(rows) => {
            if let Some(list) = list {
                list.selected = list.selected.min(rows.len().saturating_sub(1));
                list.rows = Some(rows);
            }
            Outcome::none()
        }
        Event::WorkshopCreated { workshop_id } => {
            Outcome::from(vec![Effect::LoadDashboard { workshop_id }])
                .with_notice(Ui::WorkshopCreated.get(cx.lang))
        }
        _ => Outcome::none(),
    }
}
