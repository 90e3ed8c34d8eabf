//! `diagasso export`: write an audit's exports to files (never overwriting one without
//! `--force`, printing each path written), through `safe_file` (a temporary, then a rename; a
//! planted link replaced, never followed; private files 0600); `--all --format csv` one audit
//! at a time. `diagasso import` is in `import`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::audit::{Association, Audit};
use crate::catalog::Catalog;
use crate::export::{self, Format, Input, Options, Templates, csv::CsvOptions};
use crate::i18n::{Lang, Message};
use crate::questionnaire::Questionnaire;
use crate::safe_file::{self, WriteFail};
use crate::store::{EachStop, Store};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// L'audit : numéro ou référence de `diagasso list`, début d'identifiant, nom de
    /// l'association (pas avec --all) / the audit: number or reference from `diagasso list`,
    /// id start, association name (not with --all).
    #[arg(required_unless_present = "all")]
    pub audit: Option<String>,
    /// Formats : md, html, pdf, json, csv, annonce (répétable, ou séparés par des virgules) /
    /// formats: md, html, pdf, json, csv, annonce (repeatable, or comma-separated).
    #[arg(long, short, value_delimiter = ',', required = true)]
    pub format: Vec<String>,
    /// Tous les audits dans un seul CSV (avec `--format csv`) / every audit in one CSV (with
    /// `--format csv`).
    #[arg(long, conflicts_with = "audit")]
    pub all: bool,
    /// Sans données personnelles : le nom devient l'activité et le département (défaut : le réglage
    /// `anonymise`, sinon non) / leave out personal fields: the name becomes the activity and
    /// département (default: the `anonymise` setting, else no).
    #[arg(long, conflicts_with = "no_anonymise")]
    pub anonymise: bool,
    /// Avec les données personnelles, malgré le réglage `anonymise` / keep personal fields,
    /// whatever the `anonymise` setting says.
    #[arg(long)]
    pub no_anonymise: bool,
    /// Garder les notes libres même anonymisé / keep free-text notes when anonymising.
    #[arg(long)]
    pub with_notes: bool,
    /// Garder le nom de l'association (annonce, anonymisé) / keep the association's name (listing,
    /// anonymised).
    #[arg(long)]
    pub with_name: bool,
    /// Dossier de sortie, ou - pour la sortie standard quand un seul fichier est écrit (défaut : le
    /// réglage `export_folder`, sinon le dossier courant) / output folder, or - for standard output
    /// when one file is written (default: the `export_folder` setting, else the current folder).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Remplacer les fichiers existants / overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Dossier de modèles qui remplacent ceux livrés / folder of templates that replace the shipped
    /// ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub csv: CsvFlags,
}

/// The CSV flags of every command that writes a CSV (an audit's, a workshop's).
#[derive(Debug, Clone, clap::Args)]
pub struct CsvFlags {
    /// CSV avec `;` (le défaut en français) / `;`-separated CSV (the default in French).
    #[arg(long, conflicts_with = "csv_comma")]
    pub csv_semicolon: bool,
    /// CSV avec `,` (le défaut en anglais) / `,`-separated CSV (the default in English).
    #[arg(long)]
    pub csv_comma: bool,
    /// CSV avec BOM UTF-8 (le défaut) / CSV with a UTF-8 BOM (the default).
    #[arg(long, conflicts_with = "csv_no_bom")]
    pub csv_bom: bool,
    /// CSV sans BOM / CSV without a BOM.
    #[arg(long)]
    pub csv_no_bom: bool,
}

impl CsvFlags {
    /// `;` and a BOM in French, `,` and a BOM in English, unless the flags say otherwise: a
    /// spreadsheet opens it right either way.
    pub(crate) fn options(&self, lang: Lang) -> CsvOptions {
        let d = CsvOptions::for_lang(lang);
        CsvOptions {
            semicolon: (d.semicolon || self.csv_semicolon) && !self.csv_comma,
            bom: (d.bom || self.csv_bom) && !self.csv_no_bom,
        }
    }
}

