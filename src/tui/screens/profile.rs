//! The association's profile: a form of eleven fields, each checked as it is left, each saved
//! as it is left (the association is created when its name is first given). The contact fields
//! are marked as personal data. From "new association", leaving the form goes on to choosing a
//! questionnaire.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Screen};
use super::super::keymap::{Cmd, Mode};
use super::super::overlays::{Overlay, choose::Choose};
use super::super::widgets::{self, Chrome, LineInput};
use crate::app::effect::{Effect, Event};
use crate::audit::profile::{self, Field, FieldError};
use crate::audit::{Association, LegalForm};
use crate::i18n::ui::Ui;

/// The fields, in order (the rules are the audit's: `crate::audit::profile`).
const FIELDS: [Field; 11] = Field::ALL;

#[derive(Debug, Clone)]
pub struct Profile {
    /// The association as last accepted (id empty until created).
    pub association: Association,
    pub inputs: Vec<LineInput>,
    pub focus: usize,
    pub errors: Vec<Option<FieldError>>,
    /// Came from "new association": go on to choose a questionnaire.
    pub new_flow: bool,
    /// Waiting for the store before leaving.
    pub leaving: bool,
    pub saved_at: Option<String>,
}

impl Profile {
    /// The form for an existing association, or an empty one (`None`).
    pub fn new(association: Option<Association>) -> Profile {
        let new_flow = association.is_none();
        let a = association.unwrap_or_else(profile::blank);
        Profile {
            inputs: FIELDS.iter().map(|f| LineInput::new(f.text(&a))).collect(),
            association: a,
            focus: 0,
            errors: vec![None; FIELDS.len()],
            new_flow,
            leaving: false,
            saved_at: None,
        }
    }

    pub fn mode(&self) -> Mode {
        if FIELDS[self.focus].is_choice() {
            Mode::ProfileChoice
        } else {
            Mode::Profile
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if !FIELDS[self.focus].is_choice()
            && let Some(input) = self.inputs.get_mut(self.focus)
        {
            input.handle(key);
        }
    }

    /// Check every field, keep the valid ones, and ask to save when something changed and the
    /// association has a name.
    pub fn commit(&mut self) -> Vec<Effect> {
        let texts: Vec<String> = self.inputs.iter().map(LineInput::value).collect();
        let (a, errors) = profile::read(&texts, &self.association);
        self.errors = errors;
        if a == self.association || a.name.is_empty() {
            return Vec::new();
        }
        self.association = a.clone();
        vec![Effect::SaveAssociation(a)]
    }

    fn move_focus(&mut self, delta: isize) -> Vec<Effect> {
        let effects = self.commit();
        let last = FIELDS.len() as isize - 1;
        self.focus = (self.focus as isize + delta).clamp(0, last) as usize;
        effects
    }

    fn cycle_legal(&mut self, delta: isize) -> Vec<Effect> {
        let all = LegalForm::ALL;
        let i = all
            .iter()
            .position(|f| *f == self.association.legal_form)
            .unwrap_or(0) as isize;
        let n = all.len() as isize;
        let mut a = self.association.clone();
        a.legal_form = all[((i + delta).rem_euclid(n)) as usize];
        self.association = a.clone();
        if a.name.is_empty() {
            Vec::new()
        } else {
            vec![Effect::SaveAssociation(a)]
        }
    }

    pub fn render(&self, app: &App, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (app.lang, &app.theme);
        let title = if self.association.id.is_empty() {
            Ui::ProfileTitleNew
        } else {
            Ui::ProfileTitle
        };
        let right = match &self.saved_at {
            Some(at) => Line::from(Ui::SavedAt.fill(lang, &[at])),
            None => Line::default(),
        };
        widgets::title_line(
            c.title,
            buf,
            theme,
            &format!("{} · {}", Ui::AppName.get(lang), title.get(lang)),
            right,
        );
        let body = c.body;
        buf.set_string(body.x + 1, body.y, Ui::ProfileIntro.get(lang), theme.dim);
        let label_w = FIELDS
            .iter()
            .map(|f| f.label().get(lang).width())
            .max()
            .unwrap_or(10)
            + 3;
        let field_x = body.x + 2 + label_w as u16;
        let field_w = 44.min(body.width.saturating_sub(field_x + 4));
        let mut cursor = None;
        let step = if body.height >= 26 { 2 } else { 1 };
        for (i, field) in FIELDS.iter().enumerate() {
            let y = body.y + 2 + i as u16 * step;
            if y >= body.bottom() {
                break;
            }
            let focused = i == self.focus;
            let star = if field.is_personal() { " *" } else { "" };
            let marker = if focused { ">" } else { " " };
            let style = if focused { theme.title } else { theme.text };
            buf.set_string(
                body.x,
                y,
                format!("{marker} {}{star}", field.label().get(lang)),
                style,
            );
            let area = Rect::new(field_x, y, field_w, 1);
            if field.is_choice() {
                let text = format!("< {} >", self.association.legal_form.label(lang));
                let s = if focused { theme.selected } else { theme.field };
                buf.set_string(area.x, y, text, s);
            } else {
                if focused {
                    cursor = self.inputs[i].render(area, buf, theme.field);
                } else {
                    self.inputs[i].render_idle(area, buf, theme.field);
                }
            }
            if self.errors[i].is_some() {
                buf.set_string(area.right() + 1, y, "!", theme.error);
            }
        }
        // The problems, each with its field's name, under the form.
        let mut ey = body.y + 3 + FIELDS.len() as u16 * step;
        for (i, e) in self.errors.iter().enumerate() {
            if let Some(e) = e
                && ey + 1 < body.bottom()
            {
                let text =
                    Ui::ProfileErrors.fill(lang, &[&FIELDS[i].label().get(lang), &e.get(lang)]);
                buf.set_stringn(body.x + 2, ey, text, body.width.into(), theme.error);
                ey += 1;
            }
        }
        let note_y = body.bottom().saturating_sub(1);
        buf.set_string(
            body.x + 2,
            note_y,
            Ui::PersonalDataNote.get(lang),
            theme.dim,
        );
        cursor
    }
}

/// Commands on the profile form.
pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let Screen::Profile(p) = &mut app.screen else {
        return Vec::new();
    };
    match cmd {
        Cmd::Up => p.move_focus(-1),
        Cmd::Down => p.move_focus(1),
        Cmd::Enter if p.focus + 1 == FIELDS.len() => done(app),
        Cmd::Enter => p.move_focus(1),
        Cmd::Left => p.cycle_legal(-1),
        Cmd::Right => p.cycle_legal(1),
        Cmd::Done => done(app),
        _ => Vec::new(),
    }
}

