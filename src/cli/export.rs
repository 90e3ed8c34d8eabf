//! `diagasso export` and `diagasso import`: write an audit's exports to files (never
//! overwriting one without `--force`, printing each path written), and bring a JSON export back
//! into a database (same ids; importing twice changes nothing; a malformed file writes nothing).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::audit::{Association, Audit};
use crate::catalog::Catalog;
use crate::export::{self, Format, Input, Options, Templates, csv::CsvOptions};
use crate::i18n::{Lang, Message};
use crate::questionnaire::Questionnaire;
use crate::store::{Restored, Store};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Identifiant de l'audit / audit id (see `diagasso list`). Not with `--all`.
    #[arg(required_unless_present = "all")]
    pub audit: Option<String>,
    /// Formats : md, html, pdf, json, csv, annonce (répétable ou séparés par des virgules /
    /// repeatable or comma-separated).
    #[arg(long, short, value_delimiter = ',', required = true)]
    pub format: Vec<String>,
    /// Tous les audits dans un seul CSV / every audit in one CSV (with `--format csv`).
    #[arg(long, conflicts_with = "audit")]
    pub all: bool,
    /// Sans données personnelles / leave out personal fields (name → activity + département).
    #[arg(long)]
    pub anonymise: bool,
    /// Garder les notes libres même anonymisé / keep free-text notes when anonymising.
    #[arg(long)]
    pub with_notes: bool,
    /// Garder le nom (annonce, anonymisé) / keep the association's name.
    #[arg(long)]
    pub with_name: bool,
    /// Dossier de sortie / output folder (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Remplacer les fichiers existants / overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Dossier de modèles qui remplacent ceux livrés / folder of templates overriding ours.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// CSV avec `;` / `;`-separated CSV.
    #[arg(long)]
    pub csv_semicolon: bool,
    /// CSV avec BOM UTF-8 / CSV with a UTF-8 BOM.
    #[arg(long)]
    pub csv_bom: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Un export JSON de diagasso / a diagasso JSON export.
    pub file: PathBuf,
}

fn open_store(ctx: &Context) -> Result<Store, Message> {
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => Store::default_path().map_err(|e| e.message())?,
    };
    Store::open(&path).map_err(|e| e.message())
}

/// Everything one audit's export needs.
struct Loaded {
    questionnaire: std::sync::Arc<Questionnaire>,
    audit: Audit,
    association: Association,
    plan: serde_json::Value,
}

impl Loaded {
    fn input(&self) -> Input<'_> {
        Input {
            questionnaire: &self.questionnaire,
            audit: &self.audit,
            association: &self.association,
            plan: &self.plan,
        }
    }
}

/// The plan of an audit on the effective catalogue (shipped + user), serialised for the
/// templates.
fn compute_plan(
    catalog: &Catalog,
    q: &Questionnaire,
    audit: &Audit,
    a: &Association,
) -> Result<serde_json::Value, Message> {
    let plan = crate::plan::plan(q, audit, a, catalog);
    serde_json::to_value(&plan).map_err(|e| {
        Message::new(
            format!("plan impossible à sérialiser : {e}"),
            format!("cannot serialise the plan: {e}"),
        )
    })
}

fn load(store: &mut Store, catalog: &Catalog, id: &str) -> Result<Loaded, Message> {
    let open = store.open_audit(id).map_err(|e| e.message())?;
    let (questionnaire, audit, association) = (open.questionnaire, open.audit, open.association);
    let plan = compute_plan(catalog, &questionnaire, &audit, &association)?;
    Ok(Loaded {
        questionnaire,
        audit,
        association,
        plan,
    })
}

/// Write `bytes` to `dir/name`, refusing to replace a file unless `force`. The file is created
/// with `create_new` so an existing one (or a symlink planted there) is never followed.
pub(crate) fn write_file(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    force: bool,
) -> Result<PathBuf, Message> {
    let path = dir.join(name);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if force {
        if path.is_dir() {
            return Err(Message::new(
                format!("{} est un dossier", path.display()),
                format!("{} is a folder", path.display()),
            ));
        }
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    let mut f = opts.open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Message::new(
                format!(
                    "{} existe déjà ; rien n'a été remplacé (ajoutez --force pour le remplacer)",
                    path.display()
                ),
                format!(
                    "{} already exists; nothing was replaced (add --force to overwrite it)",
                    path.display()
                ),
            )
        } else {
            Message::new(
                format!("écriture de {} impossible : {e}", path.display()),
                format!("cannot write {}: {e}", path.display()),
            )
        }
    })?;
    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(|e| {
        Message::new(
            format!("écriture de {} impossible : {e}", path.display()),
            format!("cannot write {}: {e}", path.display()),
        )
    })?;
    Ok(path)
}

