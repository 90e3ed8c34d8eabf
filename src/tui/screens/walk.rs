//! The walk: one question at a time with its explanation, the input its kind calls for (radio
//! list, checkboxes, number or text field, 1–5 scale, yes/no), progress gauges for the section
//! and the audit, the section list on wide terminals, the inline problem and the
//! "enregistré hh:mm:ss" mark, shown only once the store has confirmed the write. Every step is
//! a `walk::Input` to the shared state machine.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::super::app::{App, Screen, Session};
use super::super::keymap::{Cmd, Mode};
use super::super::overlays::{Overlay, sections::Sections};
use super::super::widgets::question::{QuestionView, sections_panel};
use super::super::widgets::{self, Chrome, LineInput};
use super::review::Review;
use crate::app::effect::{Effect, Event, OpenedAudit};
use crate::i18n::ui::Ui;
use crate::questionnaire::{Kind, Question};
use crate::walk::describe::field_text;
use crate::walk::{self as engine, Input, SaveMark, Walk};

/// The walk screen's own state; the walk itself is in the session.
#[derive(Debug, Clone)]
pub struct WalkView {
    /// The field of number and text questions.
    pub field: LineInput,
    /// The question the field was filled for.
    pub field_for: Option<String>,
    /// The field has the keyboard.
    pub editing: bool,
    pub show_help: bool,
}

impl Default for WalkView {
    fn default() -> WalkView {
        WalkView {
            field: LineInput::default(),
            field_for: None,
            editing: false,
            show_help: true,
        }
    }
}

fn is_typed(q: &Question) -> bool {
    matches!(q.kind, Kind::Number | Kind::Text)
}

