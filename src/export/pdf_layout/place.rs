//! Placing blocks on pages: a cursor that walks down the page, breaks to a new one when a
//! block does not fit, and turns each block (heading, paragraph, bullet, callout, table, bars)
//! into drawing operations.

use super::metrics::Metrics;
use super::{
    ACCENT, ACCENT_INK, BOTTOM, Block, Color, INK, LEFT, LINE, MUTED, Op, PAGE_W, RIGHT, TOP, WIDTH,
};

pub(crate) struct Cursor<'m> {
    pub(crate) m: &'m Metrics,
    pub(crate) pages: Vec<Vec<Op>>,
    pub(crate) y: f32,
}

impl Cursor<'_> {
    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Make room for `h` points, breaking the page when needed.
    pub(crate) fn room(&mut self, h: f32) {
        if self.y + h > BOTTOM && self.y > TOP + 1.0 {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, size: f32, bold: bool, color: Color, text: String) {
        let y = self.y + size;
        self.ops().push(Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }

    fn lines(&mut self, x: f32, max: f32, text: &str, size: f32, bold: bool, color: Color) {
        self.lines_led(x, max, text, size, size * 1.4, bold, color);
    }

    /// [`Cursor::lines`] with its own leading (the annex sets its run-in paragraphs closer).
    #[allow(clippy::too_many_arguments)]
    fn lines_led(
        &mut self,
        x: f32,
        max: f32,
        text: &str,
        size: f32,
        lead: f32,
        bold: bool,
        color: Color,
    ) {
        for line in self.m.wrap(text, size, bold, max) {
            self.room(lead);
            self.text(x, size, bold, color, line);
            self.y += lead;
        }
    }
}

pub(crate) fn lay_block(c: &mut Cursor, block: &Block, next_is_content: bool) {
    match block {
        Block::Cover { kicker, title, sub } => {
            let title_lines = c.m.wrap(title, 22.0, true, WIDTH - 20.0);
            let h = 70.0 + 29.0 * title_lines.len() as f32;
            c.rect(0.0, 0.0, PAGE_W, h + 10.0, ACCENT);
            c.y = 34.0;
            c.text(LEFT, 9.0, true, (0xe8, 0xdf, 0xf2), kicker.to_uppercase());
            c.y += 20.0;
            for l in title_lines {
                c.text(LEFT, 22.0, true, (0xff, 0xff, 0xff), l);
                c.y += 29.0;
            }
            c.lines(LEFT, WIDTH, sub, 10.0, false, (0xf1, 0xec, 0xf7));
            c.y = h + 34.0;
        }
        Block::H2(t) => {
            // Keep a heading with what follows: a sub-heading and a few lines.
            c.room(if next_is_content { 150.0 } else { 170.0 });
            c.y += 12.0;
            c.lines(LEFT, WIDTH, t, 15.0, true, ACCENT_INK);
            let y = c.y - 2.0;
            c.rect(LEFT, y, WIDTH, 1.5, LINE);
            c.y += 8.0;
        }
        Block::H3(t) => {
            c.room(if next_is_content { 80.0 } else { 30.0 });
            c.y += 6.0;
            c.lines(LEFT, WIDTH, t, 11.5, true, INK);
            c.y += 2.0;
        }
        Block::Para {
            text,
            size,
            color,
            bold,
        } => {
            c.lines(LEFT, WIDTH, text, *size, *bold, *color);
            c.y += 4.0;
        }
        Block::Bullet { text, level, color } => {
            let indent = LEFT + 14.0 * f32::from(*level);
            let lead = 9.5 * 1.4;
            c.room(lead);
            c.text(
                indent,
                9.5,
                false,
                ACCENT,
                if *level == 0 { "•" } else { "–" }.into(),
            );
            c.lines(
                indent + 11.0,
                RIGHT - indent - 11.0,
                text,
                9.5,
                false,
                *color,
            );
            c.y += 1.5;
        }
        Block::Callout { text, color, fill } => {
            let lines = c.m.wrap(text, 11.0, true, WIDTH - 28.0);
            let h = 16.0 + 15.4 * lines.len() as f32;
            c.room(h + 6.0);
            let y = c.y;
            c.rect(LEFT, y, WIDTH, h, *fill);
            c.rect(LEFT, y, 4.0, h, *color);
            c.y += 8.0;
            for l in lines {
                c.text(LEFT + 16.0, 11.0, true, *color, l);
                c.y += 15.4;
            }
            c.y = y + h + 8.0;
        }
        Block::Table {
            widths,
            rows,
            header,
        } => lay_table(c, widths, rows, *header),
        Block::Bars { bars, ends } => lay_bars(c, bars, ends),
        Block::Small(text) => {
            // The annex's dense paragraphs: 7.5 pt on 9.75 pt, still easy to read in print.
            c.lines_led(LEFT, WIDTH, text, 7.5, 7.5 * 1.3, false, MUTED);
            c.y += 1.5;
        }
        Block::PageBreak => {
            if c.y > TOP + 1.0 {
                c.new_page();
            }
        }
        Block::Space(h) => c.y += h,
    }
}

/// The bar chart, whole on one page and inside the margins: labels right-aligned on the left,
/// a grid line per level from 1 to 4, each bar from 1 to its level ending on a dot, the ends of
/// the scale named under it.
fn lay_bars(c: &mut Cursor, bars: &[(String, Option<f64>, String)], ends: &(String, String)) {
    const ROW: f32 = 17.0;
    const MAX: f32 = 4.0;
    let (label_w, bar_w) = (190.0, WIDTH - 190.0 - 30.0);
    let h = ROW * bars.len() as f32 + 30.0;
    c.room(h);
    let top = c.y;
    let x = |level: f32| LEFT + label_w + bar_w * ((level - 1.0) / (MAX - 1.0)).clamp(0.0, 1.0);
    let bottom = top + ROW * bars.len() as f32;
    for l in 1..=4 {
        let gx = x(l as f32);
        c.rect(gx - 0.3, top, 0.6, bottom - top, LINE);
        c.y = bottom + 2.0;
        let s = l.to_string();
        let w = c.m.width(&s, 8.0, false);
        c.text(gx - w / 2.0, 8.0, false, MUTED, s);
    }
    c.y = bottom + 13.0;
    c.text(LEFT + label_w, 8.0, false, MUTED, c.m.drawable(&ends.0));
    let w = c.m.width(&ends.1, 8.0, false);
    c.text(
        LEFT + label_w + bar_w - w,
        8.0,
        false,
        MUTED,
        c.m.drawable(&ends.1),
    );
    for (i, (label, level, shown)) in bars.iter().enumerate() {
        c.y = top + ROW * i as f32 + 2.0;
        let first =
            c.m.wrap(label, 9.0, false, label_w - 12.0)
                .into_iter()
                .next()
                .unwrap_or_default();
        let lw = c.m.width(&first, 9.0, false);
        c.text(LEFT + label_w - 12.0 - lw, 9.0, false, INK, first);
        if let Some(level) = level {
            let end = x(*level as f32);
            let y = c.y + 2.0;
            c.rect(LEFT + label_w, y, end - (LEFT + label_w), 8.0, ACCENT);
            c.rect(end - 4.0, y - 2.0, 8.0, 12.0, ACCENT);
        }
        c.text(
            LEFT + label_w + bar_w + 10.0,
            9.0,
            false,
            INK,
            shown.clone(),
        );
    }
    c.y = top + h + 6.0;
}

fn lay_table(c: &mut Cursor, widths: &[f32], rows: &[Vec<String>], header: bool) {
    let pad = 4.0;
    let size = 9.0;
    let lead = size * 1.35;
    for (i, row) in rows.iter().enumerate() {
        let is_head = header && i == 0;
        let cells: Vec<Vec<String>> = row
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(j, (cell, w))| {
                let text = if is_head {
                    cell.to_uppercase()
                } else {
                    cell.clone()
                };
                let bold = is_head || j == 0 && widths.len() > 2;
                c.m.wrap(
                    &text,
                    if is_head { 7.5 } else { size },
                    bold,
                    WIDTH * w - 2.0 * pad,
                )
            })
            .collect();
        let n = cells.iter().map(Vec::len).max().unwrap_or(1);
        let h = n as f32 * lead + 2.0 * pad;
        // A row that fits stays whole; a longer one (a long note) is split between pages, line
        // by line, so nothing runs below the footer.
        c.room(h.min(3.0 * lead + 2.0 * pad));
        c.y += pad;
        for k in 0..n {
            if c.y + lead > BOTTOM {
                c.new_page();
            }
            let mut x = LEFT;
            for (j, (lines, w)) in cells.iter().zip(widths).enumerate() {
                if let Some(l) = lines.get(k) {
                    let (sz, bold, color) = if is_head {
                        (7.5, true, MUTED)
                    } else {
                        (size, j == 0 && widths.len() > 2, INK)
                    };
                    c.text(x + pad, sz, bold, color, l.clone());
                }
                x += WIDTH * w;
            }
            c.y += lead;
        }
        c.y += pad;
        c.rect(
            LEFT,
            c.y - 0.5,
            WIDTH,
            if is_head { 1.2 } else { 0.6 },
            LINE,
        );
    }
    c.y += 8.0;
}
