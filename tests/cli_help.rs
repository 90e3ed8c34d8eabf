//! The help through the real binary: one language per help (`--lang`, else the settings, else
//! the locale), the examples of every subcommand parsed by the real parser in both languages
//! and run, when they need no files of their own, in a temporary database and folder.

#[path = "common/bin.rs"]
mod bin;

use std::path::Path;
use std::process::Output;

use diagasso::cli::help::{self, examples};
use diagasso::i18n::Lang;

/// The words of an example's command after `diagasso`, without what the shell does after it
/// (`> file`, `| other`).
fn words(line: &str) -> Vec<String> {
    let command = line.split(['>', '|']).next().unwrap_or(line);
    let mut words = shlex::split(command).unwrap_or_else(|| panic!("unbalanced quotes: {line}"));
    assert_eq!(
        words.first().map(String::as_str),
        Some("diagasso"),
        "{line}"
    );
    words.split_off(1)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn every_example_parses_in_both_languages() {
    let mut count = 0;
    for (path, list) in examples::EXAMPLES {
        for e in *list {
            for lang in [Lang::Fr, Lang::En] {
                let argv = std::iter::once("diagasso".to_string()).chain(words(e.line));
                if let Err(err) = help::try_parse(argv, lang) {
                    panic!("{path}: « {} » does not parse:\n{err}", e.line);
                }
            }
            count += 1;
        }
    }
    assert!(count >= 44, "{count} examples");
}

#[test]
fn a_wrong_example_would_not_parse() {
    for line in [
        "diagasso export 1 --formats pdf",
        "diagasso config set theme",
        "diagasso lsit",
    ] {
        let argv = std::iter::once("diagasso".to_string()).chain(words(line));
        assert!(help::try_parse(argv, Lang::Fr).is_err(), "{line}");
    }
}

/// The binary in `dir` with its own database, settings file and home.
fn run(dir: &Path, args: &[String]) -> Output {
    let work = dir.join("work");
    std::fs::create_dir_all(&work).unwrap();
    bin::diagasso()
        .args(args)
        .current_dir(&work)
        .env("DIAGASSO_DB", dir.join("audits.db"))
        .env("DIAGASSO_CONFIG", dir.join("config").join("config.toml"))
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config-home"))
        .output()
        .expect("the binary runs")
}

#[test]
fn every_example_that_needs_no_files_runs() {
    let mut ran = 0;
    for (path, list) in examples::EXAMPLES {
        for e in *list {
            let setup: &[&[&str]] = match e.needs {
                examples::Needs::ParseOnly => continue,
                examples::Needs::Nothing => &[],
                examples::Needs::Demo => &[&["demo"]],
                examples::Needs::Followup => &[&["demo"], &["followup", "start", "1"]],
            };
            let dir = tempfile::tempdir().unwrap();
            for step in setup {
                let words: Vec<String> = step.iter().map(|w| w.to_string()).collect();
                let out = run(dir.path(), &words);
                assert!(
                    out.status.success(),
                    "{path}: setup {step:?}: {}",
                    text(&out.stderr)
                );
            }
            let out = run(dir.path(), &words(e.line));
            assert!(
                out.status.success(),
                "{path}: « {} » failed:\n{}",
                e.line,
                text(&out.stderr)
            );
            assert!(
                !out.stdout.is_empty() || !out.stderr.is_empty(),
                "{path}: « {} » said nothing",
                e.line
            );
            assert!(!text(&out.stderr).contains("panicked"));
            ran += 1;
        }
    }
    assert!(ran >= 40, "only {ran} examples ran");
}

#[test]
fn the_help_speaks_the_language_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let help = |env: &[(&str, &str)], args: &[&str]| {
        let out = bin::diagasso()
            .args(args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let english = [("LANG", "en_GB.UTF-8")];
    // --lang beats the locale.
    let fr = help(&english, &["--lang", "fr", "list", "--help"]);
    assert!(
        fr.starts_with("Liste les audits, du plus récent au plus ancien\n"),
        "{fr}"
    );
    assert!(
        fr.contains("Utilisation\u{a0}: diagasso list [OPTIONS]"),
        "{fr}"
    );
    assert!(fr.contains("Exemples\u{a0}:\n  diagasso list\n"), "{fr}");
    assert!(fr.contains("\n  diagasso list --filter jardins\n"), "{fr}");
    assert!(!fr.contains(" / "), "one language: {fr}");
    // The locale, without --lang.
    let en = help(&english, &["list", "--help"]);
    assert!(en.starts_with("List audits, newest first\n"), "{en}");
    assert!(en.contains("Usage: diagasso list [OPTIONS]"));
    assert!(en.contains("Examples:"));
    // The settings beat the locale.
    let settings = dir.path().join("config.toml");
    std::fs::write(&settings, "language = \"en\"\n").unwrap();
    let config = settings.to_str().unwrap();
    let en = help(&[("DIAGASSO_CONFIG", config)], &["list", "-h"]);
    assert!(en.starts_with("List audits"), "{en}");
    assert!(!en.contains("Examples"), "the short help stays short: {en}");
    // `help SUB`, in French.
    let fr = help(&[], &["help", "config", "unset"]);
    assert!(fr.starts_with("Retire un réglage du fichier"), "{fr}");
    assert!(fr.contains("diagasso config unset theme"));
    // The man page and the completions.
    let man = help(&[], &["manpage"]);
    assert!(man.contains(".SH NOM"), "French section titles");
    assert!(man.contains("Liste les audits, du plus récent au plus ancien"));
    assert!(
        man.contains("diagasso config set theme light"),
        "examples in the man page"
    );
    assert!(!man.contains("Print help"));
    let man = help(&english, &["manpage"]);
    assert!(man.contains(".SH NAME") && man.contains("List audits, newest first"));
    let zsh = help(&[], &["completions", "zsh"]);
    assert!(zsh.contains("Liste les audits"), "descriptions in French");
    assert!(!zsh.contains("list audits"));
    let fish = help(&english, &["completions", "fish"]);
    assert!(fish.contains("List audits, newest first"));
}

#[test]
fn a_wrong_command_is_still_refused_by_clap() {
    let out = bin::diagasso()
        .args(["--lang", "fr", "lsit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("lsit"));
    let out = bin::diagasso()
        .args(["--lang", "de", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// A refused command line is explained in the run's language: in French, what is wrong, the
/// nearest argument, the usage and where to read more, with no English word of clap's; in
/// English, clap's own words. The exit code stays clap's (2).
#[test]
fn a_refused_command_line_is_explained_in_the_run_language() {
    let run = |args: &[&str]| {
        let out = bin::diagasso().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        text(&out.stderr)
    };
    let fr = run(&["--lang", "fr", "list", "--fliter", "x"]);
    assert!(
        fr.starts_with("erreur\u{a0}: argument inattendu «\u{a0}--fliter\u{a0}»"),
        "{fr}"
    );
    assert!(
        fr.contains("astuce\u{a0}: un argument proche existe\u{a0}: «\u{a0}--filter\u{a0}»"),
        "{fr}"
    );
    assert!(fr.contains("Utilisation\u{a0}: diagasso list"), "{fr}");
    for cases in [
        &["--lang", "fr", "--theme", "rose"][..],
        &["--lang", "fr", "export", "1"],
        &["--lang", "fr", "lsit"],
        &["--lang", "fr", "list", "--json", "--json"],
        &["--lang", "fr", "plan", "1", "--answers", "x.toml"],
        &["--lang", "fr", "list", "--filter"],
    ] {
        let fr = run(cases);
        assert!(fr.starts_with("erreur\u{a0}: "), "{cases:?}: {fr}");
        for english in [
            "error:",
            "tip:",
            "Usage:",
            "For more information",
            "possible values",
        ] {
            assert!(!fr.contains(english), "{cases:?}: {fr}");
        }
    }
    let en = run(&["--lang", "en", "list", "--fliter", "x"]);
    assert!(
        en.starts_with("error: unexpected argument '--fliter'"),
        "{en}"
    );
    assert!(
        en.contains("tip: a similar argument exists: '--filter'"),
        "{en}"
    );
}
