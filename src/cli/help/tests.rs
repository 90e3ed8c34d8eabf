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
        for v in arg.get_possible_values() {
            if let Some(h) = v.get_help() {
                out.push((
                    format!("{path} {id} {}: value help", v.get_name()),
                    h.to_string(),
                ));
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

#[test]
#[ignore]
fn dump() {
    let mut all = Vec::new();
    texts(&Args::command(), "diagasso", &mut all);
    for (at, t) in all {
        println!("{at}\n    {}", t.replace('\n', "⏎"));
    }
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
