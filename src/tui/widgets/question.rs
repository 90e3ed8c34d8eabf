//! Drawing one question of the walk: where it stands (section, gauges, number), its label, its
//! explanation, the input its kind calls for (radio list, checkboxes, 1–5 scale, yes/no,
//! number or text field), the "je ne sais pas" / "non concerné" mark and the inline problem.
//! Space is shared out so the label and the input always show, and the explanation takes what
//! is left (ending with "…" when cut; `i` hides it).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::keymap::{self, Cmd, Mode};
use super::super::theme::Theme;
use super::{LineInput, fit, truncate, wrap_lines};
use crate::audit::{Answer, Value};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::questionnaire::{Kind, Question};
use crate::walk::describe::{answer_text, number};
use crate::walk::previous::{PreviousAudit, Standing};
use crate::walk::{Walk, draft};

/// What drawing a question needs.
pub struct QuestionView<'a> {
    pub walk: &'a Walk,
    pub field: &'a LineInput,
    pub editing: bool,
    pub show_help: bool,
    pub theme: &'a Theme,
    pub lang: Lang,
    /// On a follow-up: the previous audit's date and answers.
    pub previous: Option<&'a PreviousAudit>,
    /// Where the keys are read: the « je ne sais pas » / « non concerné » line names the keys
    /// this mode binds.
    pub mode: Mode,
    /// Digits typed of a choice's number, on a list of more than nine.
    pub digits: &'a str,
    /// « Lequel ? » after an "other" choice.
    pub other: Option<&'a LineInput>,
    /// The question has a note.
    pub noted: bool,
}

fn is_typed(q: &Question) -> bool {
    matches!(q.kind, Kind::Number | Kind::Text)
}

