//! The minijinja templates of the text formats: embedded in the binary at build time
//! (`exports/templates/`), each overridable by a file of the same name in a `--templates DIR`.
//!
//! Escaping is on by default and chosen by the template's name: `*.html.j2` escapes HTML,
//! `*.md.j2` escapes Markdown (see [`super::escape::markdown`]), `*.txt.j2` and `*.css` write
//! values as they are (they are already cleaned, one-line strings). A template opts out of
//! escaping only by writing `|safe`, which ours do only for SVG built by `svg.rs`.

use std::path::Path;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

use super::ExportError;
use super::escape;

/// Every template name, with its embedded default.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "report.md.j2",
        include_str!("../../exports/templates/report.md.j2"),
    ),
    (
        "report.html.j2",
        include_str!("../../exports/templates/report.html.j2"),
    ),
    (
        "style.css",
        include_str!("../../exports/templates/style.css"),
    ),
    (
        "annonce.txt.j2",
        include_str!("../../exports/templates/annonce.txt.j2"),
    ),
    (
        "workshop.html.j2",
        include_str!("../../exports/templates/workshop.html.j2"),
    ),
    (
        "compare.html.j2",
        include_str!("../../exports/templates/compare.html.j2"),
    ),
    (
        "compare.md.j2",
        include_str!("../../exports/templates/compare.md.j2"),
    ),
    (
        "paper.html.j2",
        include_str!("../../exports/templates/paper.html.j2"),
    ),
];

/// Any serialisable value as a template value.
pub fn ser<T: Serialize>(t: T) -> Value {
    Value::from(minijinja::value::Serde(t))
}

/// The loaded templates.
pub struct Templates {
    env: Environment<'static>,
}

fn auto_escape(name: &str) -> AutoEscape {
    let name = name.strip_suffix(".j2").unwrap_or(name);
    match name.rsplit('.').next() {
        Some("html") => AutoEscape::Html,
        Some("md") => AutoEscape::Custom("markdown".into()),
        _ => AutoEscape::None,
    }
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(auto_escape);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.set_formatter(|out, state, value| {
        if let AutoEscape::Custom(name) = state.auto_escape()
            && name == "markdown"
        {
            if value.is_safe() || value.is_none() || value.is_undefined() {
                let s = if value.is_none() || value.is_undefined() {
                    String::new()
                } else {
                    value.to_string()
                };
                return out.write_str(&s).map_err(minijinja::Error::from);
            }
            return out
                .write_str(&escape::markdown(&value.to_string()))
                .map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env
}

impl Templates {
    /// The templates built into the binary.
    pub fn embedded() -> Templates {
        let mut env = environment();
        for (name, source) in EMBEDDED {
            // The embedded templates are tested; a broken one is a build defect, reported when
            // rendering (the name is then missing) rather than by a panic here.
            let _ = env.add_template_owned(*name, *source);
        }
        Templates { env }
    }

    /// The embedded templates, each replaced by the file of the same name in `dir` when there
    /// is one. A file that does not parse is an error naming it.
    pub fn with_dir(dir: &Path) -> Result<Templates, ExportError> {
        if !dir.is_dir() {
            return Err(ExportError::msg(
                format!("dossier de modèles introuvable : {}", dir.display()),
                format!("templates folder not found: {}", dir.display()),
            ));
        }
        let mut env = environment();
        for (name, source) in EMBEDDED {
            let path = dir.join(name);
            let text = if path.is_file() {
                crate::bounded::read(&path, crate::bounded::MAX_FILE)
                    .map_err(|e| {
                        ExportError::msg(
                            format!("lecture de {} impossible : {}", path.display(), e.fr()),
                            format!("cannot read {}: {}", path.display(), e.en()),
                        )
                    })
                    .and_then(|bytes| {
                        String::from_utf8(bytes).map_err(|e| {
                            ExportError::msg(
                                format!(
                                    "{} : ce n'est pas du texte UTF-8 valide (octet {})",
                                    path.display(),
                                    e.utf8_error().valid_up_to()
                                ),
                                format!(
                                    "{}: not valid UTF-8 text (byte {})",
                                    path.display(),
                                    e.utf8_error().valid_up_to()
                                ),
                            )
                        })
                    })?
            } else {
                source.to_string()
            };
            env.add_template_owned(*name, text).map_err(|e| {
                ExportError::msg(
                    format!("modèle {} invalide : {e}", path.display()),
                    format!("invalid template {}: {e}", path.display()),
                )
            })?;
        }
        Ok(Templates { env })
    }

    /// Render `name` with `ctx`.
    pub fn render(&self, name: &str, ctx: impl Serialize) -> Result<String, ExportError> {
        let render = || -> Result<String, minijinja::Error> {
            self.env.get_template(name)?.render(ser(&ctx))
        };
        render().map_err(|e| {
            let mut detail = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                detail.push_str(&format!(": {s}"));
                source = s.source();
            }
            ExportError::msg(
                format!("échec du modèle {name} : {detail}"),
                format!("template {name} failed: {detail}"),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_templates_escape_by_default() {
        let mut env = environment();
        env.add_template("t.md.j2", "- {{ x }} / {{ y|safe }}")
            .unwrap();
        let out = env
            .get_template("t.md.j2")
            .unwrap()
            .render(minijinja::context! { x => "# *x*", y => "**b**" })
            .unwrap();
        assert_eq!(out, "- \\# \\*x\\* / **b**");
    }

    #[test]
    fn html_templates_escape_by_default() {
        let mut env = environment();
        env.add_template("t.html.j2", "<p>{{ x }}</p>").unwrap();
        let out = env
            .get_template("t.html.j2")
            .unwrap()
            .render(minijinja::context! { x => "<script>" })
            .unwrap();
        assert_eq!(out, "<p>&lt;script&gt;</p>");
    }
}
