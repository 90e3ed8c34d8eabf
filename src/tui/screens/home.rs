//! Home: the associations without an audit first (a profile whose first audit was never
//! started: contact details that must stay findable, to start its audit or erase it), then the
//! audits, one row each (association, questionnaire, progress, status, last change), filtered by
//! typing after `/`, paged from the store a hundred rows at a time so ten thousand audits stay
//! instant. The selected row is written whole on a detail line under the list. Deleting an
//! audit asks first; deleting an association's last audit then offers to erase the association
//! (GDPR), as `E` does on any row. On an empty database it is the welcome screen: what the tool
//! does, and the offer of a demo association.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::super::keymap::{Cmd, Mode};
use super::super::state::{Ask, Ctx, FollowFrom, Nav, Open, Outcome, View};
use super::super::widgets::{self, Chrome, LineInput, fit, truncate, wrap_lines};
use crate::app::effect::{Effect, Event, HomeRow, OrphanRow};
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
    /// Associations without an audit, listed first (matching the filter).
    pub orphans: Vec<OrphanRow>,
}

/// What the selected line of the list is.
#[derive(Debug, Clone, Copy)]
pub enum Selected<'a> {
    Orphan(&'a OrphanRow),
    Audit(&'a HomeRow),
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
        } else if self.all == Some(0) && self.orphans.is_empty() && self.filter.raw().is_empty() {
            Mode::Welcome
        } else {
            Mode::Home
        }
    }

    /// Lines in the list: the associations without an audit, then the audits.
    fn lines(&self) -> usize {
        self.orphans.len() + self.total
    }

    /// The selected line.
    pub fn selection(&self) -> Option<Selected<'_>> {
        if let Some(o) = self.orphans.get(self.selected) {
            return Some(Selected::Orphan(o));
        }
        let i = self.selected.checked_sub(self.orphans.len())?;
        i.checked_sub(self.offset)
            .and_then(|j| self.rows.get(j))
            .map(Selected::Audit)
    }

    /// The selected audit, if the selected line is one.
    pub fn selected_row(&self) -> Option<&HomeRow> {
        match self.selection() {
            Some(Selected::Audit(r)) => Some(r),
            _ => None,
        }
    }

    /// Select line `i` (clamped); load another window of audits when it falls outside this one.
    fn select(&mut self, i: isize) -> Vec<Effect> {
        let last = self.lines().saturating_sub(1);
        self.selected = i.clamp(0, last as isize) as usize;
        let Some(audit) = self.selected.checked_sub(self.orphans.len()) else {
            return Vec::new();
        };
        let window = self.offset..self.offset + self.rows.len();
        if self.total > 0 && !window.contains(&audit) {
            vec![self.load(audit.saturating_sub(LIMIT / 2))]
        } else {
            Vec::new()
        }
    }

    /// The selected line written whole (the list cuts long names): the name, then the rest.
    fn detail(&self, lang: Lang) -> Option<(String, String)> {
        Some(match self.selection()? {
            Selected::Orphan(o) => (
                o.name.clone(),
                Ui::HomeOrphanDetail.fill(lang, &[&o.updated]),
            ),
            Selected::Audit(r) => {
                let mut parts = vec![
                    r.questionnaire.clone(),
                    Ui::ProgressLine.fill(
                        lang,
                        &[&r.sections_done, &r.sections_total, &r.answered, &r.total],
                    ),
                    r.status.label(lang).to_string(),
                    r.updated.clone(),
                ];
                if let Some(d) = &r.followup_of {
                    parts.insert(1, Ui::FollowupOf.fill(lang, &[d]));
                }
                (r.association_name.clone(), parts.join(" · "))
            }
        })
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

    /// A paste into the filter (when typing one).
    pub fn paste(&mut self, text: &str) -> Vec<Effect> {
        if !self.filtering {
            return Vec::new();
        }
        self.filter.paste(text);
        self.selected = 0;
        vec![self.load(0)]
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        widgets::title_line(c.title, buf, theme, Ui::AppName.get(lang), Line::default());
        if self.mode() == Mode::Welcome {
            welcome(c.body, buf, v);
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
        // The list, then a blank row and the selected line written whole, on three rows.
        let list = Rect::new(
            body.x,
            body.y + 3,
            body.width,
            body.height.saturating_sub(7),
        );
        if self.all.is_none() {
            buf.set_string(list.x + 2, list.y, Ui::HomeLoading.get(lang), theme.dim);
        } else if self.lines() == 0 {
            buf.set_string(list.x + 2, list.y, Ui::HomeNoMatch.get(lang), theme.dim);
        }
        let h = usize::from(list.height.max(1));
        let top = (self.selected / h) * h;
        let n_orphans = self.orphans.len();
        for (line, i) in (top..self.lines().min(top + h)).enumerate() {
            let y = list.y + line as u16;
            let cells = match self.orphans.get(i) {
                Some(o) => vec![
                    o.name.clone(),
                    Ui::HomeNoAudit.get(lang).to_string(),
                    String::new(),
                    String::new(),
                    o.updated.clone(),
                ],
                None => {
                    let Some(row) = (i - n_orphans)
                        .checked_sub(self.offset)
                        .and_then(|j| self.rows.get(j))
                    else {
                        continue;
                    };
                    row_cells(row, lang)
                }
            };
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            let selected = i == self.selected;
            let style = if selected { theme.selected } else { theme.text };
            let marker = if selected { ">" } else { " " };
            buf.set_string(list.x, y, format!("{marker}{}", cols.line(&cells)), style);
        }
        if let Some((name, rest)) = self.detail(lang) {
            let w = usize::from(body.width.saturating_sub(2));
            let y = body.bottom().saturating_sub(3);
            buf.set_stringn(body.x + 1, y, truncate(&name, w), w, theme.title);
            for (i, line) in wrap_lines(&rest, w).iter().take(2).enumerate() {
                buf.set_stringn(body.x + 1, y + 1 + i as u16, line, w, theme.dim);
            }
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
    // Progress as everywhere: sections done of sections (the headline); a follow-up says so.
    let questionnaire = match &row.followup_of {
        Some(date) => Ui::FollowupShort.fill(lang, &[date]),
        None => row.questionnaire.clone(),
    };
    vec![
        row.association_name.clone(),
        questionnaire,
        Ui::SectionsDone.fill(lang, &[&row.sections_done, &row.sections_total]),
        row.status.label(lang).to_string(),
        row.updated.clone(),
    ]
}

fn welcome(area: Rect, buf: &mut Buffer, v: &View) {
    let lines = widgets::wrap_lines(Ui::WelcomeBody.get(v.lang), 66);
    let height = lines.len() as u16 + 4;
    let inner = widgets::popup(
        widgets::centered(area, 72, height),
        buf,
        v.theme,
        Ui::WelcomeTitle.get(v.lang),
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
            v.theme.text,
        );
    }
}

/// Erasing an association (GDPR), asked first: every audit, answer and note about it goes.
pub fn ask_erase(association_id: &str, name: &str, audits: Option<usize>, lang: Lang) -> Ask {
    let body = match audits {
        Some(0) | None => Ui::EraseBodyNoAudit.fill(lang, &[&name]),
        Some(n) => Ui::EraseBody.fill(lang, &[&name, &n]),
    };
    Ask {
        title: Ui::EraseTitle.get(lang).to_string(),
        body,
        yes: Outcome::from(vec![Effect::EraseAssociation {
            association_id: association_id.to_string(),
        }])
        .with_notice(Ui::Erasing.get(lang)),
        no: Outcome::none(),
    }
}

/// Commands on the home screen (and the welcome screen and the filter).
pub fn cmd(home: &mut Home, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let lang = cx.lang;
    let page = (usize::from(cx.size.1).saturating_sub(8)).max(1) as isize;
    let sel = home.selected as isize;
    let effects = match cmd {
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
                return Outcome::none();
            }
            home.filter = LineInput::default();
            home.selected = 0;
            vec![home.load(0)]
        }
        Cmd::Enter | Cmd::NewAudit => return start(home, cmd),
        Cmd::NewAssociation => return Outcome::go(Nav::Profile(None)),
        Cmd::EditProfile => match home.selection() {
            Some(Selected::Audit(r)) => vec![Effect::LoadAssociation {
                id: r.association_id.clone(),
            }],
            Some(Selected::Orphan(o)) => vec![Effect::LoadAssociation {
                id: o.association_id.clone(),
            }],
            None => Vec::new(),
        },
        Cmd::Delete => match home.selection() {
            Some(Selected::Audit(row)) => {
                let ask = Ask {
                    title: Ui::DeleteTitle.get(lang).to_string(),
                    body: Ui::DeleteBody.fill(lang, &[&row.association_name, &row.questionnaire]),
                    yes: Outcome::from(vec![Effect::DeleteAudit {
                        audit_id: row.audit_id.clone(),
                    }]),
                    no: Outcome::none(),
                };
                return Outcome::confirm(ask);
            }
            // An association without an audit: deleting it is erasing it.
            Some(Selected::Orphan(o)) => {
                let ask = ask_erase(&o.association_id, &o.name, None, lang);
                return Outcome::confirm(ask);
            }
            None => Vec::new(),
        },
        Cmd::EraseAssociation => match home.selection() {
            Some(Selected::Audit(r)) => {
                let ask = ask_erase(&r.association_id, &r.association_name, Some(1), lang);
                let ask = Ask {
                    body: Ui::EraseBodyAudits.fill(lang, &[&r.association_name]),
                    ..ask
                };
                return Outcome::confirm(ask);
            }
            Some(Selected::Orphan(o)) => {
                let ask = ask_erase(&o.association_id, &o.name, None, lang);
                return Outcome::confirm(ask);
            }
            None => Vec::new(),
        },
        Cmd::Demo => vec![Effect::CreateDemo],
        Cmd::Workshops => return Outcome::go(Nav::Workshops),
        Cmd::Plan => match home.selected_row() {
            Some(row) => {
                let audit_id = row.audit_id.clone();
                return Outcome::from(vec![Effect::OpenPlan { audit_id }])
                    .with_notice(Ui::PlanComputing.get(lang));
            }
            None => Vec::new(),
        },
        Cmd::Compare => match home.selected_row() {
            Some(row) => {
                let audit_id = row.audit_id.clone();
                return Outcome::from(vec![Effect::OpenComparison { audit_id }])
                    .with_notice(Ui::PlanComputing.get(lang));
            }
            None => Vec::new(),
        },
        Cmd::Quit => return Outcome::go(Nav::Quit),
        _ => Vec::new(),
    };
    Outcome::from(effects)
}

