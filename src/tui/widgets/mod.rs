//! Small drawing helpers shared by the screens: the screen frame (title line, body, message
//! line, hint bar), width-aware truncation, centred boxes and the "terminal too small" notice.

pub mod choices;
pub mod line_input;
pub mod question;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub use line_input::LineInput;

use super::keymap::{self, Cmd, Mode};
use super::theme::Theme;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;

/// The design size; below it the screen says so instead of drawing a broken layout.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 22;

/// Cut `s` to at most `width` columns, ending with "…" when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Cut `s` to at most `width` columns by taking out its middle, so the end (a file's
/// extension) stays: "diagnostic-les-jar…2026-11-24.html".
pub fn shorten_middle(s: &str, width: usize) -> String {
    if s.width() <= width || width < 5 {
        return truncate(s, width);
    }
    let graphemes: Vec<&str> = s.graphemes(true).collect();
    let tail_w = (width - 1) / 2;
    let mut tail = Vec::new();
    let mut used = 0;
    for g in graphemes.iter().rev() {
        if used + g.width() > tail_w {
            break;
        }
        used += g.width();
        tail.push(*g);
    }
    tail.reverse();
    let head = truncate(s, width - used);
    format!("{head}{}", tail.concat())
}

/// Pad or cut `s` to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = truncate(s, width);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// The parts of a screen: title line, body, message line, hint bar.
pub struct Chrome {
    pub title: Rect,
    pub body: Rect,
    pub message: Rect,
    pub hints: Rect,
}

pub fn chrome(area: Rect) -> Chrome {
    let [title, body, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Chrome {
        title,
        body,
        message,
        hints,
    }
}

/// The title line: `left` from the left edge, `right` flush right, in the title style.
pub fn title_line(area: Rect, buf: &mut Buffer, theme: &Theme, left: &str, right: Line) {
    buf.set_style(area, theme.selected);
    let right_w = right.width();
    let left_w = usize::from(area.width).saturating_sub(right_w + 4);
    buf.set_stringn(
        area.x + 1,
        area.y,
        truncate(left, left_w),
        left_w,
        theme.selected,
    );
    let x = area.x + area.width.saturating_sub(right_w as u16 + 1);
    buf.set_line(x, area.y, &right, right_w as u16);
}

/// The hint bar for `mode`: keys in the key style, then their description; items that do not
/// fit are left out (the full list is in the `?` help), and so are the commands in `omit`
/// (scrolling a page that fits).
pub fn hint_bar(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    (mode, omit): (Mode, &[Cmd]),
    lang: Lang,
) {
    let mut hints = keymap::hints(mode, lang);
    hints.retain(|(cmd, _, _)| !omit.contains(cmd));
    // Help first, then the way out, then the rest in table order, while they fit; shown in
    // table order.
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&i| match hints[i].0 {
        Cmd::Help => 0,
        Cmd::Quit | Cmd::Back | Cmd::Done | Cmd::LeaveField => 1,
        _ => 2,
    });
    let mut keep = vec![false; hints.len()];
    // The last item's two trailing spaces may fall off the edge.
    let mut used = 1usize;
    for i in order {
        let (_, key, desc) = &hints[i];
        let w = key.width() + desc.width() + 3;
        if used + w <= usize::from(area.width) + 2 {
            used += w;
            keep[i] = true;
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (_, key, desc)) in hints.iter().enumerate() {
        if keep[i] {
            spans.push(Span::styled(key.clone(), theme.key));
            spans.push(Span::styled(format!(" {desc}  "), theme.dim));
        }
    }
    Line::from(spans).render(area, buf);
}

/// The message line: an error (with its "!" or "Erreur :" prefix) or a notice.
pub fn message_line(area: Rect, buf: &mut Buffer, theme: &Theme, text: &str, error: bool) {
    let style = if error { theme.error } else { theme.ok };
    buf.set_stringn(
        area.x + 1,
        area.y,
        truncate(text, usize::from(area.width.saturating_sub(2))),
        usize::from(area.width),
        style,
    );
}

/// A box of `width`×`height` centred in `area` (clamped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clear `area` and draw a bordered popup titled `title`; returns the inner area.
pub fn popup(area: Rect, buf: &mut Buffer, theme: &Theme, title: &str) -> Rect {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Wrapped text in a style.
pub fn paragraph(area: Rect, buf: &mut Buffer, text: &str, style: Style) {
    Paragraph::new(text)
        .style(style)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// Greedy word wrap by display width (paragraphs kept).
pub fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    // French typography: no line break before ? ! : ; » or after «.
    let text = text
        .replace(" ?", "\u{a0}?")
        .replace(" !", "\u{a0}!")
        .replace(" :", "\u{a0}:")
        .replace(" ;", "\u{a0};")
        .replace(" »", "\u{a0}»")
        .replace("« ", "«\u{a0}");
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if candidate.width() > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line = truncate(word, width);
            } else {
                line = truncate(&candidate, width);
            }
        }
        lines.push(line);
    }
    lines
}

/// The notice drawn instead of a screen on a terminal smaller than 80×22 (`App` then takes no
/// key but Ctrl-C).
pub fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme, lang: Lang) {
    let text = format!(
        "{}\n\n{}",
        Ui::TooSmall.fill(lang, &[&area.width, &area.height]),
        Ui::TooSmallQuit.get(lang)
    );
    let lines = if area.width < 30 { 8 } else { 4 };
    let inner = centered(area, area.width, lines);
    Paragraph::new(text)
        .style(theme.error)
        .alignment(ratatui::layout::Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_columns_not_bytes() {
        assert_eq!(truncate("Éducation populaire", 9), "Éducatio…");
        assert_eq!(truncate("court", 9), "court");
        assert_eq!(fit("é", 3), "é  ");
        let name = "diagnostic-les-jardins-partagés-de-la-croix-rousse-2026-11-24.html";
        let short = shorten_middle(name, 30);
        assert_eq!(short.width(), 30);
        assert!(short.starts_with("diagnostic-") && short.ends_with("-11-24.html"));
        assert!(short.contains('…'));
    }
}
