//! Plan: the transition plan of one audit, in five tabs — Synthèse, Recommandations,
//! Hébergeurs, Feuille de route, Risques (see `plan_tabs`) — with a « Pourquoi ? » panel for the
//! selected item (see `plan_why`). From 110 columns the panel stands beside the list and
//! follows the selection; on narrower terminals it opens below the list with `p`. `p` (or
//! Enter) gives the panel the keys to scroll it, `a` shows it in full, `p` / Esc gives the keys
//! back to the list. `e` opens the export dialog; Esc goes back where the plan was opened from
//! (the review or home).
//!
//! The plan is computed by the executor (`Effect::OpenPlan`) and arrives whole in
//! `Event::PlanOpened`; drawing only lays it out.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::super::keymap::{Cmd, Mode};
use super::super::state::{Ctx, Nav, Outcome, View};
use super::super::theme::Theme;
use super::super::widgets::{self, Chrome, truncate};
use super::plan_layout::{ListLines, areas, why_text_area};
use super::plan_tabs::{self, Item, Tab};
use super::plan_why;
use crate::app::plan_data::PlanData;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

#[derive(Debug, Clone)]
pub struct PlanScreen {
    pub data: Arc<PlanData>,
    pub tab: Tab,
    /// The selected item of each tab.
    pub selected: [usize; 5],
    /// The « Pourquoi ? » panel has the keys (and, on a narrow terminal, is shown).
    pub why: bool,
    /// The « Pourquoi ? » in full rather than summarised.
    pub why_all: bool,
    pub why_scroll: usize,
    /// The first line shown of each tab's list (kept by the key handling, so the list scrolls
    /// only as much as the selection needs).
    pub top: [usize; 5],
}

impl PlanScreen {
    pub fn new(data: Arc<PlanData>) -> PlanScreen {
        PlanScreen {
            data,
            tab: Tab::Summary,
            selected: [0; 5],
            why: false,
            why_all: false,
            why_scroll: 0,
            top: [0; 5],
        }
    }

    pub fn mode(&self) -> Mode {
        if self.why { Mode::PlanWhy } else { Mode::Plan }
    }

    /// The selected item of the current tab.
    pub fn item(&self) -> Option<Item> {
        let items = plan_tabs::items(&self.data, self.tab);
        let i = self.selected[self.tab.index()].min(items.len().saturating_sub(1));
        items.get(i).copied()
    }

    fn why_lines(&self, lang: Lang, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        match self.item() {
            Some(item) => {
                plan_why::lines(&self.data, item, lang, theme, width.into(), self.why_all)
            }
            None => Vec::new(),
        }
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        let left = format!(
            "{} · {} · {}",
            Ui::AppName.get(lang),
            self.data.association_name,
            Ui::PlanTitle.get(lang)
        );
        let right = Line::from(Ui::PlanCatalog.fill(lang, &[&self.data.plan.catalog_as_of]));
        widgets::title_line(c.title, buf, theme, &left, right);
        let a = areas(c.body, self.why);
        self.render_tabs(v, a.tabs, buf);
        let width = a.list.width.saturating_sub(2);
        if let Some(head) = plan_tabs::header(self.tab, lang, width.into()) {
            buf.set_stringn(a.list.x + 2, a.tabs.y + 1, head, width.into(), theme.dim);
        }
        self.render_list(v, a.list, buf);
        if let Some(panel) = a.why {
            self.render_why(v, panel, buf);
        }
        None
    }

    fn render_tabs(&self, v: &View, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        for (i, t) in Tab::ALL.iter().enumerate() {
            let text = format!(" {} {} ", i + 1, t.title().get(v.lang));
            let style = if *t == self.tab {
                v.theme.selected
            } else {
                v.theme.dim
            };
            spans.push(Span::styled(text, style));
        }
        Line::from(spans).render(area, buf);
    }

    fn render_list(&self, v: &View, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(2));
        let blocks = plan_tabs::blocks(&self.data, self.tab, v.lang, v.theme, width);
        let layout = ListLines::of(&blocks);
        let t = self.tab.index();
        let sel = self.selected[t].min(layout.items.len().saturating_sub(1));
        let h = usize::from(area.height);
        let top = layout.top(self.top[t], sel, h);
        let (start, end) = layout.items.get(sel).copied().unwrap_or((0, 0));
        let lines = blocks.into_iter().flat_map(|b| b.lines);
        for (row, line) in lines.enumerate().skip(top).take(h) {
            let y = area.y + (row - top) as u16;
            if row == start && start < end {
                buf.set_string(area.x, y, ">", v.theme.selected);
            }
            buf.set_line(area.x + 2, y, &line, area.width.saturating_sub(2));
            if (start..end).contains(&row) {
                buf.set_style(Rect::new(area.x, y, area.width, 1), v.theme.selected);
            }
        }
    }

    fn render_why(&self, v: &View, panel: Rect, buf: &mut Buffer) {
        let (lang, theme) = (v.lang, v.theme);
        let text = why_text_area(panel);
        let lines = self.why_lines(lang, theme, text.width);
        let h = usize::from(text.height);
        let max_top = lines.len().saturating_sub(h);
        let top = self.why_scroll.min(max_top);
        let title = match self.item() {
            Some(item) => format!(
                "{} {}",
                Ui::WhyTitle.get(lang),
                plan_why::title(&self.data, item, lang)
            ),
            None => Ui::WhyTitle.get(lang).to_string(),
        };
        let title = truncate(&title, usize::from(panel.width.saturating_sub(4)));
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_style(if self.why { theme.title } else { theme.border })
            .title(Span::styled(format!(" {title} "), theme.title));
        if lines.len() > h {
            let foot = if self.why {
                format!(
                    " {}–{} / {} ",
                    top + 1,
                    (top + h).min(lines.len()),
                    lines.len()
                )
            } else {
                format!(" {} ", Ui::WhyFocus.get(lang))
            };
            block = block.title_bottom(Span::styled(foot, theme.dim));
        }
        ratatui::widgets::Clear.render(panel, buf);
        block.render(panel, buf);
        for (row, line) in lines.iter().skip(top).take(h).enumerate() {
            buf.set_line(text.x, text.y + row as u16, line, text.width);
        }
    }
}

