//! The walk: one question at a time with its explanation, the input its kind calls for (radio
//! list, checkboxes, number or text field, 1–5 scale, yes/no), progress gauges for the section
//! and the audit, the section list on wide terminals, the inline problem and the
//! "enregistré hh:mm:ss" mark, shown only once the store has confirmed the write. Every step is
//! a `walk::Input` to the shared state machine.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::action::{Action, Effect, OpenedAudit};
use super::super::app::{App, Screen, Session};
use super::super::keymap::{Cmd, Mode};
use super::super::overlays::{Overlay, sections::Sections};
use super::super::theme::Theme;
use super::super::widgets::{self, Chrome, LineInput, truncate};
use super::review::Review;
use crate::audit::{Answer, Value};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::questionnaire::{Kind, Question};
use crate::walk::describe::field_text;
use crate::walk::{self as engine, Input, SaveMark, Walk, draft};

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
            let side = Rect::new(body.x, body.y, 32, body.height);
            sections_panel(s, side, buf, theme, lang);
            body = Rect::new(body.x + 33, body.y, body.width - 33, body.height);
        }
        let w = &s.walk;
        let Some((section, q)) = w.current() else {
            buf.set_string(body.x + 1, body.y + 1, Ui::NoQuestion.get(lang), theme.dim);
            return None;
        };
        let x = body.x + 1;
        let width = body.width.saturating_sub(2);
        let si = w.section_index();
        let ns = w.questionnaire().sections.len();
        let head = Ui::SectionOf.fill(lang, &[&(si + 1), &ns, &section.title.get(lang)]);
        buf.set_stringn(
            x,
            body.y,
            truncate(&head, width.into()),
            width.into(),
            theme.title,
        );
        gauges(w, si, Rect::new(x, body.y + 1, width, 1), buf, theme, lang);
        let (n, total) = w.number();
        let mut meta = vec![Ui::QuestionOf.fill(lang, &[&n, &total])];
        if q.required {
            meta.push(Ui::Required.get(lang).into());
        }
        if q.kind == Kind::Multiple {
            meta.push(Ui::SeveralAnswers.get(lang).into());
        }
        let nav = Ui::PrevNext.get(lang);
        let meta_w = usize::from(width).saturating_sub(nav.width() + 2);
        buf.set_string(
            x,
            body.y + 3,
            truncate(&meta.join(" · "), meta_w),
            theme.dim,
        );
        let nav_x = (x + width).saturating_sub(nav.width() as u16);
        buf.set_string(nav_x, body.y + 3, nav, theme.dim);
        let mut y = body.y + 4;
        y += wrap(
            q.label.get(lang),
            Rect::new(x, y, width, 3),
            buf,
            theme.title,
        ) + 1;
        if self.show_help && !q.help.get(lang).is_empty() {
            let text = format!("{}{}", Ui::HelpLabel.get(lang), q.help.get(lang));
            y += wrap(&text, Rect::new(x, y, width, 3), buf, theme.dim) + 1;
        }
        // Options or field, then "je ne sais pas" / "non concerné" and the problem under them.
        let bottom = body.bottom().saturating_sub(2);
        let area = Rect::new(x, y, width, bottom.saturating_sub(y));
        let (cursor, used) = if is_typed(q) {
            (self.render_field(q, area, buf, theme, lang), 2)
        } else {
            (None, options(w, q, area, buf, theme, lang))
        };
        let mut y = (y + used + 1).min(bottom);
        if !is_typed(q) && w.draft().highlight.is_none() && w.current_answer().is_none() {
            buf.set_string(x + 2, y, Ui::ChooseHint.get(lang), theme.dim);
            y = (y + 1).min(bottom + 1);
        }
        if let Some(a @ (Answer::DontKnow | Answer::NotApplicable)) = w.current_answer() {
            let text = engine::describe::answer_text(q, a, lang);
            buf.set_string(x, y, format!("  (•) {text}"), theme.warn);
            y = (y + 1).min(bottom + 1);
        }
        if let Some(p) = w.problem() {
            let text = format!("! {}", p.get(lang));
            buf.set_stringn(
                x,
                y,
                truncate(&text, width.into()),
                width.into(),
                theme.error,
            );
        }
        cursor
    }

    fn render_field(
        &self,
        q: &Question,
        area: Rect,
        buf: &mut Buffer,
        theme: &Theme,
        lang: Lang,
    ) -> Option<Position> {
        if area.height == 0 {
            return None;
        }
        let field_w = if q.kind == Kind::Number {
            16
        } else {
            area.width.saturating_sub(4)
        };
        let marker = if self.editing { ">" } else { " " };
        buf.set_string(area.x, area.y, marker, theme.title);
        let field = Rect::new(area.x + 2, area.y, field_w, 1);
        let pos = if self.editing {
            self.field.render(field, buf, theme.field)
        } else {
            self.field.render_idle(field, buf, theme.field);
            None
        };
        if q.kind == Kind::Number {
            let mut extra = Vec::new();
            if let Some(u) = &q.unit {
                extra.push(u.get(lang).to_string());
            }
            if let Some(r) = range(q, lang) {
                extra.push(format!("({r})"));
            }
            buf.set_string(area.x + 3 + field_w, area.y, extra.join("  "), theme.text);
        }
        let hint = match (self.editing, q.kind) {
            (false, _) => Ui::FieldLeft,
            (true, Kind::Number) => Ui::FieldHintNumber,
            (true, _) => Ui::FieldHintText,
        };
        if area.height > 1 {
            buf.set_string(area.x + 2, area.y + 1, hint.get(lang), theme.dim);
        }
        pos
    }
}

