//! Home: the audits, one row each (association, questionnaire, progress, status, last change),
//! filtered by typing after `/`, paged from the store a hundred rows at a time so ten thousand
//! audits stay instant. On an empty database it is the welcome screen: what the tool does, and
//! the offer of a demo association.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Screen};
use super::super::keymap::{Cmd, Mode};
use super::super::overlays::choose::{Choose, FollowFrom};
use super::super::overlays::{Overlay, confirm::Confirm};
use super::super::widgets::{self, Chrome, LineInput, fit};
use super::profile::Profile;
use crate::app::effect::{Effect, Event, HomeRow};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// Rows asked of the store at once.
pub const LIMIT: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct Home {
    /// The loaded window of rows, starting at `offset`.
    pub rows: Vec<HomeRow>,
    pub offset: usize,
    /// Rows matching the filter.
    pub total: usize,
    /// Audits in the database; `None` until loaded. Zero is the first run.
    pub all: Option<usize>,
    /// Absolute index of the selected row.
    pub selected: usize,
    pub filter: LineInput,
    pub filtering: bool,
}

impl Home {
    /// The query for the window starting at `offset`.
    pub fn load(&self, offset: usize) -> Effect {
        Effect::LoadHome {
            filter: self.filter.value(),
            offset,
            limit: LIMIT,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.filtering {
            Mode::Filter
        } else if self.all == Some(0) {
            Mode::Welcome
        } else {
            Mode::Home
        }
    }

    pub fn selected_row(&self) -> Option<&HomeRow> {
        self.selected
            .checked_sub(self.offset)
            .and_then(|i| self.rows.get(i))
    }

    /// Select row `i` (clamped); load another window when it falls outside this one.
    fn select(&mut self, i: isize) -> Vec<Effect> {
        let last = self.total.saturating_sub(1);
        self.selected = i.clamp(0, last as isize) as usize;
        let window = self.offset..self.offset + self.rows.len();
        if self.total > 0 && !window.contains(&self.selected) {
            vec![self.load(self.selected.saturating_sub(LIMIT / 2))]
        } else {
            Vec::new()
        }
    }

    /// A key typed into the filter: reload from the first row.
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.filtering && self.filter.handle(key) {
            self.selected = 0;
            vec![self.load(0)]
        } else {
            Vec::new()
        }
    }

    pub fn render(&self, app: &App, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (app.lang, &app.theme);
        widgets::title_line(c.title, buf, theme, Ui::AppName.get(lang), Line::default());
        if self.mode() == Mode::Welcome {
            welcome(c.body, buf, app);
            return None;
        }
        let body = c.body;
        let mut cursor = None;
        let head = if self.filtering || !self.filter.raw().is_empty() {
            let prompt = Ui::HomeFilterPrompt.get(lang);
            buf.set_string(body.x + 1, body.y, prompt, theme.title);
            let x = body.x + 1 + prompt.width() as u16;
            let field = Rect::new(x, body.y, 30.min(body.width.saturating_sub(x + 30)), 1);
            let pos = self.filter.render(field, buf, theme.field);
            if self.filtering {
                cursor = pos;
            }
            let count = Ui::HomeFiltered.fill(
                lang,
                &[&self.total, &self.all.unwrap_or(0), &self.filter.value()],
            );
            let cx = field.x + field.width + 2;
            buf.set_stringn(
                cx,
                body.y,
                count,
                usize::from(body.right().saturating_sub(cx)),
                theme.dim,
            );
            String::new()
        } else {
            format!(
                "{} · {}",
                Ui::HomeTitle.get(lang),
                Ui::HomeCount.fill(lang, &[&self.total])
            )
        };
        buf.set_string(body.x + 1, body.y, head, theme.title);
        let cols = Columns::new(body.width);
        let header: Vec<&str> = Ui::HomeColumns.get(lang).split('|').collect();
        buf.set_string(body.x + 1, body.y + 2, cols.line(&header), theme.dim);
        let list = Rect::new(
            body.x,
            body.y + 3,
            body.width,
            body.height.saturating_sub(3),
        );
        if self.all.is_none() {
            buf.set_string(list.x + 2, list.y, Ui::HomeLoading.get(lang), theme.dim);
        } else if self.total == 0 {
            buf.set_string(list.x + 2, list.y, Ui::HomeNoMatch.get(lang), theme.dim);
        }
        let h = usize::from(list.height.max(1));
        let top = (self.selected / h) * h;
        for (line, i) in (top..self.total.min(top + h)).enumerate() {
            let y = list.y + line as u16;
            let Some(row) = i.checked_sub(self.offset).and_then(|j| self.rows.get(j)) else {
                continue;
            };
            let cells = row_cells(row, lang);
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            let selected = i == self.selected;
            let style = if selected { theme.selected } else { theme.text };
            let marker = if selected { ">" } else { " " };
            buf.set_string(list.x, y, format!("{marker}{}", cols.line(&cells)), style);
        }
        cursor
    }
}

/// Column widths for a body `width` wide: the association takes what is left.
struct Columns([usize; 5]);

impl Columns {
    fn new(width: u16) -> Columns {
        let fixed = [18, 12, 11, 11];
        let used: usize = fixed.iter().sum::<usize>() + 1 + 5;
        let name = usize::from(width).saturating_sub(used).max(10);
        Columns([name, fixed[0], fixed[1], fixed[2], fixed[3]])
    }

