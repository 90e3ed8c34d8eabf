//! The workshops: one row each (name, date, place, how many audits), the latest first. Enter
//! opens a workshop's dashboard, `a` the form of a new one. A trainer running a workshop of
//! twenty student associations starts here; everyone else never needs to.
//!
//! Also the commands of the dashboard (drawn by `dashboard.rs`): Enter opens the audit under
//! the cursor (leaving it comes back to the dashboard), `v` its plan, `a` adds an association
//! (its audit starts at once inside the workshop), `e` writes the dashboard as HTML and CSV.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::super::app::{App, Screen};
use super::super::keymap::Cmd;
use super::super::widgets::{self, Chrome, fit};
use super::dashboard::{DashboardState, Tab};
use super::profile::Profile;
use super::workshop_form::WorkshopFormScreen;
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

    pub fn render(&self, app: &App, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (app.lang, &app.theme);
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

/// Open the workshops screen and ask for the list.
pub fn open(app: &mut App) -> Vec<Effect> {
    app.workshop = None;
    app.overlay = None;
    app.screen = Screen::Workshops(Workshops::default());
    vec![Effect::LoadWorkshops]
}

/// Commands on the workshops screen.
pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let Screen::Workshops(list) = &mut app.screen else {
        return Vec::new();
    };
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
        return Vec::new();
    }
    match cmd {
        Cmd::Enter => match list.selected_row() {
            Some(w) => {
                let workshop_id = w.id.clone();
                vec![Effect::LoadDashboard { workshop_id }]
            }
            None => Vec::new(),
        },
        Cmd::NewWorkshop => {
            let form = WorkshopFormScreen::new(app);
            app.screen = Screen::WorkshopForm(Box::new(form));
            Vec::new()
        }
        Cmd::Back => app.go_home(),
        Cmd::Quit => app.quit(),
        _ => Vec::new(),
    }
}

/// Results for the workshops screen: the list, or a workshop just created (its dashboard
/// opens).
pub fn result(app: &mut App, event: Event) -> Vec<Effect> {
    match event {
        Event::WorkshopsLoaded(rows) => {
            if let Screen::Workshops(list) = &mut app.screen {
                list.selected = list.selected.min(rows.len().saturating_sub(1));
                list.rows = Some(rows);
            }
            Vec::new()
        }
        Event::WorkshopCreated { workshop_id } => {
            app.notice(Ui::WorkshopCreated.get(app.lang));
            vec![Effect::LoadDashboard { workshop_id }]
        }
        _ => Vec::new(),
    }
}

/// Commands on a workshop's dashboard.
pub fn dashboard_cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let Screen::Dashboard(d) = &mut app.screen else {
        return Vec::new();
    };
    if d.cmd(cmd) {
        return Vec::new();
    }
    let workshop_id = d.workshop.id.clone();
    match cmd {
        Cmd::Enter => match d.selected_audit() {
            Some(p) => vec![Effect::OpenAudit {
                audit_id: p.audit_id.clone(),
            }],
            None => {
                d.tab = Tab::Progress;
                d.scroll = 0;
                Vec::new()
            }
        },
        Cmd::Plan => match d.selected_audit() {
            Some(p) => {
                let audit_id = p.audit_id.clone();
                app.notice(Ui::PlanComputing.get(app.lang));
                vec![Effect::OpenPlan { audit_id }]
            }
            None => Vec::new(),
        },
        Cmd::NewAssociation => {
            app.screen = Screen::Profile(Box::new(Profile::new(None)));
            Vec::new()
        }
        Cmd::Export => {
            app.notice(Ui::ExportWriting.get(app.lang));
            vec![Effect::ExportDashboard {
                workshop_id,
                dir: app.export_dir.clone(),
            }]
        }
        Cmd::Back => open(app),
        Cmd::Quit => app.quit(),
        _ => Vec::new(),
    }
}

/// Results for the dashboard: the aggregate (a new screen, or the same one refreshed).
pub fn dashboard_result(app: &mut App, event: Event) -> Vec<Effect> {
    match event {
        Event::DashboardLoaded(loaded) => {
            let (workshop, dashboard, pools) = *loaded;
            let mut state = DashboardState::new(app.lang, app.theme, workshop, dashboard);
            state.pools = pools;
            match &app.screen {
                Screen::Dashboard(old) if old.workshop.id == state.workshop.id => {
                    state.tab = old.tab;
                    state.scroll = old.scroll;
                    state.move_cursor(old.selected as isize);
                }
                // Opened, or back from an audit: the list of audits (what a trainer switches
                // between during the workshop), on the one just left.
                _ => {
                    state.tab = Tab::Progress;
                    if let Some(s) = app.session.take() {
                        state.show_progress_of(&s.audit_id);
                    }
                }
            }
            app.workshop = Some(state.workshop.clone());
            app.screen = Screen::Dashboard(Box::new(state));
            Vec::new()
        }

        _ => Vec::new(),
    }
}
