//! No text a person reads writes a plural in brackets (« réponse(s) », "entr(ies)"): every
//! string literal of `src/`, the export templates' text and the questionnaires and catalogue
//! agree their words with `i18n::typo` instead. The `Ui` table and the CLI's counted messages
//! are also rendered with 0, 1 and 2 by their unit tests (`i18n::ui::tests`,
//! `cli::counted::tests`); this scan catches a bracket written anywhere else.

use std::fs;
use std::path::{Path, PathBuf};

/// Files another branch is rewriting: each must still hold a bracketed plural, so that the
/// exception is removed as soon as it no longer applies.
const PENDING: &[&str] = &[];

const BRACKETS: &[&str] = &["(s)", "(e)", "(es)", "(x)", "(ies)", "(nes)"];

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ext.contains(&x))
        {
            out.push(p);
        }
    }
}

/// Byte offsets of bracketed plurals right after a letter in `text`.
fn brackets(text: &str) -> Vec<usize> {
    BRACKETS
        .iter()
        .flat_map(|b| text.match_indices(b).map(|(at, _)| at))
        .filter(|&at| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        })
        .collect()
}

/// Whether byte `at` of a Rust source line is inside a string literal: an odd number of
/// unescaped `"` before it (char literals `'"'` aside). Comment lines are not text shown.
fn in_string(line: &str, at: usize) -> bool {
    if line.trim_start().starts_with("//") {
        return false;
    }
    let before = line[..at].replace("'\"'", "").replace("\\\\", "");
    let quotes = before
        .match_indices('"')
        .filter(|(i, _)| !before[..*i].ends_with('\\'));
    quotes.count() % 2 == 1
}

/// `file:line: text` for each bracketed plural in a string literal of a Rust file.
fn in_rust(path: &Path, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if brackets(line).into_iter().any(|at| in_string(line, at)) {
            found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
        }
    }
    found
}

/// A template's text with its `{% … %}`, `{{ … }}` and `{# … #}` code taken out.
fn template_text(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{']) {
        out.push_str(&rest[..open]);
        let close = match rest[open..].get(1..2) {
            Some("%") => "%}",
            Some("{") => "}}",
            Some("#") => "#}",
            _ => {
                out.push('{');
                rest = &rest[open + 1..];
                continue;
            }
        };
        match rest[open..].find(close) {
            Some(end) => rest = &rest[open + end + 2..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn relative(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn no_text_writes_a_plural_in_brackets() {
    let root = root();
    let mut found = Vec::new();
    let mut pending_still = Vec::new();
    let mut sources = Vec::new();
    files(&root.join("src"), &["rs"], &mut sources);
    assert!(sources.len() > 100, "the sources were not found");
    // Unit-test files (`tests.rs`, `*_tests.rs`) hold samples of what is refused.
    let is_test = |p: &Path| {
        p.file_stem()
            .and_then(|x| x.to_str())
            .is_some_and(|x| x == "tests" || x.ends_with("_tests"))
    };
    for p in sources.iter().filter(|p| !is_test(p)) {
        let text = fs::read_to_string(p).unwrap();
        let hits = in_rust(Path::new(&relative(p)), &text);
        if PENDING.contains(&relative(p).as_str()) {
            pending_still.push((relative(p), !hits.is_empty()));
        } else {
            found.extend(hits);
        }
    }
    let mut texts = Vec::new();
    files(&root.join("exports/templates"), &["j2"], &mut texts);
    files(&root.join("questionnaires"), &["toml"], &mut texts);
    files(&root.join("catalog"), &["toml"], &mut texts);
    assert!(texts.len() > 5, "the templates and data were not found");
    for p in &texts {
        let raw = fs::read_to_string(p).unwrap();
        let text = if p.extension().is_some_and(|x| x == "j2") {
            template_text(&raw)
        } else {
            raw
        };
        for at in brackets(&text) {
            let line = text[..at].lines().count().max(1);
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            found.push(format!(
                "{}:~{line}: {}",
                relative(p),
                text[start..end].trim()
            ));
        }
    }
    assert!(
        found.is_empty(),
        "plurals in brackets; agree the words with i18n::typo (count, plural) or a counted \
         placeholder of the Ui table ({{0|one|other}}):\n{}",
        found.join("\n")
    );
    for (p, still) in pending_still {
        assert!(
            still,
            "{p} has no plural in brackets any more: remove it from PENDING in this test"
        );
    }
}

#[test]
fn the_scan_finds_what_it_is_for() {
    let hits = |s: &str| in_rust(Path::new("x.rs"), s).len();
    assert_eq!(
        hits(r#"    HomeCount => "{0} diagnostic(s)", "{0} audit(s)";"#),
        1
    );
    assert_eq!(
        hits(r#"        &format!("{n} réponse(s) confirmée(s) telles quelles."),"#),
        1
    );
    assert_eq!(hits(r#"    "{} trail entr(ies) added""#), 1);
    // Code and comments are not text shown.
    assert_eq!(hits("        Some(s) => s,"), 0);
    assert_eq!(hits(r#"    let x = f("a", Some(s));"#), 0);
    assert_eq!(hits("    /// An `http(s)` address."), 0);
    assert_eq!(hits(r#"    let q = '"'; g(Some(s));"#), 0);
    assert_eq!(
        template_text("{% macro row(s) %}{{ n }} ligne(s){# x(s) #}"),
        " ligne(s)"
    );
    assert_eq!(brackets(" ligne(s)").len(), 1);
}