fn range(q: &Question, lang: Lang) -> Option<String> {
    let f = |n: f64| engine::describe::number(n, lang);
    Some(match (q.min, q.max) {
        (Some(a), Some(b)) => Ui::Range.fill(lang, &[&f(a), &f(b)]),
        (Some(a), None) => Ui::RangeMin.fill(lang, &[&f(a)]),
        (None, Some(b)) => Ui::RangeMax.fill(lang, &[&f(b)]),
        (None, None) => return None,
    })
}

/// Wrapped text in at most `area.height` lines; returns the lines used.
fn wrap(text: &str, area: Rect, buf: &mut Buffer, style: ratatui::style::Style) -> u16 {
    let lines = widgets::wrap_lines(text, usize::from(area.width));
    let n = lines.len().min(usize::from(area.height));
    for (i, l) in lines.iter().take(n).enumerate() {
        let l = if i + 1 == n && lines.len() > n {
            truncate(&format!("{l} …"), area.width.into())
        } else {
            l.clone()
        };
        buf.set_string(area.x, area.y + i as u16, l, style);
    }
    n as u16
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
    let left = format!(
        "{} · {} · {}",
        Ui::AppName.get(lang),
        s.association_name,
        s.walk.questionnaire().title.get(lang)
    );
    widgets::title_line(area, buf, &app.theme, &left, right);
}

/// "Section ████░░ 2/5   Diagnostic ███░░░░░ 12/40 30 %".
fn gauges(w: &Walk, si: usize, area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) {
    let sp = w.section_progress(si);
    let ap = w.progress();
    let bar = |ratio: f64, width: usize| {
        let full = ((ratio * width as f64).round() as usize).min(width);
        format!("{}{}", "█".repeat(full), "░".repeat(width - full))
    };
    let spans = vec![
        Span::styled(format!("{} ", Ui::ProgressSection.get(lang)), theme.dim),
        Span::styled(bar(sp.ratio(), 10), theme.gauge),
        Span::raw(format!(" {}/{}   ", sp.answered, sp.total)),
        Span::styled(format!("{} ", Ui::ProgressAudit.get(lang)), theme.dim),
        Span::styled(bar(ap.ratio(), 20), theme.gauge),
        Span::raw(format!(" {}/{} {} %", ap.answered, ap.total, ap.percent())),
    ];
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// The options of a choice-like question, scrolled to keep the highlight in view; returns the
/// rows used.
fn options(w: &Walk, q: &Question, area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) -> u16 {
    let d = w.draft();
    let n = draft::option_count(q);
    let h = usize::from(area.height.max(1));
    let hl = d.highlight.unwrap_or(0);
    let top = hl
        .saturating_sub(h.saturating_sub(1))
        .min(n.saturating_sub(h));
    let answer = w.current_answer().and_then(Answer::value);
    for (row, i) in (top..n.min(top + h)).enumerate() {
        let (label, on) = option(q, i, answer, &d.ticked, lang);
        let mark = match (q.kind, on) {
            (Kind::Multiple, true) => "[x]",
            (Kind::Multiple, false) => "[ ]",
            (_, true) => "(•)",
            (_, false) => "( )",
        };
        let focused = d.highlight == Some(i);
        let marker = if focused { ">" } else { " " };
        let num = if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".into()
        };
        let text = format!("{marker} {mark} {num}  {label}");
        let style = if focused { theme.selected } else { theme.text };
        let text = truncate(&text, area.width.into());
        buf.set_string(area.x, area.y + row as u16, text, style);
    }
    n.min(h) as u16
}

