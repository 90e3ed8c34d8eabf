//! `diagasso check` and `diagasso questionnaire list|show`: validate questionnaire files and
//! describe them for people and for other tools.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::Context;
use crate::i18n::Message;
use crate::questionnaire::{self, Questionnaire, shipped};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Fichiers de questionnaire à valider (défaut : ceux livrés) / questionnaire files to
    /// validate (default: the shipped ones).
    pub paths: Vec<PathBuf>,
    /// Sortie JSON / JSON output.
    #[arg(long)]
    pub json: bool,
}

/// Read a file as UTF-8 text, with a message that names it when that fails.
pub fn read_text(path: &std::path::Path) -> Result<String, Message> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| {
        Message::new(
            format!("{shown} : lecture impossible ({e}). Vérifiez le chemin et les droits."),
            format!("{shown}: cannot read ({e}). Check the path and permissions."),
        )
    })?;
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
    let sources: Vec<(String, Result<String, Message>)> = if args.paths.is_empty() {
        shipped::FILES
            .iter()
            .map(|(n, s)| (n.to_string(), Ok(s.to_string())))
            .collect()
    } else {
        args.paths
            .iter()
            .map(|p| (p.display().to_string(), read_text(p)))
            .collect()
    };
    let mut loaded = Vec::new();
    let mut failed = false;
    for (name, text) in sources {
        match text {
            Err(message) => {
                eprintln!("{}", message.get(ctx.lang));
                failed = true;
            }
            Ok(text) => match questionnaire::load_str(&name, &text) {
                Ok(q) => loaded.push(q),
                Err(errors) => {
                    for e in &errors.0 {
                        eprintln!("{}", e.message(ctx.lang));
                    }
                    eprintln!(
                        "{}",
                        ctx.lang.pick(
                            &format!("{name} : {} erreur(s)", errors.0.len()),
                            &format!("{name}: {} error(s)", errors.0.len())
                        )
                    );
                    failed = true;
                }
            },
        }
    }
    if args.json {
        let list: Vec<_> = loaded.iter().map(summary).collect();
        println!("{}", json!({ "ok": !failed, "questionnaires": list }));
    } else {
        for q in &loaded {
            println!(
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

pub fn list(ctx: &Context, json: bool) -> ExitCode {
    match shipped::all() {
        Ok(all) => {
            if json {
                let list: Vec<_> = all.iter().map(summary).collect();
                println!("{}", json!({ "questionnaires": list }));
            } else {
                for q in &all {
                    println!(
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
            Ok(s) => println!("{s}"),
            Err(e) => return ctx.fail(&e.to_string(), &e.to_string()),
        }
    } else {
        println!("{} v{} — {}", q.id, q.version, q.title.get(ctx.lang));
        for s in &q.sections {
            println!("\n## {}", s.title.get(ctx.lang));
            for question in &s.questions {
                println!(
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
