//! The form of a new workshop: name, date (today by default), place, trainer, and the
//! questionnaire its audits start on (the express one by default, ← → to change). Nothing is
//! written until the form is validated; the store refuses a missing name or a bad date with
//! a message, and the form stays as typed.

use chrono::Local;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::super::keymap::{Cmd, Mode};
use super::super::state::{Ctx, Nav, Outcome, View};
use super::super::widgets::{self, Chrome, LineInput};
use crate::app::effect::{Effect, QuestionnaireChoice, WorkshopForm};
use crate::i18n::ui::Ui;

/// The fields, in order; the last is the questionnaire (a choice, not a text).
const LABELS: [Ui; 5] = [
    Ui::WorkshopName,
    Ui::WorkshopDate,
    Ui::WorkshopPlace,
    Ui::WorkshopTrainer,
    Ui::WorkshopQuestionnaire,
];
const CHOICE: usize = 4;

#[derive(Debug, Clone)]
pub struct WorkshopFormScreen {
    pub inputs: Vec<LineInput>,
    pub focus: usize,
    /// Index in `App::questionnaires`.
    pub questionnaire: usize,
}

impl WorkshopFormScreen {
    /// The form, with today's date and `trainer` (the settings' trainer) filled in.
    pub fn new(questionnaires: &[QuestionnaireChoice], trainer: &str) -> WorkshopFormScreen {
        let today = Local::now().format("%Y-%m-%d").to_string();
        let express = questionnaires
            .iter()
            .position(|q| q.id == "atelier-express")
            .unwrap_or(0);
        WorkshopFormScreen {
            inputs: [String::new(), today, String::new(), trainer.to_string()]
                .into_iter()
                .map(LineInput::new)
                .collect(),
            focus: 0,
            questionnaire: express,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.focus == CHOICE {
            Mode::WorkshopChoice
        } else {
            Mode::WorkshopForm
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if let Some(input) = self.inputs.get_mut(self.focus) {
            input.handle(key);
        }
    }

    /// A paste into the field with the focus; returns whether it landed.
    pub fn paste(&mut self, text: &str) -> bool {
        match self.inputs.get_mut(self.focus) {
            Some(input) => {
                input.paste(text);
                true
            }
            None => false,
        }
    }

    /// What the form holds; `ids` are the questionnaires offered, in order.
    fn form(&self, ids: &[String]) -> WorkshopForm {
        let text = |i: usize| self.inputs.get(i).map(LineInput::value).unwrap_or_default();
        WorkshopForm {
            name: text(0),
            date: text(1),
            place: text(2),
            trainer: text(3),
            questionnaire_id: ids
                .get(self.questionnaire)
                .cloned()
                .unwrap_or_else(|| "atelier-express".to_string()),
        }
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        let title = format!("{} · {}", Ui::AppName.get(lang), Ui::WorkshopNew.get(lang));
        widgets::title_line(c.title, buf, theme, &title, Line::default());
        let body = c.body;
        buf.set_string(body.x + 1, body.y, Ui::WorkshopIntro.get(lang), theme.dim);
        let label_w = LABELS
            .iter()
            .map(|l| l.get(lang).width())
            .max()
            .unwrap_or(10)
            + 3;
        let field_x = body.x + 2 + label_w as u16;
        let field_w = 44.min(body.width.saturating_sub(field_x + 4));
        let mut cursor = None;
        for (i, label) in LABELS.iter().enumerate() {
            let y = body.y + 2 + 2 * i as u16;
            if y >= body.bottom() {
                break;
            }
            let focused = i == self.focus;
            let marker = if focused { ">" } else { " " };
            let style = if focused { theme.title } else { theme.text };
            buf.set_string(body.x, y, format!("{marker} {}", label.get(lang)), style);
            let area = Rect::new(field_x, y, field_w, 1);
            if i == CHOICE {
                let name = v
                    .questionnaires
                    .get(self.questionnaire)
                    .map_or("", |q| q.title.as_str());
                let s = if focused { theme.selected } else { theme.field };
                buf.set_string(area.x, y, format!("< {name} >"), s);
            } else if focused {
                cursor = self.inputs[i].render(area, buf, theme.field);
            } else {
                self.inputs[i].render_idle(area, buf, theme.field);
            }
        }
        let y = body.y + 3 + 2 * LABELS.len() as u16;
        if y < body.bottom() {
            buf.set_string(body.x + 2, y, Ui::WorkshopCreateHint.get(lang), theme.dim);
        }
        cursor
    }
}

/// Commands on the form.
pub fn cmd(f: &mut WorkshopFormScreen, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let n = cx.questionnaires.len().max(1);
    let ids: Vec<String> = cx.questionnaires.iter().map(|q| q.id.clone()).collect();
    let last = LABELS.len() - 1;
    match cmd {
        Cmd::Down => f.focus = (f.focus + 1).min(last),
        Cmd::Up => f.focus = f.focus.saturating_sub(1),
        Cmd::Enter if f.focus < last => f.focus += 1,
        Cmd::Left => f.questionnaire = (f.questionnaire + n - 1) % n,
        Cmd::Right => f.questionnaire = (f.questionnaire + 1) % n,
        Cmd::Enter | Cmd::Done => {
            let form = f.form(&ids);
            return Outcome::from(vec![Effect::CreateWorkshop(form)]);
        }
        Cmd::Back => return Outcome::go(Nav::Workshops),
        _ => {}
    }
    Outcome::none()
}