fn option(
    q: &Question,
    i: usize,
    value: Option<&Value>,
    ticked: &[bool],
    lang: Lang,
) -> (String, bool) {
    match q.kind {
        Kind::Single => {
            let c = &q.choices[i];
            (
                c.label.get(lang).into(),
                value == Some(&Value::Choice(c.id.clone())),
            )
        }
        Kind::Multiple => (
            q.choices[i].label.get(lang).into(),
            ticked.get(i).copied().unwrap_or(false),
        ),
        Kind::Scale => {
            let end = match (&q.scale_labels, i) {
                (Some(l), 0) => l.low.get(lang).to_string(),
                (Some(l), 4) => l.high.get(lang).to_string(),
                _ => String::new(),
            };
            (end, value == Some(&Value::Number((i + 1) as f64)))
        }
        Kind::Yesno => {
            let label = if i == 0 { Ui::Yes } else { Ui::No };
            (label.get(lang).into(), value == Some(&Value::Bool(i == 0)))
        }
        Kind::Number | Kind::Text => (String::new(), false),
    }
}

fn sections_panel(s: &Session, area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) {
    let w = &s.walk;
    let block = widgets::popup(area, buf, theme, Ui::SectionsTitle.get(lang));
    let current = w.section_index();
    for (i, sec) in w.questionnaire().sections.iter().enumerate() {
        if i as u16 >= block.height {
            break;
        }
        let p = w.section_progress(i);
        let mark = if p.total == 0 {
            "-"
        } else if p.is_complete() {
            "x"
        } else {
            " "
        };
        let counts = format!("{}/{}", p.answered, p.total);
        let name_w = usize::from(block.width).saturating_sub(counts.width() + 7);
        let line = format!(
            "{} [{mark}] {} {counts}",
            if i == current { ">" } else { " " },
            widgets::fit(sec.title.get(lang), name_w)
        );
        let style = if i == current {
            theme.title
        } else {
            theme.text
        };
        buf.set_stringn(block.x, block.y + i as u16, line, block.width.into(), style);
    }
}

/// Open an audit read from the store.
pub fn open(app: &mut App, opened: OpenedAudit) -> Vec<Effect> {
    let OpenedAudit {
        audit,
        association_name,
        questionnaire,
        cursor,
    } = opened;
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
        Cmd::DontKnow => vec![Input::DontKnow],
        Cmd::NotApplicable => vec![Input::NotApplicable],
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
    let forced = matches!(cmd, Cmd::DontKnow | Cmd::NotApplicable | Cmd::ClearAnswer);
    let effects = drive(app, inputs);
    if forced
        && !effects.is_empty()
        && let (Screen::Walk(v), Some(s)) = (&mut app.screen, &app.session)
    {
        v.sync(&s.walk, true);
    }
    effects
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
pub fn result(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(s) = app.session.as_mut() else {
        return Vec::new();
    };
    let input = match action {
        Action::AnswerSaved { question_id, at } => Input::Saved { question_id, at },
        Action::AnswerFailed {
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
