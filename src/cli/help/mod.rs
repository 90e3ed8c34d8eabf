//! One language per help. The doc comments of the clap definitions say everything twice,
//! « Français / English » (each paragraph: its French, ` / `, its English); at run time the
//! built `clap::Command` is walked and every about, help and heading keeps the language the
//! program speaks (`--lang` read from the command line before clap parses it, else the
//! settings' language, itself the locale's by default). `--help`, `-h`, `help SUB`, the man
//! page and the completions all read this one localised command. Each subcommand's long help
//! ends with examples a trainer types ([`examples`]); parse errors are French too ([`errors`]).

pub mod errors;
pub mod examples;
#[cfg(test)]
mod tests;

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches, Parser, ValueEnum};

use super::{Args, LangArg};
use crate::i18n::{Lang, typo};

/// The French and the English of a help text written `Français / English`, paragraph by
/// paragraph; `Err` says what breaks the convention.
pub fn split(text: &str) -> Result<(String, String), String> {
    let mut fr = Vec::new();
    let mut en = Vec::new();
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Err("empty text".into());
    }
    let several = paragraphs.len() > 1;
    for p in &paragraphs {
        let halves: Vec<&str> = p.split(" / ").collect();
        let [f, e] = halves.as_slice() else {
            return Err(format!(
                "{} « / » in « {p} » (exactly one between the French and the English)",
                halves.len() - 1
            ));
        };
        let (f, e) = (f.trim(), e.trim());
        if f.is_empty() || e.is_empty() {
            return Err(format!("an empty half in « {p} »"));
        }
        for half in [f, e] {
            if !balanced(half) {
                return Err(format!(
                    "« {half} » opens a bracket, a quote or a `code` it does not close (the « / » is inside it?)"
                ));
            }
        }
        if marks(f) != marks(e) {
            return Err(format!(
                "the halves of « {p} » do not name the same `code`, --flags and values: {:?} / {:?}",
                marks(f),
                marks(e)
            ));
        }
        fr.push(sentence(f, several));
        en.push(sentence(e, several));
    }
    Ok((fr.join("\n\n"), en.join("\n\n")))
}

/// Brackets, « » and backquotes closed in the order opened.
fn balanced(half: &str) -> bool {
    let mut open = Vec::new();
    let mut in_code = false;
    for c in half.chars() {
        match c {
            '`' => in_code = !in_code,
            _ if in_code => {}
            '(' | '[' | '«' => open.push(c),
            ')' | ']' | '»' => {
                let wanted = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '«',
                };
                if open.pop() != Some(wanted) {
                    return false;
                }
            }
            _ => {}
        }
    }
    open.is_empty() && !in_code
}

/// What both halves must name alike: `code` spans, `--flags` and the words of comma lists of
/// values in brackets are left to the reader; here the code spans and flags, sorted.
fn marks(half: &str) -> Vec<String> {
    let mut found: Vec<String> = half
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let outside: String = half.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    found.extend(
        outside
            .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';'))
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(|w| w.trim_end_matches(['.', ':']).to_string()),
    );
    found.sort();
    found
}

/// A half as shown: a capital first letter; no full stop after a one-paragraph text (clap's
/// custom), one after each paragraph of a longer one.
fn sentence(half: &str, several: bool) -> String {
    let mut chars = half.chars();
    let mut s: String = match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => half.to_string(),
    };
    if s.ends_with('.') && !s.ends_with("..") {
        s.pop();
    }
    if several && !s.ends_with(['!', '?', '…', ':', '.']) {
        s.push('.');
    }
    s
}

/// `text` in `lang`: its half, French typography applied to the French. A text that breaks
/// the convention (the test over the tree forbids it) is shown whole rather than lost.
pub fn pick(text: &str, lang: Lang) -> String {
    match split(text) {
        Ok((fr, _)) if lang == Lang::Fr => typo::punct(Lang::Fr, &fr),
        Ok((_, en)) => en,
        Err(_) => text.to_string(),
    }
}

/// The `--lang` of a command line, read before clap parses it: `--lang fr`, `--lang=en`,
/// anywhere before a lone `--`; the last one wins, as with clap. An unknown value is left to
/// clap to refuse.
pub fn lang_in_argv(argv: &[OsString]) -> Option<LangArg> {
    let mut found = None;
    let mut words = argv.iter().skip(1).map(|w| w.to_str());
    while let Some(word) = words.next() {
        let value = match word {
            Some("--") => break,
            Some("--lang") => words.next().flatten(),
            Some(w) => w.strip_prefix("--lang="),
            None => None,
        };
        if let Some(l) = value.and_then(|v| LangArg::from_str(v, true).ok()) {
            found = Some(l);
        }
    }
    found
}

