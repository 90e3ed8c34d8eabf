//! HTML: one self-contained file — the stylesheet inlined (with a print stylesheet for A4), the
//! charts as inline SVG, no script, no font, image or stylesheet fetched from anywhere; the only
//! addresses are plain `<a href>` links to sources. Accessible: `lang` on the root, headings in
//! order, every chart also given as a table. Rendered from `exports/templates/report.html.j2`
//! with HTML auto-escaping.

use minijinja::Value;

use super::labels::label;
use super::view;
use super::{ExportError, Input, Options, Templates, svg};

/// Render the HTML report.
pub fn render(input: &Input, opts: &Options, templates: &Templates) -> Result<String, ExportError> {
    let report = view::build(input, opts);
    let scores = &report.plan.scores;
    let radar = svg::radar(scores, label(opts.lang, "chart_radar"));
    let ends = (
        label(opts.lang, "scale_low"),
        label(opts.lang, "scale_high"),
    );
    let bars =
        (!scores.is_empty()).then(|| svg::bars(scores, label(opts.lang, "chart_bars"), ends));
    let ctx = minijinja::context! {
        r => super::templates::ser(&report),
        t => super::templates::ser(super::labels::all(opts.lang)),
        radar => radar.map(Value::from_safe_string),
        bars => bars.map(Value::from_safe_string),
    };
    templates.render("report.html.j2", ctx)
}
