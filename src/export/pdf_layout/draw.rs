//! Drawing laid-out pages into a PDF with krilla: rectangles and text runs, the two embedded
//! faces, the document's title and language in its metadata, no creation date.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::text::Font;

use super::metrics::{Metrics, bold, regular};
use super::shape::Shaper;
use super::{Color, Laid, Op, PAGE_H, PAGE_W};

fn fill(color: Color) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// Draw the laid-out pages into a PDF.
pub fn draw(laid: &Laid, title: &str, lang: &str) -> Result<Vec<u8>, String> {
    let regular_font = Font::new(regular().into(), 0).ok_or("font")?;
    let bold_font = Font::new(bold().into(), 0).ok_or("font")?;
    let metrics = Metrics::new().ok_or("font")?;
    let shapers = [
        Shaper::new(regular()).ok_or("font")?,
        Shaper::new(bold()).ok_or("font")?,
    ];
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
                    let font = if *b {
                        bold_font.clone()
                    } else {
                        regular_font.clone()
                    };
                    // Each run in its own direction, placed in visual order (UAX #9): Latin
                    // beside Arabic is never mirrored, and copied text stays in logical order.
                    let mut at = *x;
                    for (run, rtl) in runs(text) {
                        let glyphs = shapers[usize::from(*b)].shape(run, rtl);
                        surface.draw_glyphs(
                            Point::from_xy(at, *y),
                            &glyphs,
                            font.clone(),
                            run,
                            *size,
                            false,
                        );
                        at += metrics.width(run, *size, *b);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| format!("{e:?}"))
}

/// A line's runs in visual order (left to right on the page), each with its direction, by the
/// Unicode bidi algorithm with a left-to-right paragraph (the reports are French or English).
pub(crate) fn runs(line: &str) -> Vec<(&str, bool)> {
    use unicode_bidi::{BidiInfo, Level};
    // Below U+0590 (Hebrew) no character is right-to-left: one run, the usual case.
    if line.chars().all(|c| (c as u32) < 0x0590) {
        return vec![(line, false)];
    }
    let info = BidiInfo::new(line, Some(Level::ltr()));
    let Some(para) = info.paragraphs.first() else {
        return vec![(line, false)];
    };
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    runs.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| (&line[r.clone()], levels[r.start].is_rtl()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn latin_beside_arabic_keeps_its_direction() {
        let r = runs("Cœur & Vélo جمعية الدراجات 2026");
        assert_eq!(r[0], ("Cœur & Vélo ", false));
        assert!(r.iter().any(|(s, rtl)| *rtl && s.contains("جمعية")));
        assert_eq!(runs("Bonjour"), [("Bonjour", false)]);
    }
}
