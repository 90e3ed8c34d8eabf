//! The association's profile: a form of eleven fields, each checked as it is left, each saved
//! as it is left (the association is created when its name is first given). The contact fields
//! are marked as personal data. From "new association", leaving the form goes on to choosing a
//! questionnaire.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::super::keymap::{Cmd, Mode};
use super::super::state::{Ask, Ctx, Nav, Open, Outcome, View};
use super::super::widgets::{self, Chrome, LineInput};
use crate::app::effect::{Effect, Event};
use crate::audit::profile::{self, Field, FieldError};
use crate::audit::{Association, LegalForm};
use crate::i18n::Lang;
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

    /// A paste into the text field with the focus; returns whether it landed.
    pub fn paste(&mut self, text: &str) -> bool {
        if FIELDS[self.focus].is_choice() {
            return false;
        }
        match self.inputs.get_mut(self.focus) {
            Some(input) => {
                input.paste(text);
                true
            }
            None => false,
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
        let seen = std::mem::replace(&mut self.association, a.clone());
        vec![Effect::SaveAssociation(
            a,
            Some(Box::new(seen)).filter(|s| !s.id.is_empty()),
        )]
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
        let seen = std::mem::replace(&mut self.association, a.clone());
        if a.name.is_empty() {
            Vec::new()
        } else {
            vec![Effect::SaveAssociation(
                a,
                Some(Box::new(seen)).filter(|s| !s.id.is_empty()),
            )]
        }
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
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
                let count = matches!(
                    field,
                    Field::Members | Field::Employees | Field::Volunteers | Field::Budget
                )
                .then(|| self.inputs[i].value().trim().parse::<u64>().ok())
                .flatten();
                match (focused, count) {
                    (true, _) => cursor = self.inputs[i].render(area, buf, theme.field),
                    // A number read as the documents write it (« 18 000 »), typed as it comes.
                    (false, Some(n)) => {
                        buf.set_style(area, theme.field);
                        buf.set_stringn(
                            area.x,
                            y,
                            crate::i18n::typo::number(lang, n),
                            area.width.into(),
                            theme.field,
                        );
                    }
                    (false, None) => self.inputs[i].render_idle(area, buf, theme.field),
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
pub fn cmd(p: &mut Profile, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    match cmd {
        Cmd::Up => p.move_focus(-1).into(),
        Cmd::Down => p.move_focus(1).into(),
        Cmd::Enter if p.focus + 1 == FIELDS.len() => done(p, cx),
        Cmd::Enter => p.move_focus(1).into(),
        Cmd::Left => p.cycle_legal(-1).into(),
        Cmd::Right => p.cycle_legal(1).into(),
        Cmd::Done => done(p, cx),
        Cmd::Back if p.new_flow => abandon(p, cx.lang),
        Cmd::Back => done(p, cx),
        _ => Outcome::none(),
    }
}

/// Nothing typed yet but the country offered.
fn untouched(p: &Profile) -> bool {
    p.association.id.is_empty()
        && p.inputs
            .iter()
            .all(|i| i.value().is_empty() || i.value() == "FR")
}

/// Esc on a new association's profile: leave it, and (once something was typed or saved) ask
/// whether to abandon it, which erases what was saved of it. Nothing is left behind by
/// accident: no means back to the form.
fn abandon(p: &mut Profile, lang: Lang) -> Outcome {
    if untouched(p) {
        return Outcome::go(Nav::Home);
    }
    let name = p.inputs.first().map(LineInput::value).unwrap_or_default();
    let yes = if p.association.id.is_empty() {
        Outcome::go(Nav::Home).with_notice(Ui::ProfileAbandoned.get(lang))
    } else {
        Outcome::from(vec![Effect::EraseAssociation {
            association_id: p.association.id.clone(),
        }])
        .with_notice(Ui::Erasing.get(lang))
    };
    Outcome::confirm(Ask {
        title: Ui::AbandonTitle.get(lang).to_string(),
        body: Ui::AbandonBody.fill(lang, &[&name]),
        yes,
        no: Outcome::none(),
    })
}

/// Leave the form: save, then (once the store has answered) go on.
fn done(p: &mut Profile, cx: &Ctx) -> Outcome {
    let effects = p.commit();
    if untouched(p) {
        return Outcome::go(Nav::Home);
    }
    if let Some(first) = p.errors.iter().position(Option::is_some) {
        // Something is refused (or the name is missing): stay on it, the message is on screen.
        p.focus = first;
        return effects.into();
    }
    if effects.is_empty() {
        return go_on(p, cx);
    }
    p.leaving = true;
    effects.into()
}

fn go_on(p: &Profile, cx: &Ctx) -> Outcome {
    if p.new_flow
        && !p.association.id.is_empty()
        && let Some(w) = cx.workshop.as_ref()
    {
        // In a workshop, a new association starts at once on the workshop's questionnaire.
        return Outcome::from(vec![Effect::StartAudit {
            association_id: p.association.id.clone(),
            questionnaire_id: w.questionnaire_id.clone(),
            workshop_id: Some(w.id.clone()),
        }]);
    }
    if p.new_flow && !p.association.id.is_empty() {
        // A new association goes on to its first audit; cancelling the choice comes back to
        // the form (where Esc asks whether to abandon it).
        return Outcome::open(Open::Choose {
            association_id: p.association.id.clone(),
            association_name: p.association.name.clone(),
            follow: None,
            workshop_id: None,
        });
    }
    Outcome::go(Nav::Home)
}

/// Results for the profile form.
pub fn result(form: Option<&mut Profile>, cx: &mut Ctx, event: Event) -> Outcome {
    match event {
        Event::AssociationLoaded(a) => Outcome::go(Nav::Profile(Some(a))),
        Event::AssociationSaved { association, at } => {
            let Some(p) = form else {
                return Outcome::none();
            };
            p.association.id = association.id;
            p.saved_at = Some(at);
            if p.leaving {
                p.leaving = false;
                return go_on(p, cx);
            }
            Outcome::none()
        }
        Event::AssociationChanged { current, message } => {
            // Another window saved the profile meanwhile: the form shows what is stored and
            // stays open (even when it was being left), for the person to see and edit again.
            let Some(p) = form else {
                return Outcome::none();
            };
            let (new_flow, focus) = (p.new_flow, p.focus);
            *p = Profile::new(Some(current));
            p.new_flow = new_flow;
            p.focus = focus;
            Outcome::none().with_notice(message.get(cx.lang))
        }
        _ => Outcome::none(),
    }
}
