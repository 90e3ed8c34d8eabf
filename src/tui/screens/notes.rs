//! Notes: a multi-line editor (ratatui-textarea) for the note on the current question and one
//! for the general note on the audit. A note is saved when its editor is left (Tab, Esc), when
//! the app quits, and after two seconds without typing, so a crash loses at most that.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use ratatui_textarea::TextArea;
use unicode_normalization::UnicodeNormalization;

use super::super::keymap::Cmd;
use super::super::state::{Ctx, Nav, Outcome, Session, View};
use super::super::theme::Theme;
use super::super::widgets::{self, Chrome};
use crate::app::effect::{Effect, Event};
use crate::i18n::ui::Ui;

/// Ticks (half-seconds without input) before a changed note is saved.
const IDLE_TICKS: u8 = 4;

#[derive(Debug, Clone)]
pub struct Notes {
    /// The current question (id, label), if the walk stands on one.
    pub question: Option<(String, String)>,
    pub areas: [TextArea<'static>; 2],
    /// 0: the question's note; 1: the general note.
    pub focus: usize,
    pub dirty: [bool; 2],
    pub idle: u8,
    pub saved_at: Option<String>,
}

fn area_for(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(Style::new());
    t
}

impl Notes {
    pub fn new(session: &Session, lang: crate::i18n::Lang) -> Notes {
        let question = session
            .walk
            .current()
            .map(|(_, q)| (q.id.clone(), q.label.get(lang).to_string()));
        let q_note = question
            .as_ref()
            .and_then(|(id, _)| session.notes.get(id))
            .cloned()
            .unwrap_or_default();
        Notes {
            focus: if question.is_some() { 0 } else { 1 },
            question,
            areas: [area_for(&q_note), area_for(&session.note)],
            dirty: [false, false],
            idle: 0,
            saved_at: None,
        }
    }

    fn text(&self, i: usize) -> String {
        self.areas[i].lines().join("\n").nfc().collect::<String>()
    }

    pub fn key(&mut self, key: KeyEvent) {
        if self.areas[self.focus].input(key) {
            self.dirty[self.focus] = true;
        }
        self.idle = 0;
    }

    /// A paste lands whole in the note, its line breaks kept (tabs become spaces, other
    /// control characters are dropped).
    pub fn paste(&mut self, text: &str) {
        let text: String = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        if self.areas[self.focus].insert_str(&text) {
            self.dirty[self.focus] = true;
        }
        self.idle = 0;
    }

    /// Half a second without input: save what changed once the typing has paused.
    pub fn tick(&mut self, session: Option<&Session>) -> Vec<Effect> {
        self.idle = self.idle.saturating_add(1);
        if self.idle >= IDLE_TICKS {
            self.flush(session)
        } else {
            Vec::new()
        }
    }

    /// Save every changed note.
    pub fn flush(&mut self, session: Option<&Session>) -> Vec<Effect> {
        let Some(s) = session else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        for i in 0..2 {
            if !self.dirty[i] {
                continue;
            }
            let question_id = if i == 0 {
                match &self.question {
                    Some((id, _)) => Some(id.clone()),
                    None => continue,
                }
            } else {
                None
            };
            self.dirty[i] = false;
            let seen = match &question_id {
                Some(id) => s.notes.get(id).cloned().unwrap_or_default(),
                None => s.note.clone(),
            };
            effects.push(Effect::SaveNote {
                audit_id: s.audit_id.clone(),
                question_id,
                text: self.text(i),
                seen,
            });
        }
        effects
    }