/// Leave the form: save, then (once the store has answered) go on.
fn done(app: &mut App) -> Vec<Effect> {
    let Screen::Profile(p) = &mut app.screen else {
        return Vec::new();
    };
    let effects = p.commit();
    let untouched = p.association.id.is_empty()
        && p.inputs
            .iter()
            .all(|i| i.value().is_empty() || i.value() == "FR");
    if untouched {
        return app.go_home();
    }
    if let Some(first) = p.errors.iter().position(Option::is_some) {
        // Something is refused (or the name is missing): stay on it, the message is on screen.
        p.focus = first;
        return effects;
    }
    if effects.is_empty() {
        return go_on(app);
    }
    p.leaving = true;
    effects
}

fn go_on(app: &mut App) -> Vec<Effect> {
    let Screen::Profile(p) = &app.screen else {
        return Vec::new();
    };
    if p.new_flow
        && !p.association.id.is_empty()
        && let Some(w) = &app.workshop
    {
        // In a workshop, a new association starts at once on the workshop's questionnaire.
        return vec![Effect::StartAudit {
            association_id: p.association.id.clone(),
            questionnaire_id: w.questionnaire_id.clone(),
            workshop_id: Some(w.id.clone()),
        }];
    }
    if p.new_flow && !p.association.id.is_empty() {
        // A new association goes on to its first audit; cancelling the choice comes back to
        // the form, so no association is left behind without an audit by accident.
        let choose = Choose::new(p.association.id.clone(), p.association.name.clone());
        app.overlay = Some(Overlay::Choose(choose));
        return Vec::new();
    }
    app.go_home()
}

/// Results for the profile form.
pub fn result(app: &mut App, event: Event) -> Vec<Effect> {
    match event {
        Event::AssociationLoaded(a) => {
            app.screen = Screen::Profile(Box::new(Profile::new(Some(a))));
            Vec::new()
        }
        Event::AssociationSaved { association, at } => {
            let Screen::Profile(p) = &mut app.screen else {
                return Vec::new();
            };
            p.association.id = association.id;
            p.saved_at = Some(at);
            if p.leaving {
                p.leaving = false;
                return go_on(app);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
