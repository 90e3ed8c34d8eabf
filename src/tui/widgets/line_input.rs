//! A one-line text field: a value and a cursor that moves by grapheme cluster, drawn with
//! horizontal scrolling so the cursor stays in view, measured in terminal columns (an "é" typed
//! as `e` + U+0301 is one cluster, one column). The value is NFC-normalised when read out.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Pasted text for a one-line field: each line break or tab (or run of them) one space, the
/// other control characters dropped, leading and trailing breaks removed.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.trim_matches(['\r', '\n']).chars() {
        if matches!(c, '\r' | '\n' | '\t') {
            if !gap {
                out.push(' ');
            }
            gap = true;
        } else if !c.is_control() {
            out.push(c);
            gap = false;
        }
    }
    out
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    value: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
}

impl LineInput {
    /// A field holding `value`, the cursor at its end.
    pub fn new(value: impl Into<String>) -> LineInput {
        let value = value.into();
        LineInput {
            cursor: value.len(),
            value,
        }
    }

    /// The value as typed.
    pub fn raw(&self) -> &str {
        &self.value
    }

    /// The value, NFC-normalised and trimmed, as it should be stored.
    pub fn value(&self) -> String {
        self.value.trim().nfc().collect()
    }

    pub fn set(&mut self, value: impl Into<String>) {
        *self = LineInput::new(value);
    }

    fn prev_boundary(&self) -> usize {
        self.value[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.value[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    /// Insert text at the cursor (line breaks become spaces).
    pub fn insert(&mut self, s: &str) {
        let s: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.value.insert_str(self.cursor, &s);
        self.cursor += s.len();
        // A combining mark may have joined the previous cluster: stay on a boundary.
        if !self.value.is_char_boundary(self.cursor) {
            self.cursor = self.value.len();
        }
    }

    /// Insert pasted text whole: the field is one line, so each line break (or tab, or run of
    /// them) becomes one space; the other control characters are dropped.
    pub fn paste(&mut self, text: &str) {
        self.insert(&one_line(text));
    }

    /// Apply an editing key; returns whether it was an editing key.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.value.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.value.len(),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                let mut b = [0u8; 4];
                self.insert(c.encode_utf8(&mut b));
            }
            KeyCode::Backspace => {
                let start = self.prev_boundary();
                self.value.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            KeyCode::Delete => {
                let end = self.next_boundary();
                self.value.replace_range(self.cursor..end, "");
            }
            KeyCode::Left => self.cursor = self.prev_boundary(),
            KeyCode::Right => self.cursor = self.next_boundary(),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.value.len(),
            _ => return false,
        }
        true
    }

    /// Draw in `area` (first row only), scrolled to the cursor; returns where the terminal
    /// cursor belongs.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) -> Option<Position> {
        self.draw(area, buf, style, true)
    }

    /// Draw from the start, as a field without the keyboard.
    pub fn render_idle(&self, area: Rect, buf: &mut Buffer, style: Style) {
        self.draw(area, buf, style, false);
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, style: Style, focused: bool) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let width = usize::from(area.width);
        buf.set_style(Rect { height: 1, ..area }, style);
        let before = if focused {
            self.value[..self.cursor].width()
        } else {
            0
        };
        // Scroll so the cursor column is inside the field, keeping one column for it.
        let mut skip = before.saturating_sub(width.saturating_sub(1));
        let mut shown = String::new();
        let mut used = 0;
        for g in self.value.graphemes(true) {
            let w = g.width();
            if skip > 0 {
                skip = skip.saturating_sub(w.max(1));
                continue;
            }
            if used + w > width {
                break;
            }
            used += w;
            shown.push_str(g);
        }
        buf.set_stringn(area.x, area.y, &shown, width, style);
        let cursor_col = before.min(width.saturating_sub(1));
        Some(Position::new(area.x + cursor_col as u16, area.y))
    }
}

