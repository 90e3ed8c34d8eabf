//! Review: every section with its shown questions and their answers. Unanswered questions and
//! "je ne sais pas" stand out (by a text mark, not colour alone), unanswered required ones are
//! flagged; Enter goes back to edit the selected question; `f` marks the audit finished (or
//! reopens it); `p` opens the transition plan, `e` the export dialog (Esc comes back here).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::super::app::{App, Screen};
use super::super::keymap::Cmd;
use super::super::overlays::{Overlay, confirm::Confirm};
use super::super::widgets::{self, Chrome, fit, truncate};
use super::export::ExportDialog;
use crate::app::effect::{Effect, Event};
use crate::audit::{Answer, AuditStatus};
use crate::i18n::ui::Ui;
use crate::walk::describe::answer_text;
use crate::walk::{Input, Walk};

#[derive(Debug, Clone, Default)]
pub struct Review {
    /// Index among the shown questions.
    pub selected: usize,
}

/// A line of the review: a section title or a shown question (by position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Section(usize),
    Question(usize),
}

fn rows(w: &Walk) -> Vec<Row> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (i, s) in w.questionnaire().sections.iter().enumerate() {
        let shown: Vec<usize> = (pos..pos + s.questions.len())
            .filter(|p| w.visible()[*p])
            .collect();
        if !shown.is_empty() {
            out.push(Row::Section(i));
            out.extend(shown.into_iter().map(Row::Question));
        }
        pos += s.questions.len();
    }
    out
}

/// Shown questions in order, with their positions.
fn shown(w: &Walk) -> Vec<usize> {
    (0..w.visible().len()).filter(|p| w.visible()[*p]).collect()
}

impl Review {
    /// The review with the walk's current question selected.
    pub fn at(w: &Walk) -> Review {
        Review {
            selected: shown(w).iter().position(|p| *p == w.cursor()).unwrap_or(0),
        }
    }

    pub fn render(&self, app: &App, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (app.lang, &app.theme);
        let Some(s) = &app.session else {
            return None;
        };
        let w = &s.walk;
        let left = format!(
            "{} · {} · {}",
            Ui::AppName.get(lang),
            s.association_name,
            Ui::ReviewTitle.get(lang)
        );
        let right = Line::from(s.status.label(lang));
        widgets::title_line(c.title, buf, theme, &left, right);
        let body = c.body;
        let all: Vec<(&str, &crate::questionnaire::Question)> = w
            .questionnaire()
            .questions()
            .map(|(_, q)| (q.id.as_str(), q))
            .collect();
        let (mut answered, mut dont_know, mut missing, mut required) = (0, 0, 0, 0);
        for p in shown(w) {
            match w.answer(all[p].0) {
                Some(Answer::DontKnow) => dont_know += 1,
                Some(_) => answered += 1,
                None if all[p].1.required => {
                    missing += 1;
                    required += 1;
                }
                None => missing += 1,
            }
        }
        let summary = Ui::ReviewSummary.fill(lang, &[&answered, &dont_know, &missing, &required]);
        buf.set_stringn(body.x + 1, body.y, summary, body.width.into(), theme.title);
        let legend_y = body.bottom().saturating_sub(1);
        buf.set_stringn(
            body.x + 1,
            legend_y,
            Ui::ReviewLegend.get(lang),
            body.width.into(),
            theme.dim,
        );
        let list = Rect::new(
            body.x,
            body.y + 2,
            body.width,
            body.height.saturating_sub(4),
        );
        let rows = rows(w);
        let selected_pos = shown(w).get(self.selected).copied();
        let sel_line = rows
            .iter()
            .position(|r| Some(*r) == selected_pos.map(Row::Question))
            .unwrap_or(0);
        let h = usize::from(list.height.max(1));
        let top = (sel_line / h) * h;
        let label_w = usize::from(list.width) * 11 / 20;
        let answer_w = usize::from(list.width).saturating_sub(label_w + 8);
        for (line, row) in rows.iter().enumerate().skip(top).take(h) {
            let y = list.y + (line - top) as u16;
            match *row {
                Row::Section(i) => {
                    let sec = &w.questionnaire().sections[i];
                    let p = w.section_progress(i);
                    let text = format!("{} ({}/{})", sec.title.get(lang), p.answered, p.total);
                    buf.set_stringn(
                        list.x + 1,
                        y,
                        truncate(&text, list.width.into()),
                        list.width.into(),
                        theme.title,
                    );
                }
                Row::Question(p) => {
                    let (id, q) = all[p];
                    let (mark, answer, style) = match w.answer(id) {
                        Some(a @ Answer::DontKnow) => ("[?]", answer_text(q, a, lang), theme.warn),
                        Some(a @ Answer::NotApplicable) => {
                            ("[-]", answer_text(q, a, lang), theme.text)
                        }
                        Some(a) => ("[x]", answer_text(q, a, lang), theme.text),
                        None if q.required => (
                            "[!]",
                            Ui::ReviewRequiredMissing.get(lang).into(),
                            theme.error,
                        ),
                        None => ("[ ]", Ui::ReviewUnanswered.get(lang).into(), theme.dim),
                    };
                    let is_sel = Some(p) == selected_pos;
                    let marker = if is_sel { ">" } else { " " };
                    let text = format!(
                        "{marker} {mark} {} {}",
                        fit(q.label.get(lang), label_w),
                        truncate(&answer, answer_w)
                    );
                    let style = if is_sel { theme.selected } else { style };
                    buf.set_stringn(list.x, y, text, list.width.into(), style);
                }
            }
        }
        None
    }
}

