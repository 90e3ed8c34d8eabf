//! A small page-layout engine for the PDF: blocks (headings, paragraphs, bullets, tables,
//! bars, boxes) are broken into lines with the font's real advances (`metrics`), placed on A4
//! pages with page breaks, a heading kept with what follows (`place`), then drawn with krilla in
//! a second pass that knows the page count for the footers (`draw`). DejaVu Sans (regular and
//! bold) is embedded and subset by krilla; a character the font lacks (emoji...) is drawn as a
//! visible « □ ». Lines break at Unicode line-break opportunities (UAX #14) and are drawn in
//! visual order by the Unicode bidi algorithm (UAX #9), each run in its own direction.

mod draw;
mod metrics;
mod place;
mod shape;

pub use draw::draw;

use metrics::Metrics;
use place::Cursor;

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub(crate) const LEFT: f32 = 52.0;
pub(crate) const RIGHT: f32 = PAGE_W - 52.0;
pub(crate) const TOP: f32 = 58.0;
pub(crate) const BOTTOM: f32 = PAGE_H - 62.0;
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
    /// Horizontal bars on the 1–4 scale, the whole chart on one page: (label, level or
    /// `None` when unknown, level as shown); `ends` name the two ends of the scale.
    Bars {
        bars: Vec<(String, Option<f64>, String)>,
        ends: (String, String),
    },
    /// A small muted paragraph (annex detail).
    Small(String),
    /// Start a new page (the annex).
    PageBreak,
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

/// Pages of ops, before drawing.
pub struct Laid {
    pub pages: Vec<Vec<Op>>,
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
        // A list item stays with the first line of what it holds.
        if let (Block::Bullet { level: 0, .. }, Some(Block::Bullet { level: 1.., .. })) =
            (b, blocks.get(i + 1))
        {
            c.room(3.0 * 9.5 * 1.4);
        }
        place::lay_block(&mut c, b, next_is_content);
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
