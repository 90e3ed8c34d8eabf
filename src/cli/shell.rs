//! `diagasso completions SHELL` and `diagasso manpage`: both written from the clap
//! definitions (clap_complete, clap_mangen), so they cannot drift from the commands, in the
//! language of the run (`super::help`), with each subcommand's examples in the man page.

use std::io::Write;
use std::process::ExitCode;

use clap_complete::Shell;

use super::Context;
use crate::i18n::Lang;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// Le shell : bash, zsh ou fish / the shell: bash, zsh or fish.
    #[arg(value_parser = ["bash", "zsh", "fish"])]
    pub shell: String,
}

/// The completion script for one shell, its descriptions in `lang`.
pub fn completion_script(shell: &str, lang: Lang) -> Vec<u8> {
    let shell = match shell {
        "zsh" => Shell::Zsh,
        "fish" => Shell::Fish,
        _ => Shell::Bash,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut super::help::command(lang), "diagasso", &mut out);
    out
}

/// The manual page in `lang`, in roff, with a section for each subcommand (and theirs, with
/// their examples) after the main one.
pub fn manual_page(lang: Lang) -> std::io::Result<Vec<u8>> {
    let command = super::help::command(lang);
    let mut main = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut main)?;
    let mut out = section_titles(&String::from_utf8_lossy(&main), lang).into_bytes();
    let mut stack: Vec<(String, clap::Command)> = command
        .get_subcommands()
        .map(|c| (format!("diagasso {}", c.get_name()), c.clone()))
        .collect();
    stack.reverse();
    while let Some((path, sub)) = stack.pop() {
        if sub.get_name() == "help" {
            continue;
        }
        writeln!(out, ".SH \"{}\"", path.to_uppercase())?;
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|s| s.to_string())
            .unwrap_or_default();
        writeln!(out, ".PP\n{}", roff_text(&about))?;
        let usage = sub
            .clone()
            .bin_name(path.clone())
            .render_usage()
            .to_string();
        writeln!(
            out,
            ".PP\n.B {}",
            roff_text(usage.trim_start_matches("Usage: "))
        )?;
        for arg in sub.get_arguments() {
            if arg.is_hide_set() || arg.is_global_set() {
                continue;
            }
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(l), Some(s)) => format!("-{s}, --{l}"),
                (Some(l), None) => format!("--{l}"),
                (None, Some(s)) => format!("-{s}"),
                (None, None) => arg.get_id().as_str().to_uppercase(),
            };
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            writeln!(
                out,
                ".TP\n\\fB{}\\fR\n{}",
                roff_text(&name),
                roff_text(&help)
            )?;
        }
        if let Some(examples) = sub.get_after_long_help() {
            writeln!(out, ".PP\n.nf\n{}\n.fi", roff_text(&examples.to_string()))?;
        }
        let mut children: Vec<(String, clap::Command)> = sub
            .get_subcommands()
            .map(|c| (format!("{path} {}", c.get_name()), c.clone()))
            .collect();
        children.reverse();
        stack.extend(children);
    }
    Ok(out)
}

/// Text made safe for roff: backslashes doubled, a leading dot or quote escaped on each line.
fn roff_text(s: &str) -> String {
    s.replace('\\', "\\e")
        .lines()
        .map(|l| {
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn emit(bytes: std::io::Result<Vec<u8>>) -> ExitCode {
    let written = bytes.and_then(|b| {
        let mut out = std::io::stdout().lock();
        out.write_all(&b)?;
        out.flush()
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            errln!("diagasso: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The section titles clap_mangen writes in English (`.SH NAME`), in `lang`; and its list of
/// subcommands as they are typed (`diagasso check`, their sections below), not as pages of
/// their own (`diagasso-check(1)`), which are not installed.
fn section_titles(roff: &str, lang: Lang) -> String {
    roff.lines()
        .map(|l| match (l, lang) {
            (".SH NAME", Lang::Fr) => ".SH NOM".to_string(),
            (".SH SUBCOMMANDS", Lang::Fr) => ".SH SOUS-COMMANDES".to_string(),
            (".SH EXTRA", Lang::Fr) => ".SH SUITE".to_string(),
            _ => match l
                .strip_prefix("diagasso\\-")
                .and_then(|rest| rest.strip_suffix("(1)"))
            {
                Some(sub) => format!("\\fBdiagasso {sub}\\fR"),
                None => l.to_string(),
            },
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

pub fn completions(ctx: &Context, a: &CompletionsArgs) -> ExitCode {
    emit(Ok(completion_script(&a.shell, ctx.lang)))
}

pub fn manpage(ctx: &Context) -> ExitCode {
    emit(manual_page(ctx.lang))
}
