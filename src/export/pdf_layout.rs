//! A small page-layout engine for the PDF: blocks (headings, paragraphs, bullets, tables,
//! bars, boxes) are broken into lines with the font's real advances, placed on A4 pages with
//! page breaks (a heading stays with what follows), then drawn with krilla in a second pass
//! that knows the page count for the footers. DejaVu Sans (regular and bold) is embedded and
//! subset by krilla; characters the font lacks (emoji...) are left out of the PDF only.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::text::{Font, TextDirection};

const REGULAR: &[u8] = include_bytes!("../../exports/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../exports/fonts/DejaVuSans-Bold.ttf");

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
const LEFT: f32 = 52.0;
const RIGHT: f32 = PAGE_W - 52.0;
const TOP: f32 = 58.0;
const BOTTOM: f32 = PAGE_H - 62.0;
pub const WIDTH: f32 = RIGHT - LEFT;

pub type Color = (u8, u8, u8);
pub const INK: Color = (0x1d, 0x24, 0x33);
pub const MUTED: Color = (0x5b, 0x64, 0x75);
pub const ACCENT: Color = (0x6a, 0x3d, 0x9a);
pub const ACCENT_INK: Color = (0x4b, 0x2a, 0x70);
pub const SOFT: Color = (0xf4, 0xf2, 0xf8);
pub const LINE: Color = (0xd9, 0xdd, 0xe5);
pub const OK: Color = (0x1f, 0x7a, 0x4d);
pub const NO: Color = (0xa1, 0x32, 0x2b);
pub const WARN: Color = (0x9a, 0x5b, 0x00);

/// Something to lay out.
#[derive(Debug, Clone)]
pub enum Block {
    /// The cover band: kicker, title, subtitle.
    Cover {
        kicker: String,
        title: String,
        sub: String,
    },
    H2(String),
    H3(String),
    Para {
        text: String,
        size: f32,
        color: Color,
        bold: bool,
    },
    Bullet {
        text: String,
        level: u8,
        color: Color,
    },
    /// A coloured box with a bold line of text (a verdict, a notice).
    Callout {
        text: String,
        color: Color,
        fill: Color,
    },
    /// Rows of cells; `widths` are fractions of the text width; the first row is a header
    /// when `header` is set.
    Table {
        widths: Vec<f32>,
        rows: Vec<Vec<String>>,
        header: bool,
    },
    /// Horizontal bars: (label, level, max, shown).
    Bars(Vec<(String, f64, f64, String)>),
    Space(f32),
}

/// One drawing operation, in page coordinates (origin top-left, y down).
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Color,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Color,
    },
}

impl Op {
    /// The text an op draws, for tests and checks.
    pub fn text(&self) -> Option<&str> {
        match self {
            Op::Text { text, .. } => Some(text),
            Op::Rect { .. } => None,
        }
    }
}

struct Metrics {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Metrics {
    fn new() -> Option<Metrics> {
        Some(Metrics {
            regular: ttf_parser::Face::parse(REGULAR, 0).ok()?,
            bold: ttf_parser::Face::parse(BOLD, 0).ok()?,
        })
    }

    fn face(&self, bold: bool) -> &ttf_parser::Face<'static> {
        if bold { &self.bold } else { &self.regular }
    }

    /// Keep only what the font can draw (tabs become spaces).
    fn drawable(&self, s: &str) -> String {
        s.chars()
            .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
            .filter(|&c| c == ' ' || self.regular.glyph_index(c).is_some())
            .collect()
    }

    fn width(&self, s: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        let upem = f32::from(face.units_per_em());
        let units: f32 = s
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0.0, f32::from)
            })
            .sum();
        units * size / upem
    }

    /// Greedy line breaking at spaces; a word wider than the line is cut by characters.
    fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        let text = self.drawable(text);
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if self.width(&piece, size, bold) > max && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// Pages of ops, before drawing.
pub struct Laid {
    pub pages: Vec<Vec<Op>>,
}

struct Cursor<'m> {
    m: &'m Metrics,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Cursor<'_> {
    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Make room for `h` points, breaking the page when needed.
    fn room(&mut self, h: f32) {
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
        let lead = size * 1.4;
        for line in self.m.wrap(text, size, bold, max) {
            self.room(lead);
            self.text(x, size, bold, color, line);
            self.y += lead;
        }
    }
}