pub(super) fn open_store(ctx: &Context) -> Result<Store, Message> {
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
    plan: crate::plan::Plan,
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

/// The plan of an audit on the effective catalogue (shipped + user).
fn compute_plan(
    catalog: &Catalog,
    q: &Questionnaire,
    audit: &Audit,
    a: &Association,
) -> Result<crate::plan::Plan, Message> {
    Ok(crate::plan::plan(q, audit, a, catalog))
}

fn load(store: &mut Store, catalog: &Catalog, id: &str) -> Result<Loaded, Message> {
    let id = crate::app::reference::resolve(store, crate::store::RefKind::Audit, id)
        .map_err(|e| e.message())?;
    let open = store.open_audit(&id).map_err(|e| e.message())?;
    let (questionnaire, audit, association) = (open.questionnaire, open.audit, open.association);
    let plan = compute_plan(catalog, &questionnaire, &audit, &association)?;
    Ok(Loaded {
        questionnaire,
        audit,
        association,
        plan,
    })
}

/// Write `bytes` to `dir/name` (`safe_file`: a temporary beside it, then a rename), refusing
/// to replace a file unless `force`; a link planted under the name is replaced, never
/// followed. `private` files (not anonymised) are created 0600.
pub(crate) fn write_file(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    force: bool,
    private: bool,
) -> Result<PathBuf, Message> {
    let path = dir.join(name);
    let opts = safe_file::Options {
        replace: force,
        private,
    };
    safe_file::write(&path, bytes, opts).map_err(|e| refusal(&e))?;
    Ok(path)
}

/// A write failure for the command line: a taken name says how to replace it.
pub(crate) fn refusal(e: &WriteFail) -> Message {
    match e {
        WriteFail::Exists(path) => Message::new(
            format!(
                "{} existe déjà ; rien n'a été remplacé (ajoutez --force pour le remplacer)",
                path.display()
            ),
            format!(
                "{} already exists; nothing was replaced (add --force to overwrite it)",
                path.display()
            ),
        ),
        other => other.message(),
    }
}

/// The output folder, created when missing; a file or a device under its name is refused as
/// not being a folder (`--out /dev/full`).
pub(crate) fn out_dir(out: &Path) -> Result<(), Message> {
    if is_stdout(out) {
        return Err(several_files());
    }
    if out.is_dir() {
        return Ok(());
    }
    if std::fs::symlink_metadata(out).is_ok() {
        return Err(Message::new(
            format!(
                "{} n'est pas un dossier : donnez à --out un dossier (il est créé s'il manque)",
                out.display()
            ),
            format!(
                "{} is not a folder: give --out a folder (it is created when missing)",
                out.display()
            ),
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| {
        Message::new(
            format!("création du dossier {} impossible : {e}", out.display()),
            format!("cannot create folder {}: {e}", out.display()),
        )
    })
}

/// `--out -`: standard output.
pub(crate) fn is_stdout(out: &Path) -> bool {
    out.as_os_str() == "-"
}

/// `--out -` with `--all`: the table is built in a file beside its name, then renamed.
fn several_files_all() -> Message {
    Message::new(
        "--out - ne va pas avec --all (le tableau est écrit dans un fichier, jamais à moitié)\u{a0}: donnez un dossier à --out.",
        "--out - does not go with --all (the table is written to a file, never half-way): give --out a folder.",
    )
}

/// `--out -` where several files would be written.
pub(crate) fn several_files() -> Message {
    Message::new(
        "--out - (la sortie standard) ne prend qu'un fichier, et cette commande en écrit plusieurs ici\u{a0}: donnez un dossier à --out, ou un seul format.",
        "--out - (standard output) takes one file, and this command writes several here: give --out a folder, or one format.",
    )
}

/// The one file of an export on standard output: text through the terminal escaping (it has
/// no control character to lose), a binary file (PDF) only when standard output is not a
/// terminal.
fn to_stdout(bytes: &[u8]) -> Result<(), Message> {
    use std::io::{IsTerminal, Write};
    if let Ok(text) = std::str::from_utf8(bytes) {
        crate::cli::print::out(text);
        return Ok(());
    }
    let mut o = std::io::stdout().lock();
    if o.is_terminal() {
        return Err(Message::new(
            "fichier binaire (PDF) non écrit dans le terminal\u{a0}: redirigez la sortie (> fichier.pdf) ou donnez un dossier à --out.",
            "binary file (PDF) not written to the terminal: redirect the output (> file.pdf) or give --out a folder.",
        ));
    }
    o.write_all(bytes).and_then(|()| o.flush()).map_err(|e| {
        Message::new(
            format!("sortie standard\u{a0}: {e}"),
            format!("standard output: {e}"),
        )
    })
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
    let anonymise = !a.no_anonymise && (a.anonymise || ctx.settings.anonymise.value == Some(true));
    let opts = Options {
        lang: ctx.lang,
        anonymise,
        with_notes: a.with_notes,
        keep_name: a.with_name,
    };
    let csv_opts = a.csv.options(ctx.lang);
    let out = (a.out.clone()).unwrap_or_else(|| ctx.settings.export_folder_or_current());
    let stdout = is_stdout(&out);
    if stdout && a.all {
        return Err(several_files_all());
    }
    if !stdout {
        out_dir(&out)?;
    }
    let mut store = super::audits::existing(ctx)?;
    let user_catalog = super::catalog::user_catalog_path();
    let catalog = crate::catalog::load_effective(user_catalog.as_deref())
        .map_err(|e| Message::new(e.message(Lang::Fr), e.message(Lang::En)))?;
    if a.all {
        if formats != [Format::Csv] {
            return Err(Message::new(
                "--all ne va qu'avec --format csv (une ligne par audit)",
                "--all only goes with --format csv (one row per audit)",
            ));
        }
        let name = if opts.anonymise {
            ctx.lang
                .pick("diagnostics-anonymes.csv", "diagnostics-anonymised.csv")
        } else {
            "diagnostics.csv"
        };
        let path = out.join(name);
        written_all(&store, &path, &opts, &csv_opts, a.force)?;
        return Ok(vec![path]);
    }
    let id = a.audit.as_deref().unwrap_or_default();
    let loaded = load(&mut store, &catalog, id)?;
    let input = loaded.input();
    // Anonymised with the notes kept: said once, naming the notes that name people.
    if let Some(w) = export::privacy::warning(&input, &opts) {
        errln!("{}", w.get(ctx.lang));
    }
    // Render everything first: a failure writes no file at all.
    let mut files = Vec::new();
    for f in formats {
        files.extend(export::files(f, &input, &opts, &templates, &csv_opts).map_err(|e| e.0)?);
    }
    write_files(&out, &files, a.force, !opts.anonymise)
}

/// The rendered `files` of one command, written to the folder `out` (each path returned), or
/// with `--out -` to standard output when there is exactly one (nothing returned) and refused
/// when there are several. Every name is checked before the first file is written: a taken one
/// (or a device, a pipe, a folder, even with --force) writes none. The folder must exist
/// ([`out_dir`]).
pub(crate) fn write_files(
    out: &Path,
    files: &[(String, Vec<u8>)],
    force: bool,
    private: bool,
) -> Result<Vec<PathBuf>, Message> {
    if is_stdout(out) {
        return match files {
            [(_, bytes)] => to_stdout(bytes).map(|()| Vec::new()),
            _ => Err(several_files()),
        };
    }
    for (name, _) in files {
        safe_file::check_target(&out.join(name), force).map_err(|e| refusal(&e))?;
    }
    files
        .iter()
        .map(|(name, bytes)| write_file(out, name, bytes, force, private))
        .collect()
}

/// `export --all --format csv`: every audit read, written as a row and dropped, one at a time
/// (memory flat at any number of audits); the file appears under its name only once whole.
fn written_all(
    store: &Store,
    path: &Path,
    opts: &Options,
    csv_opts: &CsvOptions,
    force: bool,
) -> Result<(), Message> {
    let questionnaires = store.audit_questionnaires().map_err(|e| e.message())?;
    let target = safe_file::Options {
        replace: force,
        private: !opts.anonymise,
    };
    let made = safe_file::write_with(path, target, |w| {
        let mut rows =
            export::csv::Rows::new(w, questionnaires.iter().map(|q| &**q), opts, csv_opts)
                .map_err(|e| e.0)?;
        store
            .each_audit(|audit, association, questionnaire| {
                // The CSV reads no plan: none is computed.
                rows.row(&export::csv::Record {
                    questionnaire,
                    audit,
                    association,
                })
            })
            .map_err(|e| match e {
                EachStop::Store(e) => e.message(),
                EachStop::By(e) => e.0,
            })?;
        rows.finish().map(|_| ()).map_err(|e| e.0)
    });
    made.map_err(|e| match e {
        safe_file::Failed::Write(e) => refusal(&e),
        safe_file::Failed::Content(m) => m,
    })
}

/// `diagasso export`.
pub fn export(ctx: &Context, a: &ExportArgs) -> ExitCode {
    match run_export(ctx, a) {
        Ok(paths) => {
            for p in paths {
                outln!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(m) => ctx.fail(&m.fr, &m.en),
    }
}
