//! Font metrics for the PDF layout: the embedded DejaVu Sans faces, what they can draw, the
//! width of a run of text and greedy line breaking. Glyphs and advances are read with `skrifa`
//! (the font reader krilla itself uses).

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use std::io::Read;
use std::sync::OnceLock;

/// The two faces as the binary carries them: unhinted and deflated by `scripts/fonts.sh`
/// (1.47 MB of TrueType in 0.57 MB), inflated once per process by [`regular`] and [`bold`].
const REGULAR_DEFLATED: &[u8] = include_bytes!("../../../exports/fonts/DejaVuSans.pdf.ttf.zz");
const BOLD_DEFLATED: &[u8] = include_bytes!("../../../exports/fonts/DejaVuSans-Bold.pdf.ttf.zz");

fn inflate(deflated: &[u8]) -> Vec<u8> {
    let mut font = Vec::with_capacity(deflated.len() * 2);
    // The input is a constant of this binary, checked by the tests: it cannot fail here.
    flate2::read::ZlibDecoder::new(deflated)
        .read_to_end(&mut font)
        .expect("the embedded font inflates");
    font
}

/// DejaVu Sans, as TrueType.
pub(crate) fn regular() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| inflate(REGULAR_DEFLATED))
}

/// DejaVu Sans Bold, as TrueType.
pub(crate) fn bold() -> &'static [u8] {
    static FONT: OnceLock<Vec<u8>> = OnceLock::new();
    FONT.get_or_init(|| inflate(BOLD_DEFLATED))
}

/// Drawn in place of a character the font lacks.
pub(crate) const MISSING: char = '\u{25A1}';

/// One face: its character map and its advances in font units.
struct Face {
    charmap: Charmap<'static>,
    advances: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn parse(data: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(data).ok()?;
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        Some(Face {
            charmap: font.charmap(),
            advances: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        })
    }

    /// The glyph drawing `c`, if the font has one (glyph 0 is the « missing » box).
    fn glyph(&self, c: char) -> Option<GlyphId> {
        self.charmap.map(c).filter(|g| g.to_u32() != 0)
    }
}

pub(crate) struct Metrics {
    regular: Face,
    bold: Face,
}

impl Metrics {
    pub(crate) fn new() -> Option<Metrics> {
        Some(Metrics {
            regular: Face::parse(regular())?,
            bold: Face::parse(bold())?,
        })
    }

    fn face(&self, bold: bool) -> &Face {
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
                if c == ' ' || self.regular.glyph(c).is_some() {
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
        let units: f32 = s
            .chars()
            .map(|c| {
                face.glyph(c)
                    .and_then(|g| face.advances.advance_width(g))
                    .unwrap_or(0.0)
            })
            .sum();
        units * size / face.units_per_em
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The deflated faces inflate to fonts that draw French text in both weights, with the
    /// typography the documents use (no-break spaces, guillemets, the euro sign, the « □ »
    /// drawn for what is missing) — what `scripts/fonts.sh` must keep.
    #[test]
    fn the_embedded_faces_inflate_and_draw_french() {
        let metrics = Metrics::new().expect("both faces parse");
        for face in [&metrics.regular, &metrics.bold] {
            for c in "Œuvre à côté : « déjà » ? 18\u{202F}000\u{A0}€ — ça’ ✓ □".chars()
            {
                assert!(c == ' ' || face.glyph(c).is_some(), "{c:?} missing");
            }
            assert!(face.units_per_em > 0.0);
        }
        assert_eq!(metrics.drawable("✓ ok"), "✓ ok");
        assert!(regular().len() > 500_000 && bold().len() > 500_000);
    }
}
