//! Hostile terminals: a 20×5 window (in tmux), which must say it is too small, survive being
//! resized, and quit cleanly; TERM=dumb, which must fall back to the line mode.

use std::time::Duration;

use super::tmux;
use super::{demo_db, on_db, snapshot};

#[test]
fn a_20x5_terminal_says_too_small_and_recovers() {
    if !tmux::available() {
        eprintln!("NOTICE: tmux is not installed; the 20×5 case is skipped.");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let id = demo_db(dir.path(), &db, 1);
    let shown = on_db(dir.path(), &db, &["show", &id, "--json"]).stdout;
    let pid_file = dir.path().join("pid");
    let command = format!("'{}' --db '{}'", tmux::binary().display(), db.display());
    let t = tmux::Tmux::start("petit", 20, 5, &pid_file, &command);
    let pid = tmux::read_pid(&pid_file).expect("it starts");
    let screen = t
        .wait_for("trop petit", Duration::from_secs(15))
        .unwrap_or_else(|| panic!("no « trop petit »:\n{}", t.screen()));
    assert!(tmux::alive(pid), "still running:\n{screen}");
    // Keys do nothing harmful while too small.
    t.keys(&["Enter", "x", "d", "Down", "Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(tmux::alive(pid));
    // Made big enough, the home screen comes back.
    t.resize(80, 24);
    t.wait_for("Jardins", Duration::from_secs(15))
        .unwrap_or_else(|| panic!("home after the resize:\n{}", t.screen()));
    t.resize(20, 5);
    t.wait_for("trop petit", Duration::from_secs(15))
        .unwrap_or_else(|| panic!("too small again:\n{}", t.screen()));
    t.keys(&["C-c"]);
    let start = std::time::Instant::now();
    while tmux::alive(pid) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!tmux::alive(pid), "Ctrl-C quits");
    let screen = t.screen();
    assert!(!screen.contains("panicked"), "{screen}");
    drop(t);
    assert_eq!(
        on_db(dir.path(), &db, &["show", &id, "--json"]).stdout,
        shown,
        "nothing changed"
    );
}

#[test]
fn term_dumb_falls_back_to_the_line_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    demo_db(dir.path(), &db, 1);
    let before = snapshot(dir.path());
    let mut cmd = std::process::Command::new(super::BIN);
    cmd.args(["--lang", "en", "--db"])
        .arg(&db)
        .env("TERM", "dumb")
        .env_remove("DIAGASSO_DB")
        .stdin(std::process::Stdio::null());
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.starts_with("diagasso, line mode."), "{stdout}");
    assert!(!stdout.contains('\x1b'), "no escape sequence: {stdout:?}");
    assert!(
        stdout.ends_with("Everything is saved. Goodbye.\n"),
        "{stdout}"
    );
    // Reading the menu changes no data (only SQLite's side files may differ).
    let after = snapshot(dir.path());
    assert_eq!(before.get(&db), after.get(&db));
}