impl QuestionView<'_> {
    /// Draw in `body`; returns where the terminal cursor belongs (in a field being edited).
    pub fn draw(&self, body: Rect, buf: &mut Buffer) -> Option<Position> {
        let (w, lang, theme) = (self.walk, self.lang, self.theme);
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
        self.meta(q, Rect::new(x, body.y + 3, width, 1), buf);

        let bottom = body.bottom();
        let mut y = body.y + 4;
        let label = wrap_lines(q.label.get(lang), width.into());
        y += put_lines(&label, 3, Rect::new(x, y, width, 3), buf, theme.title) + 1;
        if let Some((text, key, style)) = self.previous_line(q) {
            let mut lines = wrap_lines(&text, width.into());
            lines.truncate(2);
            lines.extend(key.map(|k| k.get(lang).to_string()));
            let n = lines.len() as u16;
            y += put_lines(&lines, n, Rect::new(x, y, width, n), buf, style) + 1;
        }
        let input_rows = self.input_rows(q, width);
        // Under the input: a blank row, then the choosing hint or the "je ne sais pas" mark,
        // then the problem (up to three rows).
        let problem = w
            .problem()
            .map(|p| wrap_lines(&format!("! {}", p.get(lang)), width.into()));
        let problem_rows = problem.as_ref().map_or(1, |l| l.len().clamp(1, 3)) as u16;
        let reserved = input_rows + 2 + problem_rows;
        if self.show_help && !q.help.get(lang).is_empty() {
            let text = format!("{}{}", Ui::HelpLabel.get(lang), q.help.get(lang));
            let lines = wrap_lines(&text, width.into());
            let room = bottom.saturating_sub(y + reserved + 1).max(1);
            y += put_lines(&lines, room, Rect::new(x, y, width, room), buf, theme.dim) + 1;
        }
        let area = Rect::new(
            x,
            y,
            width,
            bottom.saturating_sub(y + 2 + problem_rows).max(1),
        );
        let (cursor, used) = if is_typed(q) {
            self.field(q, area, buf)
        } else {
            (None, options(w, q, area, buf, theme, lang))
        };
        let mut y = (y + used + 1).min(bottom.saturating_sub(1 + problem_rows));
        let mut cursor = cursor;
        if let Some(other) = self.other {
            let label = Ui::OtherWhich.get(lang);
            buf.set_string(x + 2, y, label, theme.title);
            let fx = x + 3 + label.width() as u16;
            let fw = (x + width).saturating_sub(fx + 1).max(8);
            cursor = other.render(Rect::new(fx, y, fw, 1), buf, theme.field);
            y += 1;
        } else if !self.digits.is_empty() {
            let text = Ui::NumberPending.fill(lang, &[&self.digits]);
            buf.set_string(x + 2, y, text, theme.warn);
            y += 1;
        } else if !is_typed(q) && w.draft().highlight.is_none() && w.current_answer().is_none() {
            buf.set_string(x + 2, y, Ui::ChooseHint.get(lang), theme.dim);
            y += 1;
        }
        match w.current_answer() {
            Some(a @ (Answer::DontKnow | Answer::NotApplicable)) => {
                let text = format!("  (•) {}", answer_text(q, a, lang));
                buf.set_string(x, y, text, theme.warn);
                y += 1;
            }
            _ if self.other.is_none() => {
                // The two answers that are not a value, offered where the question takes
                // them, with the keys this mode binds (from the keymap table).
                let mut offers = Vec::new();
                if let Some(k) = keymap::key_of(self.mode, Cmd::DontKnow, lang) {
                    offers.push(format!("{k} {}", Ui::KeyDontKnow.get(lang)));
                }
                if q.not_applicable
                    && let Some(k) = keymap::key_of(self.mode, Cmd::NotApplicable, lang)
                {
                    offers.push(format!("{k} {}", Ui::KeyNotApplicable.get(lang)));
                }
                if !offers.is_empty() && y < bottom.saturating_sub(problem_rows) {
                    let text = truncate(&format!("  {}", offers.join("   ")), width.into());
                    buf.set_string(x, y, text, theme.dim);
                    y += 1;
                }
            }
            _ => {}
        }
        if let Some(p) = problem {
            let y = y.min(bottom.saturating_sub(1));
            let room = bottom.saturating_sub(y).clamp(1, 3);
            put_lines(&p, room, Rect::new(x, y, width, room), buf, theme.error);
        }
        cursor
    }

    /// On a follow-up, what the previous audit answered and where the new answer stands:
    /// still to confirm (with the key that does it), the same, or changed.
    fn previous_line(&self, q: &Question) -> Option<(String, Option<Ui>, Style)> {
        let p = self.previous?;
        let (lang, theme) = (self.lang, self.theme);
        Some(match p.standing(q, self.walk.current_answer(), lang) {
            Standing::NoPrevious => (Ui::PreviousNone.get(lang).to_string(), None, theme.dim),
            Standing::ToConfirm(text) => {
                let key = if is_typed(q) && self.editing {
                    Ui::PreviousTakeField
                } else {
                    Ui::PreviousTake
                };
                let line = Ui::PreviousAnswer.fill(lang, &[&p.date, &text]);
                (line, Some(key), theme.warn)
            }
            Standing::Same => (Ui::PreviousSame.fill(lang, &[&p.date]), None, theme.ok),
            Standing::Changed(text) => (
                Ui::PreviousChanged.fill(lang, &[&p.date, &text]),
                None,
                theme.dim,
            ),
        })
    }

    /// "Question 3/40 · obligatoire", and how to move on, flush right.
    fn meta(&self, q: &Question, area: Rect, buf: &mut Buffer) {
        let lang = self.lang;
        let (n, total) = self.walk.number();
        let mut meta = vec![Ui::QuestionOf.fill(lang, &[&n, &total])];
        if q.required {
            meta.push(Ui::Required.get(lang).into());
        }
        if q.kind == Kind::Multiple {
            meta.push(Ui::SeveralAnswers.get(lang).into());
        }
        if self.noted {
            meta.push(format!("✎ {}", Ui::NotedMark.get(lang)));
        }
        let nav = if is_typed(q) && self.editing {
            Ui::PrevNextField
        } else {
            Ui::PrevNext
        }
        .get(lang);
        let meta_w = usize::from(area.width).saturating_sub(nav.width() + 2);
        let text = truncate(&meta.join(" · "), meta_w);
        buf.set_string(area.x, area.y, text, self.theme.dim);
        let nav_x = area.right().saturating_sub(nav.width() as u16);
        buf.set_string(nav_x, area.y, nav, self.theme.dim);
    }

    fn input_rows(&self, q: &Question, width: u16) -> u16 {
        match q.kind {
            Kind::Number => 2,
            Kind::Text => {
                self.field
                    .height(usize::from(width.saturating_sub(4)))
                    .clamp(1, 4) as u16
                    + 1
            }
            _ => draft::option_count(q).min(12) as u16,
        }
    }

    /// The number or text field and the line saying how to fill it; returns the cursor and
    /// the rows used.
    fn field(&self, q: &Question, area: Rect, buf: &mut Buffer) -> (Option<Position>, u16) {
        let (lang, theme) = (self.lang, self.theme);
        let marker = if self.editing { ">" } else { " " };
        buf.set_string(area.x, area.y, marker, theme.title);
        let rows = if q.kind == Kind::Number {
            1
        } else {
            let h = self.field.height(usize::from(area.width.saturating_sub(4)));
            (h.clamp(1, 4) as u16).min(area.height.saturating_sub(1).max(1))
        };
        let width = if q.kind == Kind::Number {
            16
        } else {
            area.width.saturating_sub(4)
        };
        let rect = Rect::new(area.x + 2, area.y, width, rows);
        let pos = self
            .field
            .render_wrapped(rect, buf, theme.field, self.editing);
        if q.kind == Kind::Number {
            let mut extra = Vec::new();
            if let Some(u) = &q.unit {
                extra.push(u.get(lang).to_string());
            }
            if let Some(r) = range(q, lang) {
                extra.push(format!("({r})"));
            }
            buf.set_string(rect.right() + 1, area.y, extra.join("  "), theme.text);
        }
        let hint = match (self.editing, q.kind) {
            (false, _) => Ui::FieldLeft,
            (true, Kind::Number) => Ui::FieldHintNumber,
            (true, _) => Ui::FieldHintText,
        };
        buf.set_string(area.x + 2, area.y + rows, hint.get(lang), theme.dim);
        (pos, rows + 1)
    }
}

