//! The help convention over the whole command tree: every about and every argument's help in
//! both languages (`Français / English`), every flag with a help, every subcommand with
//! examples that parse; the localised help with no word of the other language's headings.

use clap::CommandFactory;

use super::*;

/// Every about and help of the tree (as written, before localisation), with where it is.
fn texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    if let Some(a) = cmd.get_about() {
        out.push((format!("{path}: about"), a.to_string()));
    }
    if let Some(a) = cmd.get_long_about() {
        out.push((format!("{path}: long about"), a.to_string()));
    }
    for arg in cmd.get_arguments() {
        let id = arg.get_id();
        match arg.get_help() {
            Some(h) => out.push((format!("{path} {id}: help"), h.to_string())),
            None => out.push((format!("{path} {id}: help"), String::new())),
        }
        if let Some(h) = arg.get_long_help() {
            out.push((format!("{path} {id}: long help"), h.to_string()));
        }
        // A possible value's help is not localised (the help lists the values by name only,
        // the completions would show it as written): none may have one.
        for v in arg.get_possible_values() {
            if v.get_help().is_some() {
                let at = format!("{path} {id} {}: value help, not localised", v.get_name());
                out.push((at, String::new()));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        let about = sub.get_about();
        if about.is_none() {
            out.push((format!("{path} {}: about", sub.get_name()), String::new()));
        }
        texts(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

/// What breaks the convention in a tree, one line each.
fn problems(cmd: &Command) -> Vec<String> {
    let mut all = Vec::new();
    texts(cmd, "diagasso", &mut all);
    all.iter()
        .filter_map(|(at, text)| split(text).err().map(|e| format!("{at}: {e}")))
        .collect()
}

#[test]
fn every_help_text_has_one_french_and_one_english_part() {
    let found = problems(&Args::command());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The two halves say the same thing: neither is much shorter than the other (a detail said
/// in one language only).
#[test]
fn both_halves_say_as_much() {
    let mut all = Vec::new();
    texts(&Args::command(), "diagasso", &mut all);
    let mut short = Vec::new();
    for (at, text) in &all {
        let Ok((fr, en)) = split(text) else { continue };
        let (f, e) = (fr.chars().count() as f64, en.chars().count() as f64);
        let ratio = e / f;
        if !(0.5..=1.5).contains(&ratio) {
            short.push(format!("{at}: {ratio:.2}\n    {fr}\n    {en}"));
        }
    }
    assert!(short.is_empty(), "{}", short.join("\n"));
}

/// The convention check catches a help in one language, a missing help, a « / » inside
/// brackets and a detail said in one language only.
#[test]
fn the_convention_check_can_fail() {
    let one_language =
        Args::command().mut_subcommand("list", |c| c.mut_arg("json", |a| a.help("Sortie JSON")));
    let found = problems(&one_language);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("diagasso list json: help: 0 « / »"),
        "{found:?}"
    );
    let no_help =
        Args::command().mut_subcommand("list", |c| c.arg(Arg::new("extra").long("extra")));
    let found = problems(&no_help);
    assert_eq!(found, ["diagasso list extra: help: empty text"]);
    let inside = Args::command().mut_subcommand("list", |c| {
        c.mut_arg("json", |a| a.help("Sortie (JSON / JSON) output"))
    });
    assert!(problems(&inside)[0].contains("does not close"));
    let flag_once = Args::command().mut_subcommand("export", |c| {
        c.mut_arg("all", |a| {
            a.help("Tous les audits / every audit (with --format csv)")
        })
    });
    assert!(problems(&flag_once)[0].contains("do not name the same"));
    let no_about = Args::command().subcommand(Command::new("extra"));
    assert_eq!(problems(&no_about), ["diagasso extra: about: empty text"]);
}

#[test]
fn split_keeps_each_language_and_its_paragraphs() {
    assert_eq!(
        split("Sortie JSON / JSON output.").unwrap(),
        ("Sortie JSON".into(), "JSON output".into())
    );
    assert_eq!(
        split("Un / one.\n\nDeux : a, b / two: a, b").unwrap(),
        ("Un.\n\nDeux : a, b.".into(), "One.\n\nTwo: a, b.".into())
    );
    assert!(split("Un / deux / three").is_err());
    assert!(split(" / only English").is_err());
    assert!(split("").is_err());
    // French typography applied to the French half only.
    assert_eq!(
        pick("Clés : a ; b / keys: a; b", Lang::Fr),
        "Clés\u{a0}: a\u{202f}; b"
    );
    assert_eq!(pick("Clés : a ; b / keys: a; b", Lang::En), "Keys: a; b");
}

#[test]
fn lang_is_read_from_the_command_line_before_parsing() {
    let argv = |words: &[&str]| -> Vec<OsString> {
        std::iter::once("diagasso")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    };
    let lang = |words: &[&str]| lang_in_argv(&argv(words)).map(|l| format!("{l:?}"));
    assert_eq!(lang(&["list", "--help"]), None);
    assert_eq!(
        lang(&["--lang", "en", "list", "--help"]).as_deref(),
        Some("En")
    );
    assert_eq!(lang(&["list", "--lang=fr", "-h"]).as_deref(), Some("Fr"));
    assert_eq!(
        lang(&["--lang", "fr", "--lang", "en"]).as_deref(),
        Some("En")
    );
    assert_eq!(
        lang(&["--lang", "de", "list"]),
        None,
        "left to clap to refuse"
    );
    assert_eq!(lang(&["--lang"]), None);
    assert_eq!(
        lang(&["new", "--", "--lang", "en"]),
        None,
        "after --, a value"
    );
}

/// Every subcommand has examples, and the examples name only subcommands that exist.
#[test]
fn every_subcommand_has_examples() {
    fn paths(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for sub in cmd.get_subcommands() {
            paths(sub, format!("{path} {}", sub.get_name()).trim(), out);
        }
    }
    let mut all = Vec::new();
    paths(&Args::command(), "", &mut all);
    let missing: Vec<&String> = all.iter().filter(|p| examples::of(p).is_empty()).collect();
    assert!(missing.is_empty(), "without examples: {missing:?}");
    for (path, list) in examples::EXAMPLES {
        assert!(all.iter().any(|p| p == path), "no subcommand {path}");
        assert!((1..=3).contains(&list.len()), "{path}: 1 to 3 examples");
        for e in *list {
            assert!(
                e.line
                    .starts_with(&format!("diagasso {path}").trim().to_string()),
                "{path}: {}",
                e.line
            );
        }
    }
}

/// Every help of the tree rendered (short and long) in `lang`.
fn rendered(lang: Lang) -> Vec<(String, String)> {
    fn walk(cmd: &mut Command, path: String, out: &mut Vec<(String, String)>) {
        out.push((format!("{path} -h"), cmd.render_help().to_string()));
        out.push((format!("{path} --help"), cmd.render_long_help().to_string()));
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .filter(|n| n != "help")
            .collect();
        for n in names {
            let sub = cmd.find_subcommand_mut(&n).expect("listed");
            walk(sub, format!("{path} {n}"), out);
        }
    }
    let mut out = Vec::new();
    walk(&mut command(lang), "diagasso".into(), &mut out);
    out
}

/// The words of a rendered help that are prose: command lines of the examples, the names
/// heading the lines of a commands list, flags, placeholders, code spans and values left out.
fn prose(help: &str) -> String {
    let names = [
        "show", "help", "list", "print", "export", "import", "check", "new", "set",
    ];
    help.lines()
        .map(|l| l.split("diagasso ").next().unwrap_or(l))
        .map(|l| match l.split_whitespace().next() {
            Some(first) if l.starts_with("  ") && names.contains(&first) => {
                l.trim_start().trim_start_matches(first)
            }
            _ => l,
        })
        .flat_map(|l| l.split('`').step_by(2))
        .flat_map(str::split_whitespace)
        .map(|w| w.trim_start_matches('('))
        .filter(|w| !w.starts_with('-') && !w.starts_with('<') && !w.starts_with('['))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_french_help_has_no_english_word_and_the_english_no_french() {
    let english = [
        "the",
        "of",
        "and",
        "with",
        "from",
        "print",
        "help",
        "default",
        "default:",
        "usage:",
        "commands:",
        "options:",
        "arguments:",
        "values:",
        "file",
        "folder",
        "output",
        "show",
        "subcommand",
        "summary",
        "env:",
        "alias:",
        "aliases:",
        "possible",
    ];
    let french = [
        "le",
        "la",
        "les",
        "des",
        "du",
        "avec",
        "sans",
        "affiche",
        "aide",
        "défaut",
        "dossier",
        "fichier",
        "sortie",
        "utilisation",
        "commandes",
        "valeurs",
        "variable",
        "aussi",
    ];
    for (lang, foreign) in [(Lang::Fr, &english[..]), (Lang::En, &french[..])] {
        for (at, help) in rendered(lang) {
            let text = prose(&help).to_lowercase();
            let words: Vec<&str> = text
                .split(|c: char| !(c.is_alphanumeric() || "_.:'".contains(c)))
                .map(|w| w.trim_end_matches('.'))
                .collect();
            let found: Vec<&&str> = foreign.iter().filter(|w| words.contains(w)).collect();
            assert!(found.is_empty(), "{lang:?} {at}: {found:?} in\n{help}");
        }
    }
}

/// What clap writes itself is in French in the French help: titles (with their no-break
/// space), the help and version flags, the `help` subcommand.
#[test]
fn the_french_help_titles_and_flags() {
    let help = rendered(Lang::Fr);
    let root = &help[1].1;
    for title in [
        "Utilisation\u{a0}:",
        "Commandes\u{a0}:",
        "Options\u{a0}:",
        "Exemples\u{a0}:",
    ] {
        assert!(root.contains(title), "{title} in\n{root}");
    }
    assert!(root.contains("Affiche l'aide (-h\u{a0}: un résumé)"));
    assert!(root.contains("Affiche la version"));
    assert!(root.contains("Affiche l'aide de diagasso ou de la commande nommée"));
    let export = &help
        .iter()
        .find(|(at, _)| at == "diagasso export -h")
        .unwrap()
        .1;
    assert!(export.contains("Arguments\u{a0}:"));
    assert!(export.contains("--out <DOSSIER>"));
    assert!(export.contains("[valeurs\u{a0}: fr, en]"));
    assert!(!export.contains("Exemples"), "the short help stays short");
}

/// The fast path of `try_parse` (the derived parser, no words) and the localised command
/// accept the same lines with the same result, and refuse the same ones: every example, and
/// lines that must fail (an unknown flag, a missing value, help and version).
#[test]
fn both_parsers_agree() {
    let mut lines: Vec<Vec<String>> = super::examples::EXAMPLES
        .iter()
        .flat_map(|(_, list)| list.iter())
        .map(|e| {
            let command = e.line.split(['>', '|']).next().unwrap_or(e.line);
            shlex::split(command).expect("balanced quotes")
        })
        .collect();
    for bad in [
        "diagasso --nope",
        "diagasso list --filter",
        "diagasso --lang de list",
        "diagasso help",
        "diagasso list --help",
        "diagasso -V",
        "diagasso plan",
    ] {
        lines.push(bad.split(' ').map(String::from).collect());
    }
    assert!(lines.len() > 80);
    for lang in [Lang::Fr, Lang::En] {
        for words in &lines {
            let plain = Args::try_parse_from(words).map(|a| format!("{a:?}"));
            let localised =
                super::localised_parse(words.iter().map(OsString::from).collect(), lang)
                    .map(|a| format!("{a:?}"));
            match (&plain, &localised) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{words:?}"),
                (Err(a), Err(b)) => assert_eq!(a.kind(), b.kind(), "{words:?}"),
                _ => panic!("{words:?}: {plain:?} / {localised:?}"),
            }
        }
    }
}
