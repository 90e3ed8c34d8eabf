//! Font metrics for the PDF layout: the embedded DejaVu Sans faces, what they can draw, the
//! width of a run of text and greedy line breaking.

pub(crate) const REGULAR: &[u8] = include_bytes!("../../../exports/fonts/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../../../exports/fonts/DejaVuSans-Bold.ttf");

pub(crate) struct Metrics {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Metrics {
    pub(crate) fn new() -> Option<Metrics> {
        Some(Metrics {
            regular: ttf_parser::Face::parse(REGULAR, 0).ok()?,
            bold: ttf_parser::Face::parse(BOLD, 0).ok()?,
        })
    }

    fn face(&self, bold: bool) -> &ttf_parser::Face<'static> {
        if bold { &self.bold } else { &self.regular }
    }

    /// Keep only what the font can draw (tabs become spaces), and keep French punctuation with
    /// its word: the space before `?`, `!`, `:`, `;`, `»` and after `«` becomes a no-break one,
    /// so no line starts with a lone "?".
    pub(crate) fn drawable(&self, s: &str) -> String {
        let s: String = s
            .chars()
            .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
            .filter(|&c| c == ' ' || self.regular.glyph_index(c).is_some())
            .collect();
        let mut out = String::with_capacity(s.len());
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            let glue = c == ' '
                && (next.is_some_and(|n| "?!:;»".contains(n))
                    && chars.get(i + 2).is_none_or(|a| *a == ' ')
                    || prev == Some('«'));
            out.push(if glue { '\u{a0}' } else { c });
        }
        out
    }

    pub(crate) fn width(&self, s: &str, size: f32, bold: bool) -> f32 {
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

    /// Greedy line breaking at spaces; a word wider than a whole line (an address) is cut by
    /// characters, starting on the current line.
    pub(crate) fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
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
            let fits_a_line = self.width(word, size, bold) <= max;
            let mut piece = String::new();
            if fits_a_line {
                lines.push(std::mem::take(&mut line));
            } else if !line.is_empty() {
                piece = format!("{line} ");
                line.clear();
            }
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