fn formats(list: &[String]) -> Result<Vec<Format>, Message> {
    let mut out = Vec::new();
    for f in list.iter().filter(|f| !f.trim().is_empty()) {
        let parsed = Format::parse(f).ok_or_else(|| {
            Message::new(
                format!("format inconnu « {f} » (md, html, pdf, json, csv, annonce)"),
                format!("unknown format '{f}' (md, html, pdf, json, csv, annonce)"),
            )
        })?;
        if !out.contains(&parsed) {
            out.push(parsed);
        }
    }
    Ok(out)
}

fn run_export(ctx: &Context, a: &ExportArgs) -> Result<Vec<PathBuf>, Message> {
    let formats = formats(&a.format)?;
    let templates = match &a.templates {
        Some(dir) => Templates::with_dir(dir).map_err(|e| e.0)?,
        None => Templates::embedded(),
    };
    let opts = Options {
        lang: ctx.lang,
        anonymise: a.anonymise,
        with_notes: a.with_notes,
        keep_name: a.with_name,
    };
    let csv_opts = CsvOptions {
        semicolon: a.csv_semicolon,
        bom: a.csv_bom,
    };
    if !a.out.is_dir() {
        std::fs::create_dir_all(&a.out).map_err(|e| {
            Message::new(
                format!("création du dossier {} impossible : {e}", a.out.display()),
                format!("cannot create folder {}: {e}", a.out.display()),
            )
        })?;
    }
    let mut store = open_store(ctx)?;
    let user_catalog = super::catalog::user_catalog_path();
    let catalog = crate::catalog::load_effective(user_catalog.as_deref())
        .map_err(|e| Message::new(e.message(Lang::Fr), e.message(Lang::En)))?;
    let mut written = Vec::new();
    if a.all {
        if formats != [Format::Csv] {
            return Err(Message::new(
                "--all ne va qu'avec --format csv (une ligne par audit)",
                "--all only goes with --format csv (one row per audit)",
            ));
        }
        let summaries = store
            .list_audits("", 0, usize::MAX)
            .map_err(|e| e.message())?;
        let loaded = summaries
            .iter()
            .map(|s| load(&mut store, &catalog, &s.id))
            .collect::<Result<Vec<_>, _>>()?;
        let inputs: Vec<Input> = loaded.iter().map(Loaded::input).collect();
        let bytes = export::csv::render(&inputs, &opts, &csv_opts).map_err(|e| e.0)?;
        let name = if opts.anonymise {
            ctx.lang
                .pick("diagnostics-anonymes.csv", "diagnostics-anonymised.csv")
        } else {
            "diagnostics.csv"
        };
        written.push(write_file(&a.out, name, &bytes, a.force)?);
        return Ok(written);
    }
    let id = a.audit.as_deref().unwrap_or_default();
    let loaded = load(&mut store, &catalog, id)?;
    let input = loaded.input();
    // Render everything first: a failure writes no file at all.
    let mut files = Vec::new();
    for f in formats {
        let bytes = match f {
            Format::Csv => export::csv::render(&[input], &opts, &csv_opts),
            _ => export::render(f, &input, &opts, &templates),
        }
        .map_err(|e| e.0)?;
        files.push((export::file_name(f, &input, &opts), bytes));
    }
    for (name, bytes) in files {
        written.push(write_file(&a.out, &name, &bytes, a.force)?);
    }
    Ok(written)
}

/// `diagasso export`.
pub fn export(ctx: &Context, a: &ExportArgs) -> ExitCode {
    match run_export(ctx, a) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(m) => ctx.fail(&m.fr, &m.en),
    }
}

fn run_import(ctx: &Context, a: &ImportArgs) -> Result<String, Message> {
    let bytes = std::fs::read(&a.file).map_err(|e| {
        Message::new(
            format!("lecture de {} impossible : {e}", a.file.display()),
            format!("cannot read {}: {e}", a.file.display()),
        )
    })?;
    let (doc, q) = export::json::parse(&bytes).map_err(|e| {
        Message::new(
            format!("{} : {} ; rien n'a été importé.", a.file.display(), e.0.fr),
            format!("{}: {}; nothing was imported.", a.file.display(), e.0.en),
        )
    })?;
    let mut store = open_store(ctx)?;
    let done = store
        .restore_audit(&doc.association, &doc.audit, &q)
        .map_err(|e| e.message())?;
    let id = &doc.audit.id;
    Ok(match done {
        Restored::Created { .. } => ctx.lang.pick("importé : ", "imported: ").to_string() + id,
        Restored::AlreadyThere => {
            ctx.lang
                .pick(
                    "déjà présent, rien à faire : ",
                    "already there, nothing to do: ",
                )
                .to_string()
                + id
        }
    })
}

/// `diagasso import`.
pub fn import(ctx: &Context, a: &ImportArgs) -> ExitCode {
    match run_import(ctx, a) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(m) => ctx.fail(&m.fr, &m.en),
    }
}