/// The words clap writes itself, in each language.
struct Words {
    usage: &'static str,
    commands: &'static str,
    arguments: &'static str,
    options: &'static str,
    help_short: &'static str,
    help_long: &'static str,
    version: &'static str,
    help_command: &'static str,
    command_value: &'static str,
    default: &'static str,
    values: &'static str,
    variable: &'static str,
    alias: &'static str,
    examples: &'static str,
}

const FR: Words = Words {
    usage: "Utilisation\u{a0}:",
    commands: "Commandes\u{a0}:",
    arguments: "Arguments\u{a0}:",
    options: "Options\u{a0}:",
    help_short: "Affiche l'aide (--help\u{a0}: l'aide complète, avec des exemples)",
    help_long: "Affiche l'aide (-h\u{a0}: un résumé)",
    version: "Affiche la version",
    help_command: "Affiche l'aide de diagasso ou de la commande nommée",
    command_value: "COMMANDE",
    default: "défaut\u{a0}:",
    values: "valeurs\u{a0}:",
    variable: "variable d'environnement\u{a0}:",
    alias: "aussi",
    examples: "Exemples\u{a0}:",
};

const EN: Words = Words {
    usage: "Usage:",
    commands: "Commands:",
    arguments: "Arguments:",
    options: "Options:",
    help_short: "Print help (--help: the whole help, with examples)",
    help_long: "Print help (-h: a summary)",
    version: "Print version",
    help_command: "Print the help of diagasso or of the named command",
    command_value: "COMMAND",
    default: "default:",
    values: "possible values:",
    variable: "environment variable:",
    alias: "also",
    examples: "Examples:",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// Placeholders of values (`--out <DOSSIER>`), in French.
const VALUE_NAMES_FR: &[(&str, &str)] = &[
    ("PATH", "CHEMIN"),
    ("PATHS", "CHEMINS"),
    ("FILE", "FICHIER"),
    ("DIR", "DOSSIER"),
    ("TEXT", "TEXTE"),
    ("KEY", "CLÉ"),
    ("VALUE", "VALEUR"),
    ("NAME", "NOM"),
    ("HOST", "HÉBERGEUR"),
    ("WORKSHOP", "ATELIER"),
    ("GROUPS", "GROUPES"),
    ("PREVIOUS", "PRÉCÉDENT"),
    ("OLD", "ANCIEN"),
    ("NEW", "NOUVEAU"),
    ("LANG", "LANGUE"),
    ("THEME", "THÈME"),
    ("SHELL", "SHELL"),
    ("QUESTION", "QUESTION"),
    ("MONTHS", "MOIS"),
    ("TRAINER", "FORMATEUR"),
];

fn value_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => name.to_string(),
        Lang::Fr => VALUE_NAMES_FR
            .iter()
            .find(|(en, _)| *en == name)
            .map_or(name, |(_, fr)| fr)
            .to_string(),
    }
}

/// The whole command line interface in `lang`, built (global options propagated, `help`
/// subcommands added and localised): what `--help`, the man page and the completions show.
pub fn command(lang: Lang) -> Command {
    // The options of every command (`--db`, `--lang`…) after each command's own.
    let root = Args::command().mut_args(|a| {
        if a.is_global_set() {
            a.display_order(900)
        } else {
            a
        }
    });
    let root = localise(root, lang, "");
    let mut root = root.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .display_order(1001)
            .help(words(lang).version),
    );
    root.build();
    localise_help_commands(root, lang)
}

/// The arguments of this run, parsed by the command in `lang`: help and errors as clap prints
/// them (and the exit it chooses).
pub fn parse(argv: Vec<OsString>, lang: Lang) -> Args {
    try_parse(argv, lang).unwrap_or_else(|e| match lang {
        // Help and version are already in `lang`; a parse error is worded by `errors::French`.
        Lang::Fr => e.apply::<errors::French>().exit(),
        Lang::En => e.exit(),
    })
}

/// [`parse`], the help or the error returned instead of printed.
pub fn try_parse<I, T>(argv: I, lang: Lang) -> Result<Args, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let argv: Vec<OsString> = argv.into_iter().map(Into::into).collect();
    // A command line that parses needs no words: the derived parser takes it as it is, and the
    // localised tree (about 1 ms to build, on every run) is built only to print help, a
    // version or an error. Both accept the same lines (`tests::both_parsers_agree`).
    if let Ok(args) = Args::try_parse_from(&argv) {
        return Ok(args);
    }
    localised_parse(argv, lang)
}

/// The parse by the localised command alone.
fn localised_parse(argv: Vec<OsString>, lang: Lang) -> Result<Args, clap::Error> {
    let matches = command(lang).try_get_matches_from(argv)?;
    Args::from_arg_matches(&matches)
}

