//! The "petite annonce": a short text (under [`MAX_CHARS`] characters) describing the
//! association's needs, for the Emancip'Asso needs listing. Anonymised by default — activity
//! and département instead of the name, never a contact — since it is posted publicly; the
//! site puts people in touch. Rendered from `exports/templates/annonce.txt.j2`; when the text
//! runs long, the lists are shortened until it fits.

use serde::Serialize;

use super::view::{self, Report};
use super::{ExportError, Input, Options, Templates, labels};

/// The listing's limit, in characters.
pub const MAX_CHARS: usize = 1500;

#[derive(Serialize)]
struct Ctx<'a> {
    r: &'a Report,
    needs: Vec<&'a str>,
    tools: Vec<String>,
    software: Vec<String>,
    first_steps: Vec<&'a str>,
    t: std::collections::BTreeMap<&'static str, &'static str>,
}

/// Render the annonce. `opts.keep_name` keeps the association's name; contact details are
/// never included.
pub fn render(input: &Input, opts: &Options, templates: &Templates) -> Result<String, ExportError> {
    let opts = Options {
        anonymise: true,
        with_notes: false,
        ..*opts
    };
    let report = view::build(input, &opts);
    let plan = &report.plan;
    let mut tools: Vec<String> = Vec::new();
    for n in &plan.needs {
        for t in &n.tools {
            if !tools.contains(t) {
                tools.push(t.clone());
            }
        }
    }
    let mut software: Vec<String> = Vec::new();
    for r in &plan.recommendations {
        if !r.software.is_empty() && !software.contains(&r.software) {
            software.push(r.software.clone());
        }
    }
    let full = Ctx {
        r: &report,
        needs: plan.needs.iter().map(|n| n.label.as_str()).collect(),
        tools,
        software,
        first_steps: plan
            .roadmap
            .first()
            .map(|p| p.steps.iter().map(|s| s.title.as_str()).collect())
            .unwrap_or_default(),
        t: labels::all(opts.lang),
    };
    let mut ctx = full;
    loop {
        let text = tidy(&templates.render("annonce.txt.j2", &ctx)?);
        if text.chars().count() <= MAX_CHARS {
            return Ok(text);
        }
        // Shorten the longest list; when nothing is left to shorten, cut the text.
        let lists = [
            &mut ctx.first_steps as &mut dyn Shorten,
            &mut ctx.tools,
            &mut ctx.software,
            &mut ctx.needs,
        ];
        let longest = lists.into_iter().max_by_key(|l| l.len());
        match longest {
            Some(l) if l.len() > 1 => l.pop_one(),
            _ => {
                let cut: String = text.chars().take(MAX_CHARS - 2).collect();
                return Ok(format!("{}…\n", cut.trim_end()));
            }
        }
    }
}

/// Collapse runs of blank lines the template leaves and end with one newline.
fn tidy(s: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in s.lines().map(str::trim_end) {
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

trait Shorten {
    fn len(&self) -> usize;
    fn pop_one(&mut self);
}

impl<T> Shorten for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn pop_one(&mut self) {
        self.pop();
    }
}
