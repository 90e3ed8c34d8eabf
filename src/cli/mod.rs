//! The command-line interface: clap definitions of every subcommand and the global options
//! (`--db`, `--lang`, `--plain`), and dispatch to the non-interactive commands. This is a
//! contract that scripts rely on: extend it, never rename.

/// `outln!` for the commands: the line goes through [`print::out`] (escaped).
macro_rules! outln {
    () => {
        $crate::cli::print::out("\n")
    };
    ($($arg:tt)*) => {
        $crate::cli::print::out(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` for the commands, escaped.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::print::out(&format!($($arg)*))
    };
}

/// `errln!` for the commands, escaped.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::print::err(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod audits;
mod bundle;
pub mod catalog;
mod check;
mod compare;
mod config;
mod counted;
mod export;
mod followup;
pub mod help;
mod import;
mod plan;
pub mod print;
mod questionnaire;
mod shell;
mod submissions;
mod workshop;

pub use questionnaire::QuestionnaireCommand;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::settings::Settings;
use crate::i18n::Lang;

/// Diagnostic des pratiques numériques d'une association et plan de transition vers
/// Frama.space ou les CHATONS / digital-practices diagnostic for an association and transition
/// plan towards Frama.space or CHATONS hosts.
///
/// Sans sous-commande : ouvre l'interface plein écran (ou le mode ligne avec --plain) / with
/// no subcommand: opens the full-screen interface (or the line mode with --plain).
#[derive(Debug, Parser)]
#[command(name = "diagasso", version)]
pub struct Args {
    /// Base de données SQLite (défaut : dans le dossier de données de l'utilisateur) / SQLite
    /// database file (default: in the user's data folder).
    #[arg(long, global = true, env = "DIAGASSO_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Langue de l'interface (défaut : le réglage `language`, sinon la locale) / interface language
    /// (default: the `language` setting, else the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Mode ligne, pour les lecteurs d'écran / line mode, for screen readers.
    #[arg(long, global = true, visible_alias = "screen-reader")]
    pub plain: bool,

    /// Couleurs de l'interface (mono : sans couleur ; NO_COLOR aussi) / interface colours (mono: no
    /// colour; NO_COLOR too).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    Mono,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Valide les questionnaires (et le catalogue) / validate questionnaires (and the catalogue).
    Check(check::CheckArgs),
    /// Questionnaires livrés : liste, XLSForm, version papier, modèle de réponses / shipped
    /// questionnaires: list, XLSForm, paper copy, answers template.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// Crée un audit depuis un fichier de réponses / create an audit from an answers file.
    New(audits::NewArgs),
    /// Liste les audits, du plus récent au plus ancien / list audits, newest first.
    List(audits::ListArgs),
    /// Affiche un audit / show one audit.
    Show(audits::ShowArgs),
    /// Efface une association et ses audits (RGPD) / erase an association and its audits (GDPR).
    Erase(audits::EraseArgs),
    /// Ajoute l'audit de démonstration / add the demonstration audit.
    Demo,
    /// Catalogue : besoins, outils, logiciels, offres, hébergeurs / catalogue: needs, tools,
    /// software, offers, hosts.
    #[command(subcommand)]
    Catalog(catalog::CatalogCommand),
    /// Plan de transition d'un audit ou d'un fichier de réponses / transition plan of an audit
    /// or an answers file.
    Plan(plan::PlanArgs),
    /// Exporte un audit (md, html, pdf, json, csv, annonce) / export an audit (md, html, pdf, json,
    /// csv, annonce).
    Export(export::ExportArgs),
    /// Importe un export JSON dans la base / import a JSON export into the database.
    Import(import::ImportArgs),
    /// Ateliers : plusieurs associations à la fois / workshops: several associations at once.
    #[command(subcommand)]
    Workshop(workshop::WorkshopCommand),
    /// Paquets échangés entre formateurs / bundles exchanged between trainers.
    #[command(subcommand)]
    Bundle(bundle::BundleCommand),
    /// Audits de suivi : repartir de l'audit précédent / follow-up audits: start from the
    /// previous one.
    #[command(subcommand)]
    Followup(followup::FollowupCommand),
    /// Ce qui a changé entre deux audits / what changed between two audits.
    Compare(compare::CompareArgs),
    /// Importe les réponses d'un formulaire KoboToolbox, ODK ou Nextcloud Forms (CSV, XLSX) : un
    /// audit par ligne / import form submissions from KoboToolbox, ODK or Nextcloud Forms (CSV,
    /// XLSX): one audit per row.
    ImportSubmissions(submissions::ImportSubmissionsArgs),
    /// Complétion des commandes pour bash, zsh ou fish / command completion for bash, zsh or fish.
    Completions(shell::CompletionsArgs),
    /// Réglages : formateur·ice, langue, mode ligne, thème, dossier d'export / settings: trainer,
    /// language, line mode, theme, export folder.
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Page de manuel (roff) / manual page (roff).
    Manpage,
}

/// The language of a run: `--lang`, else the `language` setting (itself the locale's by
/// default: `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`). The help reads it before clap parses
/// the command line ([`help::lang_in_argv`]), the commands after.
pub fn lang_of(flag: Option<LangArg>, settings: &Settings) -> Lang {
    match flag {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => settings.language.value,
    }
}

/// What every command gets besides its own arguments.
pub struct Context {
    pub lang: Lang,
    pub db: Option<PathBuf>,
    /// The user's settings (`crate::app::settings`), read once by the binary.
    pub settings: Settings,
}

impl Context {
    /// Print an error for a person, in the chosen language, on standard error.
    pub fn fail(&self, fr: &str, en: &str) -> ExitCode {
        errln!("{}", self.lang.pick(fr, en));
        ExitCode::FAILURE
    }
}

impl Args {
    /// The language asked for (`--lang`), else the setting's (itself the locale's by default).
    pub fn lang(&self, settings: &Settings) -> Lang {
        lang_of(self.lang, settings)
    }

    /// What every command gets.
    pub fn context(&self, settings: Settings) -> Context {
        Context {
            lang: self.lang(&settings),
            db: self.db.clone(),
            settings,
        }
    }
}

/// Run one subcommand. With no subcommand, the binary opens an interactive front end instead
/// (`main.rs`): the CLI never starts another front end itself.
pub fn run(ctx: &Context, command: Command) -> ExitCode {
    match command {
        Command::Check(a) => check::run(ctx, &a),
        Command::Questionnaire(c) => questionnaire::run(ctx, &c),
        Command::New(a) => audits::new(ctx, &a),
        Command::List(a) => audits::list(ctx, &a),
        Command::Show(a) => audits::show(ctx, &a),
        Command::Erase(a) => audits::erase(ctx, &a),
        Command::Demo => audits::demo(ctx),
        Command::Catalog(c) => catalog::run(ctx, &c),
        Command::Plan(a) => plan::run(ctx, &a),
        Command::Export(a) => export::export(ctx, &a),
        Command::Import(a) => import::import(ctx, &a),
        Command::Workshop(c) => workshop::run(ctx, &c),
        Command::Bundle(c) => bundle::run(ctx, &c),
        Command::Followup(c) => followup::run(ctx, &c),
        Command::Compare(a) => compare::run(ctx, &a),
        Command::ImportSubmissions(a) => submissions::run(ctx, &a),
        Command::Completions(a) => shell::completions(ctx, &a),
        Command::Config(c) => config::run(ctx, &c),
        Command::Manpage => shell::manpage(ctx),
    }
}