/// One command, its arguments and its subcommands in `lang`; `path` its words after
/// `diagasso` (for its examples).
fn localise(cmd: Command, lang: Lang, path: &str) -> Command {
    let w = words(lang);
    let mut cmd = cmd;
    if let Some(about) = cmd.get_about().map(ToString::to_string) {
        cmd = cmd.about(pick(&about, lang));
    }
    if let Some(long) = cmd.get_long_about().map(ToString::to_string) {
        cmd = cmd.long_about(pick(&long, lang));
    }
    if let Some(after) = examples::after_long_help(path, lang) {
        cmd = cmd.after_long_help(after);
    }
    let has_subcommands = cmd.has_subcommands();
    let has_positionals = cmd.get_positionals().next().is_some();
    let layout = template(&cmd, w, has_subcommands, has_positionals);
    cmd = cmd
        .help_template(layout)
        .subcommand_value_name(w.command_value)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(w.help_short)
                .long_help(w.help_long)
                .display_order(1000),
        )
        .mut_args(|a| localise_arg(a, lang));
    cmd.mut_subcommands(|sub| {
        let sub_path = format!("{path} {}", sub.get_name()).trim().to_string();
        localise(sub, lang, &sub_path)
    })
}

/// The help layout with the section titles in `w`'s language (clap's own titles are
/// English): usage, then commands, arguments and options, then the examples.
fn template(cmd: &Command, w: &Words, subcommands: bool, positionals: bool) -> StyledStr {
    let styles = cmd.get_styles();
    let heading = |title: &str| {
        let h = styles.get_header();
        format!("{}{title}{}", h.render(), h.render_reset())
    };
    let u = styles.get_usage();
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}{} {{usage}}\n\n",
        u.render(),
        w.usage,
        u.render_reset()
    );
    if subcommands {
        t.push_str(&format!("{}\n{{subcommands}}\n\n", heading(w.commands)));
    }
    if positionals {
        t.push_str(&format!("{}\n{{positionals}}\n\n", heading(w.arguments)));
    }
    t.push_str(&format!(
        "{}\n{{options}}{{after-help}}",
        heading(w.options)
    ));
    StyledStr::from(t)
}

/// An argument in `lang`: its help, the placeholder of its value, and what clap would add in
/// English (default, possible values, environment variable, alias) written in `lang` instead.
fn localise_arg(arg: Arg, lang: Lang) -> Arg {
    let w = words(lang);
    let mut extra = Vec::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if !arg.is_hide_default_value_set() && !defaults.is_empty() {
        extra.push(format!("{} {}", w.default, defaults.join(",")));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let takes_value = arg.get_action().takes_values();
    if takes_value && !arg.is_hide_possible_values_set() && !values.is_empty() {
        extra.push(format!("{} {}", w.values, values.join(", ")));
    }
    if let Some(var) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        extra.push(format!("{} {}", w.variable, var.to_string_lossy()));
    }
    let aliases: Vec<String> = arg
        .get_visible_aliases()
        .unwrap_or_default()
        .iter()
        .map(|a| format!("--{a}"))
        .collect();
    if !aliases.is_empty() {
        extra.push(format!("{} {}", w.alias, aliases.join(", ")));
    }
    let extra: String = extra.iter().map(|e| format!(" [{e}]")).collect();
    // Each hidden only where clap would show it (its debug checks refuse the others).
    let mut arg = arg;
    if !arg.get_default_values().is_empty() {
        arg = arg.hide_default_value(true);
    }
    if takes_value {
        arg = arg.hide_possible_values(true);
    }
    if arg.get_env().is_some() {
        arg = arg.hide_env(true);
    }
    // Visible aliases cleared and given back hidden: the help says them itself.
    if !aliases.is_empty() {
        let all: Vec<String> = arg
            .get_all_aliases()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect();
        arg = arg.visible_alias(None);
        for a in all {
            arg = arg.alias(a);
        }
    }
    if let Some(help) = arg.get_help().map(ToString::to_string) {
        arg = arg.help(format!("{}{extra}", pick(&help, lang)));
    }
    if let Some(long) = arg.get_long_help().map(ToString::to_string) {
        arg = arg.long_help(format!("{}{extra}", pick(&long, lang)));
    }
    if let Some(names) = arg.get_value_names().map(<[_]>::to_vec) {
        arg = arg.value_names(names.iter().map(|n| value_name(n.as_str(), lang)));
    } else if arg.is_positional() {
        let id = arg.get_id().as_str().to_uppercase();
        arg = arg.value_name(value_name(&id, lang));
    }
    arg
}

/// The `help` subcommands clap adds while building, in `lang`.
fn localise_help_commands(cmd: Command, lang: Lang) -> Command {
    let text = words(lang).help_command;
    cmd.mut_subcommands(|sub| {
        let sub = if sub.get_name() == "help" {
            sub.about(text)
        } else {
            sub
        };
        localise_help_commands(sub, lang)
    })
}
