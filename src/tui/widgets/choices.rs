//! The options of a choice-like question as the walk draws them (numbered, past nine too,
//! scrolled to the highlight), and the sections list with its completion and note marks.

use std::collections::BTreeMap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::super::theme::Theme;
use super::{fit, truncate};
use crate::audit::{Answer, Value};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::questionnaire::{Kind, Question};
use crate::walk::{Walk, draft};

/// The options of a choice-like question, scrolled to keep the highlight in view; returns the
/// rows used.
pub(super) fn options(
    w: &Walk,
    q: &Question,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    lang: Lang,
) -> u16 {
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

/// A section's completion mark, the same in the side panel and the sections list: `-` nothing
/// to answer there, `x` done, blank still to do.
pub fn section_mark(p: crate::walk::Progress) -> &'static str {
    if p.total == 0 {
        "-"
    } else if p.is_complete() {
        "x"
    } else {
        " "
    }
}

/// Whether section `i` of the walk holds a question with a note.
pub fn section_noted(w: &Walk, i: usize, notes: &BTreeMap<String, String>) -> bool {
    w.questionnaire().sections.get(i).is_some_and(|sec| {
        sec.questions
            .iter()
            .any(|q| notes.get(&q.id).is_some_and(|n| !n.trim().is_empty()))
    })
}

/// The section list of wide terminals, with completion marks (and ✎ where a question has a
/// note).
pub fn sections_panel(
    w: &Walk,
    notes: &BTreeMap<String, String>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    lang: Lang,
) {
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
        let mark = section_mark(p);
        let noted = if section_noted(w, i, notes) {
            "✎ "
        } else {
            ""
        };
        let counts = format!("{noted}{}/{}", p.answered, p.total);
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
