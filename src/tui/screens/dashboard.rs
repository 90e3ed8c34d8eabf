//! The workshop dashboard: how many associations use each tool and have each need (bars), the
//! share already on free software, and the progress of every audit, in three tabs. The state
//! holds the aggregate computed by `workshop::dashboard` (the run loop fetches it with
//! `Store::audit_facts`), the tab and the scroll; `impl Widget for &DashboardState` draws it;
//! [`DashboardState::cmd`] moves between tabs (← →, Tab) and scrolls (↑ ↓, PgUp PgDn,
//! Home End). No meaning rests on colour: free software is a word or a glyph (█ against ░).
//!
//! A fourth tab lists the pooled needs (`workshop::pools`): groups of associations of one area
//! sharing a need not met with free software, the hosts that could serve them together.
//!
//! On the progress tab a cursor picks an audit; the screen's commands (open it, add an
//! association, export) are in `dashboard_keys.rs`. `Effect::LoadDashboard` brings the aggregate
//! again each time the screen is shown, so progress is always current.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::keymap::Cmd;
use super::super::theme::Theme;
use super::super::widgets::{self, fit, truncate};
use crate::audit::AuditStatus;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::workshop::Dashboard;
use crate::workshop::Workshop;

use super::dashboard_pools;
use crate::workshop::Pools;

/// The three views of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Tools,
    Needs,
    Progress,
    /// Groups of associations that could pool a need.
    Pools,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Tools, Tab::Needs, Tab::Progress, Tab::Pools];

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// The dashboard screen's state.
#[derive(Debug, Clone)]
pub struct DashboardState {
    pub lang: Lang,
    pub theme: Theme,
    pub workshop: Workshop,
    pub dashboard: Dashboard,
    /// Pooled needs among the workshop's audits (empty until given).
    pub pools: Pools,
    pub tab: Tab,
    /// First row shown in the current tab.
    pub scroll: usize,
    /// The audit under the cursor on the progress tab.
    pub selected: usize,
    /// Rows that fit, as last drawn (for paging); the design size until then.
    pub page: usize,
}

impl DashboardState {
    pub fn new(lang: Lang, theme: Theme, workshop: Workshop, dashboard: Dashboard) -> Self {
        DashboardState {
            lang,
            theme,
            workshop,
            dashboard,
            pools: Pools::default(),
            tab: Tab::default(),
            scroll: 0,
            selected: 0,
            page: 16,
        }
    }

    fn rows(&self) -> usize {
        match self.tab {
            Tab::Tools => self.dashboard.tools.len(),
            Tab::Needs => self.dashboard.needs.len(),
            Tab::Progress => self.dashboard.progress.len(),
            Tab::Pools => dashboard_pools::lines(&self.pools, self.lang).len(),
        }
    }

    /// The progress tab, the cursor on `audit_id` when it is listed.
    pub fn show_progress_of(&mut self, audit_id: &str) {
        self.tab = Tab::Progress;
        if let Some(i) = self
            .dashboard
            .progress
            .iter()
            .position(|p| p.audit_id == audit_id)
        {
            self.move_cursor(i as isize);
        }
    }

    /// The audit under the cursor, on the progress tab.
    pub fn selected_audit(&self) -> Option<&crate::workshop::dashboard::Progress> {
        match self.tab {
            Tab::Progress => self.dashboard.progress.get(self.selected),
            _ => None,
        }
    }

    /// Put the cursor on row `i` (clamped), scrolling so that it shows.
    pub fn move_cursor(&mut self, i: isize) {
        let last = self.rows().saturating_sub(1);
        self.selected = i.clamp(0, last as isize) as usize;
        let page = self.page.max(2) - 1;
        if self.selected < self.scroll {
            self.scroll = self.selected;
        } else if self.selected >= self.scroll + page {
            self.scroll = self.selected + 1 - page;
        }
    }