/// Commands on the plan.
pub fn cmd(p: &mut PlanScreen, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    match (cmd, p.why) {
        (Cmd::Back, false) => return Outcome::go(Nav::Back),
        (Cmd::Export, _) => {
            return Outcome::go(Nav::Export {
                audit_id: p.data.audit_id.clone(),
                association_name: p.data.association_name.clone(),
            });
        }
        _ => {}
    }
    move_in(p, cx, cmd);
    Outcome::none()
}

/// Keys that move in the plan: tabs, items, the « Pourquoi ? » panel.
fn move_in(p: &mut PlanScreen, cx: &Ctx, cmd: Cmd) {
    // Measure with the layout of the current terminal size, then move.
    let body = widgets::chrome(Rect::new(0, 0, cx.size.0, cx.size.1)).body;
    let a = areas(body, p.why);
    let (why_total, why_h) = match a.why {
        Some(panel) if p.why => {
            let text = why_text_area(panel);
            let lines = p.why_lines(cx.lang, &cx.theme, text.width);
            (lines.len(), usize::from(text.height))
        }
        _ => (0, 1),
    };
    let layout = ListLines::of(&plan_tabs::blocks(
        &p.data,
        p.tab,
        cx.lang,
        &cx.theme,
        usize::from(a.list.width.saturating_sub(2)),
    ));
    let heights: Vec<usize> = layout.items.iter().map(|(a, b)| b - a).collect();
    let list_h = usize::from(a.list.height).max(1);
    if p.why && matches!(cmd, Cmd::NextTab | Cmd::PrevTab | Cmd::Pick(_)) {
        // Changing tab closes the panel.
        p.why = false;
    }
    if p.why {
        let max = why_total.saturating_sub(why_h);
        let page = why_h.saturating_sub(1).max(1);
        let s = &mut p.why_scroll;
        match cmd {
            Cmd::Up => *s = s.saturating_sub(1),
            Cmd::Down => *s = (*s + 1).min(max),
            Cmd::PageUp => *s = s.saturating_sub(page),
            Cmd::PageDown => *s = (*s + page).min(max),
            Cmd::Top => *s = 0,
            Cmd::Bottom => *s = max,
            Cmd::WhyAll => {
                p.why_all = !p.why_all;
                p.why_scroll = 0;
            }
            Cmd::Why | Cmd::Back => p.why = false,
            _ => {}
        }
        return;
    }
    let n = heights.len();
    let t = p.tab.index();
    let sel = p.selected[t].min(n.saturating_sub(1));
    let before = p.selected[t];
    let tab = p.tab;
    match cmd {
        Cmd::NextTab => p.tab = Tab::ALL[(t + 1) % Tab::ALL.len()],
        Cmd::PrevTab => p.tab = Tab::ALL[(t + Tab::ALL.len() - 1) % Tab::ALL.len()],
        Cmd::Pick(i) => {
            if let Some(tab) = Tab::ALL.get(usize::from(i)) {
                p.tab = *tab;
            }
        }
        Cmd::Up => p.selected[t] = sel.saturating_sub(1),
        Cmd::Down => p.selected[t] = (sel + 1).min(n.saturating_sub(1)),
        Cmd::PageDown => {
            let (mut i, mut used) = (sel, 0);
            while i + 1 < n && used + heights[i + 1] <= list_h {
                used += heights[i + 1];
                i += 1;
            }
            p.selected[t] = i.max((sel + 1).min(n.saturating_sub(1)));
        }
        Cmd::PageUp => {
            let (mut i, mut used) = (sel, 0);
            while i > 0 && used + heights[i - 1] <= list_h {
                used += heights[i - 1];
                i -= 1;
            }
            p.selected[t] = i.min(sel.saturating_sub(1));
        }
        Cmd::Top => p.selected[t] = 0,
        Cmd::Bottom => p.selected[t] = n.saturating_sub(1),
        Cmd::Why if n > 0 => {
            p.why = true;
            p.why_scroll = 0;
        }
        _ => {}
    }
    if p.tab != tab || p.selected[t] != before {
        p.why_scroll = 0;
    }
    p.top[t] = layout.top(p.top[t], p.selected[t], list_h);
}
