//! `diagasso config show|path|set|unset`: the user's settings (`crate::app::settings`), each with
//! where its value comes from, and changing one key in the file.

use std::process::ExitCode;

use clap::Subcommand;
use serde_json::json;

use super::Context;
use crate::app::settings::{self, Key, Source};

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Chaque réglage, sa valeur et d'où elle vient (défaut, fichier, environnement) / each
    /// setting, its value and where it comes from (default, file, environment).
    Show {
        /// Sortie JSON / JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Le chemin du fichier de réglages / the settings file's path.
    Path,
    /// Change un réglage dans le fichier (créé s'il manque) / change a setting in the file (created
    /// if missing).
    ///
    /// Clés : trainer.name, trainer.structure, language (fr, en), plain (true, false), theme (dark,
    /// light, mono), export_folder (chemin absolu ou ~/…), anonymise (true, false) / keys:
    /// trainer.name, trainer.structure, language (fr, en), plain (true, false), theme (dark, light,
    /// mono), export_folder (absolute path or ~/…), anonymise (true, false).
    Set {
        /// La clé (trainer.name, language, plain, theme, export_folder…) / the key (trainer.name,
        /// language, plain, theme, export_folder…).
        key: String,
        /// La valeur / the value.
        value: String,
    },
    /// Retire un réglage du fichier (sa valeur par défaut revient) / remove a setting from the
    /// file (its default comes back).
    Unset {
        /// La clé (trainer.name, language, plain, theme, export_folder…) / the key (trainer.name,
        /// language, plain, theme, export_folder…).
        key: String,
    },
}

pub fn run(ctx: &Context, cmd: &ConfigCommand) -> ExitCode {
    match cmd {
        ConfigCommand::Show { json } => show(ctx, *json),
        ConfigCommand::Path => match &ctx.settings.path {
            Some(p) => {
                outln!("{}", p.display());
                ExitCode::SUCCESS
            }
            None => no_folder(ctx),
        },
        ConfigCommand::Set { key, value } => set(ctx, key, value),
        ConfigCommand::Unset { key } => unset(ctx, key),
    }
}

fn no_folder(ctx: &Context) -> ExitCode {
    ctx.fail(
        "aucun dossier de configuration trouvé (ni HOME ni XDG_CONFIG_HOME) : donnez un fichier avec DIAGASSO_CONFIG",
        "no configuration folder found (neither HOME nor XDG_CONFIG_HOME): name a file with DIAGASSO_CONFIG",
    )
}

fn show(ctx: &Context, as_json: bool) -> ExitCode {
    let s = &ctx.settings;
    let rows = s.rows();
    if as_json {
        let list: Vec<_> = rows
            .iter()
            .map(|(k, v, src)| {
                let mut o = json!({ "key": k.name(), "value": v, "source": src.code() });
                match src {
                    Source::File(line) if *line > 0 => o["line"] = json!(line),
                    Source::Env(var) => o["variable"] = json!(var),
                    _ => {}
                }
                o
            })
            .collect();
        let out = json!({
            "path": s.path.as_ref().map(|p| p.display().to_string()),
            "settings": list,
            "warning": s.warning.as_ref().map(|m| m.get(ctx.lang).to_string()),
        });
        outln!("{out}");
        return ExitCode::SUCCESS;
    }
    let lang = ctx.lang;
    if let Some(p) = &s.path {
        let state = if p.exists() {
            ""
        } else {
            lang.pick(" (absent : valeurs par défaut)", " (missing: defaults)")
        };
        outln!("# {}{state}", p.display());
    }
    let width = Key::ALL.iter().map(|k| k.name().len()).max().unwrap_or(0);
    for (key, value, source) in rows {
        let value = if value.is_empty() {
            "—".to_string()
        } else {
            value
        };
        outln!(
            "{:<width$} = {value}   # {}",
            key.name(),
            source.describe(lang)
        );
    }
    ExitCode::SUCCESS
}

/// The key named on the command line, or the message listing the known ones.
fn known_key(key: &str) -> Result<Key, crate::i18n::Message> {
    Key::from_name(key).ok_or_else(|| {
        let known: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
        let known = known.join(", ");
        let shown = crate::safe_text::clean_line(key);
        crate::i18n::Message::new(
            format!("clé inconnue « {shown} » ; clés connues : {known}"),
            format!("unknown key \"{shown}\"; known keys: {known}"),
        )
    })
}

fn set(ctx: &Context, key: &str, value: &str) -> ExitCode {
    let k = match known_key(key) {
        Ok(k) => k,
        Err(m) => return ctx.fail(&m.fr, &m.en),
    };
    let Some(path) = &ctx.settings.path else {
        return no_folder(ctx);
    };
    match settings::edit::set(path, k, value) {
        Ok(v) => {
            outln!("{} = {}", k.name(), v.to_toml());
            errln!(
                "{}",
                ctx.lang
                    .pick("Enregistré dans {}", "Saved in {}")
                    .replace("{}", &path.display().to_string())
            );
            ExitCode::SUCCESS
        }
        Err(m) => {
            errln!("{}", m.get(ctx.lang));
            ExitCode::FAILURE
        }
    }
}

fn unset(ctx: &Context, key: &str) -> ExitCode {
    let k = match known_key(key) {
        Ok(k) => k,
        Err(m) => return ctx.fail(&m.fr, &m.en),
    };
    let Some(path) = &ctx.settings.path else {
        return no_folder(ctx);
    };
    let shown = path.display().to_string();
    match settings::edit::unset(path, k) {
        Ok(true) => {
            errln!(
                "{}",
                match ctx.lang {
                    crate::i18n::Lang::Fr => format!("{} retiré de {shown}", k.name()),
                    crate::i18n::Lang::En => format!("{} removed from {shown}", k.name()),
                }
            );
            ExitCode::SUCCESS
        }
        Ok(false) => {
            errln!(
                "{}",
                match ctx.lang {
                    crate::i18n::Lang::Fr => format!(
                        "{} n'était pas réglé dans {shown}\u{a0}: rien à retirer",
                        k.name()
                    ),
                    crate::i18n::Lang::En =>
                        format!("{} was not set in {shown}: nothing to remove", k.name()),
                }
            );
            ExitCode::SUCCESS
        }
        Err(m) => {
            errln!("{}", m.get(ctx.lang));
            ExitCode::FAILURE
        }
    }
}
