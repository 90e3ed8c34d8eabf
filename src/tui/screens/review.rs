//! Review: every section with its shown questions and their answers. Unanswered questions and
//! "je ne sais pas" stand out (by a text mark, not colour alone), unanswered required ones are
//! flagged; Enter goes back to edit the selected question; `f` marks the audit finished (or
//! reopens it); `p` opens the transition plan, `e` the export dialog (Esc comes back here).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::super::keymap::Cmd;
use super::super::state::{Ask, Ctx, Nav, Outcome, View};
use super::super::widgets::{self, Chrome, fit, truncate};
use crate::app::effect::{Effect, Event};
use crate::audit::{Answer, AuditStatus};
use crate::i18n::Lang;
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

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        let s = v.session?;
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

/// Finishing (or reopening) the audit, asked first.
fn ask_status(audit_id: &str, status: AuditStatus, missing: usize, lang: Lang) -> Ask {
    let (title, body, to) = if status == AuditStatus::Finished {
        (
            Ui::ReopenTitle,
            Ui::ReopenBody.get(lang).to_string(),
            AuditStatus::InProgress,
        )
    } else if missing > 0 {
        (
            Ui::FinishTitle,
            Ui::FinishMissing.fill(lang, &[&missing]),
            AuditStatus::Finished,
        )
    } else {
        (
            Ui::FinishTitle,
            Ui::FinishBody.get(lang).to_string(),
            AuditStatus::Finished,
        )
    };
    Ask {
        title: title.get(lang).to_string(),
        body,
        yes: Outcome::from(vec![Effect::SetStatus {
            audit_id: audit_id.to_string(),
            status: to,
        }]),
        no: Outcome::none(),
    }
}

/// Commands on the review.
pub fn cmd(r: &mut Review, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let lang = cx.lang;
    let Some(s) = cx.session.as_mut() else {
        return Outcome::go(Nav::Home);
    };
    let n = shown(&s.walk).len();
    let page = usize::from(cx.size.1.saturating_sub(8)).max(1);
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
                return Outcome::none();
            };
            let id = s
                .walk
                .questionnaire()
                .questions()
                .nth(p)
                .map(|(_, q)| q.id.clone());
            let effects = match id {
                Some(id) => s.drive(vec![Input::JumpTo(id)]).0,
                None => Vec::new(),
            };
            // "Modifier": the field of a number or text question is entered at once.
            return Outcome::from(effects).and_go(Nav::Walk { editing: true });
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
            let ask = ask_status(&s.audit_id, s.status, missing, lang);
            return Outcome::confirm(ask);
        }
        Cmd::Plan => {
            let audit_id = s.audit_id.clone();
            return Outcome::from(vec![Effect::OpenPlan { audit_id }])
                .with_notice(Ui::PlanComputing.get(lang));
        }
        Cmd::Export => {
            return Outcome::go(Nav::Export {
                audit_id: s.audit_id.clone(),
                association_name: s.association_name.clone(),
            });
        }
        Cmd::Compare => {
            let audit_id = s.audit_id.clone();
            return Outcome::from(vec![Effect::OpenComparison { audit_id }])
                .with_notice(Ui::PlanComputing.get(lang));
        }
        Cmd::Back => return Outcome::go(Nav::Walk { editing: false }),
        _ => {}
    }
    Outcome::none()
}

/// The store confirmed the audit's new status.
pub fn result(cx: &mut Ctx, event: Event) -> Outcome {
    if let (Event::StatusSaved(status), Some(s)) = (event, cx.session.as_mut()) {
        s.status = status;
        let text = match status {
            AuditStatus::Finished => Ui::Finished,
            AuditStatus::InProgress => Ui::Reopened,
        };
        return Outcome::none().with_notice(text.get(cx.lang));
    }
    Outcome::none()
}
