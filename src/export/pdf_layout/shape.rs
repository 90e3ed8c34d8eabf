//! Text shaping for the PDF: a run of one direction becomes positioned glyphs through
//! `harfrust` (the HarfBuzz project's port, on the same `read-fonts` as `skrifa` and krilla), so
//! Arabic letters join, marks sit on their base and the font's kerning applies. krilla then
//! embeds and subsets the glyphs; its own shaper (`simple-text`, on the unmaintained
//! `rustybuzz` and `ttf-parser`) is not compiled.

use harfrust::{Direction, FontRef, ShaperData, UnicodeBuffer};
use krilla::text::{GlyphId, KrillaGlyph};

/// One face ready to shape: its parsed tables and the shaper's cached data.
pub(crate) struct Shaper {
    font: FontRef<'static>,
    data: ShaperData,
}

impl Shaper {
    pub(crate) fn new(font: &'static [u8]) -> Option<Shaper> {
        let font = FontRef::new(font).ok()?;
        let data = ShaperData::new(&font);
        Some(Shaper { font, data })
    }

    /// The glyphs of `run` (one direction, as `draw::runs` splits a line), with advances and
    /// offsets in em units, each knowing the bytes of `run` it draws (so the PDF's text can be
    /// copied and read aloud in logical order).
    pub(crate) fn shape(&self, run: &str, rtl: bool) -> Vec<KrillaGlyph> {
        let shaper = self.data.shaper(&self.font).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(run);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        let out = shaper.shape(buffer, Default::default());
        let em = shaper.units_per_em() as f32;
        let infos = out.glyph_infos();
        let positions = out.glyph_positions();
        infos
            .iter()
            .zip(positions)
            .enumerate()
            .map(|(i, (info, pos))| {
                let start = info.cluster as usize;
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / em,
                    pos.x_offset as f32 / em,
                    pos.y_offset as f32 / em,
                    pos.y_advance as f32 / em,
                    start..cluster_end(infos, i, rtl, run.len()),
                    None,
                )
            })
            .collect()
    }
}

/// Where the cluster of glyph `i` ends in the text: the start of the next cluster in logical
/// order (glyphs come in visual order, so for a right-to-left run that is an earlier glyph).
fn cluster_end(infos: &[harfrust::GlyphInfo], i: usize, rtl: bool, len: usize) -> usize {
    let cluster = infos[i].cluster;
    let next = |j: &usize| infos[*j].cluster != cluster;
    let found = if rtl {
        (0..i).rev().find(next)
    } else {
        (i + 1..infos.len()).find(next)
    };
    found.map_or(len, |j| infos[j].cluster as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf_layout::metrics::regular;

    /// Latin text: one glyph per letter, clusters covering the text in order, and the advances
    /// add up to the width the line breaker measures (no kerning pair in « Plan de transition »
    /// moves it by more than a hair).
    #[test]
    fn latin_is_one_glyph_per_letter_in_order() {
        let shaper = Shaper::new(regular()).unwrap();
        let text = "Plan de transition";
        let glyphs = shaper.shape(text, false);
        assert_eq!(glyphs.len(), text.chars().count());
        let ranges: Vec<_> = glyphs.iter().map(|g| g.text_range.clone()).collect();
        assert_eq!(ranges.first().unwrap().start, 0);
        assert_eq!(ranges.last().unwrap().end, text.len());
        assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
        assert!(glyphs.iter().all(|g| g.glyph_id.to_u32() != 0));
        let width: f32 = glyphs.iter().map(|g| g.x_advance).sum();
        let measured = crate::export::pdf_layout::metrics::Metrics::new()
            .unwrap()
            .width(text, 1.0, false);
        assert!((width - measured).abs() < 0.05, "{width} vs {measured}");
    }

    /// Arabic letters join: shaped, « سمير » takes contextual forms, not the isolated glyphs the
    /// character map gives each letter alone; lam and alef make their one ligature glyph; and
    /// the right-to-left clusters still cover the whole text.
    #[test]
    fn arabic_letters_take_their_joined_forms() {
        let shaper = Shaper::new(regular()).unwrap();
        let text = "سمير";
        let glyphs = shaper.shape(text, true);
        let isolated: Vec<u32> = text
            .chars()
            .rev()
            .map(|c| shaper.shape(&c.to_string(), true)[0].glyph_id.to_u32())
            .collect();
        let joined: Vec<u32> = glyphs.iter().map(|g| g.glyph_id.to_u32()).collect();
        assert_eq!(joined.len(), isolated.len());
        assert_ne!(joined, isolated, "no joining happened");
        let mut covered: Vec<_> = glyphs.iter().map(|g| g.text_range.clone()).collect();
        covered.sort_by_key(|r| r.start);
        assert_eq!(covered.first().unwrap().start, 0);
        assert_eq!(covered.last().unwrap().end, text.len());
        assert!(covered.windows(2).all(|w| w[0].end == w[1].start));

        let ligature = shaper.shape("لا", true);
        assert_eq!(ligature.len(), 1, "lam-alef is one glyph");
        assert_eq!(ligature[0].text_range, 0.."لا".len());
    }
}