    /// Apply a command; returns whether it was the screen's.
    pub fn cmd(&mut self, cmd: Cmd) -> bool {
        if self.tab == Tab::Progress {
            let (sel, page) = (self.selected as isize, self.page as isize);
            match cmd {
                Cmd::Down => return self.step(sel + 1),
                Cmd::Up => return self.step(sel - 1),
                Cmd::PageDown => return self.step(sel + page),
                Cmd::PageUp => return self.step(sel - page),
                Cmd::Top => return self.step(0),
                Cmd::Bottom => return self.step(isize::MAX / 2),
                _ => {}
            }
        }
        let last = self.rows().saturating_sub(self.page.max(1));
        let turn = |tab: Tab, by: isize| {
            let i = (tab.index() as isize + by).rem_euclid(Tab::ALL.len() as isize);
            Tab::ALL[i as usize]
        };
        match cmd {
            Cmd::Right | Cmd::NextTab => self.tab = turn(self.tab, 1),
            Cmd::Left | Cmd::PrevTab => self.tab = turn(self.tab, -1),
            Cmd::Pick(i) if usize::from(i) < Tab::ALL.len() => self.tab = Tab::ALL[usize::from(i)],
            Cmd::Down => self.scroll = (self.scroll + 1).min(last),
            Cmd::Up => self.scroll = self.scroll.saturating_sub(1),
            Cmd::PageDown => self.scroll = (self.scroll + self.page).min(last),
            Cmd::PageUp => self.scroll = self.scroll.saturating_sub(self.page),
            Cmd::Top => self.scroll = 0,
            Cmd::Bottom => self.scroll = last,
            _ => return false,
        }
        if matches!(
            cmd,
            Cmd::Right | Cmd::Left | Cmd::NextTab | Cmd::PrevTab | Cmd::Pick(_)
        ) {
            self.scroll = 0;
            if self.tab == Tab::Progress {
                self.move_cursor(self.selected as isize);
            }
        }
        true
    }

    fn step(&mut self, to: isize) -> bool {
        self.move_cursor(to);
        true
    }
}

/// A bar of `n` out of `max` in `width` cells, at least one when `n > 0`.
fn cells(n: usize, max: usize, width: usize) -> usize {
    if n == 0 || max == 0 {
        0
    } else {
        ((n * width) as f64 / max as f64)
            .round()
            .clamp(1.0, width as f64) as usize
    }
}

impl Widget for &DashboardState {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (self.lang, &self.theme);
        if area.width < widgets::MIN_WIDTH || area.height < widgets::MIN_HEIGHT {
            widgets::too_small(area, buf, theme, lang);
            return;
        }
        let c = widgets::chrome(area);
        let d = &self.dashboard;
        let counts = Ui::DashCounts.fill(lang, &[&self.workshop.date, &d.associations, &d.audits]);
        widgets::title_line(
            c.title,
            buf,
            theme,
            &Ui::DashTitle.fill(lang, &[&self.workshop.name]),
            Line::from(counts),
        );
        let body = c.body;
        let (x, w) = (body.x + 1, usize::from(body.width.saturating_sub(2)));
        let free = Ui::DashFree.fill(
            lang,
            &[
                &d.free_tools.percent(),
                &d.free_tools.part,
                &d.free_tools.whole,
                &d.free_needs.percent(),
                &d.free_needs.part,
                &d.free_needs.whole,
            ],
        );
        buf.set_stringn(x, body.y, truncate(&free, w), w, theme.title);
        // Tabs: the current one reversed and between brackets.
        let mut spans = Vec::new();
        for (i, name) in Ui::DashTabs.get(lang).split('|').enumerate() {
            let current = Tab::ALL[i] == self.tab;
            let style = if current { theme.selected } else { theme.dim };
            let label = if current {
                format!("[{name}]")
            } else {
                format!(" {name} ")
            };
            spans.push(Span::styled(label, style));
            spans.push(Span::raw("  "));
        }
        buf.set_line(
            x,
            body.y + 2,
            &Line::from(spans),
            body.width.saturating_sub(2),
        );
        if d.audits == 0 && self.tab != Tab::Pools {
            buf.set_stringn(x, body.y + 4, Ui::DashEmpty.get(lang), w, theme.dim);
            return;
        }
        let head = match self.tab {
            Tab::Tools => Ui::DashToolsHead,
            Tab::Needs => Ui::DashNeedsHead,
            Tab::Progress => Ui::DashProgressHead,
            Tab::Pools => Ui::DashPoolsHead,
        };
        buf.set_stringn(x, body.y + 4, truncate(head.get(lang), w), w, theme.dim);
        let list = Rect::new(
            body.x,
            body.y + 5,
            body.width,
            body.height.saturating_sub(5),
        );
        let height = usize::from(list.height);
        let name_w = (w / 3).clamp(18, 34);
        let bar_w = w.saturating_sub(name_w + 22).clamp(10, 40);
        let pool_lines = match self.tab {
            Tab::Pools => dashboard_pools::lines(&self.pools, lang),
            _ => Vec::new(),
        };
        let total = self.rows();
        let mut first = self.scroll.min(total.saturating_sub(1));
        let room = |first: usize| {
            if total > first + height {
                height.saturating_sub(1)
            } else {
                height
            }
        };
        // The cursor always shows, whatever the height the terminal gives.
        if self.tab == Tab::Progress && self.selected >= first + room(first).max(1) {
            first = self.selected + 1 - room(first).max(1);
        }
        let shown = room(first);
        for (line, i) in (first..total.min(first + shown)).enumerate() {
            let y = list.y + line as u16;
            let row = match pool_lines.get(i) {
                Some((text, kind)) => dashboard_pools::line(text, *kind, theme, w),
                None => self.row(i, name_w, bar_w, theme),
            };
            let cursor = self.tab == Tab::Progress && i == self.selected;
            let marker = if cursor { ">" } else { " " };
            buf.set_string(body.x, y, marker, theme.selected);
            buf.set_line(x, y, &row, list.width.saturating_sub(2));
            if cursor {
                buf.set_style(
                    Rect::new(x, y, list.width.saturating_sub(2), 1),
                    theme.selected,
                );
            }
        }
        if total > first + shown {
            let more = Ui::DashMore.fill(lang, &[&(total - first - shown)]);
            let y = list.y + shown as u16;
            buf.set_stringn(x, y, more, w, theme.dim);
        }
    }
}

