//! The shape `shared/DESIGN.md` agrees on, checked against the sources: the core imports neither
//! the store nor a front end; the three front ends depend on `app`, never on one another; `app`
//! depends on no front end; and inside the TUI no import loop joins two screens (a screen and
//! its own helpers, `walk` and `walk_choice`, may refer to each other).
//!
//! Imports are read from `crate::…`, `super::…` and `self::…` paths in the code (comments and
//! test modules left out). A test below feeds the loop finder a made-up loop, to show it finds
//! one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments and without its `#[cfg(test)] mod tests`.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("source");
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of a source file: `src/tui/screens/walk.rs` → `tui::screens::walk`.
fn module_of(src: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = last.trim_end_matches(".rs").to_string();
    }
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// Every `crate::a::b…` / `super::…` / `self::…` path in `code`, made absolute from `module`.
fn paths(module: &str, code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &code[i..];
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .any(|p| rest.starts_with(p));
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if !(starts && boundary) {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let segs: Vec<&str> = rest[..end].split("::").filter(|s| !s.is_empty()).collect();
        let mut base: Vec<String> = module.split("::").map(str::to_string).collect();
        let mut it = segs.into_iter().peekable();
        match it.next() {
            Some("crate") => base.clear(),
            Some("self") => {}
            Some("super") => {
                base.pop();
                while it.peek() == Some(&"super") {
                    it.next();
                    base.pop();
                }
            }
            _ => {}
        }
        base.extend(it.map(str::to_string));
        out.push(base);
        i += end.max(1);
    }
    out
}

struct Sources {
    /// Module → the modules it refers to (the longest known prefix of each path).
    uses: BTreeMap<String, BTreeSet<String>>,
}

impl Sources {
    fn read() -> Sources {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
        let mut uses = BTreeMap::new();
        for f in &files {
            let module = module_of(&src, f);
            let mut set = BTreeSet::new();
            for p in paths(&module, &code(f)) {
                if let Some(m) = (1..=p.len())
                    .rev()
                    .map(|n| p[..n].join("::"))
                    .find(|m| modules.contains(m))
                    && m != module
                {
                    set.insert(m);
                }
            }
            uses.insert(module, set);
        }
        Sources { uses }
    }

    /// Modules under `from` that use something under `to`, with what.
    fn offenders(&self, from: &str, to: &str) -> Vec<String> {
        let under = |m: &str, root: &str| m == root || m.starts_with(&format!("{root}::"));
        self.uses
            .iter()
            .filter(|(m, _)| under(m, from))
            .flat_map(|(m, set)| {
                set.iter()
                    .filter(|u| under(u, to))
                    .map(move |u| format!("{m} → {u}"))
            })
            .collect()
    }
}

#[test]
fn the_core_imports_neither_the_store_nor_a_front_end() {
    let s = Sources::read();
    let mut bad = Vec::new();
    for core in [
        "questionnaire",
        "catalog",
        "plan",
        "walk",
        "export",
        "bridge",
        "workshop",
        "bundle",
        "audit",
    ] {
        for outside in ["store", "app", "tui", "plain", "cli"] {
            bad.extend(s.offenders(core, outside));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn front_ends_depend_on_app_never_on_one_another_and_app_on_none() {
    let s = Sources::read();
    let mut bad = Vec::new();
    for (a, b) in [
        ("tui", "plain"),
        ("tui", "cli"),
        ("plain", "tui"),
        ("plain", "cli"),
        ("cli", "tui"),
        ("cli", "plain"),
        ("app", "tui"),
        ("app", "plain"),
        ("app", "cli"),
        ("store", "app"),
        ("store", "tui"),
        ("store", "plain"),
        ("store", "cli"),
    ] {
        bad.extend(s.offenders(a, b));
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Strongly connected groups of more than one module (Tarjan).
fn loops(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on: BTreeSet<String>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit(t: &mut T, v: &str) {
        t.index.insert(v.to_string(), t.next);
        t.low.insert(v.to_string(), t.next);
        t.next += 1;
        t.stack.push(v.to_string());
        t.on.insert(v.to_string());
        let next: Vec<String> = t.edges.get(v).into_iter().flatten().cloned().collect();
        for w in next {
            if !t.index.contains_key(&w) {
                visit(t, &w);
                let l = t.low[v].min(t.low[&w]);
                t.low.insert(v.to_string(), l);
            } else if t.on.contains(&w) {
                let l = t.low[v].min(t.index[&w]);
                t.low.insert(v.to_string(), l);
            }
        }
        if t.low[v] == t.index[v] {
            let mut group = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(&w);
                let done = w == v;
                group.push(w);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                t.out.push(group);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

/// A loop is allowed only between a screen and its own helpers: files named after it
/// (`walk` and `walk_choice`, `plan_tabs` and `plan_hosts` both of the plan).
fn allowed(group: &[String]) -> bool {
    let stem = |m: &String| {
        let last = m.rsplit("::").next().unwrap_or("").to_string();
        last.split('_').next().unwrap_or("").to_string()
    };
    let first = stem(&group[0]);
    group
        .iter()
        .all(|m| m.starts_with("tui::screens::") && stem(m) == first)
}

#[test]
fn no_import_loop_in_the_tui_but_a_screen_and_its_own_helpers() {
    let s = Sources::read();
    let tui: BTreeMap<String, BTreeSet<String>> = s
        .uses
        .iter()
        .filter(|(m, _)| m.starts_with("tui"))
        .map(|(m, set)| {
            let set = set
                .iter()
                .filter(|u| u.starts_with("tui"))
                .cloned()
                .collect();
            (m.clone(), set)
        })
        .collect();
    let bad: Vec<Vec<String>> = loops(&tui).into_iter().filter(|g| !allowed(g)).collect();
    assert!(bad.is_empty(), "import loops: {bad:#?}");
}

#[test]
fn the_loop_finder_finds_a_loop_and_the_path_reader_reads_super() {
    let mut edges = BTreeMap::new();
    let e = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    edges.insert("tui::app".to_string(), e(&["tui::screens::home"]));
    edges.insert(
        "tui::screens::home".to_string(),
        e(&["tui::screens::profile"]),
    );
    edges.insert("tui::screens::profile".to_string(), e(&["tui::app"]));
    let found = loops(&edges);
    assert_eq!(found.len(), 1);
    assert!(!allowed(&found[0]));
    assert!(allowed(&[
        "tui::screens::walk".to_string(),
        "tui::screens::walk_choice".to_string()
    ]));
    let p = paths("tui::screens::walk", "use super::super::state::{Ctx};");
    assert_eq!(p, vec![vec!["tui".to_string(), "state".to_string()]]);
}
