//! Markdown: the plan in full (profile, scores, Frama.space verdict, recommendations with
//! providers and reasons, roadmap, risks, answers, catalogue date), written to read well as
//! plain text too. Rendered from `exports/templates/report.md.j2`, where every value is
//! Markdown-escaped unless the template says `|safe`.

use super::view::{self, Report};
use super::{ExportError, Input, Options, Templates, labels};

/// The template's context: the report and the fixed words.
pub(crate) fn context(report: &Report, opts: &Options) -> minijinja::Value {
    minijinja::context! {
        r => super::templates::ser(report),
        t => super::templates::ser(labels::all(opts.lang)),
    }
}

/// Render the Markdown report.
pub fn render(input: &Input, opts: &Options, templates: &Templates) -> Result<String, ExportError> {
    let report = view::build(input, opts);
    templates.render("report.md.j2", context(&report, opts))
}