    pub fn render(&self, v: &View, c: &Chrome, buf: &mut Buffer) -> Option<Position> {
        let (lang, theme) = (v.lang, v.theme);
        let right = match &self.saved_at {
            Some(at) => Line::from(Ui::NotesSaved.fill(lang, &[at])),
            None => Line::default(),
        };
        let name = v.session.map_or("", |s| s.association_name.as_str());
        let left = format!(
            "{} · {} · {}",
            Ui::AppName.get(lang),
            name,
            Ui::NotesTitle.get(lang)
        );
        widgets::title_line(c.title, buf, theme, &left, right);
        let body = c.body;
        buf.set_stringn(
            body.x + 1,
            body.y,
            Ui::NotesHint.get(lang),
            body.width.into(),
            theme.dim,
        );
        let h = body.height.saturating_sub(1) / 2;
        let tops = [body.y + 1, body.y + 1 + h];
        let titles = [
            match &self.question {
                Some((_, label)) => Ui::NoteOnQuestion.fill(lang, &[label]),
                None => Ui::NoteOnQuestion.fill(lang, &[&"—"]),
            },
            Ui::NoteGeneral.get(lang).to_string(),
        ];
        for i in 0..2 {
            let area = Rect::new(body.x, tops[i], body.width, h);
            draw_area(
                &self.areas[i],
                &titles[i],
                i == self.focus,
                area,
                buf,
                theme,
            );
        }
        None
    }
}

fn draw_area(
    t: &TextArea<'static>,
    title: &str,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let marker = if focused { "> " } else { "  " };
    let title_w = usize::from(area.width.saturating_sub(6));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { theme.title } else { theme.border })
        .title(Span::styled(
            widgets::truncate(&format!("{marker}{title} "), title_w),
            if focused { theme.title } else { theme.text },
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut t = t.clone();
    t.set_cursor_style(if focused {
        theme.selected
    } else {
        Style::new()
    });
    t.render(inner, buf);
}

/// Commands on the notes screen.
pub fn cmd(n: &mut Notes, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let effects = n.flush(cx.session.as_ref());
    record(cx.session, &effects);
    let out = Outcome::from(effects);
    match cmd {
        Cmd::SwitchNote if n.question.is_some() => {
            n.focus = 1 - n.focus;
            out
        }
        Cmd::Done => out.and_go(Nav::Walk { editing: false }),
        _ => out,
    }
}

/// Save every changed note (before quitting).
pub fn flush(n: &mut Notes, cx: &mut Ctx) -> Vec<Effect> {
    let effects = n.flush(cx.session.as_ref());
    record(cx.session, &effects);
    effects
}

/// Half a second without input.
pub fn tick(n: &mut Notes, cx: &mut Ctx) -> Vec<Effect> {
    let effects = n.tick(cx.session.as_ref());
    record(cx.session, &effects);
    effects
}

/// Keep the session's copy of the notes in step with what is being saved.
fn record(session: &mut Option<Session>, effects: &[Effect]) {
    if let Some(s) = session.as_mut() {
        for e in effects {
            if let Effect::SaveNote {
                question_id, text, ..
            } = e
            {
                match question_id {
                    Some(id) => {
                        s.notes.insert(id.clone(), text.clone());
                    }
                    None => s.note = text.clone(),
                }
            }
        }
    }
}

/// The store confirmed a note, or found it changed in another window: then the session and
/// the editor (when open) take the stored text, and the notice says so.
pub fn result(notes: Option<&mut Notes>, cx: &mut Ctx, event: Event) -> Outcome {
    match event {
        Event::NoteSaved { at, .. } => {
            if let Some(n) = notes {
                n.saved_at = Some(at);
            }
            Outcome::none()
        }
        Event::NoteChanged {
            question_id,
            current,
            message,
        } => {
            if let Some(s) = cx.session.as_mut() {
                match &question_id {
                    Some(id) if current.is_empty() => {
                        s.notes.remove(id);
                    }
                    Some(id) => {
                        s.notes.insert(id.clone(), current.clone());
                    }
                    None => s.note = current.clone(),
                }
            }
            if let Some(n) = notes {
                let shown = match &question_id {
                    Some(id) => n
                        .question
                        .as_ref()
                        .is_some_and(|(q, _)| q == id)
                        .then_some(0),
                    None => Some(1),
                };
                if let Some(i) = shown {
                    n.areas[i] = area_for(&current);
                    n.dirty[i] = false;
                }
            }
            Outcome::none().with_notice(message.get(cx.lang))
        }
        _ => Outcome::none(),
    }
}
