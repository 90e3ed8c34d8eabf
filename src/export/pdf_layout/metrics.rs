//! Font metrics for the PDF layout: the embedded DejaVu Sans faces, what they can draw, the
//! width of a run of text and greedy line breaking.

pub(crate) const REGULAR: &[u8] = include_bytes!("../../../exports/fonts/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../../../exports/fonts/DejaVuSans-Bold.ttf");

/// Drawn in place of a character the font lacks.
pub(crate) const MISSING: char = '\u{25A1}';

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

    /// What the font can draw: tabs and newlines become spaces, invisible format characters
    /// (joiners, variation selectors, bidi marks) are dropped, and any other character the font
    /// lacks (an emoji) becomes a visible « □ » rather than vanishing. French punctuation keeps
    /// its word: the space before `?`, `!`, `:`, `;`, `»` and after `«` becomes a no-break one,
    /// so no line starts with a lone "?".
    pub(crate) fn drawable(&self, s: &str) -> String {
        let s: String = s
            .chars()
            .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
            .filter(|&c| {
                !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}')
            })
            .map(|c| {
                if c == ' ' || self.regular.glyph_index(c).is_some() {
                    c
                } else {
                    MISSING
                }
            })
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

    /// Greedy line breaking at the Unicode line-break opportunities (UAX #14, so a no-break
    /// space holds, and a line may break after a hyphen or a slash); a piece wider than a whole
    /// line (an address) is cut by characters, starting on the current line.
    pub(crate) fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        let text = self.drawable(text);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut start = 0;
        for (end, _) in unicode_linebreak::linebreaks(&text) {
            let piece = &text[start..end];
            start = end;
            let candidate = format!("{line}{piece}");
            if self.width(candidate.trim_end(), size, bold) <= max {
                line = candidate;
                continue;
            }
            let word = piece.trim_end();
            if word.is_empty() {
                continue;
            }
            let fits_a_line = self.width(word, size, bold) <= max;
            let mut cut = String::new();
            if fits_a_line {
                if !line.trim().is_empty() {
                    lines.push(line.trim_end().to_string());
                }
                line = piece.to_string();
                continue;
            } else if !line.is_empty() {
                cut = line.clone();
                line.clear();
            }
            for c in piece.chars() {
                cut.push(c);
                if self.width(cut.trim_end(), size, bold) > max && cut.chars().count() > 1 {
                    cut.pop();
                    lines.push(cut.trim_end().to_string());
                    cut.clear();
                    cut.push(c);
                }
            }
            line = cut;
        }
        let line = line.trim_end().to_string();
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}
