//! `diagasso workshop export WORKSHOP --format html|csv [--out DIR] [--force] [--anonymise]`:
//! the dashboard as files (`export::dashboard`), never replacing a file without `--force`,
//! each path written printed on its own line.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Context;
use crate::cli::audits::say;
use crate::cli::export::{CsvFlags, out_dir, write_file};
use crate::export::escape::file_stem;
use crate::export::{Templates, dashboard};
use crate::i18n::Message;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Atelier : identifiant, début d'identifiant ou nom / workshop: id, id start or name.
    pub workshop: String,
    /// Formats : html, csv (répétable, ou séparés par des virgules) / formats: html, csv
    /// (repeatable, or comma-separated).
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
    #[command(flatten)]
    pub csv: CsvFlags,
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
    let (w, d) = match super::dashboard_of(ctx, &a.workshop) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let stem = format!("atelier-{}-{}", w.date, file_stem(&w.name, "atelier"));
    // Render everything first: a failure writes no file at all.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for f in &formats {
        let rendered = match f.as_str() {
            "html" => dashboard::html(&w, &d, ctx.lang, a.anonymise, &Templates::embedded())
                .map(String::into_bytes),
            _ => dashboard::csv(&w, &d, ctx.lang, a.anonymise, a.csv.options(ctx.lang)),
        };
        match rendered {
            Ok(bytes) => files.push((format!("{stem}.{f}"), bytes)),
            Err(e) => return say(ctx.lang, &e.0),
        }
    }
    if let Err(m) = out_dir(&a.out) {
        return say(ctx.lang, &m);
    }
    for (name, bytes) in files {
        match write_file(&a.out, &name, &bytes, a.force, !a.anonymise) {
            Ok(path) => outln!("{}", path.display()),
            Err(m) => return say(ctx.lang, &m),
        }
    }
    ExitCode::SUCCESS
}