impl WalkView {
    pub fn mode(&self, session: Option<&Session>) -> Mode {
        let typed = session
            .and_then(|s| s.walk.current())
            .is_some_and(|(_, q)| is_typed(q));
        if typed && self.editing {
            Mode::Field
        } else {
            Mode::Walk
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if self.editing {
            self.field.handle(key);
        }
    }

    /// Refill the field when the walk stands on another question (or its answer changed).
    fn sync(&mut self, walk: &Walk, force: bool) {
        let id = walk.current_id().map(str::to_string);
        if force || id != self.field_for {
            self.field = LineInput::new(field_text(walk.current_answer()));
            self.editing = walk.current().is_some_and(|(_, q)| is_typed(q));
            self.field_for = id;
        }
    }

    pub fn render(&self, app: &App, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let Some(s) = &app.session else {
            return None;
        };
        let (lang, theme) = (app.lang, &app.theme);
        title(app, s, c.title, buf);
        let mut body = c.body;
        if body.width >= 100 {
            let side_w = (body.width / 4).clamp(32, 44);
            let side = Rect::new(body.x, body.y, side_w, body.height);
            sections_panel(&s.walk, side, buf, theme, lang);
            body = Rect::new(
                body.x + side_w + 1,
                body.y,
                body.width - side_w - 1,
                body.height,
            );
        }
        QuestionView {
            walk: &s.walk,
            field: &self.field,
            editing: self.editing,
            show_help: self.show_help,
            theme,
            lang,
            previous: s.previous.as_ref(),
        }
        .draw(body, buf)
    }
}

fn title(app: &App, s: &Session, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let right = match s.walk.save_mark() {
        SaveMark::Nothing => Line::default(),
        SaveMark::Pending(_) => Line::from(Span::styled(Ui::Saving.get(lang), app.theme.selected)),
        SaveMark::Saved { at, .. } => Line::from(Span::styled(
            Ui::SavedAt.fill(lang, &[at]),
            app.theme.selected,
        )),
        SaveMark::Failed { message, .. } => Line::from(Span::styled(
            Ui::SaveFailed.fill(lang, &[&message.get(lang)]),
            app.theme.error,
        )),
    };
    // A follow-up says so before the questionnaire's title, which may be cut.
    let followup = s
        .previous
        .as_ref()
        .map(|p| format!(" · {}", Ui::FollowupOf.fill(lang, &[&p.date])))
        .unwrap_or_default();
    let left = format!(
        "{} · {}{followup} · {}",
        Ui::AppName.get(lang),
        s.association_name,
        s.walk.questionnaire().title.get(lang)
    );
    widgets::title_line(area, buf, &app.theme, &left, right);
}

/// Open an audit read from the store.
pub fn open(app: &mut App, opened: OpenedAudit) -> Vec<Effect> {
    let OpenedAudit {
        open,
        cursor,
        previous,
    } = opened;
    let (audit, association_name, questionnaire) =
        (open.audit, open.association.name, open.questionnaire);
    let walk = Walk::new(questionnaire, audit.answer_map(), cursor.as_deref());
    let mut view = WalkView::default();
    view.sync(&walk, true);
    app.session = Some(Session {
        audit_id: audit.id.clone(),
        association_id: audit.association_id.clone(),
        association_name,
        walk,
        notes: audit.notes.clone(),
        note: audit.note.clone(),
        status: audit.status,
        previous,
    });
    app.screen = Screen::Walk(view);
    app.overlay = None;
    Vec::new()
}

/// Apply walk inputs in order (stopping at the first problem), carry the walk's effects out as
/// TUI effects, and refill the field when the question changed.
pub fn drive(app: &mut App, inputs: Vec<Input>) -> Vec<Effect> {
    let (Some(s), Screen::Walk(view)) = (app.session.as_mut(), &mut app.screen) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut end = false;
    let mut answered = false;
    for input in inputs {
        for e in s.walk.apply(input) {
            match e {
                engine::Effect::ReachedEnd => end = true,
                e => {
                    answered |= matches!(e, engine::Effect::Save { .. });
                    out.push(Effect::Walk {
                        audit_id: s.audit_id.clone(),
                        effect: e,
                    });
                }
            }
        }
        if s.walk.problem().is_some() {
            break;
        }
    }
    let typed_answer_changed = answered && !view.editing;
    view.sync(&s.walk, typed_answer_changed);
    if end {
        app.screen = Screen::Review(Review::at(&s.walk));
        app.notice(Ui::EndReached.get(app.lang));
    }
    out
}

/// Save what is typed in the field, if anything (before leaving the question or the screen).
pub fn flush(app: &mut App) -> Vec<Effect> {
    let text = match (&app.screen, &app.session) {
        (Screen::Walk(v), Some(s)) if s.walk.current().is_some_and(|(_, q)| is_typed(q)) => {
            v.field.raw().to_string()
        }
        _ => return Vec::new(),
    };
    drive(
        app,
        vec![Input::SubmitText {
            text,
            advance: false,
        }],
    )
}

/// Commands on the walk screen.
pub fn cmd(app: &mut App, cmd: Cmd) -> Vec<Effect> {
    let (Some(s), Screen::Walk(view)) = (app.session.as_ref(), &mut app.screen) else {
        return app.go_home();
    };
    let typed = s.walk.current().is_some_and(|(_, q)| is_typed(q));
    let text = view.field.raw().to_string();
    let submit = |advance| Input::SubmitText {
        text: text.clone(),
        advance,
    };
    let inputs = match cmd {
        Cmd::Up => vec![Input::Up],
        Cmd::Down => vec![Input::Down],
        Cmd::Top => vec![Input::Top],
        Cmd::Bottom => vec![Input::Bottom],
        // Space on an untouched list first shows where the highlight is.
        Cmd::Tick if s.walk.draft().highlight.is_none() => vec![Input::Down],
        Cmd::Tick => vec![Input::PickHighlighted],
        Cmd::Pick(i) => vec![Input::Pick(usize::from(i))],
        Cmd::Enter if typed && !view.editing => {
            view.editing = true;
            return Vec::new();
        }
        Cmd::Enter if typed => vec![submit(true)],
        Cmd::Enter => vec![Input::Continue],
        Cmd::NextQuestion if typed => vec![submit(false), Input::Next],
        Cmd::NextQuestion => vec![Input::Next],
        Cmd::PrevQuestion if typed => vec![submit(false), Input::Previous],
        Cmd::PrevQuestion => vec![Input::Previous],
        Cmd::LeaveField => {
            view.editing = false;
            vec![submit(false)]
        }
        // Nothing more to do on a question once it is "je ne sais pas" or "non concerné":
        // on to the next one.
        Cmd::DontKnow => vec![Input::DontKnow, Input::Continue],
        Cmd::NotApplicable => vec![Input::NotApplicable, Input::Continue],
        // A follow-up: the previous audit's answer, given again (checked like any answer),
        // then on to the next question. Without a previous answer, a message says so.
        Cmd::TakePrevious => match previous_answer(s) {
            Some(a) => vec![Input::Give(a), Input::Continue],
            None => {
                if s.previous.is_some() {
                    app.notice(Ui::PreviousNone.get(app.lang));
                }
                return Vec::new();
            }
        },
        Cmd::ClearAnswer => vec![Input::Clear],
        Cmd::ToggleHelpText => {
            view.show_help = !view.show_help;
            return Vec::new();
        }
        Cmd::Sections => {
            app.overlay = Some(Overlay::Sections(Sections::new(s.walk.section_index())));
            return Vec::new();
        }
        Cmd::Notes => {
            let mut effects = flush(app);
            effects.extend(super::notes::open(app));
            return effects;
        }
        Cmd::Review => {
            let effects = flush(app);
            if let Some(s) = &app.session {
                app.screen = Screen::Review(Review::at(&s.walk));
            }
            return effects;
        }
        Cmd::Back => return leave(app),
        _ => return Vec::new(),
    };
    let forced = matches!(
        cmd,
        Cmd::DontKnow | Cmd::NotApplicable | Cmd::ClearAnswer | Cmd::TakePrevious
    );
    let effects = drive(app, inputs);
    if let (Screen::Walk(v), Some(s)) = (&mut app.screen, &app.session) {
        if forced && !effects.is_empty() {
            v.sync(&s.walk, true);
        }
        // Leaving a field with a refused value: the field goes back to the saved answer (the
        // message says why), so the person is never stuck on a value they cannot leave.
        if cmd == Cmd::LeaveField && s.walk.problem().is_some() {
            v.sync(&s.walk, true);
            v.editing = false;
        }
    }
    effects
}

/// The previous audit's answer to the current question, on a follow-up.
pub fn previous_answer(s: &Session) -> Option<crate::audit::Answer> {
    let id = s.walk.current_id()?;
    s.previous.as_ref()?.answers.get(id).cloned()
}

/// Back to the home screen, saying that the progress is saved.
fn leave(app: &mut App) -> Vec<Effect> {
    let mut effects = flush(app);
    let Some(s) = &app.session else {
        return app.go_home();
    };
    if s.walk.problem().is_some() {
        return effects;
    }
    let p = s.walk.progress();
    let text = Ui::LeftWalk.fill(app.lang, &[&p.answered, &p.total]);
    effects.extend(app.go_home());
    app.notice(text);
    effects
}

/// Store results for the walk.
pub fn result(app: &mut App, event: Event) -> Vec<Effect> {
    let Some(s) = app.session.as_mut() else {
        return Vec::new();
    };
    let input = match event {
        Event::AnswerSaved { question_id, at } => Input::Saved { question_id, at },
        Event::AnswerFailed {
            question_id,
            message,
        } => Input::SaveFailed {
            question_id,
            message,
        },
        _ => return Vec::new(),
    };
    s.walk.apply(input);
    Vec::new()
}

/// Back to the walk from notes or review, the field refilled from the answer.
pub fn resume(app: &mut App) {
    if let Some(s) = &app.session {
        let mut view = WalkView::default();
        view.sync(&s.walk, true);
        app.screen = Screen::Walk(view);
    }
}