impl DashboardState {
    /// Row `i` of the tools, needs or progress tab.
    fn row(&self, i: usize, name_w: usize, bar_w: usize, theme: &Theme) -> Line<'static> {
        let (lang, d) = (self.lang, &self.dashboard);
        let bar = |n: usize, style: Style, glyph: &str| Span::styled(glyph.repeat(n), style);
        match self.tab {
            Tab::Tools => {
                let t = &d.tools[i];
                let max = d.tools.first().map_or(0, |t| t.associations);
                let n = cells(t.associations, max, bar_w);
                let mark = if t.free == Some(true) {
                    Ui::DashFreeMark.get(lang)
                } else {
                    ""
                };
                Line::from(vec![
                    Span::styled(fit(&t.name, name_w), theme.text),
                    Span::raw(format!(" {:>5} ", t.associations)),
                    bar(n, theme.gauge, "█"),
                    Span::styled(format!(" {mark}"), theme.ok),
                ])
            }
            Tab::Needs => {
                let n = &d.needs[i];
                let max = d.needs.first().map_or(0, |n| n.associations);
                let all = cells(n.associations, max, bar_w);
                let free = cells(n.free, max, bar_w).min(all);
                Line::from(vec![
                    Span::styled(fit(n.label.get(lang), name_w), theme.text),
                    Span::raw(format!(" {:>5} ", n.associations)),
                    bar(free, theme.ok, "█"),
                    bar(all - free, theme.gauge, "░"),
                    Span::styled(
                        format!(" {}", Ui::DashNeedFree.fill(lang, &[&n.free])),
                        theme.dim,
                    ),
                ])
            }
            Tab::Progress => {
                let p = &d.progress[i];
                let share = p.share();
                let gauge = 10usize;
                let done = cells(share.part, share.whole, gauge);
                let status = match p.status {
                    AuditStatus::InProgress => Ui::StatusInProgress.get(lang),
                    AuditStatus::Finished => Ui::StatusFinished.get(lang),
                };
                Line::from(vec![
                    Span::styled(fit(&p.association_name, name_w), theme.text),
                    Span::raw(format!(" {:>3}/{:<3} ", p.answered, p.shown)),
                    bar(done, theme.gauge, "█"),
                    bar(gauge - done, theme.dim, "·"),
                    Span::raw(format!(" {:>3} %  {status}", share.percent())),
                ])
            }
            Tab::Pools => Line::default(),
        }
    }
}
