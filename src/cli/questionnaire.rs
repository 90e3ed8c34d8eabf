//! `diagasso questionnaire list|show|export|print|template`: the shipped questionnaires, for
//! people (a blank copy for paper, an answers file template) and for form tools (XLSForm).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::Context;
use super::export::{is_stdout, out_dir, several_files, write_file, write_files};
use crate::bridge::{paper, template, xlsform, xlsx};
use crate::export::{Templates, paper as paper_export};
use crate::i18n::Message;
use crate::questionnaire::{Questionnaire, shipped};

#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// Liste les questionnaires / list questionnaires.
    List {
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Affiche un questionnaire entier / print a whole questionnaire.
    Show {
        /// Identifiant du questionnaire, par exemple pratiques-numeriques / questionnaire id, for
        /// example pratiques-numeriques.
        id: String,
        /// Sortie JSON : le modèle complet / JSON output: the whole model.
        #[arg(long)]
        json: bool,
    },
    /// Exporte un questionnaire en XLSForm (KoboToolbox, ODK, Enketo) / export a questionnaire as
    /// an XLSForm (KoboToolbox, ODK, Enketo).
    Export(ExportArgs),
    /// Questionnaire vierge à imprimer (HTML, PDF) / blank questionnaire for paper (HTML, PDF).
    Print(PrintArgs),
    /// Modèle de fichier de réponses, chaque question en commentaire / answers file template, every
    /// question as a comment.
    Template(TemplateArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Identifiant du questionnaire (voir `diagasso questionnaire list`) / questionnaire id (see
    /// `diagasso questionnaire list`).
    pub id: String,
    /// Format : xlsform (un classeur .xlsx : survey, choices, settings) / format: xlsform (an .xlsx
    /// workbook: survey, choices, settings).
    #[arg(long, short, default_value = "xlsform", value_parser = ["xlsform"])]
    pub format: String,
    /// Dossier de sortie, ou - pour la sortie standard / output folder, or - for standard output.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Remplacer un fichier existant / overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// Identifiant du questionnaire / questionnaire id.
    pub id: String,
    /// Formats : html, pdf (séparés par des virgules) / formats: html, pdf (comma-separated).
    #[arg(long, short, value_delimiter = ',', default_value = "html,pdf", value_parser = ["html", "pdf"])]
    pub format: Vec<String>,
    /// Dossier de sortie, ou - pour la sortie standard (avec un seul format) / output folder, or -
    /// for standard output (with one format).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Remplacer les fichiers existants / overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Identifiant du questionnaire / questionnaire id.
    pub id: String,
    /// Fichier à écrire (défaut, ou - : la sortie standard) / file to write (default, or -:
    /// standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Remplacer un fichier existant / overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, command: &QuestionnaireCommand) -> ExitCode {
    let result = match command {
        QuestionnaireCommand::List { json } => return super::check::list(ctx, *json),
        QuestionnaireCommand::Show { id, json } => return super::check::show(ctx, id, *json),
        QuestionnaireCommand::Export(a) => export(a),
        QuestionnaireCommand::Print(a) => print(ctx, a),
        QuestionnaireCommand::Template(a) => write_template(ctx, a),
    };
    match result {
        Ok(paths) => {
            for p in paths {
                outln!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(m) => ctx.fail(&m.fr, &m.en),
    }
}

/// The shipped questionnaire with this id, or a message listing those there are.
pub fn shipped_by_id(id: &str) -> Result<Questionnaire, Message> {
    let all = shipped::all().map_err(|e| {
        Message::new(
            format!("questionnaires livrés illisibles (bogue)\u{a0}: {e}"),
            format!("shipped questionnaires do not load (a bug): {e}"),
        )
    })?;
    let known: Vec<String> = all.iter().map(|q| q.id.clone()).collect();
    all.into_iter().find(|q| q.id == id).ok_or_else(|| {
        Message::new(
            format!(
                "questionnaire inconnu «\u{a0}{id}\u{a0}» (disponibles\u{a0}: {})",
                known.join(", ")
            ),
            format!(
                "unknown questionnaire '{id}' (available: {})",
                known.join(", ")
            ),
        )
    })
}

/// The output folder, created when missing, unless it is `-` (standard output).
fn ensure_out(out: &Path) -> Result<(), Message> {
    if is_stdout(out) {
        return Ok(());
    }
    out_dir(out)
}

fn export(a: &ExportArgs) -> Result<Vec<PathBuf>, Message> {
    let q = shipped_by_id(&a.id)?;
    let form = xlsform::form(&q)?;
    let bytes = xlsx::write(&[
        ("survey", &form.survey),
        ("choices", &form.choices),
        ("settings", &form.settings),
    ])?;
    ensure_out(&a.out)?;
    let name = format!("{}-v{}.xlsx", q.id, q.version);
    write_files(&a.out, &[(name, bytes)], a.force, false)
}

fn print(ctx: &Context, a: &PrintArgs) -> Result<Vec<PathBuf>, Message> {
    let q = shipped_by_id(&a.id)?;
    // Several formats cannot share standard output: refused before anything is rendered.
    if is_stdout(&a.out) && a.format.len() > 1 {
        return Err(several_files());
    }
    let sheet = paper::sheet(&q, ctx.lang);
    // Render everything first: a failure writes no file at all.
    let mut files = Vec::new();
    for format in &a.format {
        let name = format!(
            "{}-v{}-{}.{format}",
            q.id,
            q.version,
            ctx.lang.pick("vierge", "blank")
        );
        let bytes = match format.as_str() {
            "pdf" => paper_export::pdf(&sheet, ctx.lang),
            _ => {
                paper_export::html(&sheet, ctx.lang, &Templates::embedded()).map(String::into_bytes)
            }
        }
        .map_err(|e| e.0)?;
        files.push((name, bytes));
    }
    ensure_out(&a.out)?;
    write_files(&a.out, &files, a.force, false)
}

fn write_template(ctx: &Context, a: &TemplateArgs) -> Result<Vec<PathBuf>, Message> {
    let q = shipped_by_id(&a.id)?;
    let text = template::answers_file(&q, ctx.lang);
    match a.out.as_deref().filter(|p| !is_stdout(p)) {
        Some(path) => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            let dir = dir.unwrap_or(Path::new("."));
            let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
                Message::new(
                    format!("{}\u{a0}: nom de fichier attendu", path.display()),
                    format!("{}: a file name is expected", path.display()),
                )
            })?;
            Ok(vec![write_file(
                dir,
                name,
                text.as_bytes(),
                a.force,
                false,
            )?])
        }
        // No --out, or `--out -`: standard output.
        None => write_files(
            Path::new("-"),
            &[(String::new(), text.into_bytes())],
            false,
            false,
        ),
    }
}
