//! `diagasso check` and `diagasso questionnaire list|show`: validate questionnaire files and
//! describe them for people and for other tools.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::Context;
use crate::catalog::{self, Catalog};
use crate::i18n::{Lang, Message};
use crate::questionnaire::{self, Questionnaire, shipped};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Fichiers de questionnaire ou dossiers de catalogue à valider (défaut : ceux livrés et le
    /// catalogue effectif) / questionnaire files or catalogue folders to validate (default: the
    /// shipped ones and the effective catalogue).
    pub paths: Vec<PathBuf>,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

/// Read a file as UTF-8 text, with a message that names it when that fails.
pub fn read_text(path: &std::path::Path) -> Result<String, Message> {
    let shown = path.display();
    let bytes = crate::bounded::read(path, crate::bounded::MAX_FILE)
        .map_err(|e| e.message(&shown.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Message::new(
            format!("{shown} : ce fichier n'est pas du texte UTF-8 valide (octet {at}). Réenregistrez-le en UTF-8."),
            format!("{shown}: this file is not valid UTF-8 text (byte {at}). Save it again as UTF-8."),
        )
    })
}

fn summary(q: &Questionnaire) -> serde_json::Value {
    json!({
        "id": q.id,
        "version": q.version,
        "sections": q.sections.len(),
        "questions": q.question_count(),
        "languages": ["fr", "en"],
        "hash": q.hash,
    })
}

pub fn run(ctx: &Context, args: &CheckArgs) -> ExitCode {
    let (dirs, files): (Vec<&PathBuf>, Vec<&PathBuf>) = args.paths.iter().partition(|p| p.is_dir());
    let sources: Vec<(String, Result<String, Message>)> = if args.paths.is_empty() {
        shipped::FILES
            .iter()
            .map(|(n, s)| (n.to_string(), Ok(s.to_string())))
            .collect()
    } else {
        files
            .iter()
            .map(|p| (p.display().to_string(), read_text(p)))
            .collect()
    };
    let mut loaded = Vec::new();
    let mut failed = false;
    for (name, text) in sources {
        match text {
            Err(message) => {
                errln!("{}", message.get(ctx.lang));
                failed = true;
            }
            Ok(text) => match questionnaire::load_str(&name, &text) {
                Ok(q) => loaded.push(q),
                Err(errors) => {
                    for e in &errors.0 {
                        errln!("{}", e.message(ctx.lang));
                    }
                    errln!(
                        "{}",
                        super::counted::file_errors(&name, errors.0.len()).get(ctx.lang)
                    );
                    failed = true;
                }
            },
        }
    }

    // The catalogue: the shipped one with the user's applied when no path is given, else each
    // folder given. Questionnaire tags are checked against the last catalogue that loaded.
    let catalogs: Vec<(String, Result<Catalog, catalog::CatalogErrors>)> = if args.paths.is_empty()
    {
        let user = super::catalog::user_catalog_path();
        vec![(
            "catalog/".to_string(),
            catalog::load_effective(user.as_deref()),
        )]
    } else {
        dirs.iter()
            .map(|d| (d.display().to_string(), catalog::load_dir(d, None)))
            .collect()
    };
    let mut reference: Option<Catalog> = None;
    for (name, result) in catalogs {
        match result {
            Ok(c) => {
                if !args.json {
                    outln!(
                        "{}",
                        ctx.lang.pick(
                            &format!("ok  catalogue {name} au {} : {} besoins, {} outils, {} logiciels, {} offres, {} hébergeurs", c.as_of, c.needs.len(), c.tools.len(), c.software.len(), c.offers.len(), c.hosts.len()),
                            &format!("ok  catalogue {name} as of {}: {} needs, {} tools, {} software, {} offers, {} hosts", c.as_of, c.needs.len(), c.tools.len(), c.software.len(), c.offers.len(), c.hosts.len()),
                        )
                    );
                }
                reference = Some(c);
            }
            Err(e) => {
                errln!("{}", e.message(ctx.lang));
                failed = true;
            }
        }
    }
    if reference.is_none() && !failed {
        reference = catalog::shipped().ok();
    }
    if let Some(cat) = &reference {
        for q in &loaded {
            failed |= !tags_known(ctx, q, cat);
        }
    }

    if args.json {
        let list: Vec<_> = loaded.iter().map(summary).collect();
        let cat = reference.as_ref().map(|c| {
            json!({
                "as_of": c.as_of.to_string(), "needs": c.needs.len(), "tools": c.tools.len(),
                "software": c.software.len(), "offers": c.offers.len(), "hosts": c.hosts.len(),
            })
        });
        outln!(
            "{}",
            json!({ "ok": !failed, "questionnaires": list, "catalog": cat })
        );
    } else {
        for q in &loaded {
            outln!(
                "{}",
                ctx.lang.pick(
                    &format!(
                        "ok  {} v{} : {} sections, {} questions",
                        q.id,
                        q.version,
                        q.sections.len(),
                        q.question_count()
                    ),
                    &format!(
                        "ok  {} v{}: {} sections, {} questions",
                        q.id,
                        q.version,
                        q.sections.len(),
                        q.question_count()
                    ),
                )
            );
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Every `tool` and `needs` id a questionnaire's choices name exists in the catalogue.
fn tags_known(ctx: &Context, q: &Questionnaire, cat: &Catalog) -> bool {
    let choices = || {
        q.questions()
            .flat_map(|(_, qq)| qq.choices.iter().map(move |c| (qq, c)))
    };
    let mut ok = true;
    for (question, choice) in choices() {
        let tools = choice.tool.as_deref().into_iter();
        let missing_tools = cat.unknown_tool_ids(tools);
        let missing_needs = cat.unknown_need_ids(choice.needs.iter().map(String::as_str));
        for (what_fr, what_en, unknown) in [
            ("outil", "tool", missing_tools),
            ("besoin", "need", missing_needs),
        ] {
            for u in unknown {
                ok = false;
                let hint = u.suggestion.map(|s| match ctx.lang {
                    Lang::Fr => format!(" (peut-être « {s} » ?)"),
                    Lang::En => format!(" (did you mean '{s}'?)"),
                });
                errln!(
                    "{}",
                    ctx.lang.pick(
                        &format!("{} : question « {} », choix « {} » : {what_fr} inconnu du catalogue « {} »{}", q.id, question.id, choice.id, u.id, hint.clone().unwrap_or_default()),
                        &format!("{}: question '{}', choice '{}': {what_en} '{}' is not in the catalogue{}", q.id, question.id, choice.id, u.id, hint.unwrap_or_default()),
                    )
                );
            }
        }
    }
    ok
}

pub fn list(ctx: &Context, json: bool) -> ExitCode {
    match shipped::all() {
        Ok(all) => {
            if json {
                let list: Vec<_> = all.iter().map(summary).collect();
                outln!("{}", json!({ "questionnaires": list }));
            } else {
                for q in &all {
                    outln!(
                        "{}\tv{}\t{}\t{}",
                        q.id,
                        q.version,
                        q.question_count(),
                        q.title.get(ctx.lang)
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => ctx.fail(&e.to_string(), &e.to_string()),
    }
}

pub fn show(ctx: &Context, id: &str, json: bool) -> ExitCode {
    let q = match shipped::by_id(id) {
        Ok(Some(q)) => q,
        Ok(None) => {
            return ctx.fail(
                &format!("questionnaire inconnu « {id} » : voyez `diagasso questionnaire list`"),
                &format!("unknown questionnaire '{id}': see `diagasso questionnaire list`"),
            );
        }
        Err(e) => return ctx.fail(&e.to_string(), &e.to_string()),
    };
    if json {
        match serde_json::to_string_pretty(&q) {
            Ok(s) => outln!("{s}"),
            Err(e) => return ctx.fail(&e.to_string(), &e.to_string()),
        }
    } else {
        outln!("{} v{} — {}", q.id, q.version, q.title.get(ctx.lang));
        for s in &q.sections {
            outln!("\n## {}", s.title.get(ctx.lang));
            for question in &s.questions {
                outln!(
                    "- [{}] {} ({})",
                    question.id,
                    question.label.get(ctx.lang),
                    question.kind.as_str()
                );
            }
        }
    }
    ExitCode::SUCCESS
}
