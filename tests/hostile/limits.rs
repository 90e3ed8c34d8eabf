//! Endless and huge inputs (issue 12, point 13): `/dev/zero` or a pipe that never ends given
//! as an answers file, a JSON export, a bundle, a ChatonsInfos file, a questionnaire, a
//! template, or as the line mode's input, is refused at its limit instead of being read until
//! memory runs out (the 32 MB limit was checked on the file's size only, and a device or a pipe
//! has none); an answers file of 100,000 unknown keys is answered, every key placed, in one
//! pass (it took a minute: each problem was placed from the start of the file).

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use super::{assert_refused, on_db, run_in};

const ZERO: &str = "/dev/zero";

#[test]
fn dev_zero_is_refused_at_the_limit_by_every_reader() {
    if !Path::new(ZERO).exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let too_large = "file too large: more than 32 MB; is it the right file?";
    for (args, expected) in [
        (
            vec!["new", "--answers", ZERO],
            format!("{ZERO}: {too_large}\n"),
        ),
        (
            vec!["plan", "--answers", ZERO],
            format!("{ZERO}: {too_large}\n"),
        ),
        (
            vec!["import", ZERO],
            format!("{ZERO}: file too large for a diagasso export; nothing was imported.\n"),
        ),
        (vec!["check", ZERO], format!("{ZERO}: {too_large}\n")),
    ] {
        let r = on_db(dir.path(), &db, &args);
        assert_refused(&r, &expected);
    }
    // A bundle is read as a stream: the first byte is already no JSON.
    let r = on_db(dir.path(), &db, &["bundle", "import", ZERO]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("not a diagasso bundle (invalid JSON at line 1, column 1)"),
        "{}",
        r.stderr
    );
    let r = run_in(
        dir.path(),
        &[
            OsStr::new("catalog"),
            OsStr::new("import"),
            OsStr::new(ZERO),
            OsStr::new("--yes"),
        ],
        &[("DIAGASSO_CATALOG", dir.path().join("c.toml").as_os_str())],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("cannot read (file too large: more than 32 MB"),
        "{}",
        r.stderr
    );
    assert!(!db.exists(), "no database made");
}

#[test]
fn an_endless_pipe_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("tuyau.toml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("NOTICE: mkfifo not available; endless pipe case skipped");
        return;
    }
    // A writer that never stops (until the reader goes away).
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&path) else {
            return;
        };
        let line = b"# encore une ligne de commentaire, sans fin\n".repeat(1000);
        while f.write_all(&line).is_ok() {}
    });
    let db = dir.path().join("base.db");
    let r = on_db(
        dir.path(),
        &db,
        &["new", "--answers", fifo.to_str().unwrap()],
    );
    assert_refused(
        &r,
        &format!(
            "{}: file too large: more than 32 MB; is it the right file?\n",
            fifo.display()
        ),
    );
    writer.join().unwrap();
}

#[test]
fn the_line_mode_reads_an_endless_line_in_bounded_memory_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    // Standard input from /dev/zero: one line that never ends. 64 MB of it, then the end.
    let mut child = Command::new(super::BIN)
        .args(["--lang", "en", "--plain", "--db"])
        .arg(&db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("DIAGASSO_DB")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..64 {
            if stdin.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = stdin.write_all(b"\nq\n");
    });
    let pid = child.id();
    // Its peak memory, read while it runs: far below the 64 MB line.
    let mut peak_kb = 0u64;
    loop {
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status"))
            && let Some(kb) = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if writer.is_finished() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Line refused: over 8 MB; nothing of it was saved."),
        "{stdout}"
    );
    assert!(peak_kb < 40 * 1024, "peak {peak_kb} kB");
}

#[test]
fn an_answers_file_of_100000_unknown_keys_is_answered_every_key_placed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let f = dir.path().join("cles.toml");
    let mut text = String::from("[association]\nname = \"Les Amis\"\n[answers]\n");
    for i in 0..100_000 {
        text.push_str(&format!("inconnue_{i} = 1\n"));
    }
    std::fs::write(&f, &text).unwrap();
    let r = on_db(dir.path(), &db, &["new", "--answers", f.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 100_001, "one line per key, then the count");
    let name = f.display().to_string();
    assert!(
        lines[0].starts_with(&format!("{name}:4:1: [answers]: no question 'inconnue_0'")),
        "{}",
        lines[0]
    );
    assert!(
        lines[99_999].starts_with(&format!(
            "{name}:100003:1: [answers]: no question 'inconnue_99999'"
        )),
        "{}",
        lines[99_999]
    );
    assert_eq!(
        lines[100_000],
        format!("{name}: 100,000\u{a0}problems, nothing was saved.")
    );
    assert!(!db.exists());
}

#[test]
fn a_template_larger_than_the_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let audit = super::demo_db(dir.path(), &db, 1);
    let templates = dir.path().join("modeles");
    std::fs::create_dir(&templates).unwrap();
    // 40 MB, sparse: nothing to write, a lot to read.
    let big = std::fs::File::create(templates.join("report.md.j2")).unwrap();
    big.set_len(40 << 20).unwrap();
    let out = dir.path().join("sortie");
    let r = on_db(
        dir.path(),
        &db,
        &[
            "export",
            &audit,
            "--format",
            "md",
            "--templates",
            templates.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_refused(
        &r,
        &format!(
            "cannot read {}: file too large: more than 32 MB; is it the right file?\n",
            templates.join("report.md.j2").display()
        ),
    );
}
