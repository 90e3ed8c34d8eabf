//! The walk: one question at a time with its explanation, the input its kind calls for (radio
//! list, checkboxes, number or text field, 1–5 scale, yes/no), progress gauges for the section
//! and the audit, the section list on wide terminals, the inline problem and the
//! "enregistré hh:mm:ss" mark, shown only once the store has confirmed the write. Every step is
//! a `walk::Input` to the shared state machine.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::super::keymap::{Cmd, Mode};
use super::super::state::{Ctx, Nav, Open, Outcome, Session, View};
use super::super::widgets::question::{QuestionView, sections_panel};
use super::super::widgets::{self, Chrome, LineInput};
use super::walk_choice;
use crate::app::effect::{Effect, Event, OpenedAudit};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::questionnaire::{Kind, Question};
use crate::walk::describe::{answer_text, field_text};
use crate::walk::{Input, SaveMark, Walk, draft};

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
    /// Digits typed of a choice's number, on a list of more than nine.
    pub digits: String,
    /// « Lequel ? », asked after an "other" choice.
    pub other: Option<LineInput>,
}

impl Default for WalkView {
    fn default() -> WalkView {
        WalkView {
            field: LineInput::default(),
            field_for: None,
            editing: false,
            show_help: true,
            digits: String::new(),
            other: None,
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
        if self.other.is_some() {
            return Mode::WalkOther;
        }
        let number = session
            .and_then(|s| s.walk.current())
            .is_some_and(|(_, q)| q.kind == Kind::Number);
        match (typed, self.editing) {
            (true, true) => Mode::Field,
            (true, false) if number => Mode::WalkNumber,
            (true, false) => Mode::WalkTyped,
            _ => Mode::Walk,
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if let Some(other) = &mut self.other {
            other.handle(key);
        } else if self.editing {
            self.field.handle(key);
        }
    }

    /// A paste: into the field (entered for it, on a number or text question), whole, its line
    /// breaks turned to spaces (the field is one line). On a choice question it is refused:
    /// pasted text is never read as keys. Returns whether it landed.
    pub fn paste(&mut self, session: Option<&Session>, text: &str) -> bool {
        if let Some(other) = &mut self.other {
            other.paste(text);
            return true;
        }
        let typed = session
            .and_then(|s| s.walk.current())
            .is_some_and(|(_, q)| is_typed(q));
        if !typed {
            return false;
        }
        self.editing = true;
        self.field.paste(text);
        true
    }

    /// Refill the field when the walk stands on another question (or its answer changed).
    fn sync(&mut self, walk: &Walk, force: bool) {
        let id = walk.current_id().map(str::to_string);
        if force || id != self.field_for {
            self.field = LineInput::new(field_text(walk.current_answer()));
            // The field is entered deliberately (Enter), never by arriving on the question: a
            // letter stays a command until then.
            self.editing = false;
            self.digits.clear();
            self.other = None;
            self.field_for = id;
        }
    }

    /// The view of the open audit's walk, its field refilled from the answer; `editing`: the
    /// number or text field entered at once (the review's "modifier").
    pub fn resumed(s: &Session, editing: bool) -> WalkView {
        let mut view = WalkView::default();
        view.sync(&s.walk, true);
        view.editing = editing && s.walk.current().is_some_and(|(_, q)| is_typed(q));
        view
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let s = v.session?;
        let (lang, theme) = (v.lang, v.theme);
        title(v, s, c.title, buf);
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
            mode: self.mode(Some(s)),
            digits: &self.digits,
            other: self.other.as_ref(),
            noted: s
                .walk
                .current_id()
                .is_some_and(|id| s.notes.get(id).is_some_and(|n| !n.trim().is_empty())),
        }
        .draw(body, buf)
    }
}

fn title(v: &View, s: &Session, area: Rect, buf: &mut Buffer) {
    let lang = v.lang;
    let right = match s.walk.save_mark() {
        SaveMark::Nothing => Line::default(),
        SaveMark::Pending(_) => Line::from(Span::styled(Ui::Saving.get(lang), v.theme.selected)),
        SaveMark::Saved { at, .. } => Line::from(Span::styled(
            Ui::SavedAt.fill(lang, &[at]),
            v.theme.selected,
        )),
        SaveMark::Failed { message, .. } => Line::from(Span::styled(
            Ui::SaveFailed.fill(lang, &[&message.get(lang)]),
            v.theme.error,
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
    widgets::title_line(area, buf, v.theme, &left, right);
}

/// An audit read from the store: its session, and the walk's view on it.
pub fn open(opened: OpenedAudit) -> (Session, WalkView) {
    let OpenedAudit {
        open,
        cursor,
        previous,
    } = opened;
    let (audit, association_name, questionnaire) =
        (open.audit, open.association.name, open.questionnaire);
    let walk = Walk::new(questionnaire, audit.answer_map(), cursor.as_deref());
    let session = Session {
        audit_id: audit.id.clone(),
        association_id: audit.association_id.clone(),
        association_name,
        walk,
        notes: audit.notes.clone(),
        note: audit.note.clone(),
        status: audit.status,
        previous,
    };
    let view = WalkView::resumed(&session, false);
    (session, view)
}

/// Apply walk inputs, refill the field when the question (or a typed answer) changed; at the
/// end of the walk, on to the review.
fn drive(view: &mut WalkView, s: &mut Session, lang: Lang, inputs: Vec<Input>) -> Outcome {
    let (effects, end) = s.drive(inputs);
    let answered = effects.iter().any(|e| {
        matches!(
            e,
            Effect::Walk {
                effect: crate::walk::Effect::Save { .. },
                ..
            }
        )
    });
    view.sync(&s.walk, answered && !view.editing);
    let out = Outcome::from(effects);
    if end {
        out.and_go(Nav::Review)
            .with_notice(Ui::EndReached.get(lang))
    } else {
        out
    }
}

/// Save what is typed in the field, if anything (before leaving the question or the screen).
pub fn flush(view: &mut WalkView, cx: &mut Ctx) -> Vec<Effect> {
    let Some(s) = cx.session.as_mut() else {
        return Vec::new();
    };
    if !s.walk.current().is_some_and(|(_, q)| is_typed(q)) {
        return Vec::new();
    }
    let text = view.field.raw().to_string();
    drive(
        view,
        s,
        cx.lang,
        vec![Input::SubmitText {
            text,
            advance: false,
        }],
    )
    .effects
}

/// Commands on the walk screen.
pub fn cmd(view: &mut WalkView, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    if view.other.is_some() {
        return walk_choice::other_cmd(view, cx, cmd);
    }
    let lang = cx.lang;
    let Some(s) = cx.session.as_mut() else {
        return Outcome::go(Nav::Home);
    };
    let count = s.walk.current().map_or(0, |(_, q)| draft::option_count(q));
    let before = s.walk.current_answer().cloned();
    let number = s
        .walk
        .current()
        .is_some_and(|(_, q)| q.kind == Kind::Number);
    let cmd = match cmd {
        // A digit on a number question starts the number, the field entered.
        Cmd::Digit(d) if number && !view.editing => {
            view.editing = true;
            view.field = LineInput::new(char::from(b'0' + d).to_string());
            return Outcome::none();
        }
        Cmd::Digit(d) => match walk_choice::digit(&mut view.digits, count, d) {
            Some(i) => Cmd::Pick(i as u8),
            None => return Outcome::none(),
        },
        Cmd::Enter if !view.digits.is_empty() => {
            match walk_choice::take_pending(&mut view.digits, count) {
                Some(i) => Cmd::Pick(i as u8),
                None => return Outcome::none(),
            }
        }
        other => {
            view.digits.clear();
            other
        }
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
        Cmd::Enter | Cmd::EditField if typed && !view.editing => {
            view.editing = true;
            return Outcome::none();
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
            None if s.previous.is_some() => {
                return Outcome::none().with_notice(Ui::PreviousNone.get(lang));
            }
            None => return Outcome::none(),
        },
        Cmd::ClearAnswer => vec![Input::Clear],
        Cmd::Undo => {
            let audit_id = s.audit_id.clone();
            let effects = flush(view, cx);
            if !effects.is_empty() {
                // What was typed is saved first; the next `u` undoes it.
                return Outcome::from(effects);
            }
            return Outcome::from(vec![Effect::Undo { audit_id }]);
        }
        Cmd::ToggleHelpText => {
            view.show_help = !view.show_help;
            return Outcome::none();
        }
        Cmd::Sections => return Outcome::open(Open::Sections(s.walk.section_index())),
        Cmd::Notes => return Outcome::from(flush(view, cx)).and_go(Nav::Notes),
        Cmd::Review => return Outcome::from(flush(view, cx)).and_go(Nav::Review),
        Cmd::Back => return leave(view, cx),
        _ => return Outcome::none(),
    };
    let forced = matches!(
        cmd,
        Cmd::DontKnow | Cmd::NotApplicable | Cmd::ClearAnswer | Cmd::TakePrevious
    );
    // One key replacing a real answer says so, with the way back.
    let replaced = match (cmd, s.walk.current(), s.walk.current_answer()) {
        (
            Cmd::DontKnow | Cmd::NotApplicable | Cmd::ClearAnswer,
            Some((_, q)),
            Some(a @ crate::audit::Answer::Given(_)),
        ) => Some(answer_text(q, a, lang)),
        _ => None,
    };
    let mut out = drive(view, s, lang, inputs);
    ask_which_other(view, s, lang, cmd, before.as_ref());
    if let Some(before) = replaced
        && !out.effects.is_empty()
    {
        out = out.with_notice(Ui::ReplacedUndo.fill(lang, &[&before]));
    }
    if forced && !out.effects.is_empty() {
        view.sync(&s.walk, true);
    }
    // Leaving a field with a refused value: the field goes back to the saved answer (the
    // message says why), so the person is never stuck on a value they cannot leave.
    if cmd == Cmd::LeaveField && s.walk.problem().is_some() {
        view.sync(&s.walk, true);
        view.editing = false;
    }
    out
}

/// After a pick that chose an "other" choice, ask « Lequel ? » (the answer goes to the note).
fn ask_which_other(
    view: &mut WalkView,
    s: &Session,
    lang: Lang,
    cmd: Cmd,
    before: Option<&crate::audit::Answer>,
) {
    if !matches!(cmd, Cmd::Pick(_) | Cmd::Tick) {
        return;
    }
    let Some((_, q)) = s.walk.current() else {
        return;
    };
    if walk_choice::newly_other(q, before, s.walk.current_answer()) {
        let note = s.notes.get(&q.id).map(String::as_str).unwrap_or("");
        view.other = Some(LineInput::new(walk_choice::other_text(note, lang)));
    }
}

/// The previous audit's answer to the current question, on a follow-up.
pub fn previous_answer(s: &Session) -> Option<crate::audit::Answer> {
    let id = s.walk.current_id()?;
    s.previous.as_ref()?.answers.get(id).cloned()
}

/// Back to the home screen, saying that the progress is saved.
fn leave(view: &mut WalkView, cx: &mut Ctx) -> Outcome {
    let effects = flush(view, cx);
    let Some(s) = cx.session.as_ref() else {
        return Outcome::go(Nav::Home);
    };
    if s.walk.problem().is_some() {
        return Outcome::from(effects);
    }
    let o = s.walk.overview();
    let line = Ui::ProgressLine.fill(
        cx.lang,
        &[&o.sections_done, &o.sections_total, &o.answered, &o.shown],
    );
    let text = Ui::LeftWalk.fill(cx.lang, &[&line]);
    Outcome::from(effects).and_go(Nav::Home).with_notice(text)
}

/// The last change found in the trail: go to its question and put its old answer back
/// (checked and saved like any answer, so it lands in the trail too: `u` again redoes).
fn undo(
    view: &mut WalkView,
    cx: &mut Ctx,
    question_id: String,
    old: Option<crate::audit::Answer>,
) -> Outcome {
    let lang = cx.lang;
    let Some(s) = cx.session.as_mut() else {
        return Outcome::none();
    };
    let Some(q) = s.walk.questionnaire().question(&question_id) else {
        return Outcome::none();
    };
    let label = q.label.get(lang).to_string();
    let words = match &old {
        Some(a) => answer_text(q, a, lang),
        None => Ui::NoAnswerYet.get(lang).to_string(),
    };
    let give = match old {
        Some(a) => Input::Give(a),
        None => Input::Clear,
    };
    let out = drive(view, s, lang, vec![Input::JumpTo(question_id), give]);
    view.sync(&s.walk, true);
    if s.walk.problem().is_none() {
        out.with_notice(Ui::Undone.fill(lang, &[&label, &words]))
    } else {
        out
    }
}

/// Store results for the walk.
pub fn result(view: &mut WalkView, cx: &mut Ctx, event: Event) -> Outcome {
    if let Event::UndoFound { question_id, old } = event {
        return undo(view, cx, question_id, old);
    }
    if let Event::NothingToUndo = event {
        return Outcome::none().with_notice(Ui::NothingToUndo.get(cx.lang));
    }
    let Some(s) = cx.session.as_mut() else {
        return Outcome::none();
    };
    let (input, reload) = match event {
        Event::AnswerSaved { question_id, at } => (Input::Saved { question_id, at }, false),
        Event::AnswerFailed {
            question_id,
            message,
        } => (
            Input::SaveFailed {
                question_id,
                message,
            },
            false,
        ),
        Event::AnswerChanged {
            question_id,
            current,
            message,
        } => (
            Input::ChangedElsewhere {
                question_id,
                current,
                message,
            },
            true,
        ),
        _ => return Outcome::none(),
    };
    // A reload goes back to its question: the cursor is remembered as for any move.
    let audit_id = s.audit_id.clone();
    let effects: Vec<Effect> = s
        .walk
        .apply(input)
        .into_iter()
        .map(|effect| Effect::Walk {
            audit_id: audit_id.clone(),
            effect,
        })
        .collect();
    if reload {
        view.sync(&s.walk, true);
    }
    Outcome::from(effects)
}