impl LineInput {
    /// Rows of at most `width` columns with the byte offset each starts at, and the (row,
    /// column) of the cursor. Rows break after a space (word wrap); a word longer than a row
    /// breaks between grapheme clusters.
    fn rows(&self, width: usize) -> (Vec<(usize, String)>, (usize, usize)) {
        let width = width.max(1);
        let mut rows: Vec<(usize, String)> = vec![(0, String::new())];
        let mut used = 0;
        // Where the current row may break: the offset just after its last space, and the
        // columns up to there.
        let mut space: Option<(usize, usize)> = None;
        for (i, g) in self.value.grapheme_indices(true) {
            let w = g.width();
            if used + w > width {
                let start = rows.last().map_or(0, |r| r.0);
                match space.take() {
                    Some((after, upto)) if after > start => {
                        let tail = rows
                            .last_mut()
                            .map(|r| r.1.split_off(after - start))
                            .unwrap_or_default();
                        rows.push((after, tail));
                        used -= upto;
                    }
                    _ => {
                        rows.push((i, String::new()));
                        used = 0;
                    }
                }
            }
            if let Some(last) = rows.last_mut() {
                last.1.push_str(g);
            }
            used += w;
            if g == " " {
                space = Some((i + g.len(), used));
            }
        }
        let row = rows
            .iter()
            .rposition(|(start, _)| *start <= self.cursor)
            .unwrap_or(0);
        let col = self.value[rows[row].0..self.cursor].width();
        let cursor = if col >= width {
            (row + 1, 0)
        } else {
            (row, col)
        };
        (rows, cursor)
    }

    /// How many rows the value takes at `width` columns (with room for the cursor).
    pub fn height(&self, width: usize) -> usize {
        let (rows, (cr, _)) = self.rows(width);
        rows.len().max(cr + 1)
    }

    /// Draw over several rows, wrapped; scrolled to the cursor when `focused`.
    pub fn render_wrapped(
        &self,
        area: Rect,
        buf: &mut Buffer,
        style: Style,
        focused: bool,
    ) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let (rows, (cr, cc)) = self.rows(usize::from(area.width));
        let h = usize::from(area.height);
        let top = if focused {
            (cr + 1).saturating_sub(h)
        } else {
            0
        };
        for line in 0..h {
            let y = area.y + line as u16;
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            if let Some((_, text)) = rows.get(top + line) {
                buf.set_stringn(area.x, y, text, usize::from(area.width), style);
            }
        }
        focused.then(|| Position::new(area.x + cc as u16, area.y + (cr - top) as u16))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_by_grapheme_and_reads_out_nfc() {
        let mut f = LineInput::default();
        for c in ['e', '\u{301}', 't', 'e', '\u{301}'] {
            f.handle(key(KeyCode::Char(c)));
        }
        assert_eq!(f.value(), "été");
        f.handle(key(KeyCode::Left));
        f.handle(key(KeyCode::Backspace));
        assert_eq!(f.value(), "éé");
        f.handle(key(KeyCode::End));
        f.handle(key(KeyCode::Backspace));
        assert_eq!(f.value(), "é");
    }

    #[test]
    fn wraps_and_follows_the_cursor() {
        let f = LineInput::new("abcdefghij");
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 2));
        let pos = f.render_wrapped(Rect::new(0, 0, 4, 2), &mut buf, Style::new(), true);
        // "abcd" "efgh" "ij" with the cursor after "j": the last two rows are shown.
        assert_eq!(pos, Some(Position::new(2, 1)));
        assert_eq!(buf[(0, 0)].symbol(), "e");
        assert_eq!(f.height(4), 3);
        assert_eq!(LineInput::new("abcd").height(4), 2);
    }

    #[test]
    fn wraps_at_words() {
        let f = LineInput::new("on en a trois versions");
        let (rows, cursor) = f.rows(10);
        let rows: Vec<&str> = rows.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(rows, ["on en a ", "trois ", "versions"]);
        assert_eq!(cursor, (2, 8));
        let mut g = LineInput::new("on en a trois");
        g.handle(key(KeyCode::Home));
        assert_eq!(g.rows(10).1, (0, 0));
    }

    #[test]
    fn scrolls_to_keep_the_cursor_in_view() {
        let f = LineInput::new("une association « Les Amis »");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let pos = f.render(Rect::new(0, 0, 10, 1), &mut buf, Style::new());
        assert_eq!(pos, Some(Position::new(9, 0)));
        let shown: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(shown, "es Amis » ");
    }
}
