//! Completions (bash, zsh, fish) and the manual page come from the clap definitions: each is
//! produced by the binary and names every subcommand, nested ones included.

#[path = "common/bin.rs"]
mod bin;

use clap::CommandFactory;
use diagasso::cli::Args;

/// Every subcommand path, e.g. ["workshop", "add"], help left out.
fn subcommands() -> Vec<Vec<String>> {
    fn walk(c: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in c.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            out.push(p.clone());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&Args::command(), Vec::new(), &mut out);
    out
}

fn output(args: &[&str]) -> String {
    let out = bin::diagasso().args(args).output().expect("diagasso runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn completions_name_every_subcommand() {
    let all = subcommands();
    assert!(all.len() > 30, "the walk found the subcommands: {all:?}");
    for shell in ["bash", "zsh", "fish"] {
        let script = output(&["completions", shell]);
        for path in &all {
            let name = path.last().unwrap();
            assert!(
                script.contains(name.as_str()),
                "{shell}: no {}",
                path.join(" ")
            );
        }
    }
    let bash = output(&["completions", "bash"]);
    assert!(
        bash.contains("complete -F"),
        "a bash completion function is registered"
    );
    assert!(output(&["completions", "fish"]).contains("complete -c diagasso"));
    assert!(output(&["completions", "zsh"]).starts_with("#compdef diagasso"));
}

#[test]
fn manpage_has_a_section_for_every_subcommand() {
    let page = output(&["manpage"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH diagasso"),
        "roff"
    );
    for path in subcommands() {
        let head = format!(".SH \"DIAGASSO {}\"", path.join(" ").to_uppercase());
        assert!(page.contains(&head), "no section {head}");
    }
    // Options are documented with their help text.
    assert!(page.contains("\\-\\-format") || page.contains("--format"));
    // Subcommands are listed as typed, never as pages of their own that are not installed.
    assert!(!page.contains("(1)\n"), "a reference to diagasso-…(1)");
    assert!(page.contains("\\fBdiagasso check\\fR"));
}

#[test]
fn unknown_shell_is_refused() {
    let out = bin::diagasso()
        .args(["completions", "powershell"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}