    fn line(&self, cells: &[&str]) -> String {
        self.0
            .iter()
            .zip(cells)
            .map(|(w, s)| fit(s, *w))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn row_cells(row: &HomeRow, lang: Lang) -> Vec<String> {
    let percent = (row.answered.min(row.total) * 100)
        .checked_div(row.total)
        .unwrap_or(0);
    vec![
        row.association_name.clone(),
        row.questionnaire.clone(),
        format!("{}/{} {percent:>3} %", row.answered, row.total),
        row.status.label(lang).to_string(),
        row.updated.clone(),
    ]
}

fn welcome(area: Rect, buf: &mut Buffer, app: &App) {
    let lines = widgets::wrap_lines(Ui::WelcomeBody.get(app.lang), 66);
    let height = lines.len() as u16 + 4;
    let inner = widgets::popup(
        widgets::centered(area, 72, height),
        buf,
        &app.theme,
        Ui::WelcomeTitle.get(app.lang),
    );
    for (i, line) in lines.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        buf.set_stringn(
            inner.x + 2,
            y,
            line,
            usize::from(inner.width.saturating_sub(3)),
            app.theme.text,
        );
    }
}

/// Commands on the home screen (and the welcome screen and the filter).
pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let Screen::Home(home) = &mut app.screen else {
        return Vec::new();
    };
    let page = (usize::from(app.size.1).saturating_sub(6)).max(1) as isize;
    let sel = home.selected as isize;
    match cmd {
        Cmd::Up => home.select(sel - 1),
        Cmd::Down => home.select(sel + 1),
        Cmd::PageUp => home.select(sel - page),
        Cmd::PageDown => home.select(sel + page),
        Cmd::Top => home.select(0),
        Cmd::Bottom => home.select(isize::MAX / 2),
        Cmd::Filter => {
            home.filtering = true;
            Vec::new()
        }
        Cmd::Enter if home.filtering => {
            home.filtering = false;
            Vec::new()
        }
        Cmd::Back => {
            home.filtering = false;
            if home.filter.raw().is_empty() {
                return Vec::new();
            }
            home.filter = LineInput::default();
            home.selected = 0;
            vec![home.load(0)]
        }
        Cmd::Enter => match home.selected_row() {
            Some(row) => vec![Effect::OpenAudit {
                audit_id: row.audit_id.clone(),
            }],
            None => Vec::new(),
        },
        Cmd::NewAssociation => {
            app.screen = Screen::Profile(Box::new(Profile::new(None)));
            Vec::new()
        }
        Cmd::NewAudit => {
            if let Some(row) = home.selected_row() {
                let mut choose =
                    Choose::new(row.association_id.clone(), row.association_name.clone());
                // An audit with answers can be followed up: offered first.
                if row.answered > 0 {
                    choose = choose.with_followup(FollowFrom {
                        audit_id: row.audit_id.clone(),
                        questionnaire: row.questionnaire.clone(),
                        updated: row.updated.clone(),
                    });
                }
                app.overlay = Some(Overlay::Choose(choose));
            }
            Vec::new()
        }
        Cmd::EditProfile => match home.selected_row() {
            Some(row) => vec![Effect::LoadAssociation {
                id: row.association_id.clone(),
            }],
            None => Vec::new(),
        },
        Cmd::Delete => {
            if let Some(row) = home.selected_row() {
                let confirm = Confirm::delete(row, app.lang);
                app.overlay = Some(Overlay::Confirm(confirm));
            }
            Vec::new()
        }
        Cmd::Demo => vec![Effect::CreateDemo],
        Cmd::Workshops => super::workshops::open(app),
        Cmd::Plan => match home.selected_row() {
            Some(row) => {
                let audit_id = row.audit_id.clone();
                app.notice(Ui::PlanComputing.get(app.lang));
                vec![Effect::OpenPlan { audit_id }]
            }
            None => Vec::new(),
        },
        Cmd::Compare => match home.selected_row() {
            Some(row) => {
                let audit_id = row.audit_id.clone();
                app.notice(Ui::PlanComputing.get(app.lang));
                vec![Effect::OpenComparison { audit_id }]
            }
            None => Vec::new(),
        },
        Cmd::Quit => app.quit(),
        _ => Vec::new(),
    }
}

/// Results for the home screen.
pub fn result(app: &mut App, event: Event) -> Vec<Effect> {
    match event {
        Event::HomeLoaded {
            rows,
            offset,
            total,
            all,
        } => {
            if let Screen::Home(home) = &mut app.screen {
                home.rows = rows;
                home.offset = offset;
                home.total = total;
                home.all = Some(all);
                home.selected = home.selected.min(total.saturating_sub(1));
            }
            Vec::new()
        }
        Event::AuditDeleted => {
            app.notice(Ui::Deleted.get(app.lang));
            match &app.screen {
                Screen::Home(home) => vec![home.load(home.selected.saturating_sub(LIMIT / 2))],
                _ => Vec::new(),
            }
        }
        Event::DemoCreated { audit_id } => {
            app.notice(Ui::DemoCreated.get(app.lang));
            vec![Effect::OpenAudit { audit_id }]
        }
        _ => Vec::new(),
    }
}