/// Commands on the review.
pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let (Some(s), Screen::Review(r)) = (app.session.as_mut(), &mut app.screen) else {
        return app.go_home();
    };
    let n = shown(&s.walk).len();
    let page = usize::from(app.size.1.saturating_sub(8)).max(1);
    let last = n.saturating_sub(1);
    match cmd {
        Cmd::Up => r.selected = r.selected.saturating_sub(1),
        Cmd::Down => r.selected = (r.selected + 1).min(last),
        Cmd::PageUp => r.selected = r.selected.saturating_sub(page),
        Cmd::PageDown => r.selected = (r.selected + page).min(last),
        Cmd::Top => r.selected = 0,
        Cmd::Bottom => r.selected = last,
        Cmd::Enter => {
            let Some(&p) = shown(&s.walk).get(r.selected) else {
                return Vec::new();
            };
            let id = s
                .walk
                .questionnaire()
                .questions()
                .nth(p)
                .map(|(_, q)| q.id.clone());
            let mut effects = Vec::new();
            if let Some(id) = id {
                for e in s.walk.apply(Input::JumpTo(id)) {
                    effects.push(Effect::Walk {
                        audit_id: s.audit_id.clone(),
                        effect: e,
                    });
                }
            }
            super::walk::resume(app);
            return effects;
        }
        Cmd::Finish => {
            let missing = s
                .walk
                .questionnaire()
                .questions()
                .enumerate()
                .filter(|(p, (_, q))| {
                    s.walk.visible()[*p] && q.required && s.walk.answer(&q.id).is_none()
                })
                .count();
            let confirm = if s.status == AuditStatus::Finished {
                Confirm::reopen(app.lang)
            } else {
                Confirm::finish(missing, app.lang)
            };
            app.overlay = Some(Overlay::Confirm(confirm));
        }
        Cmd::Plan => {
            let audit_id = s.audit_id.clone();
            app.notice(Ui::PlanComputing.get(app.lang));
            return vec![Effect::OpenPlan { audit_id }];
        }
        Cmd::Export => {
            let dialog = ExportDialog::new(&s.audit_id, &s.association_name, &app.export_dir);
            let back = std::mem::replace(&mut app.screen, Screen::Review(Review::default()));
            app.screen = Screen::Export(Box::new(dialog.with_back(back)));
        }
        Cmd::Compare => {
            let audit_id = s.audit_id.clone();
            app.notice(Ui::PlanComputing.get(app.lang));
            return vec![Effect::OpenComparison { audit_id }];
        }
        Cmd::Back => super::walk::resume(app),
        _ => {}
    }
    Vec::new()
}

/// The store confirmed the audit's new status.
pub fn result(app: &mut App, event: Event) -> Vec<Effect> {
    if let (Event::StatusSaved(status), Some(s)) = (event, app.session.as_mut()) {
        s.status = status;
        let text = match status {
            AuditStatus::Finished => Ui::Finished,
            AuditStatus::InProgress => Ui::Reopened,
        };
        app.notice(text.get(app.lang));
    }
    Vec::new()
}
