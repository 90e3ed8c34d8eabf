//! Hostile inputs, through the real binary: damaged or foreign databases, files that cannot be
//! written, full disks, locks, invalid UTF-8 in every input file, huge texts, decomposed and
//! right-to-left names, tiny terminals. Each case checks the exact message, the exit code, that
//! nothing panicked (no "panicked" on standard error, no death by signal) and that nothing was
//! lost or changed (every file of the case's folder compared byte for byte before and after).
//!
//! `tests/HOSTILE.md` maps every case, here or in other test files, to its test. Static fixtures
//! are in `tests/fixtures/bad/`; big ones (a megabyte of note, an 80,000-term expression) are
//! written by the tests.

mod anonymise;
mod bundle;
mod db;
mod escape;
mod files;
mod import;
mod limits;
mod terminal;
mod text;
mod validate;
mod writes;

#[path = "../tmux/mod.rs"]
mod tmux;

#[path = "../common/bin.rs"]
mod bin;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub use bin::BIN;

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run the binary in English (unless `args` name a language) with `args`, nothing on standard input, no `DIAGASSO_*` from the
/// environment, `HOME` and the data folders inside `home`. Asserts it did not panic and was not
/// killed by a signal (a stack overflow aborts).
pub fn run_in<S: AsRef<OsStr>>(home: &Path, args: &[S], env: &[(&str, &OsStr)]) -> Run {
    let mut cmd = bin::diagasso();
    if !args.iter().any(|a| a.as_ref() == "--lang") {
        cmd.args(["--lang", "en"]);
    }
    cmd.args(args)
        .stdin(Stdio::null())
        .env_remove("DIAGASSO_DB")
        .env_remove("DIAGASSO_CATALOG")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    finish(cmd.output().expect("the binary runs"))
}

/// Like `run_in`, with standard input fed from `input`.
pub fn run_with_input<S: AsRef<OsStr>>(home: &Path, args: &[S], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = bin::diagasso()
        .arg("--lang")
        .arg("en")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("DIAGASSO_DB")
        .env_remove("DIAGASSO_CATALOG")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The program may stop reading early (and close the pipe): that is its right.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary ends");
    let _ = writer.join();
    finish(out)
}

fn finish(out: std::process::Output) -> Run {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert!(
        !stderr.contains("overflowed its stack"),
        "a stack overflow:\n{stderr}"
    );
    let Some(code) = out.status.code() else {
        panic!("killed by a signal ({:?}):\n{stderr}", out.status);
    };
    Run {
        code,
        stdout,
        stderr,
    }
}

/// Every file under `dir` (recursively) with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                out.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    out
}

/// Assert two snapshots are equal, naming the first difference.
#[track_caller]
pub fn assert_unchanged(before: &BTreeMap<PathBuf, Vec<u8>>, dir: &Path) {
    let after = snapshot(dir);
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(before), names(&after), "files appeared or vanished");
    for (path, bytes) in before {
        assert!(after[path] == *bytes, "{} changed", path.display());
    }
}

/// A refusal: exit code 1, exactly `stderr` on standard error, nothing on standard output.
#[track_caller]
pub fn assert_refused(r: &Run, stderr: &str) {
    assert_eq!(r.stderr, stderr, "standard error");
    assert_eq!(r.code, 1, "exit code; stderr: {}", r.stderr);
    assert_eq!(r.stdout, "", "standard output");
}

/// A database of `n` demo audits at `path`; the id of the last.
pub fn demo_db(home: &Path, path: &Path, n: usize) -> String {
    let mut id = String::new();
    for _ in 0..n {
        let r = run_in(
            home,
            &[OsStr::new("--db"), path.as_os_str(), OsStr::new("demo")],
            &[],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        id = r.stdout.lines().last().unwrap_or_default().to_string();
    }
    id
}

/// `diagasso --db DB ARGS…` in `home`.
pub fn on_db(home: &Path, db: &Path, args: &[&str]) -> Run {
    let mut all: Vec<&OsStr> = vec![OsStr::new("--db"), db.as_os_str()];
    all.extend(args.iter().map(OsStr::new));
    run_in(home, &all, &[])
}

/// Path to a fixture of `tests/fixtures/bad/`.
pub fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}