/// Lines into `area`, at most `max`; the last one ends with "…" when some are left out.
fn put_lines(lines: &[String], max: u16, area: Rect, buf: &mut Buffer, style: Style) -> u16 {
    let n = lines
        .len()
        .min(usize::from(max))
        .min(usize::from(area.height));
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

fn range(q: &Question, lang: Lang) -> Option<String> {
    let f = |n: f64| number(n, lang);
    Some(match (q.min, q.max) {
        (Some(a), Some(b)) => Ui::Range.fill(lang, &[&f(a), &f(b)]),
        (Some(a), None) => Ui::RangeMin.fill(lang, &[&f(a)]),
        (None, Some(b)) => Ui::RangeMax.fill(lang, &[&f(b)]),
        (None, None) => return None,
    })
}

/// "Section ████░░ 2/5   Diagnostic : 3/10 sections · 41 réponses sur 65": the section under
/// way as a bar of full and light blocks (it reads without colour), then the audit's progress
/// told as everywhere (`walk::Overview`: sections done, then answers of questions shown — no
/// percentage, which would drop when an answer reveals more questions).
fn gauges(w: &Walk, si: usize, area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) {
    let sp = w.section_progress(si);
    let o = w.overview();
    let bar = |ratio: f64, width: usize| {
        let full = ((ratio * width as f64).round() as usize).min(width);
        format!("{}{}", "█".repeat(full), "░".repeat(width - full))
    };
    let spans = vec![
        Span::styled(format!("{} ", Ui::ProgressSection.get(lang)), theme.dim),
        Span::styled(bar(sp.ratio(), 10), theme.gauge),
        Span::raw(format!(" {}/{}   ", sp.answered, sp.total)),
        Span::raw(Ui::WalkProgress.fill(
            lang,
            &[&o.sections_done, &o.sections_total, &o.answered, &o.shown],
        )),
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
        let digits = n.to_string().len();
        let num = format!("{:>digits$}", i + 1);
        let more = match (row, top > 0, top + h < n) {
            (0, true, _) => "↑",
            (r, _, true) if r + 1 == h => "↓",
            _ => " ",
        };
        let text = format!("{marker} {mark} {num}  {label}");
        let style = if focused { theme.selected } else { theme.text };
        let y = area.y + row as u16;
        buf.set_string(
            area.x,
            y,
            truncate(&text, usize::from(area.width).saturating_sub(2)),
            style,
        );
        buf.set_string(area.right().saturating_sub(1), y, more, theme.dim);
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

/// The section list of wide terminals, with completion marks.
pub fn sections_panel(w: &Walk, area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) {
    let inner = super::popup(area, buf, theme, Ui::SectionsTitle.get(lang));
    let current = w.section_index();
    let h = usize::from(inner.height.max(1));
    let top = (current + 1).saturating_sub(h);
    for (row, (i, sec)) in w
        .questionnaire()
        .sections
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .enumerate()
    {
        let p = w.section_progress(i);
        let mark = if p.total == 0 {
            "-"
        } else if p.is_complete() {
            "x"
        } else {
            " "
        };
        let counts = format!("{}/{}", p.answered, p.total);
        let name_w = usize::from(inner.width).saturating_sub(counts.width() + 7);
        let marker = if i == current { ">" } else { " " };
        let line = format!(
            "{marker} [{mark}] {} {counts}",
            fit(sec.title.get(lang), name_w)
        );
        let style = if i == current {
            theme.title
        } else {
            theme.text
        };
        buf.set_stringn(
            inner.x,
            inner.y + row as u16,
            line,
            inner.width.into(),
            style,
        );
    }
}
