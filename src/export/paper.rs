//! The blank paper questionnaire (`bridge::paper::Sheet`) rendered by the report's own
//! machinery: HTML from `exports/templates/paper.html.j2` with the report's stylesheet (A4
//! print rules included), PDF through `pdf_layout` with the same fonts, margins and footers.

use super::pdf_layout::{self, Block, Color, INK, MUTED};
use super::{ExportError, Templates};
use crate::bridge::paper::{BOX, Sheet};
use crate::i18n::Lang;

/// The HTML page.
pub fn html(sheet: &Sheet, lang: Lang, templates: &Templates) -> Result<String, ExportError> {
    let ctx = minijinja::context! {
        s => super::templates::ser(sheet),
        box_char => BOX,
        lang => lang.code(),
        required_word => lang.pick("obligatoire", "required"),
        only_if_word => lang.pick("Seulement si", "Only if"),
    };
    templates.render("paper.html.j2", ctx)
}

fn para(text: impl Into<String>, size: f32, color: Color, bold: bool) -> Block {
    Block::Para {
        text: text.into(),
        size,
        color,
        bold,
    }
}

/// The blocks of the PDF, in reading order.
pub fn blocks(sheet: &Sheet, lang: Lang) -> Vec<Block> {
    let line = "_".repeat(60);
    let mut out = vec![Block::Cover {
        kicker: lang
            .pick("Questionnaire vierge", "Blank questionnaire")
            .to_string(),
        title: sheet.title.clone(),
        sub: sheet.reference.clone(),
    }];
    out.push(para(&sheet.description, 9.5, INK, false));
    for i in &sheet.instructions {
        out.push(Block::Bullet {
            text: i.clone(),
            level: 0,
            color: MUTED,
        });
    }
    out.push(Block::H2(sheet.profile_title.clone()));
    for field in &sheet.profile {
        out.push(para(
            format!("{field}\u{a0}: {}", "_".repeat(40)),
            9.5,
            INK,
            false,
        ));
    }
    for part in &sheet.sections {
        out.push(Block::H2(part.title.clone()));
        if !part.intro.is_empty() {
            out.push(para(&part.intro, 8.5, MUTED, false));
        }
        if let Some(note) = &part.only_if {
            out.push(para(format!("→ {note}"), 9.5, INK, true));
        }
        for q in &part.questions {
            if let Some(note) = &q.only_if {
                out.push(para(format!("→ {note}"), 9.0, INK, true));
            }
            let required = if q.required {
                format!(" ({})", lang.pick("obligatoire", "required"))
            } else {
                String::new()
            };
            out.push(Block::H3(format!("{}. {}{required}", q.number, q.label)));
            out.push(para(format!("{} — {}", q.how, q.help), 8.0, MUTED, false));
            if let Some(blank) = &q.blank {
                out.push(para(blank, 9.5, INK, false));
            }
            for _ in 0..q.lines {
                out.push(para(&line, 9.5, MUTED, false));
            }
            for b in &q.boxes {
                out.push(Block::Bullet {
                    text: format!("{BOX} {b}"),
                    level: 1,
                    color: INK,
                });
            }
            out.push(Block::Space(4.0));
        }
    }
    out
}

/// The PDF.
pub fn pdf(sheet: &Sheet, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let fail = |e: String| {
        ExportError::msg(
            format!("création du PDF impossible\u{a0}: {e}"),
            format!("cannot create the PDF: {e}"),
        )
    };
    let footer = format!("{} — {}", sheet.title, sheet.reference);
    let laid = pdf_layout::lay_out(
        &blocks(sheet, lang),
        &footer,
        (lang.pick("page", "page"), lang.pick("sur", "of")),
    )
    .ok_or_else(|| fail("police / font".into()))?;
    pdf_layout::draw(&laid, &sheet.title, lang.code()).map_err(fail)
}

/// Every text the PDF draws, in order (for tests: the PDF's own text is compressed).
pub fn texts(sheet: &Sheet, lang: Lang) -> Vec<String> {
    let footer = format!("{} — {}", sheet.title, sheet.reference);
    pdf_layout::lay_out(&blocks(sheet, lang), &footer, ("page", "sur"))
        .map(|l| {
            l.pages
                .iter()
                .flatten()
                .filter_map(|o| o.text().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