fn lay_block(c: &mut Cursor, block: &Block, next_is_content: bool) {
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
            c.room(if next_is_content { 110.0 } else { 140.0 });
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
        Block::Bars(bars) => {
            let (label_w, bar_w) = (170.0, 250.0);
            for (label, level, max, shown) in bars {
                c.room(20.0);
                let lines = c.m.wrap(label, 9.5, false, label_w - 10.0);
                let first = lines.into_iter().next().unwrap_or_default();
                let lw = c.m.width(&first, 9.5, false);
                c.text(LEFT + label_w - 10.0 - lw, 9.5, false, INK, first);
                let y = c.y + 1.0;
                c.rect(LEFT + label_w, y, bar_w, 11.0, (0xec, 0xee, 0xf3));
                let frac = if *max > 0.0 {
                    (level / max).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                if frac > 0.0 {
                    c.rect(LEFT + label_w, y, bar_w * frac as f32, 11.0, ACCENT);
                }
                c.text(LEFT + label_w + bar_w + 8.0, 9.5, false, INK, shown.clone());
                c.y += 18.0;
            }
            c.y += 4.0;
        }
        Block::Space(h) => c.y += h,
    }
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
        c.room(h);
        let top = c.y;
        let mut x = LEFT;
        for (j, (lines, w)) in cells.into_iter().zip(widths).enumerate() {
            c.y = top + pad;
            for l in lines {
                let (sz, bold, color) = if is_head {
                    (7.5, true, MUTED)
                } else {
                    (size, j == 0 && widths.len() > 2, INK)
                };
                c.text(x + pad, sz, bold, color, l);
                c.y += lead;
            }
            x += WIDTH * w;
        }
        c.y = top + h;
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

/// Lay the blocks out on pages, footers included.
pub fn lay_out(blocks: &[Block], footer: &str, page_word: (&str, &str)) -> Option<Laid> {
    let m = Metrics::new()?;
    let mut c = Cursor {
        m: &m,
        pages: Vec::new(),
        y: TOP,
    };
    for (i, b) in blocks.iter().enumerate() {
        let next_is_content = blocks
            .get(i + 1)
            .is_some_and(|n| !matches!(n, Block::H2(_) | Block::H3(_)));
        lay_block(&mut c, b, next_is_content);
    }
    let total = c.pages.len();
    let footer = m.drawable(footer);
    for (i, ops) in c.pages.iter_mut().enumerate() {
        let y = PAGE_H - 34.0;
        ops.push(Op::Rect {
            x: LEFT,
            y: y - 14.0,
            w: WIDTH,
            h: 0.6,
            color: LINE,
        });
        let f: String = m
            .wrap(&footer, 7.5, false, WIDTH - 70.0)
            .into_iter()
            .next()
            .unwrap_or_default();
        ops.push(Op::Text {
            x: LEFT,
            y,
            size: 7.5,
            bold: false,
            color: MUTED,
            text: f,
        });
        let p = format!("{} {} {} {}", page_word.0, i + 1, page_word.1, total);
        let w = m.width(&p, 7.5, false);
        ops.push(Op::Text {
            x: RIGHT - w,
            y,
            size: 7.5,
            bold: false,
            color: MUTED,
            text: p,
        });
    }
    Some(Laid { pages: c.pages })
}

fn fill(color: Color) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// Draw the laid-out pages into a PDF.
pub fn draw(laid: &Laid, title: &str, lang: &str) -> Result<Vec<u8>, String> {
    let regular = Font::new(REGULAR.to_vec().into(), 0).ok_or("font")?;
    let bold = Font::new(BOLD.to_vec().into(), 0).ok_or("font")?;
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language(lang.to_string())
            .creator("diagasso".to_string()),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size")?;
    for ops in &laid.pages {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Rect { x, y, w, h, color } => {
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        let mut pb = PathBuilder::new();
                        pb.push_rect(rect);
                        if let Some(path) = pb.finish() {
                            surface.set_fill(Some(fill(*color)));
                            surface.draw_path(&path);
                        }
                    }
                }
                Op::Text {
                    x,
                    y,
                    size,
                    bold: b,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(*color)));
                    let font = if *b { bold.clone() } else { regular.clone() };
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
            }
        }
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| format!("{e:?}"))
}
