//! `diagasso workshop export WORKSHOP --format html|csv [--out DIR] [--force] [--anonymise]`:
//! the dashboard as files (`export::dashboard`), never replacing a file without `--force`,
//! each path written printed on its own line.

use std::path::PathBuf;
use std::process::ExitCode;

use super::find;
use crate::cli::Context;
use crate::cli::audits::{fail, open, say};
use crate::cli::export::write_file;
use crate::export::csv::CsvOptions;
use crate::export::escape::file_stem;
use crate::export::{Templates, dashboard};
use crate::i18n::Message;
use crate::store::Scope;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Atelier : identifiant, début d'identifiant ou nom / workshop: id, id prefix or name.
    pub workshop: String,
    /// html, csv (répétable ou séparés par des virgules / repeatable or comma-separated).
    #[arg(long, short, value_delimiter = ',', required = true)]
    pub format: Vec<String>,
    /// Dossier de sortie / output folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Remplacer les fichiers existants / overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Associations numérotées au lieu de leur nom / associations numbered instead of named.
    #[arg(long)]
    pub anonymise: bool,
    /// CSV avec `;` / `;`-separated CSV.
    #[arg(long)]
    pub csv_semicolon: bool,
    /// CSV avec BOM UTF-8 / CSV with a UTF-8 BOM.
    #[arg(long)]
    pub csv_bom: bool,
}

pub fn run(ctx: &Context, a: &ExportArgs) -> ExitCode {
    let mut formats = Vec::new();
    for f in a.format.iter().map(|f| f.trim().to_ascii_lowercase()) {
        match f.as_str() {
            "html" | "csv" => formats.push(f),
            "" => {}
            other => {
                return say(
                    ctx.lang,
                    &Message::new(
                        format!("format inconnu « {other} » (html, csv)"),
                        format!("unknown format '{other}' (html, csv)"),
                    ),
                );
            }
        }
    }
    let mut store = match open(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let w = match find(ctx, &store, &a.workshop) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let catalog = match crate::cli::catalog::effective(ctx) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let facts = match store.audit_facts(Scope::Workshop(&w.id)) {
        Ok(f) => f,
        Err(e) => return fail(ctx, &e),
    };
    let d = crate::workshop::dashboard(&facts, &catalog);
    let stem = format!("atelier-{}-{}", w.date, file_stem(&w.name, "atelier"));
    // Render everything first: a failure writes no file at all.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for f in &formats {
        let rendered = match f.as_str() {
            "html" => dashboard::html(&w, &d, ctx.lang, a.anonymise, &Templates::embedded())
                .map(String::into_bytes),
            _ => dashboard::csv(
                &w,
                &d,
                ctx.lang,
                a.anonymise,
                CsvOptions {
                    semicolon: a.csv_semicolon,
                    bom: a.csv_bom,
                },
            ),
        };
        match rendered {
            Ok(bytes) => files.push((format!("{stem}.{f}"), bytes)),
            Err(e) => return say(ctx.lang, &e.0),
        }
    }
    for (name, bytes) in files {
        match write_file(&a.out, &name, &bytes, a.force) {
            Ok(path) => println!("{}", path.display()),
            Err(m) => return say(ctx.lang, &m),
        }
    }
    ExitCode::SUCCESS
}