/// Enter: open the selected audit, or (on an association without one, or with `n`) choose how
/// its new audit starts — a follow-up of the selected audit offered first when it has answers.
fn start(home: &Home, cmd: Cmd) -> Outcome {
    match (home.selection(), cmd) {
        (Some(Selected::Audit(row)), Cmd::Enter) => Outcome::from(vec![Effect::OpenAudit {
            audit_id: row.audit_id.clone(),
        }]),
        (Some(Selected::Audit(row)), _) => Outcome::open(Open::Choose {
            association_id: row.association_id.clone(),
            association_name: row.association_name.clone(),
            follow: (row.answered > 0).then(|| FollowFrom {
                audit_id: row.audit_id.clone(),
                questionnaire: row.questionnaire.clone(),
                updated: row.updated.clone(),
            }),
            workshop_id: None,
        }),
        (Some(Selected::Orphan(o)), _) => Outcome::open(Open::Choose {
            association_id: o.association_id.clone(),
            association_name: o.name.clone(),
            follow: None,
            workshop_id: None,
        }),
        (None, _) => Outcome::none(),
    }
}

/// Results for the home screen.
pub fn result(home: Option<&mut Home>, cx: &mut Ctx, event: Event) -> Outcome {
    let lang = cx.lang;
    match event {
        Event::HomeLoaded {
            rows,
            offset,
            total,
            all,
            orphans,
        } => {
            if let Some(home) = home {
                home.rows = rows;
                home.offset = offset;
                home.total = total;
                home.all = Some(all);
                home.orphans = orphans;
                home.selected = home.selected.min(home.lines().saturating_sub(1));
            }
            Outcome::none()
        }
        Event::AuditDeleted { last_of } => {
            let reload: Vec<Effect> = home
                .map(|h| h.load(h.selected.saturating_sub(LIMIT / 2)))
                .into_iter()
                .collect();
            let out = Outcome::from(reload).with_notice(Ui::Deleted.get(lang));
            match last_of {
                // Its last audit gone, the association's contact details would stay behind:
                // offer to erase it.
                Some((id, name)) => {
                    let ask = Ask {
                        title: Ui::EraseTitle.get(lang).to_string(),
                        body: Ui::EraseAfterLastAudit.fill(lang, &[&name]),
                        ..ask_erase(&id, &name, None, lang)
                    };
                    Outcome {
                        open: Some(Box::new(Open::Confirm(Box::new(ask)))),
                        ..out
                    }
                }
                None => out,
            }
        }
        Event::AssociationErased { name, scrubbed } => {
            let text = if scrubbed {
                Ui::Erased.fill(lang, &[&name])
            } else {
                Ui::ErasedNotScrubbed.fill(lang, &[&name])
            };
            Outcome::go(Nav::Home).with_notice(text)
        }
        Event::DemoCreated { audit_id } => Outcome::from(vec![Effect::OpenAudit { audit_id }])
            .with_notice(Ui::DemoCreated.get(lang)),
        _ => Outcome::none(),
    }
}
